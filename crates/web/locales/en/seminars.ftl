# Regional seminars and the mandates' summary reports.
nav-seminars = Seminars
api-tag-seminars = Regional seminars
api-tag-summary-reports = Summary reports
seminars-title = Regional seminars
seminars-intro = The regional seminars that resolution 56/2 asks for, one in each regional group, with States, United Nations entities, regional and international organisations, national human rights institutions and civil society, to identify challenges, gaps and good practices in cooperation.
seminars-new = Plan a seminar
seminars-empty = No seminar has been planned yet.
seminar-form-errors = The form has problems; nothing was saved:
seminar-mandate = Mandate
seminar-new-title = Plan a regional seminar
seminar-paragraph = Operative paragraph
seminar-symbol = Resolution symbol
seminar-title-field = Title
seminar-region = Region
seminar-start = First day
seminar-end = Last day
seminar-registration-opens-field = Registration opens
seminar-registration-deadline-field = Registration deadline (inclusive, UTC)
seminar-venue = Venue
seminar-place = City and building
seminar-place-hint = Required unless the seminar is online.
seminar-agenda = Agenda
seminar-agenda-hint = One item a line; items are numbered in this order.
seminar-create = Plan the seminar
seminar-dates = Dates
seminar-registration = Registration
seminar-registration-opens = Registration opens on { $day }.
seminar-registration-open = Registration is open until { $day } (UTC).
seminar-registration-closed = Registration closed on { $day }.
seminar-unknown = There is no seminar { $id }.
seminar-noted-by = Noted by { $author }, { $day }
seminar-notes-versions = { $count ->
    [one] one version
   *[other] { $count } versions
}
seminar-notes-edit = The rapporteur's notes
seminar-notes-author = Rapporteur
seminar-notes-text = Notes
seminar-notes-save = Save the notes
seminar-take-part = Take part
seminar-own-status = Your registration: { $status }.
seminar-input-heading = Give an input
seminar-input-kind = Kind
seminar-input-theme = Theme
seminar-input-agenda-item = Agenda item
seminar-input-whole = The seminar as a whole
seminar-input-text = Your input
seminar-input-publish = May your input be published?
seminar-input-quote = May it be quoted with your name and organisation?
seminar-yes = Yes
seminar-no = No
seminar-input-submit = Send the input
seminar-inputs-closed = Inputs are taken from the day registration opens to the seminar's last day.
seminar-sign-in = Sign in to register for this seminar.
seminar-stakeholder-type = You take part as
seminar-name = Name
seminar-organisation = Organisation
seminar-organisation-hint = Required, except for civil society taking part in their own name.
seminar-state = State
seminar-state-hint = ISO3 code (KEN); required for a State's delegate.
seminar-listed = Name me in the public list of participants
seminar-listed-short = listed publicly
seminar-register = Register
seminar-participants = Participants
seminar-participants-count = { $approved ->
    [one] One participant admitted
   *[other] { $approved } participants admitted
}; { $listed } named publicly with their consent.
seminar-inputs = Inputs
seminar-inputs-count = { $total ->
    [0] No input given yet.
    [one] One input given
   *[other] { $total } inputs given
}{ $total ->
    [0] {""}
   *[other] { $unpublished ->
        [0] , all for publication.
       *[other] ; { $unpublished } not for publication (counted, not shown).
    }
}
seminar-inputs-empty = No published input yet.
seminar-registrations = Registrations
seminar-registrations-empty = Nobody has registered yet.
seminar-approve = Admit
seminar-decline-reason = Reason
seminar-decline = Decline
stakeholder-state = State
stakeholder-un-entity = United Nations entity
stakeholder-regional-organisation = Regional organisation
stakeholder-international-organisation = International organisation
stakeholder-nhri = National human rights institution
stakeholder-civil-society = Civil society
input-kind-challenge = Challenge
input-kind-gap = Gap
input-kind-good-practice = Good practice
venue-in-person = In person
venue-online = Online
venue-hybrid = Hybrid
registration-pending = awaiting the secretariat's decision
registration-approved = admitted
registration-declined = declined
mandate-cooperation = Seminars, consultations and the summary report
mandate-seminars-none = No seminar of this mandate yet.
mandate-plan-seminar = Plan a seminar for this mandate
mandate-summary-report = Summary report
summary-title = Summary report: { $symbol }, paragraph { $paragraph }
summary-none-published = The summary report of this mandate has not been published.
summary-empty = There is no summary report to show yet.
summary-status-published = Published as { $symbol } on { $day }.
summary-status-draft = Not published: version { $version } is a draft.
summary-status-short-published = published as { $symbol }
summary-status-short-draft = a draft, not published
summary-status-short-none = not generated yet
summary-showing = Showing version
summary-stage-draft = draft
summary-stage-published = published
summary-change-generated = generated from the data
summary-change-edited = edited
summary-change-published = published
summary-versions = Versions
summary-change = Change
summary-symbol = Document symbol
summary-author = By
summary-note = Note
summary-date = Date
summary-generate = Generate from the data
summary-generate-intro = The report is drawn up from the mandate's seminars held so far, its calls for inputs and the practices you cite, in Arabic and English. Generating again replaces the text with a new draft; earlier versions are kept.
summary-distribution = Distribution
summary-distribution-general = General
summary-distribution-limited = Limited
summary-distribution-restricted = Restricted
summary-session = Session
summary-agenda-item = Agenda item
summary-agenda-title-ar = Agenda item's title (Arabic)
summary-agenda-title-en = Agenda item's title (English)
summary-practices = Practices cited
summary-practices-hint = Numbers of published practices of the compendium, separated by commas.
summary-generate-submit = Generate the draft
summary-generate-again = Generate a new draft
summary-edit = Edit the draft
summary-edit-intro = Lines starting with # or ## are headings, lines starting with "- " a list, blank lines separate paragraphs; [[table N]] and [[chart N]] stand for the figures drawn from the data, which are not edited as text. Every save is a new version.
summary-text-ar = Arabic text
summary-text-en = English text
summary-edit-submit = Save the draft
summary-publish = Publish
summary-publish-intro = Publishing issues the latest draft as the report, records it as the mandate's delivered output with its symbol, and closes it to edits.
summary-publish-submit = Publish the report
mandate-plan-call = Open a call for inputs for this mandate
seminar-mandate-label = { $symbol }, paragraph { $paragraph }
seminar-col-kind = Taking part as
