//! The summary report of a mandate's regional seminars and calls for inputs (HRC resolution
//! 56/2, op. 30 and 36) as a document of the platform's one report engine (`taawun-report`),
//! in Arabic or English.
//!
//! The cooperation crate draws up the report's content ([`SummaryReport`]: participation,
//! challenges, gaps and good practices by theme, quotations as consent allows, consultations,
//! practices cited); [`document`] writes it as a [`Report`] in the layout of a UN document — the
//! masthead the secretariat gives ([`MastheadInput`]), the title, an introduction stating the
//! mandate and every figure, participation as charts and tables, a chapter per kind of input
//! with a section per theme, the calls for inputs, the practices cited with their citations,
//! and an annex of the seminars. The web crate shows the same [`Report`] as HTML and
//! [`taawun_report::pdf`] typesets it.
//!
//! ```
//! use chrono::NaiveDate;
//! use taawun_cooperation::MandateRef;
//! use taawun_summary::{Bilingual, Distribution, Lang, MastheadInput};
//!
//! let masthead = MastheadInput {
//!     symbol: "A/HRC/63/21".into(),
//!     distribution: Distribution::General,
//!     date: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
//!     session: 63,
//!     agenda_item: 2,
//!     agenda_title: Bilingual {
//!         ar: "التقرير السنوي لمفوض الأمم المتحدة السامي لحقوق الإنسان".into(),
//!         en: "Annual report of the United Nations High Commissioner for Human Rights".into(),
//!     },
//!     mandate: MandateRef { resolution: "A/HRC/RES/56/2".into(), paragraph: "30".into() },
//! };
//! # let _ = (masthead, Lang::Ar);
//! // let report = taawun_cooperation::build_report(&mandate, &seminars, &calls, &links, as_of)?;
//! // let pdf = taawun_report::pdf(&taawun_summary::document(&report, Lang::Ar, &masthead))?;
//! ```
//!
//! The texts of the report are written here in both languages, with the wording of the
//! Office's reports; what participants wrote is shown as written, in its own language and
//! direction.

mod document;
mod lang;
mod masthead;
mod quote;

pub use document::document;
pub use lang::Lang;
pub use masthead::{Bilingual, Distribution, MastheadInput};
pub use taawun_cooperation::SummaryReport;
pub use taawun_report::Report;
