//! The Universal Periodic Review's records, free of storage and HTTP: the recommendations a
//! State under review received, what it answered, its voluntary pledges — and the readers of
//! the sources they come from:
//!
//! - [`upr_info`]: UPR Info's compilation of sessions 1-20 (CSV);
//! - [`ohchr`]: the UN's own documents of one review — the Working Group's report and its
//!   addendum (PDFs, read through `pdftotext`) and OHCHR's thematic list (`.docx`) — each on its
//!   own or combined into one list by the recommendations' paragraph numbers.

pub mod model;
pub mod ohchr;
pub mod themes;
pub mod upr_info;

pub use model::{ActionCategory, Pledge, Recommendation, Response, Source, cycle_of_session};
