# Русские сообщения полноэкранного интерфейса.
# Every id here must also be in en.ftl; a unit test in src/i18n.rs compares the two.
# Russian integers fall into one (1, 21, 101), few (2-4, 22-24) or many (0, 5-20, 11-14, 25);
# many is the default variant because Arg numbers are integers and never reach "other".

## Counts and terms

appeals-count =
    { $count ->
        [one] { $count } обращение
        [few] { $count } обращения
       *[many] { $count } обращений
    }
days-overdue =
    { $days ->
        [one] просрочено на { $days } день
        [few] просрочено на { $days } дня
       *[many] просрочено на { $days } дней
    }
working-days-left =
    { $days ->
        [one] остался { $days } рабочий день
        [few] осталось { $days } рабочих дня
       *[many] осталось { $days } рабочих дней
    }
due-today = срок истекает сегодня

## Queues

queue-incoming = Входящие
queue-mine = Мне на исполнение
queue-overdue = Просроченные
queue-returned = Возвращённые
queue-coexec = Соисполнение
queue-signature = На подписи
queue-all = Все

## Status and connection

empty-registry = Реестр пуст. Нажмите n, чтобы зарегистрировать первое обращение, или выполните `appeals demo`, чтобы заполнить реестр демонстрационными обращениями.
connection-lost = Связь с сервером потеряна: изменения не сохранятся, пока она не восстановится.
connection-ok = Связь с сервером установлена.
# $today is already formatted as dd.mm.yyyy by the caller.
status-line = { $user } ({ $roles }) · { $today } · просрочено: { $overdue }

## Registration form

field-appeal-date = Дата обращения
field-sender-number = Регистрационные данные в обращении: номер
field-sender-date = Регистрационные данные в обращении: дата
field-received-date = Дата поступления
field-applicant = Наименование лица
field-affiliation = Принадлежность лица
field-method = Способ обращения
field-channel = Канал поступления
field-form = Форма обращения
field-summary = Краткое содержание
field-postal-address = Почтовый адрес
field-email = Электронная почта
field-phone = Телефон
field-iin-bin = ИИН/БИН
field-reply-method = Способ ответа
field-term = Срок рассмотрения
field-term-basis = Основание срока

## The screen

status-overdue = просрочено: { $count }
status-due-today = срок сегодня: { $count }
status-online = ● на связи
status-offline = ✗ нет связи, переподключение
status-offline-short = ✗ нет связи
role-registrar = регистратор
role-manager = руководитель
role-executor = исполнитель
role-compliance = комплаенс-офицер
role-admin = администратор
# То же сокращённо, для узкой строки состояния.
role-short-registrar = рег.
role-short-manager = рук.
role-short-executor = исп.
role-short-compliance = компл.
role-short-admin = адм.
queues-title = Очереди
queue-empty = Здесь нет обращений.
filter-title = Фильтр
filter-keep = оставить фильтр
sort-term = по сроку
sort-term-desc = по сроку, поздние сначала
sort-received = по дате поступления
sort-received-desc = новые поступления сначала
sort-number = по номеру
sort-number-desc = по номеру, новые сначала
column-number = Номер
column-received = Поступило
column-applicant = Заявитель
column-form = Форма
column-method = Способ
column-status = Статус
column-lead = Исполнитель
column-term = Срок
column-left = Дни
welcome-title = Добро пожаловать
help-title = Клавиши
keymap-problems-title = Ошибки в раскладке клавиш
keymap-problems-intro = Исправьте в указанном файле (остальные клавиши работают, см. ?):
how-to-quit = Выход из программы: { $key }.
keymap-syntax = строка { $line }: { $detail }
keymap-unknown-action = неизвестное действие `{ $action }`
keymap-not-keys = { $action }: нужна клавиша или список клавиш
keymap-not-text = { $action }: клавиши пишутся в кавычках
keymap-not-a-key = { $action }: `{ $key }` — не клавиша
keymap-key-count = { $action }: `{ $binding }` — сочетание из одной или двух клавиш подряд
keymap-bound-twice = { $keys } назначена и на { $first }, и на { $second }
keymap-unreadable = файл не читается: { $detail }
press-any-key = Нажмите любую клавишу, чтобы продолжить.
saved = Сохранено: обращение { $number }.
card-title = Обращение
form-new-title = Новое обращение
form-edit-title = Изменение обращения

## The registration form

