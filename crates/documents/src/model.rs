//! A resolution as the parser understands it. This is the contract of `taawun parse
//! resolution --json` and of `GET /api/v1/resolutions/{symbol}`: field names are part of the API.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The body that adopted a resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Body {
    HumanRightsCouncil,
    GeneralAssembly,
}

/// One parsed resolution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// The normalised UN symbol: `A/HRC/RES/56/2`, `A/RES/78/197`, `A/HRC/DEC/59/112`.
    pub symbol: String,
    /// A resolution, or a decision (the Council adopts the outcome of each Universal Periodic
    /// Review by a decision). Records stored before the field existed are resolutions.
    #[serde(default)]
    pub kind: TextKind,
    pub body: Body,
    /// The session number (56 for the Council's fifty-sixth session).
    pub session: Option<u32>,
    /// The session's dates as the header gives them.
    pub session_dates: Option<DateRange>,
    pub agenda_item: Option<AgendaItem>,
    /// The language of this text: `ar` or `en` (BCP 47 primary subtag).
    pub language: String,
    /// The language the text was originally written in, when the header says.
    pub original_language: Option<String>,
    /// The resolution's number within its session ("56/2"), as the UN writes it left to right.
    pub number: Option<String>,
    pub title: String,
    pub distribution_date: Option<NaiveDate>,
    pub adoption_date: Option<NaiveDate>,
    /// The meeting at which it was adopted ("الجلسة 34" → 34).
    pub meeting: Option<u32>,
    pub preambular: Vec<Paragraph>,
    pub operative: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    pub references: Vec<Reference>,
    pub vote: Option<Vote>,
    pub mandates: Vec<Mandate>,
    /// Everything the parser repaired or could not understand.
    pub warnings: Vec<Warning>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// "3"
    pub number: String,
    /// The item's title as written.
    pub title: String,
}

/// A paragraph of the preamble (numbered 1, 2, … in order) or an operative paragraph (its own
/// number).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub number: u32,
    /// Exactly as written (list markers and page-break joins aside).
    pub text: String,
    /// Folded for search and comparison (diacritics, tatweel, letter variants, spaces).
    pub normalized: String,
}

/// Where in the text something occurs: `pp-3` (third preambular paragraph), `op-22`
/// (operative 22), `header`, `footnotes`, `vote`. These are also the page's anchors.
pub type Location = String;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    /// The marker's number: ⁽¹⁾ → 1.
    pub marker: u32,
    /// The footnote's text; `None` when the marker has no text (a warning says so).
    pub text: Option<String>,
    /// The paragraph that carries the marker.
    pub paragraph: Location,
}

/// The kind of a cited document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceKind {
    GeneralAssemblyResolution,
    HumanRightsCouncilResolution,
    CommissionResolution,
    SubCommissionResolution,
    Decision,
    Report,
    Declaration,
    Conference,
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// Normalised UN symbol (`A/RES/70/1`), or the name of a declaration or conference when it
    /// has no symbol.
    pub symbol: String,
    pub kind: ReferenceKind,
    /// The date the text gives for the document, if any.
    pub date: Option<NaiveDate>,
    pub paragraph: Location,
    /// The citation as written ("1/70", "قرار الجمعية العامة 1/70").
    pub as_written: String,
}

/// What kind of text the body adopted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextKind {
    #[default]
    Resolution,
    Decision,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdoptionMethod {
    RecordedVote,
    WithoutVote,
}

impl AdoptionMethod {
    pub const ALL: [AdoptionMethod; 2] =
        [AdoptionMethod::RecordedVote, AdoptionMethod::WithoutVote];

    /// The word that names it in the platform's URLs, API and database (as serde writes it).
    pub fn slug(self) -> &'static str {
        match self {
            AdoptionMethod::RecordedVote => "recorded-vote",
            AdoptionMethod::WithoutVote => "without-vote",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.slug() == value)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub method: AdoptionMethod,
    /// The tally as the text states it (`None` without a vote or when not stated).
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    /// The named States, resolved to ISO3.
    pub states: VoteStates,
    /// The names as written, in the same order, for the record.
    pub names: VoteNames,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteStates {
    pub yes: Vec<String>,
    pub no: Vec<String>,
    pub abstain: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteNames {
    pub yes: Vec<String>,
    pub no: Vec<String>,
    pub abstain: Vec<String>,
}

/// Who a mandate is addressed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Addressee {
    /// The High Commissioner or the Office (OHCHR).
    HighCommissioner,
    SecretaryGeneral,
    States,
    /// The Council (or Assembly) itself: "decides to continue its consideration…".
    TheBody,
    /// UN agencies, mechanisms, special procedures, treaty bodies.
    UnSystem,
    Other,
}

/// What a mandate is to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputKind {
    Report,
    Seminar,
    Compilation,
    Consultation,
    Study,
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mandate {
    /// The operative paragraph's number.
    pub paragraph: u32,
    pub addressee: Addressee,
    /// The action in a few words, in the text's language ("يعد تقريرا جديدا", "prepare a report").
    pub action: String,
    pub output: Option<OutputKind>,
    /// The session the output is due at ("في دورته التاسعة والخمسين" → 59).
    pub due_session: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable code: `fuzzy-state`, `unresolved-state`, `damaged-opening`, `missing-footnote`,
    /// `tally-mismatch`, `joined-paragraph`, `unknown-line`, ….
    pub code: String,
    pub location: Location,
    /// What happened, in English, with the text concerned.
    pub message: String,
}
