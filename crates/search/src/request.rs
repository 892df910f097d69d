//! What a search asks for, and its limits.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::document::{ParagraphKind, RecordType};
use crate::error::SearchError;
use crate::language::Language;
use crate::records::right_slug;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// Most terms (words, phrases, exclusions) accepted in one query.
pub const MAX_QUERY_TERMS: usize = 64;
/// Alternatives searched beside the query (a State's names: six languages, a few forms each).
pub const MAX_ALTERNATIVES: usize = 24;
/// Largest page size.
pub const MAX_PER_PAGE: u32 = 100;
pub const DEFAULT_PER_PAGE: u32 = 20;
/// Hits are served down to this rank (as search engines do): deeper pages answer with no
/// hits and the total, instead of making the server rank a million documents.
pub const MAX_RESULT_WINDOW: usize = 10_000;
/// Longest `right` accepted, in characters (the compendium's longest tag).
pub const MAX_RIGHT_CHARS: usize = 300;
/// Values listed per facet.
pub const DEFAULT_FACET_LIMIT: usize = 10;
pub const MAX_FACET_LIMIT: usize = 300;

/// How hits are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sort {
    /// BM25, exact words first. Without query words (browse mode), newest first.
    #[default]
    Relevance,
    Newest,
    Oldest,
}

impl Sort {
    pub fn parse_param(value: &str) -> Result<Sort, SearchError> {
        match value {
            "relevance" => Ok(Sort::Relevance),
            "newest" | "date" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            _ => Err(SearchError::InvalidValue {
                parameter: "sort",
                value: value.chars().take(40).collect(),
                expected: "relevance, newest or oldest",
            }),
        }
    }
}

/// A bound of a date range: a year (a whole year) or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateBound {
    Year(i32),
    Day(NaiveDate),
}

impl DateBound {
    /// Parses `2024`, `2024-07` or `2024-07-10`; the error names `parameter`.
    pub fn parse_param(value: &str, parameter: &'static str) -> Result<DateBound, SearchError> {
        let invalid = || SearchError::InvalidValue {
            parameter,
            value: value.chars().take(40).collect(),
            expected: "a year (2024) or a date (2024-07-10)",
        };
        let value = value.trim();
        let parts: Vec<&str> = value.split('-').collect();
        let number = |part: &str| -> Result<u32, SearchError> {
            if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            part.parse().map_err(|_| invalid())
        };
        match parts.as_slice() {
            [year] if year.len() == 4 => Ok(DateBound::Year(number(year)? as i32)),
            [year, month] if year.len() == 4 => {
                NaiveDate::from_ymd_opt(number(year)? as i32, number(month)?, 1)
                    .map(DateBound::Day)
                    .ok_or_else(invalid)
            }
            [year, month, day] if year.len() == 4 => {
                NaiveDate::from_ymd_opt(number(year)? as i32, number(month)?, number(day)?)
                    .map(DateBound::Day)
                    .ok_or_else(invalid)
            }
            _ => Err(invalid()),
        }
    }

    /// The first day the bound lets in, as a lower bound.
    pub fn first_day(self) -> Option<NaiveDate> {
        match self {
            DateBound::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1),
            DateBound::Day(day) => Some(day),
        }
    }

    /// The last day the bound lets in, as an upper bound.
    pub fn last_day(self) -> Option<NaiveDate> {
        match self {
            DateBound::Year(year) => NaiveDate::from_ymd_opt(year, 12, 31),
            DateBound::Day(day) => Some(day),
        }
    }
}

/// A search. Every filter is optional; `q` empty means browse mode (the filters alone, newest
/// first).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    /// The query: words (all required), `"phrases"`, `prefix*`, `-excluded` words or phrases.
    pub q: String,
    /// The language of the records to search, and so of the analysers applied to `q`. `None`:
    /// every language whose script occurs in `q`.
    pub lang: Option<Language>,
    pub record_type: Option<RecordType>,
    /// A body code as the documents carry it (`hrc`, `unga`…), case-insensitive.
    pub body: Option<String>,
    pub session: Option<u32>,
    pub from: Option<DateBound>,
    pub to: Option<DateBound>,
    /// An ISO 3166-1 alpha-3 code, case-insensitive.
    pub state: Option<String>,
    pub paragraph_kind: Option<ParagraphKind>,
    /// The review's records of the State under review (ISO3, case-insensitive); the review's
    /// other records and other record types have none and are left out.
    pub reviewed: Option<String>,
    /// Recommendations made by this State (ISO3, case-insensitive).
    pub recommending: Option<String>,
    /// The review cycle (1-4).
    pub cycle: Option<u8>,
    /// `supported`, `noted` or `not-recorded`.
    pub response: Option<String>,
    /// A theme as the source names it (`Torture and other CID treatment`).
    pub theme: Option<String>,
    /// An SDG goal ("16", which finds the records linked to its targets too) or target ("16.3").
    pub sdg: Option<String>,
    /// A practice's modality, as the compendium's slug: `south-south`, `north-south`,
    /// `triangular` or `regional` (case-insensitive). Other record types have none and are
    /// left out.
    pub modality: Option<String>,
    /// A practice's region, as the compendium's slug: a regional group's (`african`,
    /// `asia-pacific`, `eastern-european`, `latin-american-caribbean`,
    /// `western-european-others`), `global` or `other` (case-insensitive).
    pub region: Option<String>,
    /// A right a practice concerns: its slug (`right-to-education`) or the tag as written
    /// (`Right to education`), which is taken by its slug ([`crate::right_slug`]).
    pub right: Option<String>,
    /// From 1.
    pub page: u32,
    pub per_page: u32,
    pub sort: Sort,
    /// Values listed per facet.
    pub facet_limit: usize,
    /// Other ways of saying what `q` names, each searched as a phrase beside `q` (a hit matches
    /// `q` or any of them): the platform passes a State's names in the six languages when `q`
    /// names a State, so that فنزويلا finds the records titled in English "…Venezuela".
    pub alternatives: Vec<String>,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            q: String::new(),
            lang: None,
            record_type: None,
            body: None,
            session: None,
            from: None,
            to: None,
            state: None,
            paragraph_kind: None,
            reviewed: None,
            recommending: None,
            cycle: None,
            response: None,
            theme: None,
            sdg: None,
            modality: None,
            region: None,
            right: None,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            sort: Sort::Relevance,
            facet_limit: DEFAULT_FACET_LIMIT,
            alternatives: Vec::new(),
        }
    }
}

