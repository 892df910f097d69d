site-name = Taawun
skip-to-content = Skip to content
nav-label = Main
nav-states = States
nav-api = API
language-switcher = Language
footer-text = Taawun: international cooperation in the field of human rights (Human Rights Council resolution 56/2). Open data; the API is described at
back-home = Home

error-status = Status
error-not-found-title = Page not found
error-bad-request-title = The request cannot be answered
error-internal-title = Something went wrong
error-internal = The server could not complete the request. Try again in a moment; if it persists, tell the administrators.
error-no-page = There is no page at { $path }. Check the address, or start from the home page.
error-unknown-language = There is no interface language with the code { $code }.
error-unknown-state = No State, territory or historic State has the code { $code }. Codes are ISO 3166-1 alpha-3, such as CMR or VNM.
error-invalid-parameter = The parameter “{ $parameter }” is not valid: { $message }

home-lead = One open platform where States, the UN secretariat, donors, national human rights institutions, civil society and the public work on the same records of international cooperation in human rights.
home-mandate = It follows Human Rights Council resolution 56/2: resolutions and their recorded votes, the mandates given to the High Commissioner, the Universal Periodic Review and the implementation of its recommendations, voluntary funds, best practices and regional seminars.
home-groups-heading = The five regional groups
home-groups-intro = { $count ->
    [one] { $count } Member State of the United Nations, by regional group:
   *[other] { $count } Member States of the United Nations, by regional group:
}
home-data-heading = Open data
home-data-text = Every list is also available as JSON. The API is described in OpenAPI:

resolve-title = Find a State by name
resolve-intro = Type a State's name as a document writes it, in any of the six UN languages: formal or short, with or without the Arabic article, even damaged by PDF extraction.
resolve-label = Name
resolve-button = Find
resolve-exact = An official UN name of this State.
resolve-alias = A former name or a common variant of this State's name.
resolve-fuzzy = { $distance ->
    [one] A close match: one letter differs from this State's name. Check it.
   *[other] A close match: { $distance } letters differ from this State's name. Check it.
}
resolve-none = No State matches this name with certainty.
resolve-candidates = It might mean

states-title = States and territories
states-summary = { $count ->
    [0] No State matches.
    [one] One State · page { $page } of { $pages }
   *[other] { $count } States · page { $page } of { $pages }
}
states-empty = No State, territory or historic State matches these filters.
filter-name = Name contains
filter-group = Regional group
filter-status = Status
filter-sort = Sort by
filter-order = Order
filter-all = All
filter-apply = Apply
filter-reset = Clear filters
order-asc = Ascending
order-desc = Descending
sort-name = Name
sort-iso3 = ISO code
sort-m49 = M49 code
col-name = Name
col-iso3 = ISO 3166-1 alpha-3
col-iso2 = ISO 3166-1 alpha-2
col-m49 = M49 code
col-group = Regional group
col-status = Status
col-iso3166-3 = Former code (ISO 3166-3)
col-region = Region (M49)
pager-label = Pages
crumbs-label = You are here
state-names-heading = Names in the six official languages
state-aliases-heading = Former names and variants

group-african = African Group
group-asia-pacific = Asia-Pacific Group
group-eastern-european = Eastern European Group
group-latin-american-caribbean = Latin American and Caribbean Group
group-western-european-others = Western European and Others Group
group-none = None

status-member = Member State
status-observer = Observer State
status-territory = Territory
status-historic = Historic State

language-ar = Arabic
language-en = English
language-fr = French
language-es = Spanish
language-ru = Russian
language-zh = Chinese

