//! The message catalogue of the full-screen interface, in English and Russian.
//!
//! Messages live in Fluent files (`i18n/en.ftl`, `i18n/ru.ftl`) compiled into the binary, so
//! an installed program can never miss its translations. Fluent chooses the Russian plural form
//! from the number (1 обращение, 2 обращения, 5 обращений), which hand-written `if`s get wrong
//! for 11-14 and 111.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::{LanguageIdentifier, langid};

const EN_FTL: &str = include_str!("../i18n/en.ftl");
const RU_FTL: &str = include_str!("../i18n/ru.ftl");

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ru,
}

impl Lang {
    /// The language of the user's locale: the first set of `LC_ALL`, `LC_MESSAGES` and `LANG`,
    /// as the C library chooses the language of messages.
    pub fn from_env() -> Lang {
        let var = |name| std::env::var(name).ok();
        Lang::from_locale_vars(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }

    /// The choice of [`Lang::from_env`] from the values of `LC_ALL`, `LC_MESSAGES` and `LANG`.
    ///
    /// An empty variable counts as unset, as POSIX says. Any `ru*` locale (`ru_RU.UTF-8`,
    /// `ru_KZ.UTF-8`) gives Russian; everything else, `C` and `kk_KZ` included, gives English.
    pub fn from_locale_vars(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let locale = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|value| !value.is_empty());

        match locale {
            Some(value) if value.to_lowercase().starts_with("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }

    /// A language as written in the configuration or on the command line: a code (`ru`, `rus`),
    /// a name in either language (`russian`, `русский`) or a locale (`ru_KZ.UTF-8`), in any case.
    pub fn parse(text: &str) -> Option<Lang> {
        let lowered = text.trim().to_lowercase();
        // A locale such as `en_GB.UTF-8` or a tag such as `ru-KZ` names its language first.
        let name = lowered
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();

        match name {
            "en" | "eng" | "english" | "английский" => Some(Lang::En),
            "ru" | "rus" | "russian" | "русский" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// The two-letter ISO 639-1 code: `en` or `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    fn ftl(self) -> &'static str {
        match self {
            Lang::En => EN_FTL,
            Lang::Ru => RU_FTL,
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en"),
            Lang::Ru => langid!("ru"),
        }
    }
}

/// A value put into a message: numbers choose plural forms, strings are inserted as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg<'a> {
    Num(i64),
    Str(&'a str),
}

impl From<i64> for Arg<'_> {
    fn from(value: i64) -> Self {
        Arg::Num(value)
    }
}

impl From<u32> for Arg<'_> {
    fn from(value: u32) -> Self {
        Arg::Num(i64::from(value))
    }
}

impl From<usize> for Arg<'_> {
    fn from(value: usize) -> Self {
        // No count on screen comes near i64::MAX; saturating keeps the conversion total.
        Arg::Num(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Str(value)
    }
}

/// Why an embedded message file was refused: always a bug in the file, found by the tests.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("i18n/{lang}.ftl does not parse: {errors}")]
    Syntax { lang: &'static str, errors: String },
    #[error("i18n/{lang}.ftl defines a message twice: {errors}")]
    Duplicate { lang: &'static str, errors: String },
}

/// The messages of one language, built once when the interface starts.
///
/// The bundle is the thread-safe kind so that a catalogue can be shared between the drawing
/// thread and the one that listens for change notifications.
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

impl Catalog {
    /// The catalogue of `lang`.
    pub fn new(lang: Lang) -> Catalog {
        Catalog::try_new(lang)
            .expect("the embedded message files parse: the test both_catalogues_parse checks it")
    }

    /// The catalogue of `lang`, or why its embedded file is broken.
    pub fn try_new(lang: Lang) -> Result<Catalog, CatalogError> {
        let resource = FluentResource::try_new(lang.ftl().to_owned()).map_err(|(_, errors)| {
            CatalogError::Syntax {
                lang: lang.code(),
                errors: join(&errors),
            }
        })?;

        let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
        // Fluent wraps every inserted value in Unicode isolation marks (U+2068, U+2069), which
        // terminals draw as junk; the interface shows left-to-right text only.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errors| CatalogError::Duplicate {
                lang: lang.code(),
                errors: join(&errors),
            })?;

        Ok(Catalog { lang, bundle })
    }

    /// The language of the catalogue.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id`, which takes no arguments.
    pub fn text(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with its arguments, e.g. `text_with("appeals-count", &[("count",
    /// Arg::Num(5))])`.
    pub fn text_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for &(name, value) in args {
            let value = match value {
                Arg::Num(number) => FluentValue::from(number),
                Arg::Str(text) => FluentValue::from(text),
            };
            fluent_args.set(name, value);
        }

        self.format(id, Some(&fluent_args))
    }

    /// A missing message shows as `[id]` rather than failing: a screen with one odd label is
    /// still usable, and the log says which message to add.
    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self
            .bundle
            .get_message(id)
            .and_then(|message| message.value())
        else {
            tracing::warn!(
                id,
                lang = self.lang.code(),
                "message missing from the catalogue"
            );
            return format!("[{id}]");
        };

        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        if !errors.is_empty() {
            // Fluent still returns a text, with `{$name}` where an argument was missing.
            tracing::warn!(
                id,
                lang = self.lang.code(),
                ?errors,
                "message formatted with errors"
            );
        }
        text
    }
}

