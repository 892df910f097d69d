# Calls for inputs: the written consultations of the mandates of resolution 56/2.
nav-consultations = Consultations
api-tag-consultations = Calls for inputs
consultations-title = Calls for inputs
consultations-intro = The written consultations of the mandates of resolution 56/2: the secretariat asks States and other stakeholders questions, and their submissions feed the mandate's report. A submission sent after the deadline is received and marked late, not refused.
consultations-new = Open a call for inputs
consultations-empty = No call for inputs has been opened yet.
consultation-mandate = Mandate
consultation-opens = Opens
consultation-deadline = Deadline
consultation-status = Status
consultation-status-upcoming = Not open yet
consultation-status-open = Open
consultation-status-closed = Deadline passed
consultation-received-count = { $count ->
    [0] No submission received yet
    [one] One submission received
   *[other] { $count } submissions received
}
consultation-counts = { $received ->
    [0] No submission received yet.
    [one] One submission received
   *[other] { $received } submissions received
}{ $received ->
    [0] {""}
   *[other] : { $late } after the deadline, { $published } with consent to publish (the others are counted, not shown).
}
consultation-unknown = There is no call for inputs { $id }.
consultation-new-title = Open a call for inputs
consultation-form-intro = A call asks its questions of States and other stakeholders for a mandate's report. Submissions are taken from the day it opens; those sent after the deadline are received and marked late.
consultation-form-errors = The form has problems; nothing was saved:
consultation-title-field = Title
consultation-questions = Questions
consultation-questions-hint = One question per line; they are numbered in this order.
consultation-question-number = Question { $number }
consultation-opens-field = Opens on
consultation-deadline-field = Deadline (the last day, inclusive, UTC)
consultation-addressee = Addressee of the mandate
consultation-paragraph = Operative paragraph
consultation-symbol = Resolution symbol
consultation-create = Open the call
consultation-submitter-type = You submit as
consultation-choose = Choose…
consultation-submitter-state = State
consultation-submitter-igo = Intergovernmental organisation
consultation-submitter-ngo = Non-governmental organisation
consultation-submitter-nhri = National human rights institution
consultation-submitter-un-entity = United Nations entity
consultation-submitter-other = Other
consultation-name = Name
consultation-name-hint = The State, organisation or person submitting, as you wish to be named.
consultation-state = State
consultation-state-hint = ISO3 code (KEN); required when a State submits.
consultation-email = E-mail address
consultation-email-hint = Optional: where the secretariat may write back. Never published.
consultation-answers = Answers
consultation-answers-hint = Leave blank the questions you do not answer.
consultation-answer-to = Answer to question { $number }
consultation-publish = May your submission be published on this page?
consultation-publish-short = Consent to publish
consultation-publish-hint = Without your consent, the submission is read by the secretariat and counted, never shown.
consultation-yes = Yes
consultation-no = No
consultation-submit = Send the submission
consultation-submitted-on-time = Thank you: your submission was received on time.
consultation-submitted-late = Thank you: your submission was received after the deadline of { $day }; it is kept and marked late.
consultation-not-open = This call opens on { $day }; submissions are taken from that day.
consultation-closed-note = The deadline has passed: a submission sent now is received and marked late.
consultation-submissions = Submissions
consultation-submissions-empty = No published submission yet.
consultation-received = received
consultation-late = received after the deadline
consultation-not-published = not for publication
consultation-take-part = Send a submission
consultation-sign-in = Sign in to send a submission.
