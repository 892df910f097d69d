//! [`crate::Searchable`] for each record type of the platform, one module per type.

mod practice;
mod resolution;
mod upr;
mod voting_record;

pub use practice::{PracticeDocument, right_slug};
pub use resolution::body_code;
pub use upr::{SdgBook, SdgRecord, SdgTitles, UprPledge, UprRecommendation};
pub use voting_record::VotingRecord;
