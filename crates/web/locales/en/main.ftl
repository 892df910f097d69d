site-name = Taawun
skip-to-content = Skip to content
nav-menu = Menu
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
home-mandate = It follows Human Rights Council resolution 56/2, which asks for such cooperation. Today it holds the texts of resolutions (structured into paragraphs, cited documents, votes and the mandates they give), every recorded vote of the Human Rights Council and of the General Assembly in the public datasets, and the States with their regional groups.
home-search-placeholder = Words, a UN symbol (A/HRC/RES/56/2) or a State
home-holds-heading = What the platform holds
home-holds-texts = { $count ->
    [one] One resolution text, in full
   *[other] { $count } resolution texts, in full
}
home-holds-hrc = Human Rights Council: { $count } recorded votes, from { $first } to { $last }
home-holds-unga = General Assembly: { $count } recorded votes, from { $first } to { $last } (the dataset ends there)
home-holds-no-votes = No voting records have been imported yet.
home-sources = Where each dataset comes from, its licence, its coverage, and how the figures are computed
home-latest-heading = Latest sessions
home-latest-session = { $body }, session { $session }: { $count ->
    [one] one recorded vote
   *[other] { $count } recorded votes
}, the last on { $date }
home-groups-heading = The five regional groups
home-groups-intro = { $count ->
    [one] { $count } Member State of the United Nations, by regional group:
   *[other] { $count } Member States of the United Nations, by regional group:
}
home-data-heading = Open data
home-data-text = Every list is also available as JSON, and as CSV where it is a table:

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
cited-by-none = No text in the registry cites this one yet.
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
col-as-written = As written
vote-records-agree = The { $source } voting records agree with this text, State by State.
vote-records-differ = The { $source } voting records differ from this text; both are kept:
vote-records-records-only = { $state }: { $choice } in the voting records, not in the text
vote-records-text-only = { $state }: { $choice } in the text, not in the voting records

## What the registry holds of a record
filter-content = Holds
content-text = Text
content-votes-only = Voting record only
col-holdings = Holds
holds-text = Text
holds-text-and-votes = Text and voting record
holds-votes-only = Voting record only

