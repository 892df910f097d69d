//! The Human Rights Council's recorded votes in the format of the OHCHR voting-record scrape
//! (github tsujamin/unhrc-nominate), a directory of three files:
//!
//! - `all-vote-data.csv`: `Resolution` (symbol), `Date` (`2006/06/29`), `Summary` (title,
//!   then ":resolution /adopted by the Human Rights Council at its 1st session" or
//!   ":amendment /…" or ":decision /…");
//! - `all-votes.csv`: `Country` (ISO3), then one column per roll call, named by its symbol,
//!   with codes 0 no, 1 yes, 2 abstain, 3 present not voting, 4 not a member;
//! - `all-legis-data.csv` (optional): `Country`, `Country Long`, `party`. Used only to
//!   cross-check codes against names; disagreements become notes.
//!
//! Every vote column must have its row in `all-vote-data.csv` and every row its column: a
//! roll call without votes, or votes without a roll call, means the files do not belong
//! together.

use std::collections::HashMap;
use std::path::Path;

use crate::ImportError;
use crate::model::{Body, CastVote, Dataset, Note, RollCall, Skipped, VoteChoice};
use crate::parse::{collapse_whitespace, ymd};
use crate::states::{by_code, decide};
use crate::symbol;
use crate::table::{Progress, ReadOptions, Reporter, Table};

pub const VOTE_DATA: &str = "all-vote-data.csv";
pub const VOTES: &str = "all-votes.csv";
pub const LEGIS: &str = "all-legis-data.csv";

/// The contents of the three files.
#[derive(Clone, Copy, Debug)]
pub struct HrcFiles<'a> {
    pub vote_data: &'a [u8],
    pub votes: &'a [u8],
    pub legis: Option<&'a [u8]>,
}

/// Reads the three files from `dir` (`all-legis-data.csv` may be missing).
pub fn read_dir(
    dir: &Path,
    options: &ReadOptions,
    progress: Option<&mut dyn FnMut(Progress)>,
) -> Result<Dataset, ImportError> {
    let vote_data = crate::read_file(dir, VOTE_DATA)?;
    let votes = crate::read_file(dir, VOTES)?;
    let legis = crate::read_optional_file(dir, LEGIS)?;
    read(
        HrcFiles {
            vote_data: &vote_data,
            votes: &votes,
            legis: legis.as_deref(),
        },
        options,
        progress,
    )
}

/// Reads the files' contents. Either everything is read or nothing is returned.
pub fn read(
    files: HrcFiles,
    options: &ReadOptions,
    progress: Option<&mut dyn FnMut(Progress)>,
) -> Result<Dataset, ImportError> {
    let mut reporter = Reporter::new(progress);
    let mut dataset = Dataset::default();
    let rows = read_vote_data(files.vote_data, &mut reporter, &mut dataset)?;
    read_votes(files.votes, &rows, options, &mut reporter, &mut dataset)?;
    if let Some(legis) = files.legis {
        read_legis(legis, &mut reporter, &mut dataset)?;
    }
    Ok(dataset)
}

/// Where each roll call was given, for messages.
struct RollCallRows {
    row_of: Vec<u64>,
    index_of: HashMap<String, usize>,
    column: String,
}

fn read_vote_data(
    bytes: &[u8],
    reporter: &mut Reporter,
    dataset: &mut Dataset,
) -> Result<RollCallRows, ImportError> {
    let mut table = Table::new(VOTE_DATA, bytes)?;
    let symbol_column = table.column("Resolution")?;
    let date_column = table.column("Date")?;
    let summary_column = table.column("Summary")?;
    let mut rows = RollCallRows {
        row_of: Vec::new(),
        index_of: HashMap::new(),
        column: table.column_name(symbol_column).to_owned(),
    };
    while table.next(reporter)? {
        let id = table.text(symbol_column)?;
        if id.is_empty() {
            return Err(table.invalid(symbol_column, "empty symbol"));
        }
        if let Some(&first) = rows.index_of.get(id) {
            return Err(ImportError::DuplicateRollCall {
                file: VOTE_DATA.to_owned(),
                row: table.row(),
                column: table.column_name(symbol_column).to_owned(),
                id: id.to_owned(),
                first_row: rows.row_of[first],
            });
        }
        let date_text = table.text(date_column)?;
        let date = ymd(date_text).ok_or_else(|| {
            table.invalid(
                date_column,
                format!("bad date {date_text:?} (expected year/month/day, like 2006/06/29)"),
            )
        })?;
        let (title, kind) = split_summary(table.text(summary_column)?);
        let normalised = symbol::hrc(id);
        if let Some(change) = normalised.change {
            dataset.notes.push(Note {
                file: VOTE_DATA.to_owned(),
                row: table.row(),
                value: id.to_owned(),
                message: format!("{change}: {}", normalised.symbol),
            });
        }
        let symbol = normalised.symbol;
        rows.index_of
            .insert(id.to_owned(), dataset.roll_calls.len());
        rows.row_of.push(table.row());
        dataset.roll_calls.push(RollCall {
            body: Body::Hrc,
            id: id.to_owned(),
            session: symbol::hrc_session(&symbol),
            draft: symbol::hrc_is_draft(&symbol),
            symbol: Some(symbol),
            date,
            day_known: true,
            description: String::new(),
            title,
            amendment: kind == Some(Kind::Amendment),
            paragraph_vote: false,
            important: false,
            issues: Vec::new(),
        });
    }
    Ok(rows)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Resolution,
    Decision,
    Amendment,
}

