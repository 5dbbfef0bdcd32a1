# English messages of the full-screen interface.
# Every id here must also be in ru.ftl; a unit test in src/i18n.rs compares the two.
# Words follow the glossary of DESIGN.md, so the screen and the code name things alike.

## Counts and terms

appeals-count =
    { $count ->
        [one] { $count } appeal
       *[other] { $count } appeals
    }
days-overdue =
    { $days ->
        [one] { $days } day overdue
       *[other] { $days } days overdue
    }
working-days-left =
    { $days ->
        [one] { $days } working day left
       *[other] { $days } working days left
    }
due-today = due today

## Queues

queue-incoming = Incoming
queue-mine = Assigned to me
queue-overdue = Overdue
queue-returned = Returned
queue-coexec = Co-executing
queue-signature = On signature
queue-all = All

## Status and connection

empty-registry = The registry is empty. Press n to register the first appeal, or run `appeals demo` to fill it with demonstration appeals.
connection-lost = Connection to the server lost: changes cannot be saved until it is back.
connection-ok = Connected to the server.
# $today is already formatted as dd.mm.yyyy by the caller.
status-line = { $user } ({ $roles }) · { $today } · overdue: { $overdue }

## Registration form

field-appeal-date = Appeal date
field-sender-number = Sender's number
field-sender-date = Sender's date
field-received-date = Received date
field-applicant = Applicant
field-affiliation = Affiliation
field-method = Method
field-channel = Channel
field-form = Form
field-summary = Summary
field-postal-address = Postal address
field-email = E-mail
field-phone = Phone
field-iin-bin = IIN/BIN
field-reply-method = Reply method
field-term = Term
field-term-basis = Term basis

## The screen

status-overdue = overdue: { $count }
status-due-today = due today: { $count }
status-online = ● connected
status-offline = ✗ offline, reconnecting
role-registrar = registrar
role-manager = manager
role-executor = executor
role-compliance = compliance
role-admin = administrator
queues-title = Queues
queue-empty = No appeals here.
filter-title = Filter
sort-term = by term
sort-received = by received date
sort-number = by number
column-number = Number
column-received = Received
column-applicant = Applicant
column-form = Form
column-method = Method
column-status = Status
column-lead = Executor
column-term = Term
column-left = Days
welcome-title = Welcome
help-title = Keys
keymap-problems-title = Keymap problems
keymap-problems-intro = These bindings were not applied:
press-any-key = Press any key to go on.
saved = Saved: appeal { $number }.
card-title = Appeal
form-new-title = New appeal
form-edit-title = Edit appeal
