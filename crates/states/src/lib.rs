//! Every State the platform meets in UN documents, and a resolver from names as written to codes.
//!
//! The table ([`all`]) is the project's own: UN terminology names in the six official languages,
//! the UN regional groups, ISO 3166 codes, M49 sub-regions and aliases. The [`Resolver`] turns a
//! name as written in a document (any language, formal or short, damaged by PDF extraction) into
//! an ISO3 code, and says how sure it is.

mod m49;
mod model;
mod resolver;
mod table;

pub use m49::{REGIONS, SubRegion, region_of, sub_region};
pub use model::{Names, RegionalGroup, State, UnStatus};
pub use resolver::{Candidate, MatchKind, Resolution, Resolver, edit_distance};

use std::collections::HashMap;
use std::sync::OnceLock;

/// Every entry of the built-in table.
pub fn all() -> impl Iterator<Item = &'static State> {
    table::all()
}

/// The entry with this ISO3 code (case-insensitive).
pub fn by_iso3(iso3: &str) -> Option<&'static State> {
    static INDEX: OnceLock<HashMap<String, &'static State>> = OnceLock::new();
    INDEX
        .get_or_init(|| all().map(|s| (s.iso3.to_owned(), s)).collect())
        .get(&iso3.to_ascii_uppercase())
        .copied()
}
