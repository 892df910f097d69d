//! The Human Rights Council's calendar, and the mandates of its resolutions followed to what
//! they produced.
//!
//! - [`calendar`]: the Council's sessions — regular and special, each with its opening and
//!   closing day — as a built-in table written from the Council's own documents ([`table`]),
//!   overlaid by the secretariat's amendments (a session added or its dates corrected), so that
//!   "at its fifty-ninth session" becomes a range of days and the platform knows which sessions
//!   have closed.
//! - [`mandates`]: a mandate's outputs (a report, a seminar, a compilation, a consultation) and
//!   the status they give it — pending, in preparation, delivered, late, discontinued — read
//!   against the calendar on a given day.
//!
//! No SQL, no HTTP and no clock: the store and the web crate pass in what they read and the day
//! it is.

pub mod calendar;
pub mod mandates;
pub mod table;

pub use calendar::{Calendar, CalendarError, Session, SessionKind};
pub use mandates::{OutputDraft, OutputError, OutputKind, OutputState, Progress, Status};
