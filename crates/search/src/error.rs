//! Errors. [`SearchError`] is about the request (each variant names the parameter, so that the
//! API can answer 400 with it) except [`SearchError::Index`]; [`IndexError`] is about opening
//! and writing the index.

use std::path::PathBuf;

/// Why a search request was refused.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("`{parameter}` is {length} characters long; at most {max} are accepted")]
    TooLong {
        parameter: &'static str,
        length: usize,
        max: usize,
    },
    #[error("`{parameter}` has {count} terms; at most {max} are accepted")]
    TooManyTerms {
        parameter: &'static str,
        count: usize,
        max: usize,
    },
    #[error("`{parameter}` must be between {min} and {max}; got {value}")]
    OutOfRange {
        parameter: &'static str,
        value: i64,
        min: i64,
        max: i64,
    },
    #[error("`{parameter}`: {value:?} is not {expected}")]
    InvalidValue {
        parameter: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("`from` ({from}) is after `to` ({to})")]
    EmptyDateRange { from: String, to: String },
    /// The index failed: not the request's fault.
    #[error("the search index failed: {0}")]
    Index(#[from] tantivy::TantivyError),
}

impl SearchError {
    /// The request parameter at fault, or `None` when the index failed.
    pub fn parameter(&self) -> Option<&'static str> {
        match self {
            SearchError::TooLong { parameter, .. }
            | SearchError::TooManyTerms { parameter, .. }
            | SearchError::OutOfRange { parameter, .. }
            | SearchError::InvalidValue { parameter, .. } => Some(parameter),
            SearchError::EmptyDateRange { .. } => Some("to"),
            SearchError::Index(_) => None,
        }
    }
}

/// Why the index could not be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("cannot create the index directory {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the index directory {path}: {source}")]
    OpenDir {
        path: PathBuf,
        source: tantivy::directory::error::OpenDirectoryError,
    },
    /// Another writer (this process, or `taawun reindex` in another) holds the index lock.
    #[error("the search index is being written by another writer; try again when it has finished")]
    Busy,
    #[error("the search index failed: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}
