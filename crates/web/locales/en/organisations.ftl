# Organisations: the list, a page per organisation, the administrators' form.
# Every id here starts with "organisation" so that it cannot clash with main.ftl.

organisations-title = Organisations
organisations-intro = National human rights institutions, civil-society organisations, UN entities, and regional and international organisations taking part in the platform's cooperation.
organisations-new-link = Add an organisation
organisations-filter-text = Name contains
organisations-filter-kind = Kind
organisations-filter-seat = State of the seat
organisations-filter-all = All
organisations-filter-apply = Apply
organisations-filter-reset = Clear filters
organisations-summary = { $count ->
    [0] No organisation matches.
    [one] 1 organisation · page { $page } of { $pages }
   *[other] { $count } organisations · page { $page } of { $pages }
}
organisations-empty = No organisation has been recorded yet.
organisations-empty-filtered = No organisation matches these filters.
organisations-page-beyond = This page is past the end of the list.
organisations-first-page = Go to the first page

organisation-col-name = Name
organisation-col-kind = Kind
organisation-col-seat = State of the seat
organisation-no-seat = Not given
organisation-crumbs-label = You are here
organisation-edit-link = Edit this organisation
organisation-created = Recorded
organisation-updated = Last changed
organisation-names-heading = Names in the official languages
organisation-history-link = Public history of this record
organisation-not-found = There is no organisation with the number { $id }.

organisation-kind-nhri = National human rights institution
organisation-kind-civil-society = Civil-society organisation
organisation-kind-un-entity = United Nations entity
organisation-kind-regional-organisation = Regional organisation
organisation-kind-international-organisation = Other international organisation

organisation-language-ar = Arabic
organisation-language-en = English
organisation-language-fr = French
organisation-language-es = Spanish
organisation-language-ru = Russian
organisation-language-zh = Chinese

organisation-new-title = New organisation
organisation-edit-title = Edit: { $name }
organisation-create-button = Add the organisation
organisation-save-button = Save the changes
organisation-cancel = Cancel
organisation-form-problems = Nothing was saved. Please correct the following:
organisation-names-hint = Give the organisation's name as it writes it itself, in at least one of the six official languages of the United Nations (at most 300 characters each).
organisation-name-label-ar = Name in Arabic
organisation-name-label-en = Name in English
organisation-name-label-fr = Name in French
organisation-name-label-es = Name in Spanish
organisation-name-label-ru = Name in Russian
organisation-name-label-zh = Name in Chinese
organisation-kind-choose = Choose a kind
organisation-seat-label = State of the seat (ISO3 code)
organisation-seat-hint = The State's three-letter ISO 3166-1 code, such as QAT or CHE. Leave it empty when the organisation has no seat in one State.

organisation-problem-no-name = Give the organisation's name in at least one language.
organisation-problem-name-too-long = The name in { $language } is { $chars } characters long; a name can have at most { $max }.
organisation-problem-name-control = The name in { $language } contains control characters (such as line breaks or tabs); write it on one line.
organisation-problem-no-kind = Choose the kind of organisation.
organisation-problem-unknown-kind = “{ $value }” is not a kind of organisation; choose one from the list.
organisation-problem-unknown-seat = No State has the code “{ $code }”. Give a three-letter ISO 3166-1 code (such as QAT), or leave the field empty.
organisation-seat-not-stored = The State { $code } is not in this platform's database yet, so it cannot be the seat of an organisation. The server loads the built-in list of States when it starts: restart it, then try again.
organisation-conflict = This change conflicts with an organisation already recorded; nothing was saved. Reload the page and try again.
