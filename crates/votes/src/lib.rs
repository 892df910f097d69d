//! Recorded votes of the Human Rights Council and the General Assembly: importing them from the
//! formats they are published in, and analysing them. Pure: no storage, no HTTP.
//!
//! - [`hrc`] and [`unga`] read a directory (or the files' bytes) into a [`Dataset`] of
//!   [`RollCall`]s and [`CastVote`]s, with State codes mapped to the ISO3 codes of the built-in
//!   table (`taawun_states`), every failure naming file, row and column ([`ImportError`]),
//!   and what was repaired on the way listed as [`Note`]s.
//! - [`VoteMatrix`] packs votes into one byte per (State, roll call) and bit-sets, for
//!   [`agreement`](mod@agreement) (three definitions), [`cohesion`](mod@cohesion) and a two-dimensional map of States
//!   ([`mds`]).
//! - [`outcome`](mod@outcome) decides whether a roll call carried, from its tally and the body's rule.

pub mod agreement;
pub mod cohesion;
mod error;
pub mod hrc;
mod matrix;
pub mod mds;
mod model;
pub mod outcome;
mod parse;
mod states;
pub mod symbol;
mod table;
pub mod unga;

pub use agreement::{
    Agreement, AgreementMatrix, Definition, agreement, agreement_matrix, agreement_of,
    agreement_with_all, majority_share, majority_shares,
};
pub use cohesion::{Cohesion, agreement_index, cohesion};
pub use error::ImportError;
pub use matrix::{Tally, VoteMatrix};
pub use mds::{Mds, MdsOptions, classical_mds, mds_from_agreement};
pub use model::{Body, CastVote, Dataset, Note, RollCall, Skipped, VoteChoice};
pub use outcome::{Kind, Outcome, Rule, kind_of, outcome};
pub use table::{PROGRESS_EVERY, Progress, ReadOptions};

use std::path::Path;

/// A whole file, read at once: the parsers work on bytes so that they serve uploads as well
/// as files, and the largest file (21 MB) fits in memory many times over.
fn read_file(dir: &Path, name: &str) -> Result<Vec<u8>, ImportError> {
    std::fs::read(dir.join(name)).map_err(|source| ImportError::Io {
        file: name.to_owned(),
        source,
    })
}

/// [`read_file`] for a file the format does not require: `None` when it does not exist.
fn read_optional_file(dir: &Path, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
    match std::fs::read(dir.join(name)) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ImportError::Io {
            file: name.to_owned(),
            source,
        }),
    }
}