form-required = * обязательное поле
form-problems =
    { $count ->
        [one] { $count } ошибка: исправьте отмеченное поле и сохраните снова.
        [few] { $count } ошибки: исправьте отмеченные поля и сохраните снова.
       *[other] { $count } ошибок: исправьте отмеченные поля и сохраните снова.
    }
form-hint-date = дд.мм.гггг или гггг-мм-дд · { $today }: сегодня · { $yesterday }: вчера
form-hint-choice = цифра или отмеченная буква: выбор · Пробел: список · Backspace: очистить
form-hint-summary = Enter: новая строка · Tab или ↑↓ на краю текста: другие поля
form-hint-applicant = Предыдущие обращения заявителя предлагаются по мере ввода имени.
form-hint-link = { $key }: связать с предыдущим обращением из списка ниже
form-hint-text = Tab, Enter: следующее поле · { $save }: сохранить
form-earlier-title =
    { $count ->
        [0] Предыдущие обращения
       *[other] Предыдущие обращения: { $count }
    }
form-earlier-keys = { $key }: связать · ✓ связано · = тот же заявитель, свяжется сам
form-earlier-empty = Здесь появятся предыдущие обращения заявителя по мере ввода имени или ИИН/БИН.
form-earlier-nothing = Предыдущих обращений этого заявителя нет.
form-earlier-none = Нет предыдущих обращений этого заявителя.
form-linked = Связано с обращением { $number }.
form-unlinked = Связь с обращением { $number } снята.
form-linked-before = Обращение { $number } связано раньше; изменение сохраняет связи.
form-link-missing = Нельзя связать с обращением { $number }: его нет или оно вам не видно.
form-pick-keys = ↑↓ Enter: выбор · Esc: назад
form-discard-title = Отменить изменения?
form-discard-text = Введённое в форму будет потеряно.
form-discard-keys = д: отменить · н, Esc: продолжить ввод
draft-offer-title = Незавершённая форма
draft-offer-new = Продолжить незавершённую регистрацию?
draft-offer-edit = Продолжить изменение обращения { $number }?
draft-offer-what = Заявитель: { $applicant } · сохранено { $saved }
draft-offer-keys = Enter: продолжить · Del: удалить · Esc: позже

## Problems of the form

problem-required = обязательное поле
problem-required-with = обязательно, если заполнено поле «{ $other }»
problem-email-for-reply = обязательно: ответ направляется электронной почтой
problem-bad-date = «{ $text }» — не дата: введите дд.мм.гггг или гггг-мм-дд
problem-no-such-date = даты { $text } не существует
problem-in-future = { $date } — дата в будущем (сегодня { $today })
problem-before = { $date } раньше, чем «{ $other }» ({ $other_date })
problem-after = { $date } позже, чем «{ $other }» ({ $other_date })
problem-unknown-value = «{ $text }» — нет такого значения; допустимы: { $allowed }
problem-channel-method = канал «{ $channel }» не подходит к способу «{ $method }»; подходит: { $fitting }
problem-bad-email = «{ $text }» — не адрес электронной почты: имя@домен.kz, без пробелов
problem-bad-phone = «{ $text }» — не номер телефона: от 5 до 20 цифр с пробелами, +, - и скобками
problem-bad-iin-bin = «{ $text }» — не ИИН/БИН: ровно 12 цифр
problem-too-long = слишком длинно: { $actual } симв., не больше { $limit }
problem-line-break = перевод строки или табуляция в позиции { $position }: это поле в одну строку
problem-control-character = управляющий символ ({ $code }) в позиции { $position }: удалите его

## The appeal card

field-sender-ref = Регистрационные данные в обращении
card-registered = Зарегистрировано
term-basis-rule = по правилу
term-basis-extended = продлён
card-statutory-term = Срок по АППК (ст. 76)
flag-late-internal = просрочено по внутреннему сроку, но в пределах срока по закону
flag-late-statutory = нарушен срок по закону
flag-replied-late =
    { $days ->
        [one] ответ направлен с опозданием на { $days } день
        [few] ответ направлен с опозданием на { $days } дня
       *[many] ответ направлен с опозданием на { $days } дней
    }
