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
status-offline-short = ✗ offline
role-registrar = registrar
role-manager = manager
role-executor = executor
role-compliance = compliance
role-admin = administrator
# The same, abbreviated for a narrow status line.
role-short-registrar = reg.
role-short-manager = mgr.
role-short-executor = exec.
role-short-compliance = compl.
role-short-admin = adm.
queues-title = Queues
queue-empty = No appeals here.
filter-title = Filter
filter-keep = keep the filter
sort-term = by term
sort-term-desc = by term, latest first
sort-received = by received date
sort-received-desc = newest received first
sort-number = by number
sort-number-desc = by number, newest first
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
keymap-problems-intro = Fix these in the keymap file named (the other keys work as shown by ?):
how-to-quit = { $key } quits the program.
keymap-syntax = line { $line }: { $detail }
keymap-unknown-action = unknown action `{ $action }`
keymap-not-keys = { $action }: expected a key or a list of keys
keymap-not-text = { $action }: keys are written in quotes
keymap-not-a-key = { $action }: `{ $key }` is not a key
keymap-key-count = { $action }: `{ $binding }`: a binding is one key or two in turn
keymap-bound-twice = { $keys } is bound to both { $first } and { $second }
keymap-unreadable = cannot read the file: { $detail }
press-any-key = Press any key to go on.
saved = Saved: appeal { $number }.
card-title = Appeal
form-new-title = New appeal
form-edit-title = Edit appeal

## The registration form

form-required = * required
form-problems =
    { $count ->
        [one] { $count } problem: fix the marked field and save again.
       *[other] { $count } problems: fix the marked fields and save again.
    }
form-hint-date = dd.mm.yyyy or yyyy-mm-dd · { $today }: today · { $yesterday }: yesterday
form-hint-choice = digit or marked letter: choose · Space: list · Backspace: clear
form-hint-summary = Enter: new line · Tab, or ↑↓ at the edge of the text: other fields
form-hint-applicant = Earlier appeals of the applicant are offered as the name is typed.
form-hint-link = { $key }: link an earlier appeal from the list below
form-hint-text = Tab, Enter: next field · { $save }: save
form-earlier-title =
    { $count ->
        [0] Earlier appeals
       *[other] Earlier appeals: { $count }
    }
form-earlier-keys = { $key }: link · ✓ linked · = same applicant, linked by itself
form-earlier-empty = Earlier appeals of the applicant appear here as the name or IIN/BIN is typed.
form-earlier-nothing = No earlier appeals of this applicant.
form-earlier-none = No earlier appeals of this applicant to link.
form-linked = Linked to { $number }.
form-unlinked = No longer linked to { $number }.
form-linked-before = { $number } was linked before; an edit keeps its links.
form-link-missing = Appeal { $number } cannot be linked: it is gone or not yours to see.
form-pick-keys = ↑↓ Enter: choose · Esc: back
form-discard-title = Discard the changes?
form-discard-text = What was typed on this form will be lost.
form-discard-keys = y: discard · n, Esc: go on editing
draft-offer-title = Unfinished form
draft-offer-new = Continue the unfinished registration?
draft-offer-edit = Continue editing appeal { $number }?
draft-offer-what = Applicant: { $applicant } · saved { $saved }
draft-offer-keys = Enter: continue · Del: discard · Esc: later

## Problems of the form

problem-required = required
problem-required-with = required when the { $other } is given
problem-email-for-reply = required: the reply is to go by e-mail
problem-bad-date = «{ $text }» is not a date: type dd.mm.yyyy or yyyy-mm-dd
problem-no-such-date = { $text } is not a date that exists
problem-in-future = { $date } is in the future (today is { $today })
problem-before = { $date } is before the { $other } { $other_date }
problem-after = { $date } is after the { $other } { $other_date }
problem-unknown-value = «{ $text }» is not one of: { $allowed }
problem-channel-method = the channel { $channel } takes { $fitting } appeals, not { $method }
problem-bad-email = «{ $text }» is not an e-mail address: name@domain.kz, no spaces
problem-bad-phone = «{ $text }» is not a phone number: 5 to 20 digits with spaces, +, - and brackets
problem-bad-iin-bin = «{ $text }» is not an IIN/BIN: exactly 12 digits
problem-too-long = too long: { $actual } characters, at most { $limit }
problem-line-break = a line break or tab at character { $position }: this field is one line
problem-control-character = a control character ({ $code }) at character { $position }: remove it

