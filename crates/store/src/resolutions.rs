//! Resolutions as the registry stores them: each symbol once, with every text version imported
//! for it (the newest is current, the others are history), the references of the current
//! version (for "cited by"), and its mandates with their status.

use serde::Serialize;
use taawun_documents::{AdoptionMethod, Resolution};

/// A text to store: the parsed record and where it came from.
#[derive(Clone, Debug)]
pub struct NewResolutionVersion {
    pub record: Resolution,
    /// A hash of the source text: importing the same text again changes nothing.
    pub content_hash: String,
    /// The file name it was imported from, for the history.
    pub source: String,
}

/// What an import did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImportOutcome {
    /// The symbol was new.
    Created,
    /// The symbol existed with other texts; this one is now its newest version.
    NewVersion { version: u32 },
    /// This exact text was imported before; nothing was written.
    Unchanged { version: u32 },
}

/// One line of a resolution listing.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolutionSummary {
    pub symbol: String,
    /// `human-rights-council` or `general-assembly`.
    pub body: String,
    pub session: Option<u32>,
    pub title: String,
    /// ISO 8601 date.
    pub adoption_date: Option<String>,
    /// `recorded-vote`, `without-vote`, or null when the text does not say.
    pub adoption_method: Option<String>,
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    /// The language of the current text; null for a record known only from voting records.
    pub language: Option<String>,
    /// Text versions imported (0 when the registry holds no text).
    pub versions: u32,
    /// Whether the registry holds the text.
    pub has_text: bool,
    /// Whether the imported voting records hold a roll call on this symbol.
    pub has_votes: bool,
}

/// A version in a resolution's history.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionInfo {
    pub version: u32,
    pub language: String,
    pub source: String,
    pub warnings: u32,
    /// RFC 3339 timestamp.
    pub imported_at: String,
}

/// A stored resolution: its current record and its history (newest first).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredResolution {
    pub record: Resolution,
    pub current_version: u32,
    pub history: Vec<VersionInfo>,
}

crate::vocabulary::vocabulary! {
    /// Sort orders of a resolution listing.
    #[derive(Default)]
    pub enum ResolutionSort {
        /// By adoption date (undated last), then symbol.
        #[default]
        Date = "date",
        Symbol = "symbol",
        Session = "session",
    }
}

crate::vocabulary::vocabulary! {
    /// Which records a listing shows, by what the registry holds of them.
    pub enum RecordContent {
        /// Records whose text is held.
        Text = "text",
        /// Records known only from the voting records.
        VotesOnly = "votes-only",
    }
}

/// Filters of a resolution listing, already validated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ResolutionFilter {
    pub body: Option<taawun_votes::Body>,
    pub session: Option<u32>,
    /// Year of adoption.
    pub year: Option<i32>,
    pub adoption_method: Option<AdoptionMethod>,
    pub content: Option<RecordContent>,
    pub sort: ResolutionSort,
    pub descending: bool,
}

/// A mandate as stored: the parsed mandate, where it comes from, and its status.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MandateRecord {
    /// The resolution that gives the mandate.
    pub symbol: String,
    /// Its operative paragraph.
    pub paragraph: u32,
    /// `high-commissioner`, `secretary-general`, `states`, `the-body`, `un-system`, `other`.
    pub addressee: String,
    pub action: String,
    /// `report`, `seminar`, `compilation`, `consultation`, `study`, `other`, or null.
    pub output: Option<String>,
    pub due_session: Option<u32>,
    /// `pending`, `in-preparation`, `delivered`, `late` or `discontinued`: its outputs' progress,
    /// read against the calendar (late once the session it was due at has closed).
    pub status: String,
    /// Why the secretariat discontinued it.
    pub discontinued_reason: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MandateFilter {
    pub status: Option<taawun_council::Status>,
    /// `high-commissioner`, `states`, …
    pub addressee: Option<String>,
    /// The last regular session closed on the day the mandates are read: a mandate due at it
    /// or before, neither delivered nor discontinued, is late.
    pub last_closed: Option<u32>,
    pub due_session: Option<u32>,
    pub symbol: Option<String>,
}

/// The columns a listing needs, derived from a record (the same on both backends).
pub struct SummaryColumns {
    pub body: taawun_votes::Body,
    pub session: Option<i64>,
    pub year: Option<i64>,
    pub adoption_date: Option<String>,
    pub method: Option<&'static str>,
    pub yes: Option<i64>,
    pub no: Option<i64>,
    pub abstain: Option<i64>,
}

impl SummaryColumns {
    pub fn of(record: &Resolution) -> Self {
        use chrono::Datelike;
        let vote = record.vote.as_ref();
        SummaryColumns {
            body: match record.body {
                taawun_documents::Body::HumanRightsCouncil => taawun_votes::Body::Hrc,
                taawun_documents::Body::GeneralAssembly => taawun_votes::Body::Unga,
            },
            session: record.session.map(i64::from),
            year: record.adoption_date.map(|d| i64::from(d.year())),
            adoption_date: record.adoption_date.map(|d| d.to_string()),
            method: vote.map(|v| v.method.slug()),
            yes: vote.and_then(|v| v.yes).map(i64::from),
            no: vote.and_then(|v| v.no).map(i64::from),
            abstain: vote.and_then(|v| v.abstain).map(i64::from),
        }
    }
}

/// The slug of a serde-serialised unit enum value (`Addressee::HighCommissioner` →
/// `high-commissioner`), so that the database holds the same words as the API.
pub fn slug_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
