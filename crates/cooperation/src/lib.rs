//! International cooperation under HRC resolution 56/2 (op. 29–31, 36) as the domain sees it.
//!
//! - [`field`]: the checks every form shares (State codes, languages, e-mail addresses, links,
//!   dates, themes) and [`FieldError`], which names the field and says what is wrong.
//! - [`practice`]: a good practice for the compendium as written, and what a complete one is.
//! - [`moderation`]: the secretariat's reading of each practice before it is published, the
//!   versions of a published practice, and the history of every step.
//! - [`citation`]: the practice numbers (`P-2026-0042`) and citations in English and Arabic.
//! - [`seminar`]: the regional seminars (op. 30): agenda, registration and the secretariat's
//!   decisions, the public list of participants, participants' inputs, the rapporteur's notes.
//! - [`consultation`]: calls for inputs and their submissions, late ones marked.
//! - [`report`]: the content of a mandate's summary report, built from the above as plain data
//!   for the report crate to render.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use taawun_cooperation::{
//!     Attempt, Language, PracticeDraft, PracticeNumber, PracticeRecord, Role, Step,
//!     practice::ResultDraft,
//! };
//!
//! let draft = PracticeDraft {
//!     title: "Mobile courts".into(),
//!     summary: "Two States shared the design of mobile courts.".into(),
//!     modality: "south-south".into(),
//!     partners: vec!["KEN".into(), "MAR".into()],
//!     region: "african".into(),
//!     start: "2024-03-01".into(),
//!     results: vec![ResultDraft { text: "4,000 cases heard.".into(), urls: vec![] }],
//!     contact: "focal.point@example.org".into(),
//!     languages: vec!["en".into()],
//!     ..PracticeDraft::default()
//! };
//! let mut record = PracticeRecord::new(1, draft.validate().expect("a complete practice"));
//! let at = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
//! let step = |step, role| Attempt { step, role, reason: "", number: None };
//! record.take(&step(Step::Submit, Role::Submitter), at).unwrap();
//! let number = PracticeNumber::next(2026, []);
//! record.take(&Attempt { number: Some(number), ..step(Step::Publish, Role::Secretariat) }, at).unwrap();
//! assert_eq!(
//!     record.citation(None, Language::En, "https://taawun.example/p/P-2026-0001").unwrap(),
//!     "Mobile courts. Taawun best-practice compendium, practice P-2026-0001 \
//!      (version 1, published 7 December 2026). https://taawun.example/p/P-2026-0001"
//! );
//! ```
//!
//! No SQL, no HTTP and no clock here: the store gives the ids, the caller gives the time, and
//! the tests exercise the functions directly.

pub mod citation;
pub mod consultation;
pub mod field;
pub mod moderation;
pub mod practice;
pub mod report;
pub mod seminar;
mod vocab;

pub use citation::{Language, PracticeNumber};
pub use consultation::{Call, CallDraft, MandateRef, Submission, SubmissionDraft, SubmitterType};
pub use field::{FieldError, Theme};
pub use moderation::{Attempt, Event, Position, PracticeRecord, Refusal, Stage, Step};
pub use practice::{Modality, Practice, PracticeDraft, SdgTarget};
pub use report::{SummaryReport, build_report};
pub use seminar::{
    Input, InputDraft, InputKind, Registration, RegistrationDraft, RegistrationStatus, Seminar,
    SeminarDraft, StakeholderType,
};
pub use vocab::{Region, Role};