/// Fluent's errors about one file, on one line for the error message.
fn join<E: std::fmt::Display>(errors: &[E]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_syntax::ast::Entry;

    use super::*;

    fn count(catalog: &Catalog, id: &str, name: &str, n: i64) -> String {
        catalog.text_with(id, &[(name, Arg::Num(n))])
    }

    fn message_ids(source: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("message file does not parse: {errors:?}"));
        resource
            .entries()
            .filter_map(|entry| match entry {
                Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_catalogues_parse() {
        for lang in [Lang::En, Lang::Ru] {
            let catalog = Catalog::try_new(lang);
            assert!(catalog.is_ok(), "{}: {catalog:?}", lang.code());
        }
    }

    #[test]
    fn both_files_define_the_same_message_ids() {
        let en = message_ids(EN_FTL);
        let ru = message_ids(RU_FTL);

        let only_en: Vec<_> = en.difference(&ru).collect();
        let only_ru: Vec<_> = ru.difference(&en).collect();
        assert!(only_en.is_empty(), "missing from ru.ftl: {only_en:?}");
        assert!(only_ru.is_empty(), "missing from en.ftl: {only_ru:?}");
        assert!(en.contains("appeals-count") && en.contains("field-term-basis"));
    }

    #[test]
    fn russian_appeal_counts_take_the_right_plural_form() {
        let ru = Catalog::new(Lang::Ru);
        let expected = [
            (1, "1 обращение"),
            (2, "2 обращения"),
            (4, "4 обращения"),
            (5, "5 обращений"),
            (11, "11 обращений"),
            (12, "12 обращений"),
            (21, "21 обращение"),
            (22, "22 обращения"),
            (25, "25 обращений"),
            (101, "101 обращение"),
            (111, "111 обращений"),
        ];
        for (n, text) in expected {
            assert_eq!(count(&ru, "appeals-count", "count", n), text);
        }
    }

    #[test]
    fn russian_days_overdue_take_the_right_plural_form() {
        let ru = Catalog::new(Lang::Ru);
        let expected = [
            (1, "просрочено на 1 день"),
            (2, "просрочено на 2 дня"),
            (4, "просрочено на 4 дня"),
            (5, "просрочено на 5 дней"),
            (11, "просрочено на 11 дней"),
            (12, "просрочено на 12 дней"),
            (21, "просрочено на 21 день"),
            (22, "просрочено на 22 дня"),
            (25, "просрочено на 25 дней"),
            (101, "просрочено на 101 день"),
            (111, "просрочено на 111 дней"),
        ];
        for (n, text) in expected {
            assert_eq!(count(&ru, "days-overdue", "days", n), text);
        }
    }

    #[test]
    fn russian_working_days_left_agree_the_verb_with_the_number() {
        let ru = Catalog::new(Lang::Ru);
        assert_eq!(
            count(&ru, "working-days-left", "days", 1),
            "остался 1 рабочий день"
        );
        assert_eq!(
            count(&ru, "working-days-left", "days", 2),
            "осталось 2 рабочих дня"
        );
        assert_eq!(
            count(&ru, "working-days-left", "days", 5),
            "осталось 5 рабочих дней"
        );
        assert_eq!(
            count(&ru, "working-days-left", "days", 21),
            "остался 21 рабочий день"
        );
    }

    #[test]
    fn english_counts_are_singular_for_one_only() {
        let en = Catalog::new(Lang::En);
        assert_eq!(count(&en, "appeals-count", "count", 1), "1 appeal");
        assert_eq!(count(&en, "appeals-count", "count", 2), "2 appeals");
        assert_eq!(count(&en, "appeals-count", "count", 0), "0 appeals");
        assert_eq!(count(&en, "appeals-count", "count", 21), "21 appeals");
        assert_eq!(count(&en, "days-overdue", "days", 1), "1 day overdue");
        assert_eq!(count(&en, "days-overdue", "days", 3), "3 days overdue");
        assert_eq!(
            count(&en, "working-days-left", "days", 1),
            "1 working day left"
        );
    }

    #[test]
    fn a_missing_message_shows_its_id_in_brackets() {
        let ru = Catalog::new(Lang::Ru);
        assert_eq!(ru.text("no-such-message"), "[no-such-message]");
        assert_eq!(
            ru.text_with("no-such-message", &[("count", Arg::Num(1))]),
            "[no-such-message]"
        );
    }

    #[test]
    fn a_missing_argument_does_not_panic() {
        let en = Catalog::new(Lang::En);
        let text = en.text("appeals-count");
        assert!(text.contains("appeal"), "{text}");
    }

    #[test]
    fn inserted_values_carry_no_isolation_marks() {
        let isolation_marks = ['\u{2068}', '\u{2069}'];
        for lang in [Lang::En, Lang::Ru] {
            let catalog = Catalog::new(lang);
            let line = catalog.text_with(
                "status-line",
                &[
                    ("user", Arg::Str("ivanov")),
                    ("roles", Arg::Str("registrar")),
                    ("overdue", Arg::Num(3)),
                    ("today", Arg::Str("05.03.2026")),
                ],
            );
            assert!(!line.contains(isolation_marks), "{line:?}");
            assert!(
                line.contains("ivanov (registrar)") && line.contains("05.03.2026"),
                "{line}"
            );
            assert!(line.contains('3'), "{line}");
        }
    }

    #[test]
    fn a_catalogue_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Catalog>();
    }

    #[test]
    fn plain_messages_read_in_each_language() {
        assert_eq!(
            Catalog::new(Lang::Ru).text("queue-returned"),
            "Возвращённые"
        );
        assert_eq!(
            Catalog::new(Lang::Ru).text("field-appeal-date"),
            "Дата обращения"
        );
        assert_eq!(Catalog::new(Lang::En).text("queue-mine"), "Assigned to me");
        assert!(
            Catalog::new(Lang::Ru)
                .text("empty-registry")
                .contains("appeals demo")
        );
    }

    #[test]
    fn locale_variables_are_read_in_posix_order() {
        let ru = Some("ru_KZ.UTF-8");
        let en = Some("en_US.UTF-8");
        assert_eq!(Lang::from_locale_vars(ru, en, en), Lang::Ru);
        assert_eq!(Lang::from_locale_vars(None, ru, en), Lang::Ru);
        assert_eq!(Lang::from_locale_vars(None, None, ru), Lang::Ru);
        assert_eq!(Lang::from_locale_vars(en, ru, ru), Lang::En);
        assert_eq!(Lang::from_locale_vars(Some(""), Some(" "), ru), Lang::Ru);
    }

    #[test]
    fn locales_other_than_russian_give_english() {
        assert_eq!(Lang::from_locale_vars(None, None, None), Lang::En);
        assert_eq!(
            Lang::from_locale_vars(Some("C"), None, Some("ru_RU.UTF-8")),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_vars(None, None, Some("kk_KZ.UTF-8")),
            Lang::En
        );
        assert_eq!(Lang::from_locale_vars(None, None, Some("RU_ru")), Lang::Ru);
    }

    #[test]
    fn languages_parse_from_codes_names_and_locales() {
        for text in [
            "ru",
            "RU",
            " rus ",
            "russian",
            "Русский",
            "ru_KZ.UTF-8",
            "ru-KZ",
        ] {
            assert_eq!(Lang::parse(text), Some(Lang::Ru), "{text}");
        }
        for text in ["en", "eng", "English", "английский", "en_GB.UTF-8"] {
            assert_eq!(Lang::parse(text), Some(Lang::En), "{text}");
        }
        for text in ["", "kk", "rusk", "deutsch"] {
            assert_eq!(Lang::parse(text), None, "{text}");
        }
        assert_eq!(Lang::Ru.code(), "ru");
        assert_eq!(Lang::parse(Lang::En.code()), Some(Lang::En));
    }
}
