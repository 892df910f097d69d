//! Taawun's search engine: one embedded [tantivy] index over every record of the platform —
//! resolution titles and paragraphs now, UPR recommendations, best practices, assistance
//! requests and events as they arrive — with analysis that understands Arabic as well as
//! the other five UN languages, facets, and highlighted snippets.
//!
//! ```
//! use taawun_search::{
//!     Language, ParagraphKind, RecordType, SearchDocument, SearchIndex, SearchRequest,
//! };
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let index = SearchIndex::in_memory()?;
//! // Usually `index.upsert(&resolution)` with any `Searchable` record, such as a parsed
//! // `taawun_documents::Resolution`; here one paragraph by hand.
//! index.replace_record(
//!     "resolution:A/HRC/RES/56/2",
//!     &[SearchDocument {
//!         record_key: "resolution:A/HRC/RES/56/2".into(),
//!         record_type: RecordType::Resolution,
//!         kind: ParagraphKind::Operative,
//!         anchor: Some("op-1".into()),
//!         symbol: Some("A/HRC/RES/56/2".into()),
//!         title: "تعزيز التعاون الدولي في ميدان حقوق الإنسان".into(),
//!         language: Language::Ar,
//!         text: "يؤكد أهمية تعزيز التعاون الدولي في ميدان حقوق الإنسان".into(),
//!         body: Some("hrc".into()),
//!         session: Some(56),
//!         date: chrono::NaiveDate::from_ymd_opt(2024, 7, 10),
//!         states: vec!["CMR".into(), "CHN".into()],
//!         review: Default::default(),
//!         labels: Vec::new(),
//!         practice: Default::default(),
//!     }],
//! )?;
//! let results = index.search(&SearchRequest {
//!     q: "والتعاون حق".into(), // the article, a conjunction and a singular: still found
//!     lang: Some(Language::Ar),
//!     body: Some("hrc".into()),
//!     ..SearchRequest::default()
//! })?;
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].anchor.as_deref(), Some("op-1"));
//! assert!(results.hits[0].snippet.html.contains("<mark>التعاون</mark>"));
//! assert_eq!(results.facets.state[0].count, 1);
//! # Ok(())
//! # }
//! ```
//!
//! The database is the source of truth: the platform calls [`SearchIndex::reindex`] to
//! rebuild from it, and [`SearchIndex::upsert`] / [`SearchIndex::delete_record`] on each
//! write. See the crate's README for the analysers, the query syntax, the relevance test set
//! and the benchmark.

pub mod analysis;
mod compile;
mod directory;
mod document;
mod error;
mod facets;
mod filters;
mod index;
mod language;
pub mod query;
mod records;
mod request;
mod results;
mod schema;
pub mod snippet;
mod symbol;

pub use compile::{EXACT_BOOST, EXACT_BOOST_SNOWBALL, NEAR_BOOST, NEAR_SLOP};
pub use document::{
    Label, ParagraphKind, PracticeFields, RecordType, ReviewFields, SearchDocument, Searchable,
};
pub use error::{IndexError, SearchError};
pub use facets::{FacetCount, Facets};
pub use index::{
    FORMAT_VERSION, IndexUpdate, OpenStatus, ReindexOptions, ReindexStats, SearchIndex,
};
pub use language::{Language, candidate_languages};
pub use records::{
    PracticeDocument, SdgBook, SdgRecord, SdgTitles, UprPledge, UprRecommendation, VotingRecord,
    body_code, right_slug,
};
pub use request::{
    DEFAULT_FACET_LIMIT, DEFAULT_PER_PAGE, DateBound, MAX_ALTERNATIVES, MAX_FACET_LIMIT,
    MAX_PER_PAGE, MAX_QUERY_CHARS, MAX_QUERY_TERMS, MAX_RESULT_WINDOW, MAX_RIGHT_CHARS,
    SearchRequest, Sort,
};
pub use results::{Hit, Mode, Notice, SearchResults};
pub use snippet::Snippet;
pub use symbol::{SymbolQuery, symbol_query};