## Votes: bodies, choices, definitions
nav-votes = Voting agreement
vote-body-hrc = Human Rights Council
vote-body-unga = General Assembly
vote-body-all = Both bodies
vote-non-voting = Present, not voting
vote-absent = Absent
vote-not-member = Not a member
vote-no-data = No data
definition-identical = Same vote (yes, no or abstain)
definition-yes-no = Yes and no votes only
definition-half-abstain = Abstention counts half
definition-identical-note = Agreement is the share of roll calls, among those where both States voted yes, no or abstained, on which they cast the same vote. Absences, non-voting and non-membership are left out; an abstention differs from both yes and no.
definition-yes-no-note = Agreement counts only the roll calls on which both States voted yes or no, and is the share where they voted alike. Roll calls where either abstained are left out.
definition-half-abstain-note = Agreement counts every roll call on which both States voted yes, no or abstained: the same vote counts 1, an abstention against yes or no counts ½, yes against no counts 0 (Lijphart's index of agreement).
definition-how = How agreement is counted
majority-note = The majority of a roll call is the most frequent of yes, no and abstain among the States that voted; roll calls with a tie for first place are left out.
cohesion-note = Cohesion is the Agreement Index of Hix, Noury and Roland: 1 when all members of a group who voted cast the same vote, 0 when they split evenly three ways; averaged over the roll calls where at least two members voted.

## A State's voting record
filter-issue = Issue
filter-definition = Agreement
filter-from = From
filter-to = To
filter-compare-with = Compare with
filter-state = State
col-state = State
col-agreement = Agreement
col-votes-counted = Votes counted
state-votes-title = Voting record of { $state }
state-votes-summary = { $count } votes · page { $page } of { $pages }
state-votes-empty = No recorded vote of this State matches these filters.
state-votes-overview = Overview
state-votes-majority = Voted with the majority on { $share } of the { $count } roll calls it voted on.
state-votes-majority-none = No roll call with a majority under these filters.
state-votes-agreement = Agreement with { $other }: { $share }, over { $count } roll calls.
state-votes-agreement-self = A State always agrees with itself; choose another State to compare.
state-votes-agreement-none = { $other } and this State share no counted roll call under these filters.
state-votes-agreement-heading = Agreement with other States
state-votes-closest = Closest (at least 20 votes in common)
state-votes-farthest = Farthest (at least 20 votes in common)
state-votes-explore = All States by agreement, group cohesion and the voting map
state-votes-record = Votes
state-voting-record-link = Voting record

## The agreement explorer
explorer-title = Agreement explorer
explorer-lead = Which States vote alike: pick a body, a period or an issue; see every State ordered by agreement with the State you choose, how united each regional group votes, and a map of States by voting similarity.
explorer-summary = { $roll_calls } roll calls, { $states } States
explorer-empty = No roll call matches these filters.
explorer-ranking = Agreement with
explorer-choose-state = Choose a State to see every other State ordered by agreement with it.
explorer-cohesion = Cohesion of the regional groups
col-members-voting = Members voting
col-cohesion = Cohesion
col-roll-calls-counted = Roll calls counted
explorer-map-table = Every State on the map, with the three placed nearest to it
col-nearest-on-map = Nearest on the map
explorer-similarity-note = States that vote alike are close together. The picture is classical multidimensional scaling of the distances 1 − agreement: only distances mean something, not the axes. Hover a point for the State's name, or open the table below the map.
explorer-dropped = Left out for sharing fewer than 20 counted roll calls with another State:
downloads = Downloads
download-agreement-matrix = Agreement of every pair of States
download-cohesion = Cohesion of the regional groups
download-similarity = Coordinates of the voting map
download-ranking = Every State's agreement with { $state }

## Charts
chart-bars-title = Votes by regional group on { $vote }
chart-bars-description = One bar per UN regional group; each segment is a vote (in favour, against, abstaining, present not voting, absent), with its count.
chart-map-title = How each State voted on { $vote }
chart-map-description = A world map coloured by vote; each vote also has its own pattern, and small States are drawn as circles.
chart-map-caption = Present-day boundaries (Natural Earth, public domain).
chart-map-not-drawn = Not on the map:
chart-similarity-title = Map of States by voting similarity
chart-similarity-description = { $states } States placed by agreement over { $roll_calls } roll calls; the closer two States, the more alike they vote.

## The vote of one resolution
vote-source-records = State by State, from the voting records of the { $source }.
vote-source-text = State by State, as the text records it.
vote-by-group = Votes by regional group
vote-other-roll-calls = Other roll calls on this symbol
vote-download-json = Every State's vote (JSON)

## Search
nav-search = Search
search-title = Search
search-label = Search the records
search-placeholder = e.g. التعاون الدولي, "technical assistance", cooperat*
search-button = Search
search-syntax = All words must match. "Quotes" for a phrase, a * at the end of a word for its beginnings, a - before a word to exclude it. Arabic is matched with and without the article, attached conjunctions and prepositions, and common plurals.
search-summary = { $count } results · page { $page } of { $pages }
search-facets = Narrow the results
search-results = Results
search-facet-kind = Part
search-kind-title = Title
search-kind-preambular = Preambular paragraph
search-kind-operative = Operative paragraph
search-kind-text = Description
search-kind-footnote = Footnote
search-kind-recommendation = Recommendation
search-kind-pledge = Voluntary pledge
search-kind-goal = Goal
search-kind-target = Target
search-facet-type = Record type
search-type-resolution = Resolutions and votes
search-type-upr-recommendation = UPR recommendations
search-type-upr-pledge = UPR voluntary pledges
search-type-sdg-goal = SDG goals
search-type-sdg-target = SDG targets
search-type-best-practice = Good practices
search-type-assistance-request = Requests for assistance
search-type-event = Events
search-facet-reviewed = State under review
search-facet-recommending = Recommending State
search-facet-cycle = Review cycle
search-cycle = Cycle { $cycle }
search-facet-response = Response
search-response-supported = Supported
search-response-noted = Noted
search-response-not-recorded = No response recorded
search-facet-theme = Theme
search-facet-sdg = Sustainable Development Goals
search-sdg-goal = SDG { $code }
search-sdg-target = Target { $code }
search-hit-recommendation = Recommendation to { $state }, session { $session }
search-hit-pledge = Voluntary pledge of { $state }, session { $session }
search-state-named = This search names a State:
search-state-votes = its voting record
search-covers = The search covers the titles and texts of the resolutions held as text, the titles of every recorded vote the platform holds (Human Rights Council and General Assembly), in English as the voting records give them, every recommendation and voluntary pledge of the Universal Periodic Review (in English, as the sources write them, and by the names of their themes and SDGs in every language), the SDG goals and targets, and UN symbols. It finds each word with and without its endings; records concerning a State are also found by the State’s name in any of the six languages.
search-try-fewer = Try fewer words, or other words for the same thing (titles of recorded votes are short).
search-try-prefix = Put a * after the beginning of a word to find all its forms: cooperat*
search-try-symbol = Type a UN symbol as it is written, with or without spaces, for example
search-try-filters = Remove a filter, or search in another language.
search-notice-stop-words = Every word of this search is too common to search for (such as “في”, “the”); add a word that says what you are looking for.
search-notice-no-terms = This search has no word to look for.
search-notice-no-matches = Nothing matches this search and these filters.
search-notice-page-out-of-range = There are results, but not this many pages of them.
search-notice-beyond-window = This page is too deep; narrow the search with the filters.
search-partial-only = No result has every word of this search. These have all of its words but one:
search-partial-heading = Results with all of the words but one

## The sources and methodology page (/about/sources)
sources-title = Sources and methods
nav-sources = Sources and methods
sources-intro = Where every record on this platform comes from, under which licence, what it covers, and how the figures drawn from it are computed.
sources-not-official = These are compilations of public data, not the official records of the United Nations. The official record of a resolution or a vote is the document the United Nations publishes; where the two differ, the official document prevails.
sources-datasets = Datasets
sources-origin = Where it comes from
sources-licence = Licence
sources-coverage = What it covers
sources-methods = How the figures are computed
source-hrc-votes-name = Recorded votes of the Human Rights Council
source-hrc-votes-origin = The voting records of the OHCHR library, compiled by the unhrc-nominate project (tsujamin/unhrc-nominate on GitHub) and imported with “taawun import votes --format hrc”.
source-hrc-votes-licence = The compilers state no licence; the votes themselves are public records of the United Nations.
source-hrc-votes-coverage = As published: every recorded vote of the Council from its first session (June 2006) to its fifty-seventh (October 2024), amendments and votes on drafts included. Resolutions adopted without a vote are not in it. Symbols of drafts (L. documents) are kept as the dataset gives them.
source-unga-votes-name = Recorded votes of the General Assembly
source-unga-votes-origin = Erik Voeten’s United Nations General Assembly Voting Data, as packaged in the unvotes R package, imported with “taawun import votes --format unga”.
source-unga-votes-licence = The data: CC0 (public domain dedication); the unvotes package: MIT.
source-unga-votes-coverage = As published: roll calls of the General Assembly from its first session (1946) to its seventy-fourth (the last roll call in January 2020), with the roll calls’ issues where the dataset tags them. Absences are not listed (a Member that is not in a roll call’s list was absent), and resolutions adopted without a vote are not in it.
source-states-name = States, territories and regional groups
source-states-origin = Written by this project from UN terminology, the M49 standard of the UN Statistics Division and ISO 3166; checked by its tests against the OCHA HDX country taxonomy and the mledoze/countries dataset.
source-states-licence = The project’s own table, under the project’s licence (AGPL-3.0-or-later).
source-states-coverage = The 193 Member States and the two observer States with their names in the six official languages and their regional groups; the territories of M49; the States of the voting records that no longer exist.
source-boundaries-name = World boundaries of the maps
source-boundaries-origin = Natural Earth, as packaged by the world-atlas package (version 2.0.2).
source-boundaries-licence = Natural Earth: public domain; world-atlas: ISC.
source-boundaries-coverage = Country boundaries at 1:110 million and 1:50 million. The boundaries and names shown on the maps do not imply official endorsement or acceptance by the United Nations.
source-resolutions-name = Texts of resolutions
source-resolutions-origin = The official PDF documents of the United Nations, as extracted to text and imported with “taawun import resolution”; a new platform starts with Human Rights Council resolution 56/2 in Arabic.
source-resolutions-licence = Documents of the United Nations.
source-resolutions-coverage = The texts that have been imported. The parser repairs damage from the extraction (letters, paragraph breaks, symbols written right to left) and records every repair it made beside the text.
method-outcome-name = Adopted or rejected
method-outcome-how = Computed from the tally and the body’s rule. The Human Rights Council decides by a majority of the members present and voting: votes in favour against votes against, abstentions not counted. The General Assembly decides in the same way, or by a two-thirds majority on important questions (Article 18 of the Charter); where the data does not say which rule applied and the two would give different results, the result is shown as not recorded.
method-agreement-name = Agreement between two States
method-agreement-how = Three definitions, chosen on the page and always shown with the number of votes they rest on. Identical votes: the share of roll calls in which both States voted (yes, no or abstain) and cast the same vote. Yes and no only: the same over the roll calls in which both voted yes or no. Half for an abstention (Lijphart’s index, as Voeten uses it): 1 for the same vote, one half when one abstained and the other voted yes or no, 0 for yes against no. Non-voting, absence and non-membership leave a roll call out.
method-majority-name = Votes with the majority
method-majority-how = The share of a State’s votes (yes, no or abstain) that matched the majority of the roll call — the most frequent of yes, no and abstain; roll calls with a tie for first place are left out.
method-cohesion-name = Cohesion of a regional group
method-cohesion-how = The agreement index of Hix, Noury and Roland over the group’s yes, no and abstain votes in each roll call — 1 when all vote alike, 0 when the group splits evenly three ways — averaged over the roll calls in which at least two members voted.
method-map-name = The map of States by their votes
method-map-how = Classical multidimensional scaling of the distances one minus agreement, in two dimensions: States that vote alike are drawn close together. A State that shares too few counted roll calls with another is left out. The axes have no meaning of their own.
method-parsing-name = Structured records from texts
method-parsing-how = Each text is parsed into its symbol, dates, paragraphs, footnotes, the documents it cites (with their symbols normalised) and the requests it makes; State names in its vote are matched to the States table in any of the six languages, and a name that could mean two States is left unmatched rather than guessed.

## What a roll call decided, and by which rule
outcome-adopted = Adopted
outcome-rejected = Rejected
outcome-not-recorded = Result not recorded
outcome-label = Result
rule-simple-majority = Rule: a majority of the members present and voting — more votes in favour than against; abstentions are not counted.
rule-simple-or-two-thirds = Rule: a majority of the members present and voting, or two thirds on important questions (Article 18 of the Charter); abstentions are not counted. The data does not say which rule applied: where the two give different results, the result is not recorded here.
method-put-to-vote = Put to a recorded vote
col-vote-date = Date of the vote
date-day-unknown = { $month } (day not recorded)
text-kind-resolution = Resolution
text-kind-decision = Decision
# The issue tags of the General Assembly voting records, in the UN's own terms.
vote-issue-arms-control-and-disarmament = Arms control and disarmament
vote-issue-palestinian-conflict = Question of Palestine
vote-issue-human-rights = Human rights
vote-issue-colonialism = Decolonization
vote-issue-nuclear-weapons-and-nuclear-material = Nuclear weapons and nuclear material
vote-issue-economic-development = Economic development
adopted-as = The resolution of the same session and title
voted-on = What was voted on
kind-resolution = Resolution (the text as a whole)
kind-decision = Decision (the text as a whole)
kind-draft = Draft (an L. document)
kind-amendment = Amendment
kind-paragraph = Separate vote on a paragraph
kind-motion = Procedural motion
vote-not-members-hrc = { $count } of the 195 UN Member and observer States were not members of the Council.
vote-not-members-unga = { $count } of today's 195 UN Member and observer States have no vote in this record (not yet members, or absent: the Assembly's data lists no absences).
text-only-in = The registry holds this text in { $language } only.
record-votes-only = This record comes from the voting records: how each State voted on { $symbol }, with the question as the dataset describes it. The registry does not hold the text.
record-official-document = The official document in the UN Official Document System
record-add-text = For the secretariat: import the text with taawun import resolution FILE (Arabic or English, as extracted from the PDF); it is merged with this voting record.
resolutions-summary = { $count ->
    [0] No record matches.
    [one] One record · page { $page } of { $pages }
   *[other] { $count } records · page { $page } of { $pages }
}
resolutions-coverage = The registry holds the resolution texts that have been imported and every roll call of the voting records — the Human Rights Council 2006–2024 and the General Assembly 1946 to January 2020 — including votes on drafts, amendments, paragraphs and motions, each marked as what it is. Texts adopted without a vote are here only when their text has been imported: the voting records do not list them.

