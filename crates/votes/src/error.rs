//! Why an import failed. Every variant names the file and, where there is one, the row
//! (1-based, the header being row 1: the number a spreadsheet shows) and the column, so that
//! whoever prepared the file can find the cell.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },

    /// The bytes are not CSV the `csv` crate can read (for example a quote never closed).
    #[error("{file} row {row}: not readable as CSV: {message}")]
    Csv {
        file: String,
        row: u64,
        message: String,
    },

    #[error("{file}: no column {column} in the header")]
    MissingColumn { file: String, column: String },

    #[error("{file} row 1: column {column} appears twice in the header")]
    DuplicateColumn { file: String, column: String },

    #[error("{file} row {row}: expected {expected} columns, found {found}")]
    ColumnCount {
        file: String,
        row: u64,
        expected: usize,
        found: usize,
    },

    /// A cell that does not hold what its column must: an unknown vote code or word, a number
    /// or date that does not parse, bytes that are not UTF-8.
    #[error("{file} row {row}, column {column}: {problem}")]
    InvalidValue {
        file: String,
        row: u64,
        column: String,
        value: String,
        problem: String,
    },

    /// A State code or name the built-in table does not know (see `ReadOptions::skip_unknown`).
    #[error("{file} row {row}, column {column}: unknown State {value:?}{detail}")]
    UnknownState {
        file: String,
        row: u64,
        column: String,
        value: String,
        /// Extra words for the message, starting with a separator (or empty).
        detail: String,
    },

    /// A vote or issue row pointing at a roll call the roll-call file does not have.
    #[error("{file} row {row}, column {column}: no roll call {id:?} in {other}")]
    UnknownRollCall {
        file: String,
        row: u64,
        column: String,
        id: String,
        other: String,
    },

    /// An HRC vote column whose symbol has no row in `all-vote-data.csv`.
    #[error("{file} column {column}: no roll call {column:?} in {other}")]
    ColumnWithoutRollCall {
        file: String,
        column: String,
        other: String,
    },

    /// An HRC roll call with no column of votes in `all-votes.csv`.
    #[error("{file} row {row}, column {column}: roll call {id:?} has no column in {other}")]
    RollCallWithoutVotes {
        file: String,
        row: u64,
        column: String,
        id: String,
        other: String,
    },

    #[error("{file} row {row}, column {column}: roll call {id:?} already given at row {first_row}")]
    DuplicateRollCall {
        file: String,
        row: u64,
        column: String,
        id: String,
        first_row: u64,
    },

    /// Two rows for one State (possibly under two codes that resolve to the same State).
    #[error(
        "{file} row {row}, column {column}: {state} already has a row (as {first_value:?}, row {first_row})"
    )]
    DuplicateState {
        file: String,
        row: u64,
        column: String,
        state: String,
        first_value: String,
        first_row: u64,
    },

    /// The same State voting twice on one roll call (possibly under two names that resolve to
    /// the same State, such as "Germany" and "Federal Republic of Germany").
    #[error(
        "{file} row {row}: {state} already voted on roll call {roll_call:?} (as {first_value:?}, row {first_row})"
    )]
    DuplicateVote {
        file: String,
        row: u64,
        state: String,
        roll_call: String,
        first_value: String,
        first_row: u64,
    },
}

impl ImportError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ImportError::Io { file, .. }
            | ImportError::Csv { file, .. }
            | ImportError::MissingColumn { file, .. }
            | ImportError::DuplicateColumn { file, .. }
            | ImportError::ColumnCount { file, .. }
            | ImportError::InvalidValue { file, .. }
            | ImportError::UnknownState { file, .. }
            | ImportError::UnknownRollCall { file, .. }
            | ImportError::ColumnWithoutRollCall { file, .. }
            | ImportError::RollCallWithoutVotes { file, .. }
            | ImportError::DuplicateRollCall { file, .. }
            | ImportError::DuplicateState { file, .. }
            | ImportError::DuplicateVote { file, .. } => file,
        }
    }

    /// The row the error is about (1-based, header = 1), when it is about one row.
    pub fn row(&self) -> Option<u64> {
        match self {
            ImportError::Csv { row, .. }
            | ImportError::ColumnCount { row, .. }
            | ImportError::InvalidValue { row, .. }
            | ImportError::UnknownState { row, .. }
            | ImportError::UnknownRollCall { row, .. }
            | ImportError::RollCallWithoutVotes { row, .. }
            | ImportError::DuplicateRollCall { row, .. }
            | ImportError::DuplicateState { row, .. }
            | ImportError::DuplicateVote { row, .. } => Some(*row),
            ImportError::DuplicateColumn { .. } => Some(1),
            ImportError::Io { .. }
            | ImportError::MissingColumn { .. }
            | ImportError::ColumnWithoutRollCall { .. } => None,
        }
    }
}