/// Splits "Title :amendment /Human Rights Council at its 47th session" into the title and the
/// kind of text voted on. The separator is not reliable: the colon is sometimes missing
/// ("…in its aftermathamendment /…") and titles contain colons of their own ("From rhetoric to
/// reality : a global call…"), so the kind is found as the last "resolution", "decision" or
/// "amendment" followed by a slash.
fn split_summary(summary: &str) -> (String, Option<Kind>) {
    let mut best: Option<(usize, Kind)> = None;
    for (word, kind) in [
        ("resolution", Kind::Resolution),
        ("decision", Kind::Decision),
        ("amendment", Kind::Amendment),
    ] {
        for (at, _) in summary.match_indices(word) {
            let after = summary[at + word.len()..].trim_start();
            if after.starts_with('/') && best.is_none_or(|(b, _)| at > b) {
                best = Some((at, kind));
            }
        }
    }
    match best {
        Some((at, kind)) => {
            let title = summary[..at].trim_end().trim_end_matches(':');
            (collapse_whitespace(title), Some(kind))
        }
        None => (collapse_whitespace(summary), None),
    }
}

fn vote_code(code: &[u8]) -> Option<VoteChoice> {
    Some(match code {
        b"0" => VoteChoice::No,
        b"1" => VoteChoice::Yes,
        b"2" => VoteChoice::Abstain,
        b"3" => VoteChoice::NonVoting,
        b"4" => VoteChoice::NotMember,
        _ => return None,
    })
}

fn read_votes(
    bytes: &[u8],
    rows: &RollCallRows,
    options: &ReadOptions,
    reporter: &mut Reporter,
    dataset: &mut Dataset,
) -> Result<(), ImportError> {
    let mut table = Table::new(VOTES, bytes)?;
    let country_column = table.column("Country")?;
    // Column -> roll call, checked both ways.
    let mut columns: Vec<(usize, usize)> = Vec::new();
    let mut has_column = vec![false; dataset.roll_calls.len()];
    for (column, name) in table.header().iter().enumerate() {
        if column == country_column {
            continue;
        }
        let index = rows.index_of.get(name.as_str()).copied().ok_or_else(|| {
            ImportError::ColumnWithoutRollCall {
                file: VOTES.to_owned(),
                column: name.clone(),
                other: VOTE_DATA.to_owned(),
            }
        })?;
        has_column[index] = true;
        columns.push((column, index));
    }
    if let Some(missing) = has_column.iter().position(|has| !has) {
        return Err(ImportError::RollCallWithoutVotes {
            file: VOTE_DATA.to_owned(),
            row: rows.row_of[missing],
            column: rows.column.clone(),
            id: dataset.roll_calls[missing].id.clone(),
            other: VOTES.to_owned(),
        });
    }
    let mut seen: HashMap<&'static str, (u64, String)> = HashMap::new();
    while table.next(reporter)? {
        let code = table.text(country_column)?;
        let Some(state) = by_code(code).or_else(|| decide("", code).state) else {
            if options.skip_unknown {
                dataset.skipped.push(Skipped {
                    file: VOTES.to_owned(),
                    row: table.row(),
                    value: code.to_owned(),
                    reason: "unknown State: every vote of this row left out".to_owned(),
                });
                continue;
            }
            return Err(ImportError::UnknownState {
                file: VOTES.to_owned(),
                row: table.row(),
                column: table.column_name(country_column).to_owned(),
                value: code.to_owned(),
                detail: String::new(),
            });
        };
        if !code.eq_ignore_ascii_case(state.iso3) {
            dataset.notes.push(Note {
                file: VOTES.to_owned(),
                row: table.row(),
                value: code.to_owned(),
                message: format!("not an ISO3 code; read as {}", state.iso3),
            });
        }
        if let Some((first_row, first_value)) = seen.get(state.iso3) {
            return Err(ImportError::DuplicateState {
                file: VOTES.to_owned(),
                row: table.row(),
                column: table.column_name(country_column).to_owned(),
                state: state.iso3.to_owned(),
                first_value: first_value.clone(),
                first_row: *first_row,
            });
        }
        seen.insert(state.iso3, (table.row(), code.to_owned()));
        for &(column, index) in &columns {
            let choice = vote_code(table.bytes(column)).ok_or_else(|| {
                table.invalid(
                    column,
                    format!(
                        "unknown vote code {:?} (expected 0 no, 1 yes, 2 abstain, 3 present not voting or 4 not a member)",
                        table.lossy(column)
                    ),
                )
            })?;
            dataset.votes.push(CastVote {
                roll_call_id: dataset.roll_calls[index].id.clone(),
                state: state.iso3.to_owned(),
                choice,
            });
        }
    }
    Ok(())
}

