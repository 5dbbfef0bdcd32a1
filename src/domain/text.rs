//! Text normalisation for matching applicants and searching: case, ё, punctuation.

/// Longest word kept in the search index; longer words are cut, and so are queries.
const WORD_MAX: usize = 40;

/// Folds a character for matching: lower case, and ё read as е as people type it.
fn fold(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase().map(|l| if l == 'ё' { 'е' } else { l })
}

/// The applicant's name as it is matched against earlier appeals: lower case, ё as е,
/// punctuation and quotes dropped, one space between words.
pub fn normalize_name(name: &str) -> String {
    words_in_order(name).join(" ")
}

fn words_in_order(text: &str) -> Vec<String> {
    let folded: String = text.chars().flat_map(fold).collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().take(WORD_MAX).collect())
        .collect()
}

/// The distinct words of a text worth indexing for search: two characters or more.
pub fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = words_in_order(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 2)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The words of a search query, in order, each matched as a prefix.
pub fn query_words(query: &str) -> Vec<String> {
    words_in_order(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_regardless_of_case_yo_and_punctuation() {
        assert_eq!(
            normalize_name("  Семёнов,  Пётр «ИП» "),
            normalize_name("семенов петр ип")
        );
        assert_eq!(normalize_name("ТОО \"Алматы-Строй\""), "тоо алматы строй");
    }

    #[test]
    fn words_are_distinct_and_skip_single_letters() {
        assert_eq!(
            words("О выдаче справки, о выдаче"),
            vec!["выдаче", "справки"]
        );
    }
}