m49-2 = Africa
m49-9 = Oceania
m49-19 = Americas
m49-142 = Asia
m49-150 = Europe
m49-15 = Northern Africa
m49-202 = Sub-Saharan Africa
m49-14 = Eastern Africa
m49-17 = Middle Africa
m49-18 = Southern Africa
m49-11 = Western Africa
m49-419 = Latin America and the Caribbean
m49-29 = Caribbean
m49-13 = Central America
m49-5 = South America
m49-21 = Northern America
m49-143 = Central Asia
m49-30 = Eastern Asia
m49-35 = South-eastern Asia
m49-34 = Southern Asia
m49-145 = Western Asia
m49-151 = Eastern Europe
m49-154 = Northern Europe
m49-39 = Southern Europe
m49-155 = Western Europe
m49-830 = Channel Islands
m49-53 = Australia and New Zealand
m49-54 = Melanesia
m49-57 = Micronesia
m49-61 = Polynesia

nav-resolutions = Resolutions
nav-mandates = Mandates
resolutions-title = Resolutions
resolutions-summary = { $count ->
    [0] No resolution matches.
    [one] One resolution · page { $page } of { $pages }
   *[other] { $count } resolutions · page { $page } of { $pages }
}
resolutions-empty = No resolution matches these filters.
error-unknown-resolution = The registry has no resolution with the symbol { $symbol }. Symbols look like A/HRC/RES/56/2.
filter-body = Body
filter-session = Session
filter-year = Year
filter-method = Adoption
sort-date = Date of adoption
sort-symbol = Symbol
sort-session = Session
col-symbol = Symbol
col-title = Title
col-adopted = Adopted
col-vote = Vote
col-body = Body
col-agenda = Agenda item
col-meeting = meeting
col-distributed = Distributed
col-paragraph = Paragraph
col-addressee = Addressed to
col-action = Action
col-output = Output
col-due-session = Due at session
col-kind = Kind
col-date = Date
col-version = Version
col-language = Language
col-source = Source
col-warnings = Warnings
col-imported = Imported
body-human-rights-council = Human Rights Council
body-general-assembly = General Assembly
method-recorded-vote = Adopted by a recorded vote
method-without-vote = Adopted without a vote
vote-tally = { $yes } in favour, { $no } against, { $abstain } abstentions
vote-yes = In favour
vote-no = Against
vote-abstain = Abstaining
toc-label = On this page
section-text = Text
section-preamble = Preamble
section-operative = Operative paragraphs
section-footnotes = Footnotes
section-vote = Vote
section-mandates = Mandates
section-references = Documents cited
section-cited-by = Cited by
section-warnings = Parsing notes
section-history = Versions
footnote-missing = The text of this footnote is missing from the source.
back-to-paragraph = Back to the paragraph
cited-by-none = No resolution in the registry cites this one yet.
warnings-intro = What the parser repaired or could not understand in the source text, with where it occurred.
version-current = shown
mandates-title = Mandates
mandates-intro = Requests made by the resolutions in the registry — who is to do what, and by which session — tracked to their output.
mandates-summary = { $count ->
    [0] No mandate matches.
    [one] One mandate · page { $page } of { $pages }
   *[other] { $count } mandates · page { $page } of { $pages }
}
mandates-empty = No mandate matches these filters.
reference-general-assembly-resolution = General Assembly resolution
reference-human-rights-council-resolution = Human Rights Council resolution
reference-commission-resolution = Commission on Human Rights resolution
reference-sub-commission-resolution = Sub-Commission resolution
reference-decision = Decision
reference-report = Report or document
reference-declaration = Declaration
reference-conference = Conference
reference-other = Other document
addressee-high-commissioner = High Commissioner (OHCHR)
addressee-secretary-general = Secretary-General
addressee-states = States
addressee-the-body = The body itself
addressee-un-system = UN system
addressee-other = Other
output-report = Report
output-seminar = Seminar
output-compilation = Compilation
output-consultation = Consultation
output-study = Study
output-other = Other
mandate-status-open = Open
mandate-status-in-progress = In progress
mandate-status-delivered = Delivered
mandate-status-closed = Closed
col-as-written = As written
vote-records-agree = The { $source } voting records agree with this text, State by State.
vote-records-differ = The { $source } voting records differ from this text; both are kept:
vote-records-records-only = { $state }: { $choice } in the voting records, not in the text
vote-records-text-only = { $state }: { $choice } in the text, not in the voting records
