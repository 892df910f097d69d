//! The UN's own documents of one Universal Periodic Review, as OHCHR publishes them:
//!
//! - [`report`]: the Working Group's report (A/HRC/…, a PDF): its chapter "Conclusions and/or
//!   recommendations" lists the recommendations (140.1, 140.2, …), each ending with the States
//!   that made it in parentheses, and says whether the State under review supports them or will
//!   examine them;
//! - [`addendum`]: the report's addendum (A/HRC/…/Add.1, a PDF), the State's views: which
//!   recommendations it supports and which it notes, as lists of numbers, and its comments;
//! - [`thematic`]: OHCHR's thematic list of the recommendations (a Word `.docx`): a table of the
//!   recommendations by theme with the State's position, the themes, the persons concerned, the
//!   Sustainable Development Goals and, in the second and third cycles, an assessment column;
//! - [`read_review`]: any of these together, as one list of [`crate::Recommendation`]s, each with
//!   every source it was read in.
//!
//! The PDFs are read through `pdftotext -layout` ([`taawun_pdf`]); the pages' furniture (the
//! symbol at the top, the page and job numbers at the foot, the footnotes) is left out of the
//! texts. State names are resolved with the platform's resolver: a name it cannot tie to one
//! State is listed, with where it was met, never guessed. What a document says that does not add
//! up (a number listed both as supported and as noted, or in no list) is reported as a
//! [`Warning`] with its place, and no position is chosen for it. What cannot be read is an
//! [`OhchrError`] naming the file and the place, and nothing is returned then.

pub mod addendum;
pub mod report;
mod review;
mod text;
pub mod thematic;

use std::fmt;

use taawun_pdf::PdfError;
use thiserror::Error;

use crate::model::Source;

pub use review::{DocumentKind, Review, detect_kind, read_review, read_reviews};
pub use text::Paragraph;

/// What cannot be read: the file, where in it, and why.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum OhchrError {
    /// The file is not one of the documents read here (a PDF that is no report of the Working
    /// Group nor its addendum, a file neither PDF nor `.docx`).
    #[error("{file}: {message}")]
    NotRecognised { file: String, message: String },
    /// The PDF's text could not be had.
    #[error("{file}: {source}")]
    Pdf {
        file: String,
        #[source]
        source: PdfError,
    },
    /// The `.docx` is not a readable Word file (not a zip, no `word/document.xml`, bad XML).
    #[error("{file}: not a readable Word document: {message}")]
    Docx { file: String, message: String },
    /// The `.docx` holds no table of recommendations.
    #[error(
        "{file}: no table of recommendations in the document (a table whose header row has a \
         recommendation column and a position column)"
    )]
    NoTable { file: String },
    /// Something the document must say and does not (its symbol, its session, its chapter of
    /// recommendations).
    #[error("{file}: {message}")]
    Missing { file: String, message: String },
    /// A line of a PDF's text that cannot be read as what it should be.
    #[error("{file}, page {page}, line {line}: {message}")]
    Text {
        file: String,
        page: u32,
        line: u32,
        message: String,
    },
    /// A table cell that cannot be read as what its column holds.
    #[error("{file}, table row {row}, column {column:?}: {message}")]
    Cell {
        file: String,
        row: u32,
        column: String,
        message: String,
    },
    /// Documents given together that are not of one review, or not usable together.
    #[error("{files}: {message}")]
    Together { files: String, message: String },
}

/// What a document says that does not add up, and where: read, but worth a person's look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub source: Source,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source.file)?;
        match self.source.page {
            Some(page) => write!(f, ", page {page}, line {}", self.source.line)?,
            None if self.source.line > 0 => write!(f, ", table row {}", self.source.line)?,
            None => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// Where a line of a PDF is, as a [`Source`].
pub(crate) fn pdf_source(file: &str, page: u32, line: u32) -> Source {
    Source {
        file: file.to_owned(),
        line: u64::from(line),
        page: Some(page),
    }
}

/// A PDF's pages, as text.
pub(crate) fn pdf_pages(file: &str, bytes: &[u8]) -> Result<Vec<String>, OhchrError> {
    let text = taawun_pdf::extract(bytes).map_err(|source| OhchrError::Pdf {
        file: file.to_owned(),
        source,
    })?;
    Ok(text.pages().to_vec())
}
