//! The assistance funds of resolution 56/2 (op. 20–23, 26) as the domain sees them:
//!
//! - [`config`]: each fund as configuration — names and terms in the six languages, the kinds of
//!   request it takes, what a request must contain, the target days of each stage; the three
//!   funds of the resolution are built in (`funds.toml`).
//! - [`money`]: amounts in a currency's minor units with their ISO 4217 code, exchange rates as
//!   integers; never floating point.
//! - [`request`]: a request as a State writes it, and what it lacks before it can be submitted.
//! - [`workflow`]: the stages of a request, which role may take which step from which stage,
//!   the reasons steps must give, and the version check that tells the second of two writers.
//! - [`timeliness`]: days in each stage with the clock paused while the State answers, overdue
//!   requests, and the median, 90th percentile and share within target the register publishes.
//! - [`ledger`]: the double-entry books of a fund — pledges, contributions, programme support,
//!   approvals, disbursements, reversals — balances derived from entries and [`ledger::verify`].
//!
//! - [`iati`]: approved requests as IATI 2.03 activities, written as a stream.
//!
//! No SQL and no HTTP here: the store and the web crate call these, and the tests exercise them
//! directly.

pub mod config;
pub mod iati;
pub mod ledger;
pub mod money;
pub mod request;
pub mod timeliness;
pub mod workflow;

pub use config::{Content, CrisisKind, Fund, RequestType, Texts, default_funds, parse_funds};
pub use money::{Currency, Money, MoneyError, Rate};
pub use workflow::{Outcome, Role, Stage, Step};