impl SearchRequest {
    /// A request for `q` with every other parameter at its default.
    pub fn query(q: impl Into<String>) -> SearchRequest {
        SearchRequest {
            q: q.into(),
            ..SearchRequest::default()
        }
    }

    /// Checks the parameters that have limits. The query's term count is checked when it is
    /// parsed.
    pub fn validate(&self) -> Result<(), SearchError> {
        let length = self.q.chars().count();
        if length > MAX_QUERY_CHARS {
            return Err(SearchError::TooLong {
                parameter: "q",
                length,
                max: MAX_QUERY_CHARS,
            });
        }
        if self.alternatives.len() > MAX_ALTERNATIVES {
            return Err(SearchError::OutOfRange {
                parameter: "alternatives",
                value: i64::try_from(self.alternatives.len()).unwrap_or(i64::MAX),
                min: 0,
                max: MAX_ALTERNATIVES as i64,
            });
        }
        if let Some(length) = self
            .alternatives
            .iter()
            .map(|a| a.chars().count())
            .find(|length| *length > MAX_QUERY_CHARS)
        {
            return Err(SearchError::TooLong {
                parameter: "alternatives",
                length,
                max: MAX_QUERY_CHARS,
            });
        }
        if let Some(right) = &self.right {
            let length = right.chars().count();
            if length > MAX_RIGHT_CHARS {
                return Err(SearchError::TooLong {
                    parameter: "right",
                    length,
                    max: MAX_RIGHT_CHARS,
                });
            }
            if right_slug(right).is_empty() {
                return Err(SearchError::InvalidValue {
                    parameter: "right",
                    value: right.chars().take(40).collect(),
                    expected: "a right concerned, by its slug (right-to-education) or as tagged \
                               (Right to education)",
                });
            }
        }
        if self.page == 0 {
            return Err(SearchError::OutOfRange {
                parameter: "page",
                value: 0,
                min: 1,
                max: i64::from(u32::MAX),
            });
        }
        if self.per_page == 0 || self.per_page > MAX_PER_PAGE {
            return Err(SearchError::OutOfRange {
                parameter: "per_page",
                value: i64::from(self.per_page),
                min: 1,
                max: i64::from(MAX_PER_PAGE),
            });
        }
        if self.facet_limit > MAX_FACET_LIMIT {
            return Err(SearchError::OutOfRange {
                parameter: "facet_limit",
                value: i64::try_from(self.facet_limit).unwrap_or(i64::MAX),
                min: 0,
                max: MAX_FACET_LIMIT as i64,
            });
        }
        if let (Some(from), Some(to)) = (self.from, self.to)
            && let (Some(first), Some(last)) = (from.first_day(), to.last_day())
            && first > last
        {
            return Err(SearchError::EmptyDateRange {
                from: first.to_string(),
                to: last.to_string(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_parse() {
        assert_eq!(
            DateBound::parse_param("2024", "from").unwrap(),
            DateBound::Year(2024)
        );
        assert_eq!(
            DateBound::parse_param("2024-07-10", "to").unwrap(),
            DateBound::Day(NaiveDate::from_ymd_opt(2024, 7, 10).unwrap())
        );
        assert_eq!(
            DateBound::parse_param("2024-07", "to").unwrap().first_day(),
            NaiveDate::from_ymd_opt(2024, 7, 1)
        );
        for bad in [
            "",
            "24",
            "2024-13-01",
            "2024-02-30",
            "x",
            "2024-1-1-1",
            "+2024",
        ] {
            let error = DateBound::parse_param(bad, "from").unwrap_err();
            assert_eq!(error.parameter(), Some("from"), "{bad}");
        }
    }

    #[test]
    fn limits_name_their_parameter() {
        let long = SearchRequest::query("ح".repeat(10_000));
        let error = long.validate().unwrap_err();
        assert_eq!(error.parameter(), Some("q"));
        assert!(error.to_string().contains("500"), "{error}");
        let request = SearchRequest {
            per_page: 1000,
            ..SearchRequest::default()
        };
        assert_eq!(
            request.validate().unwrap_err().parameter(),
            Some("per_page")
        );
        let request = SearchRequest {
            from: Some(DateBound::Year(2024)),
            to: Some(DateBound::Year(2020)),
            ..SearchRequest::default()
        };
        assert_eq!(request.validate().unwrap_err().parameter(), Some("to"));
        for right in ["—", " ", "x".repeat(MAX_RIGHT_CHARS + 1).as_str()] {
            let request = SearchRequest {
                right: Some(right.into()),
                ..SearchRequest::default()
            };
            let error = request.validate().unwrap_err();
            assert_eq!(error.parameter(), Some("right"), "{right:?}");
        }
    }
}