flag-late-notice = заявитель уведомлён о продлении { $index } с опозданием
flag-reply-method = способ ответа нужно согласовать с заявителем
card-resolution = Резолюция
card-no-resolution = ещё не вынесена
card-resolved-by = Вынес
card-instruction = Поручение
card-lead = Ответственный исполнитель
card-co-executor = Соисполнитель
card-contributed = информация представлена
verdict-approved = согласовано
verdict-commented = есть замечания
decision-positive = положительное
decision-negative = отрицательное
card-reply = Ответ
card-decision = Решение
card-justification = Обоснование
card-signed-by = Подписал
card-dispatched = Направлен
card-earlier = Предыдущие обращения заявителя
card-later = Последующие обращения заявителя
card-later-more = { $count ->
    [one] и ещё { $count } обращение
    [few] и ещё { $count } обращения
   *[other] и ещё { $count } обращений
}
card-term-explained = Как рассчитан срок
card-statutory-explained = Как рассчитан срок по закону
card-history = История
explain-rule = { $count ->
        [working] { $days ->
            [one] { $days } рабочий день
            [few] { $days } рабочих дня
           *[many] { $days } рабочих дней
        }
       *[calendar] { $days ->
            [one] { $days } календарный день
            [few] { $days } календарных дня
           *[many] { $days } календарных дней
        }
    } со дня, следующего за { $from } ({ $start ->
        [registered] дата регистрации
       *[received] дата поступления
    })
explain-set = Срок установлен: { $term }, { $basis }
explain-extended = Продлён { $on } ({ $by }): { $from } → { $to }
explain-extension-reasons = {"    "}причины: { $reasons }
explain-extension-told = {"    "}заявитель уведомлён { $told }
explain-other = Срок по данным обращения: { $term }
explain-by-rule = По общему правилу срок был бы { $term }:
explain-counted = { $date }: день { $number }
explain-skipped = { $date }: пропущен, { $reason }
explain-passed = { $date }: не может быть сроком, { $reason }
explain-moved = срок перенесён на { $term }: { $last } нерабочий день ({ $reason })
explain-term = Срок: { $term }
explain-weekend = выходной
explain-no-calendar = календарь на { $year } год не загружен: нерабочими считались только выходные
explain-provisional = календарь на { $year } год предварительный ({ $source })
# Что сделало действие, в истории карточки (domain::fact).
fact-registered = Рег. номер { $number }, дата поступления { $received }
fact-nothing-corrected = Поля не изменены
fact-corrected = Исправлено: { $fields }
fact-terms = Срок { $term } ({ $how ->
        [set] установлен
       *[rule] по правилу
    }), срок по АППК { $statutory }
fact-lead-mark = отв.
fact-executors = Исполнители: { $executors }
fact-former-executors = Прежде: { $executors }
fact-instruction = Поручение: { $text }
fact-term-set = Срок установлен: { $term }
fact-draft-back-to-work = Проект с согласования возвращён в работу для нового свода
fact-lead-changed = Ответственный исполнитель: { $from } → { $to }
fact-term-extended = Срок { $from } → { $to }; заявитель уведомлён { $told }
fact-reply-method = Способ ответа: { $method }
fact-draft-for-approval = Проект ответа ({ $decision }) направлен на согласование ({ $to }):
fact-draft-for-signature = Ответ ({ $decision }):
fact-sent-back = Возвращено ответственному исполнителю { $lead }
fact-dispatched = Направлен { $date }, { $channel }, исх. № { $number }
fact-returned-from = Возвращено из статуса «{ $status }»
fact-signature-withdrawn = Подпись { $by } отозвана
fact-dispatch-withdrawn = Отправка отменена (направлен { $date }, { $channel }, исх. № { $number }, внёс { $by })
fact-linked = Связано с { $numbers }
action-register = Зарегистрировано
action-edit = Изменены регистрационные данные
action-resolve = Вынесена резолюция
action-reassign = Переназначено
action-dismiss = Оставлено без рассмотрения
action-redirect = Перенаправлено
action-request-info = Запрошена информация
action-info-received = Получена информация
action-extend = Продлён срок
action-agree-reply-method = Согласован способ ответа
action-contribute = Представлена информация соисполнителя
action-consolidate = Свод, направлено на согласование
action-approve = Согласовано
action-comment = Замечания
action-to-signature = Направлено на подпись
action-sign = Подписано
action-send-back = Возвращено с подписи
action-dispatch = Ответ направлен
action-accept = Принято комплаенс-службой
action-return = Возвращено на доработку
action-resume = Доработка начата
registrars-only = Регистрировать обращения может только регистратор.
