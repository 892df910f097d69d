//! What a search returns.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::document::{ParagraphKind, RecordType};
use crate::facets::Facets;
use crate::language::Language;
use crate::snippet::Snippet;

/// How the request was understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Words were searched; hits are ranked as `sort` says.
    Search,
    /// `q` had no words (empty, or only exclusions): every document passing the filters, newest
    /// first unless `sort` says oldest.
    Browse,
}

/// Why there are no hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Notice {
    /// Every word of the query is a stop word (في, من, "the", "de"): nothing to look for.
    OnlyStopWords,
    /// The query has no letters or digits that make a word.
    NoSearchableTerms,
    /// Nothing matches the query and filters (this includes filter values that no document
    /// has, such as an unknown State code).
    NoMatches,
    /// There are matches, but the page asked for is past the last one.
    PageOutOfRange,
    /// The page asked for is deeper than the result window served
    /// ([`crate::request::MAX_RESULT_WINDOW`] hits): narrow the search.
    PageBeyondWindow,
}

/// One matching document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub record_key: String,
    pub record_type: RecordType,
    pub kind: ParagraphKind,
    pub symbol: Option<String>,
    pub title: String,
    /// The paragraph's anchor on the record's page (`op-22`).
    pub anchor: Option<String>,
    pub language: Language,
    pub body: Option<String>,
    pub session: Option<u32>,
    pub date: Option<NaiveDate>,
    /// The State under review, for the review's records (a pledge's page is its State's).
    pub reviewed: Option<String>,
    /// BM25 score (with the exact-match boost); `None` when sorted by date.
    pub score: Option<f32>,
    /// The document lacks one of the query's words: on a first page that the documents with
    /// every word do not fill, they are followed by those with all of the words but one
    /// (`total` counts only the former).
    #[serde(default)]
    pub partial: bool,
    pub snippet: Snippet,
    /// The language of the snippet: the record's, or that of the label the words were found
    /// in (an English recommendation found by its theme's Arabic name shows that name).
    pub snippet_language: Language,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Matching documents in all pages.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub mode: Mode,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// Set when `hits` is empty, saying why.
    pub notice: Option<Notice>,
}

impl SearchResults {
    pub(crate) fn empty(page: u32, per_page: u32, notice: Notice) -> SearchResults {
        SearchResults {
            total: 0,
            page,
            per_page,
            mode: Mode::Search,
            hits: Vec::new(),
            facets: Facets::default(),
            notice: Some(notice),
        }
    }

    /// The number of pages (at least 1).
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(u64::from(self.per_page.max(1))).max(1)
    }
}
