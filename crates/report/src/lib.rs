//! The one report engine. A report — the UPR mid-term report a State sends to the Council, the
//! summary report of a mandate's seminars and consultations — is built as a [`Report`]: its
//! masthead in the layout of UN documents (symbol, distribution, date, session, agenda item), a
//! title, and blocks (headings, paragraphs, lists, tables, stacked-bar charts). The web crate
//! writes a report as HTML with its page templates; [`pdf`] typesets the same report as PDF with
//! Typst, Arabic shaped and laid out right to left.
//!
//! Typst is used as a library: the report becomes Typst source in which every text the report
//! holds is a string literal (so no text can be read as markup or code), compiled against the
//! fonts built into this crate (Amiri, which has Arabic and Latin, so a report needs no font
//! installed on the server), and exported to PDF.
//!
//! A report serializes with serde, to store each version of it; its body is edited as plain
//! text with [`to_markup`] and [`apply_markup`] (the text's form is in [`markup`]).

mod document;
pub mod markup;
mod typeset;

pub use document::{BarSpec, Block, Cells, Column, Language, Masthead, Report};
pub use markup::{MAX_MARKUP_BYTES, MarkupError, apply_markup, to_markup};
pub use typeset::{ReportError, pdf, typst_source};