## The appeal card

field-sender-ref = Sender's reference
card-registered = Registered
term-basis-rule = by the rule
term-basis-extended = extended
card-statutory-term = Statutory term (APPC art. 76)
flag-late-internal = late by the internal term, still within the statutory one
flag-late-statutory = past the statutory term
flag-replied-late =
    { $days ->
        [one] replied { $days } day late
       *[other] replied { $days } days late
    }
flag-late-notice = the applicant was told of extension { $index } too late
flag-reply-method = the reply method is to be agreed with the applicant
card-resolution = Resolution
card-no-resolution = not issued yet
card-resolved-by = Issued by
card-instruction = Instruction
card-lead = Lead executor
card-co-executor = Co-executor
card-contributed = contribution in
verdict-approved = approved
verdict-commented = commented
decision-positive = positive
decision-negative = negative
card-reply = Reply
card-decision = Decision
card-justification = Justification
card-signed-by = Signed by
card-dispatched = Sent
card-earlier = Earlier appeals of the applicant
card-later = Later appeals of the applicant
card-later-more = { $count ->
    [one] and one more
   *[other] and { $count } more
}
card-term-explained = How the term was computed
card-statutory-explained = How the statutory term was computed
card-history = History
explain-rule = { $days } { $count ->
        [working] working
       *[calendar] calendar
    } { $days ->
        [one] day
       *[other] days
    } from the day after { $from } ({ $start ->
        [registered] registration date
       *[received] received date
    })
explain-set = Term set: { $term }, { $basis }
explain-extended = Extended on { $on } by { $by }: { $from } → { $to }
explain-extension-reasons = {"    "}reasons: { $reasons }
explain-extension-told = {"    "}applicant told on { $told }
explain-other = Term on record: { $term }
explain-by-rule = By the rule alone the term would be { $term }:
explain-counted = { $date }: day { $number }
explain-skipped = { $date }: skipped, { $reason }
explain-passed = { $date }: passed over, { $reason }
explain-moved = term moved to { $term }: { $last } is not a working day ({ $reason })
explain-term = Term: { $term }
explain-weekend = weekend
explain-no-calendar = no calendar loaded for { $year }: only weekends were taken as days off
explain-provisional = the calendar for { $year } is provisional ({ $source })
# What an action did, on the card's timeline (domain::fact).
fact-registered = Number { $number }, received { $received }
fact-nothing-corrected = No field changed
fact-corrected = Corrected: { $fields }
fact-terms = Term { $term } ({ $how ->
        [set] set
       *[rule] by the rule
    }), statutory term { $statutory }
fact-lead-mark = lead
fact-executors = Executors: { $executors }
fact-former-executors = Before: { $executors }
fact-instruction = Instruction: { $text }
fact-term-set = Term set: { $term }
fact-draft-back-to-work = The draft on approval went back to work for a new consolidation
fact-lead-changed = Lead executor: { $from } → { $to }
fact-term-extended = Term { $from } → { $to }; applicant told on { $told }
fact-reply-method = Reply method: { $method }
fact-draft-for-approval = Draft reply ({ $decision }) sent for approval to { $to }:
fact-draft-for-signature = Reply ({ $decision }):
fact-sent-back = Back to the lead executor { $lead }
fact-dispatched = Sent { $date } ({ $channel }), outgoing number { $number }
fact-returned-from = Returned from "{ $status }"
fact-signature-withdrawn = Signature of { $by } withdrawn
fact-dispatch-withdrawn = Dispatch withdrawn (sent { $date }, { $channel }, outgoing number { $number }, recorded by { $by })
fact-linked = Linked to { $numbers }
action-register = Registered
action-edit = Registration edited
action-resolve = Resolution issued
action-reassign = Reassigned
action-dismiss = Left without consideration
action-redirect = Redirected
action-request-info = Information requested
action-info-received = Information received
action-extend = Term extended
action-agree-reply-method = Reply method agreed
action-contribute = Contribution submitted
action-consolidate = Consolidated, sent for approval
action-approve = Approved
action-comment = Commented
action-to-signature = Sent for signature
action-sign = Signed
action-send-back = Sent back from signature
action-dispatch = Reply sent
action-accept = Accepted by compliance
action-return = Returned for rework
action-resume = Rework resumed
registrars-only = Only registrars register appeals.