/// Cross-checks each ISO3 code against the State's long name.
fn read_legis(
    bytes: &[u8],
    reporter: &mut Reporter,
    dataset: &mut Dataset,
) -> Result<(), ImportError> {
    let mut table = Table::new(LEGIS, bytes)?;
    let code_column = table.column("Country")?;
    let name_column = table.optional_column("Country Long");
    while table.next(reporter)? {
        let code = table.text(code_column)?;
        let name = match name_column {
            Some(column) => table.text(column)?,
            None => "",
        };
        let coded = by_code(code);
        let named = decide("", name).state;
        let message = match (coded, named) {
            (Some(c), Some(n)) if c.iso3 != n.iso3 => format!(
                "the code is {} but the name {name:?} is {} in the table of States",
                c.iso3, n.iso3
            ),
            (None, _) => "the code is not in the table of States".to_owned(),
            (Some(_), None) if !name.is_empty() => {
                format!("the name {name:?} is not in the table of States")
            }
            _ => continue,
        };
        dataset.notes.push(Note {
            file: LEGIS.to_owned(),
            row: table.row(),
            value: code.to_owned(),
            message,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries() {
        assert_eq!(
            split_summary(
                "Human rights situation in Palestine and other  occupied Arab territories :decision /adopted by the Human Rights Council at its 1st session"
            ),
            (
                "Human rights situation in Palestine and other occupied Arab territories"
                    .to_owned(),
                Some(Kind::Decision)
            )
        );
        assert_eq!(
            split_summary(
                "From rhetoric to reality : a global call :resolution /adopted by the Human Rights Council"
            ),
            (
                "From rhetoric to reality : a global call".to_owned(),
                Some(Kind::Resolution)
            )
        );
        assert_eq!(
            split_summary(
                "Situation in Belarus in its aftermathamendment /Human Rights Council at its 46th session"
            ),
            (
                "Situation in Belarus in its aftermath".to_owned(),
                Some(Kind::Amendment)
            )
        );
        assert_eq!(
            split_summary("Just a title"),
            ("Just a title".to_owned(), None)
        );
    }

    const DATA: &str = "Resolution,Date,Summary\n\
        A/HRC/RES/1/1,2006/06/29,One :resolution /adopted by the Human Rights Council at its 1st session\n\
        A/HRC/1/L.2,2006/06/30,Two :amendment /Human Rights Council at its 1st session\n\
        A/HRC/RES/S-1/1,2006/07/06,Three :resolution /adopted by the Human Rights Council at its 1st special session\n";

    fn files<'a>(votes: &'a str) -> HrcFiles<'a> {
        HrcFiles {
            vote_data: DATA.as_bytes(),
            votes: votes.as_bytes(),
            legis: None,
        }
    }

    #[test]
    fn reads_a_small_council() {
        let votes = "Country,A/HRC/RES/1/1,A/HRC/1/L.2,A/HRC/RES/S-1/1\nFRA,1,0,2\nNAM,3,4,1\n";
        let dataset = read(files(votes), &ReadOptions::default(), None).unwrap();
        assert_eq!(dataset.roll_calls.len(), 3);
        assert_eq!(dataset.votes.len(), 6);
        let special = &dataset.roll_calls[2];
        assert_eq!(special.session, None);
        assert_eq!(special.special_session(), Some(1));
        assert!(dataset.roll_calls[1].draft && dataset.roll_calls[1].amendment);
        assert_eq!(dataset.roll_calls[0].session, Some(1));
        assert_eq!(dataset.roll_calls[0].title, "One");
        let namibia: Vec<VoteChoice> = dataset
            .votes
            .iter()
            .filter(|v| v.state == "NAM")
            .map(|v| v.choice)
            .collect();
        assert_eq!(
            namibia,
            [
                VoteChoice::NonVoting,
                VoteChoice::NotMember,
                VoteChoice::Yes
            ]
        );
    }

    #[test]
    fn columns_and_roll_calls_must_match() {
        let extra =
            "Country,A/HRC/RES/1/1,A/HRC/1/L.2,A/HRC/RES/S-1/1,A/HRC/RES/9/9\nFRA,1,0,2,1\n";
        let error = read(files(extra), &ReadOptions::default(), None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "all-votes.csv column A/HRC/RES/9/9: no roll call \"A/HRC/RES/9/9\" in all-vote-data.csv"
        );
        let missing = "Country,A/HRC/RES/1/1,A/HRC/RES/S-1/1\nFRA,1,2\n";
        let error = read(files(missing), &ReadOptions::default(), None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "all-vote-data.csv row 3, column Resolution: roll call \"A/HRC/1/L.2\" has no column in all-votes.csv"
        );
    }

    #[test]
    fn duplicate_states_are_refused() {
        let votes = "Country,A/HRC/RES/1/1,A/HRC/1/L.2,A/HRC/RES/S-1/1\nFRA,1,0,2\nFRA,1,0,2\n";
        let error = read(files(votes), &ReadOptions::default(), None).unwrap_err();
        assert!(matches!(
            error,
            ImportError::DuplicateState {
                row: 3,
                first_row: 2,
                ..
            }
        ));
    }
}
