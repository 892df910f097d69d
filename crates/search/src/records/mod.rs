//! [`crate::Searchable`] for each record type of the platform, one module per type.

mod resolution;

pub use resolution::body_code;
