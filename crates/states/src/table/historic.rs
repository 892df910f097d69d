//! See `super` for what this table is.

use crate::model::*;

pub static STATES: &[State] = &[];
