//! The project's own table of States: UN terminology names in the six languages, regional
//! groups, codes and aliases. Written by hand (from UNTERM, the M49 standard and ISO 3166),
//! checked by tests against public data sets that are read in place, never copied.

mod african;
mod asia_pacific;
mod eastern_european;
mod historic;
mod latin_american_caribbean;
mod others;
mod territories;
mod western_european_others;

use crate::State;

/// Every entry of the built-in table, grouped by UN regional group, then non-members.
pub fn all() -> impl Iterator<Item = &'static State> {
    african::STATES
        .iter()
        .chain(asia_pacific::STATES)
        .chain(eastern_european::STATES)
        .chain(latin_american_caribbean::STATES)
        .chain(western_european_others::STATES)
        .chain(others::STATES)
        .chain(territories::STATES)
        .chain(historic::STATES)
}
