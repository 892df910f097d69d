//! What the shared code needs of an engine's types, said once.
//!
//! Rust does not carry a trait's where-clauses about other types (`i64: Encode<Self>`) to the
//! places that use the trait, so each generic `impl` block here repeats its bounds; `Column`
//! bundles those of one value type so that the repetition stays a few lines.

use sqlx::{Database, Decode, Encode, Type};

/// A Rust type both bound as a parameter and read from a column on engine `DB`.
pub trait Column<DB: Database>:
    for<'q> Encode<'q, DB> + for<'r> Decode<'r, DB> + Type<DB> + Send + Sync
{
}

impl<DB: Database, T> Column<DB> for T where
    T: for<'q> Encode<'q, DB> + for<'r> Decode<'r, DB> + Type<DB> + Send + Sync
{
}