## A State's voting record: links from its page, and the roll calls it could not vote in
state-votes-not-members-hidden = Not listed: { $count } roll calls of years this State was not a member.
state-votes-not-members-show = Show them
state-votes-not-members-shown = Listed too: { $count } roll calls of years this State was not a member.
state-votes-not-members-hide = Hide them
state-voting-record-heading = Voting record
state-voting-record-hrc = In the Human Rights Council
state-voting-record-unga = In the General Assembly
state-voting-record-count = { $count ->
    [one] one roll call as a member
   *[other] { $count } roll calls as a member
}
state-voting-record-all = Every recorded vote of this State
state-voting-record-none = The voting records hold no vote of this State.

## The API page (/about/api)
api-title = The API
api-intro = Everything the pages show is also open data, as JSON (and CSV where a list is a table), under /api/v1. This page says how to use it and lists every operation; the OpenAPI document describes each one in full, with its parameters and answers.
api-document = The OpenAPI document:
api-conventions = How it works
api-reading-name = Reading
api-reading = Published records need no account. Query parameters are the pages' own (body, session, year, from, to…); numbers may be written in Western or Arabic-Indic digits.
api-writing-name = Writing
api-writing = Writes need an API token, created on your account page and sent with each request:
api-paging-name = Lists
api-paging = Lists are paged with page (from 1) and per_page; each answer gives the total and the page count. A list that is a table is also available whole with format=csv.
api-errors-name = Errors
api-errors = An error answers with its HTTP status and a JSON body that says what is wrong, naming the parameter at fault when there is one:
api-limits-name = Limits
api-limits = Requests from one address are rate-limited; beyond the limit the answer is 429 with Retry-After, the seconds to wait.
api-sources = Where the data comes from, and how the figures are computed
api-operations = Operations
api-method = Method
api-path = Path
api-summary = What it does (in English)
api-tag-states = States
api-tag-resolutions = Resolutions
api-tag-votes = Recorded votes
api-tag-search = Search
api-tag-account = Account and tokens
api-tag-organisations = Organisations
api-tag-audit = Audit trail and history
api-tag-health = Health

## The database is busy with another process's write (an import)
error-busy-title = Busy for a moment
error-busy = The database is busy with an import. Nothing was changed: try again in { $seconds } seconds.
