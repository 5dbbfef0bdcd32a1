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
role-registrar = регистратор
role-manager = руководитель
role-executor = исполнитель
role-compliance = комплаенс-офицер
role-admin = администратор
queues-title = Очереди
queue-empty = Здесь нет обращений.
filter-title = Фильтр
sort-term = по сроку
sort-received = по дате поступления
sort-number = по номеру
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
keymap-problems-intro = Эти привязки не применены:
press-any-key = Нажмите любую клавишу, чтобы продолжить.
saved = Сохранено: обращение { $number }.
card-title = Обращение
form-new-title = Новое обращение
form-edit-title = Изменение обращения
