//! The General Assembly's roll calls in the format of Erik Voeten's data as the `unvotes` R
//! package publishes it, decoded to CSV, a directory of three files:
//!
//! - `un_roll_calls.csv`: `rcid`, `session`, `importantvote`, `date`, `unres`, `amend`,
//!   `para`, `short`, `descr`. Numbers are R doubles written as decimals (`3.0`); `date` is a
//!   number of days since 1970-01-01 (`-8766.0` is 1946-01-01); flags may be empty (R's NA);
//! - `un_votes.csv`: `rcid`, `country`, `country_code` (ISO2), `vote` (yes, no, abstain).
//!   Absences are not listed: a member with no row did not vote. Namibia's code is the string
//!   "NA", not a missing value; the Yemen Arab Republic, Zanzibar and the Federal Republic of
//!   Germany have no code and are known by name;
//! - `un_roll_call_issues.csv` (optional): `rcid`, `short_name`, `issue`, several rows per roll
//!   call.
//!
//! **Days of month.** Every roll call before `rcid` 4446 (June 2004) is dated on a day between
//! 1 and 7 — the first of them, the Assembly's first recorded vote, on 1 January 1946, before
//! the Assembly first met (10 January). Their years and months are right (resolution 2758 (XXVI),
//! adopted on 25 October 1971, is dated 7 October 1971; 51/229, of 21 May 1997, 4 May 1997), but
//! the day is a code, not the date. Real meeting days spread over the whole month, so a run of
//! thousands of roll calls never past the 7th cannot be real: the reader finds the leading run
//! (in `rcid` order) of roll calls dated on the 1st to the 7th and, when it is long enough to rule
//! out chance ([`UNKNOWN_DAY_RUN`]), marks their day unknown ([`RollCall::day_known`]) and says
//! so in a [`Note`]. Later roll calls (and those added to the data afterwards for older sessions)
//! have real days.
//!
//! The vote file has 870,000 rows, so it is read into one reused `ByteRecord`, each distinct
//! (country, code) pair is resolved once, consecutive rows of one roll call parse its id once,
//! and nothing is allocated per row but the two strings a [`CastVote`] stores.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use taawun_states::State;

use crate::ImportError;
use crate::model::{Body, CastVote, Dataset, Note, RollCall, Skipped, VoteChoice};
use crate::parse::{collapse_whitespace, epoch_days, flag, integral};
use crate::states::decide;
use crate::symbol;
use crate::table::{Progress, ReadOptions, Reporter, Table};

pub const VOTES: &str = "un_votes.csv";
pub const ROLL_CALLS: &str = "un_roll_calls.csv";
pub const ISSUES: &str = "un_roll_call_issues.csv";

/// The contents of the three files.
#[derive(Clone, Copy, Debug)]
pub struct UngaFiles<'a> {
    pub votes: &'a [u8],
    pub roll_calls: &'a [u8],
    pub issues: Option<&'a [u8]>,
}

/// Reads the three files from `dir` (`un_roll_call_issues.csv` may be missing).
pub fn read_dir(
    dir: &Path,
    options: &ReadOptions,
    progress: Option<&mut dyn FnMut(Progress)>,
) -> Result<Dataset, ImportError> {
    let roll_calls = crate::read_file(dir, ROLL_CALLS)?;
    let votes = crate::read_file(dir, VOTES)?;
    let issues = crate::read_optional_file(dir, ISSUES)?;
    read(
        UngaFiles {
            votes: &votes,
            roll_calls: &roll_calls,
            issues: issues.as_deref(),
        },
        options,
        progress,
    )
}

/// Reads the files' contents: roll calls first, then issues, then votes (the long one, last,
/// so that progress reports mean something). Either everything is read or nothing is returned.
pub fn read(
    files: UngaFiles,
    options: &ReadOptions,
    progress: Option<&mut dyn FnMut(Progress)>,
) -> Result<Dataset, ImportError> {
    let mut reporter = Reporter::new(progress);
    let mut dataset = Dataset::default();
    let index = read_roll_calls(files.roll_calls, &mut reporter, &mut dataset)?;
    mark_unknown_days(&mut dataset);
    if let Some(issues) = files.issues {
        read_issues(issues, &index, &mut reporter, &mut dataset)?;
    }
    read_votes(files.votes, &index, options, &mut reporter, &mut dataset)?;
    Ok(dataset)
}

/// rcid -> position in `Dataset::roll_calls`.
type RollCallIndex = HashMap<i64, usize>;

const WHOLE_NUMBER: &str = "expected a whole number, such as 3 or 3.0";

fn read_roll_calls(
    bytes: &[u8],
    reporter: &mut Reporter,
    dataset: &mut Dataset,
) -> Result<RollCallIndex, ImportError> {
    let mut table = Table::new(ROLL_CALLS, bytes)?;
    let rcid = table.column("rcid")?;
    let session = table.column("session")?;
    let date = table.column("date")?;
    let important = table.optional_column("importantvote");
    let unres = table.optional_column("unres");
    let amend = table.optional_column("amend");
    let para = table.optional_column("para");
    let short = table.optional_column("short");
    let descr = table.optional_column("descr");
    let mut index = RollCallIndex::new();
    let mut first_rows: Vec<u64> = Vec::new();
    while table.next(reporter)? {
        let id = integral(table.bytes(rcid))
            .filter(|id| *id >= 0)
            .ok_or_else(|| table.invalid(rcid, format!("bad roll-call id ({WHOLE_NUMBER})")))?;
        if let Some(&first) = index.get(&id) {
            return Err(ImportError::DuplicateRollCall {
                file: ROLL_CALLS.to_owned(),
                row: table.row(),
                column: table.column_name(rcid).to_owned(),
                id: id.to_string(),
                first_row: first_rows[first],
            });
        }
        let session_number = integral(table.bytes(session))
            .and_then(|s| u32::try_from(s).ok())
            .ok_or_else(|| table.invalid(session, format!("bad session ({WHOLE_NUMBER})")))?;
        let day = integral(table.bytes(date))
            .and_then(epoch_days)
            .ok_or_else(|| {
                table.invalid(
                    date,
                    "bad date (expected a number of days since 1970-01-01, such as -8766.0)",
                )
            })?;
        let read_flag = |column: Option<usize>| -> Result<bool, ImportError> {
            match column {
                Some(column) => flag(table.bytes(column))
                    .ok_or_else(|| table.invalid(column, "bad flag (expected 0, 1 or empty)")),
                None => Ok(false),
            }
        };
        let (important, amendment, paragraph_vote) =
            (read_flag(important)?, read_flag(amend)?, read_flag(para)?);
        let symbol = match unres {
            Some(column) => {
                let raw = table.text(column)?;
                let normalised = symbol::unga(raw);
                if let Some(change) = normalised.as_ref().and_then(|n| n.change) {
                    dataset.notes.push(Note {
                        file: ROLL_CALLS.to_owned(),
                        row: table.row(),
                        value: raw.to_owned(),
                        message: change.to_owned(),
                    });
                }
                normalised.map(|n| n.symbol)
            }
            None => None,
        };
        let short_text = match short {
            Some(column) => table.text(column)?,
            None => "",
        };
        let description = match descr {
            Some(column) => collapse_whitespace(table.text(column)?),
            None => String::new(),
        };
        let (title, description) = if short_text.is_empty() {
            (description, String::new())
        } else {
            (collapse_whitespace(short_text), description)
        };
        index.insert(id, dataset.roll_calls.len());
        first_rows.push(table.row());
        dataset.roll_calls.push(RollCall {
            body: Body::Unga,
            id: id.to_string(),
            symbol,
            date: day,
            day_known: true,
            description,
            session: Some(session_number),
            title,
            amendment,
            paragraph_vote,
            important,
            issues: Vec::new(),
            draft: false,
        });
    }
    Ok(index)
}

/// How many roll calls in a row, all dated on the 1st to the 7th of their month, show that the
/// days are not real: if days were spread over the month's meeting days, the chance of 50 in a
/// row falling in its first week is below (7/28)^50, about 10^-30.
pub const UNKNOWN_DAY_RUN: usize = 50;

/// Marks the leading run of roll calls (in `rcid` order) whose days never pass the 7th as
/// having no known day (see the module's documentation).
fn mark_unknown_days(dataset: &mut Dataset) {
    use chrono::Datelike as _;
    let mut order: Vec<(i64, usize)> = dataset
        .roll_calls
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.id.parse::<i64>().ok().map(|id| (id, i)))
        .collect();
    order.sort_unstable();
    let run = order
        .iter()
        .take_while(|(_, i)| dataset.roll_calls[*i].date.day() <= 7)
        .count();
    if run < UNKNOWN_DAY_RUN {
        return;
    }
    for (_, i) in &order[..run] {
        dataset.roll_calls[*i].day_known = false;
    }
    let (first, last) = (order[0].0, order[run - 1].0);
    dataset.notes.push(Note {
        file: ROLL_CALLS.to_owned(),
        row: 2,
        value: format!("rcid {first}–{last}"),
        message: format!(
            "the {run} roll calls up to rcid {last} are all dated on the 1st to the 7th of a month: \
             their year and month are kept, their day is not known"
        ),
    });
}

fn read_issues(
    bytes: &[u8],
    index: &RollCallIndex,
    reporter: &mut Reporter,
    dataset: &mut Dataset,
) -> Result<(), ImportError> {
    let mut table = Table::new(ISSUES, bytes)?;
    let rcid = table.column("rcid")?;
    let issue = table.column("issue")?;
    let short_name = table.optional_column("short_name");
    while table.next(reporter)? {
        let position = roll_call_position(&table, rcid, index)?;
        let mut label = table.text(issue)?;
        if label.is_empty()
            && let Some(column) = short_name
        {
            label = table.text(column)?;
        }
        if label.is_empty() {
            return Err(table.invalid(issue, "empty issue"));
        }
        let issues = &mut dataset.roll_calls[position].issues;
        if !issues.iter().any(|i| i == label) {
            issues.push(label.to_owned());
        }
    }
    Ok(())
}

fn roll_call_position(
    table: &Table,
    rcid: usize,
    index: &RollCallIndex,
) -> Result<usize, ImportError> {
    let id = integral(table.bytes(rcid))
        .ok_or_else(|| table.invalid(rcid, format!("bad roll-call id ({WHOLE_NUMBER})")))?;
    index
        .get(&id)
        .copied()
        .ok_or_else(|| ImportError::UnknownRollCall {
            file: table.file.to_owned(),
            row: table.row(),
            column: table.column_name(rcid).to_owned(),
            id: id.to_string(),
            other: ROLL_CALLS.to_owned(),
        })
}

/// One distinct (country, country_code) pair of the vote file.
struct Country {
    state: Option<&'static State>,
    /// Index among the distinct States met so far (for the duplicate check).
    slot: usize,
    /// "name" or "name (code)", for messages.
    value: String,
}

/// The distinct (country, country_code) pairs met so far, each resolved once.
#[derive(Default)]
struct Lookup {
    countries: Vec<Country>,
    cache: HashMap<Vec<u8>, usize>,
    /// The key of the last `find`, reused so that finding allocates nothing.
    key: Vec<u8>,
}

impl Lookup {
    fn make_key(key: &mut Vec<u8>, name: &[u8], code: &[u8]) {
        key.clear();
        // The name's length first, so that no (name, code) pair can spell another's key.
        key.extend_from_slice(&(name.len() as u32).to_le_bytes());
        key.extend_from_slice(name);
        key.extend_from_slice(code);
    }

    fn find(&mut self, name: &[u8], code: &[u8]) -> Option<usize> {
        Self::make_key(&mut self.key, name, code);
        self.cache.get(self.key.as_slice()).copied()
    }

    /// Adds the pair of the last `find`.
    fn insert(&mut self, country: Country) -> usize {
        let entry = self.countries.len();
        self.countries.push(country);
        self.cache.insert(self.key.clone(), entry);
        entry
    }

    fn get(&self, name: &[u8], code: &[u8]) -> Option<&Country> {
        let mut key = Vec::new();
        Self::make_key(&mut key, name, code);
        self.cache.get(&key).map(|entry| &self.countries[*entry])
    }
}

/// What is known about each State met, for the duplicate check and the caveat notes.
struct Met {
    state: &'static State,
    first: NaiveDate,
    last: NaiveDate,
    first_row: u64,
}

fn read_votes(
    bytes: &[u8],
    index: &RollCallIndex,
    options: &ReadOptions,
    reporter: &mut Reporter,
    dataset: &mut Dataset,
) -> Result<(), ImportError> {
    let mut table = Table::new(VOTES, bytes)?;
    let rcid = table.column("rcid")?;
    let country = table.column("country")?;
    let code = table.column("country_code")?;
    let vote = table.column("vote")?;

    // The real file has about 25 bytes a row; reserving a little more saves re-growing a
    // 50 MB vector.
    dataset.votes.reserve(bytes.len() / 24);
    let mut lookup = Lookup::default();
    let mut met: Vec<Met> = Vec::new();
    // One bit per (roll call, State met): has it voted already?
    let mut voted: Vec<Vec<u64>> = vec![Vec::new(); dataset.roll_calls.len()];
    let mut last_rcid: Vec<u8> = Vec::new();
    let mut position = usize::MAX;

    while table.next(reporter)? {
        if position == usize::MAX || table.bytes(rcid) != last_rcid.as_slice() {
            position = roll_call_position(&table, rcid, index)?;
            last_rcid.clear();
            last_rcid.extend_from_slice(table.bytes(rcid));
        }

        let entry = match lookup.find(table.bytes(country), table.bytes(code)) {
            Some(entry) => entry,
            None => {
                let found = resolve_country(&table, country, code, &mut met, dataset)?;
                lookup.insert(found)
            }
        };
        let Country { state, slot, value } = &lookup.countries[entry];
        let Some(state) = *state else {
            if options.skip_unknown {
                dataset.skipped.push(Skipped {
                    file: VOTES.to_owned(),
                    row: table.row(),
                    value: value.clone(),
                    reason: "unknown State".to_owned(),
                });
                continue;
            }
            let code_text = table.lossy(code);
            return Err(ImportError::UnknownState {
                file: VOTES.to_owned(),
                row: table.row(),
                column: table.column_name(country).to_owned(),
                value: table.lossy(country),
                detail: if code_text.is_empty() {
                    " (no country_code)".to_owned()
                } else {
                    format!(" (country_code {code_text:?})")
                },
            });
        };

        let choice = match table.bytes(vote) {
            w if w.eq_ignore_ascii_case(b"yes") => VoteChoice::Yes,
            w if w.eq_ignore_ascii_case(b"no") => VoteChoice::No,
            w if w.eq_ignore_ascii_case(b"abstain") => VoteChoice::Abstain,
            _ => {
                return Err(table.invalid(
                    vote,
                    format!(
                        "unknown vote {:?} (expected yes, no or abstain)",
                        table.lossy(vote)
                    ),
                ));
            }
        };

        let bits = &mut voted[position];
        let (word, bit) = (slot / 64, 1u64 << (slot % 64));
        if bits.len() <= word {
            bits.resize(word + 1, 0);
        }
        if bits[word] & bit != 0 {
            return Err(duplicate(
                &table, bytes, &lookup, index, dataset, position, state,
            ));
        }
        bits[word] |= bit;

        let roll_call = &dataset.roll_calls[position];
        let seen = &mut met[*slot];
        seen.first = seen.first.min(roll_call.date);
        seen.last = seen.last.max(roll_call.date);
        dataset.votes.push(CastVote {
            roll_call_id: roll_call.id.clone(),
            state: state.iso3.to_owned(),
            choice,
        });
    }
    caveats(&met, dataset);
    Ok(())
}

/// Resolves a (country, code) pair met for the first time.
fn resolve_country(
    table: &Table,
    country: usize,
    code: usize,
    met: &mut Vec<Met>,
    dataset: &mut Dataset,
) -> Result<Country, ImportError> {
    let name = table.text(country)?;
    let code_text = table.text(code)?;
    let value = if code_text.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({code_text})")
    };
    let decision = decide(code_text, name);
    if let Some(message) = decision.note {
        dataset.notes.push(Note {
            file: VOTES.to_owned(),
            row: table.row(),
            value: value.clone(),
            message,
        });
    }
    let slot = match decision.state {
        Some(state) => match met.iter().position(|m| m.state.iso3 == state.iso3) {
            Some(slot) => slot,
            None => {
                met.push(Met {
                    state,
                    first: NaiveDate::MAX,
                    last: NaiveDate::MIN,
                    first_row: table.row(),
                });
                met.len() - 1
            }
        },
        None => usize::MAX,
    };
    Ok(Country {
        state: decision.state,
        slot,
        value,
    })
}

/// The error for a State's second vote on one roll call. Rows are not kept with the votes, so
/// the first vote's row is found by reading the file again up to this row: only ever done once,
/// on the way out.
fn duplicate(
    table: &Table,
    bytes: &[u8],
    lookup: &Lookup,
    index: &RollCallIndex,
    dataset: &Dataset,
    position: usize,
    state: &State,
) -> ImportError {
    let roll_call = &dataset.roll_calls[position].id;
    let mut first = (0, String::new());
    if let Ok(mut again) = Table::new(VOTES, bytes) {
        let mut quiet = Reporter::new(None);
        let columns = (
            again.column("rcid"),
            again.column("country"),
            again.column("country_code"),
        );
        if let (Ok(rcid), Ok(country), Ok(code)) = columns {
            while again.row() + 1 < table.row() && matches!(again.next(&mut quiet), Ok(true)) {
                let same_roll_call = integral(again.bytes(rcid))
                    .and_then(|id| index.get(&id))
                    .is_some_and(|p| *p == position);
                if !same_roll_call {
                    continue;
                }
                if let Some(c) = lookup.get(again.bytes(country), again.bytes(code))
                    && c.state.is_some_and(|s| s.iso3 == state.iso3)
                {
                    first = (again.row(), c.value.clone());
                    break;
                }
            }
        }
    }
    ImportError::DuplicateVote {
        file: VOTES.to_owned(),
        row: table.row(),
        state: state.iso3.to_owned(),
        roll_call: roll_call.clone(),
        first_value: first.1,
        first_row: first.0,
    }
}

/// Notes on seats the source records under a code that is not the State's at the time: the
/// data is kept as the source gives it, but whoever compares States over time should know.
fn caveats(met: &[Met], dataset: &mut Dataset) {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    let cases: [(&str, NaiveDate, bool, &str); 3] = [
        (
            "TWN",
            date(1971, 10, 25),
            false,
            "until resolution 2758 (XXVI) of 25 October 1971 China's seat was held by the \
             Republic of China; the source names it Taiwan, and its votes are kept as TWN, not CHN",
        ),
        (
            "YUG",
            date(1992, 4, 27),
            true,
            "the source keeps the name Yugoslavia after the SFRY dissolved (1992): later votes are \
             those of the Federal Republic of Yugoslavia, Serbia and Montenegro, then Serbia, kept \
             as YUG",
        ),
        (
            "RUS",
            date(1991, 12, 24),
            false,
            "the source names the Soviet Union Russia: votes before 24 December 1991 are the USSR's, \
             kept as RUS, not SUN",
        ),
    ];
    for (iso3, boundary, after, message) in cases {
        let Some(m) = met.iter().find(|m| m.state.iso3 == iso3) else {
            continue;
        };
        let affected = if after {
            m.last > boundary
        } else {
            m.first < boundary
        };
        if affected {
            dataset.notes.push(Note {
                file: VOTES.to_owned(),
                row: m.first_row,
                value: iso3.to_owned(),
                message: format!("{message} ({} to {})", m.first, m.last),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLL_CALLS_CSV: &str = "rcid,session,importantvote,date,unres,amend,para,short,descr\n\
        3,1.0,0,-8766.0,R/1/66,1,0,\"AMENDMENTS, RULES\",TO ADOPT\n\
        4,1.0,,-8765.0,,0,,,LONG DESCRIPTION\n";
    const ISSUES_CSV: &str =
        "rcid,short_name,issue\n3,hr,Human rights\n3,co,Colonialism\n3,hr,Human rights\n";

    fn files(votes: &str) -> (String, &'static str, &'static str) {
        (votes.to_owned(), ROLL_CALLS_CSV, ISSUES_CSV)
    }

    fn run(votes: &str, options: ReadOptions) -> Result<Dataset, ImportError> {
        let (votes, roll_calls, issues) = files(votes);
        read(
            UngaFiles {
                votes: votes.as_bytes(),
                roll_calls: roll_calls.as_bytes(),
                issues: Some(issues.as_bytes()),
            },
            &options,
            None,
        )
    }

    #[test]
    fn reads_roll_calls_issues_and_votes() {
        let votes = "rcid,country,country_code,vote\n\
            3.0,Namibia,NA,yes\n3.0,Federal Republic of Germany,,no\n4.0,Namibia,NA,abstain\n";
        let dataset = run(votes, ReadOptions::default()).unwrap();
        let first = &dataset.roll_calls[0];
        assert_eq!(first.id, "3");
        assert_eq!(first.symbol.as_deref(), Some("A/RES/1/66"));
        assert_eq!(first.date, NaiveDate::from_ymd_opt(1946, 1, 1).unwrap());
        assert_eq!(first.session, Some(1));
        assert!(first.amendment && !first.paragraph_vote && !first.important);
        assert_eq!(first.title, "AMENDMENTS, RULES");
        assert_eq!(first.issues, ["Human rights", "Colonialism"]);
        let second = &dataset.roll_calls[1];
        assert_eq!(second.symbol, None);
        assert_eq!(second.title, "LONG DESCRIPTION");
        let states: Vec<(&str, &str, VoteChoice)> = dataset
            .votes
            .iter()
            .map(|v| (v.roll_call_id.as_str(), v.state.as_str(), v.choice))
            .collect();
        assert_eq!(
            states,
            [
                ("3", "NAM", VoteChoice::Yes),
                ("3", "DEU", VoteChoice::No),
                ("4", "NAM", VoteChoice::Abstain)
            ]
        );
    }

    #[test]
    fn unknown_vote_words_name_row_and_column() {
        let votes = "rcid,country,country_code,vote\n3.0,Namibia,NA,yes\n4.0,France,FR,maybe\n";
        let error = run(votes, ReadOptions::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "un_votes.csv row 3, column vote: unknown vote \"maybe\" (expected yes, no or abstain)"
        );
    }

    #[test]
    fn unknown_states_fail_or_are_skipped() {
        let votes = "rcid,country,country_code,vote\n3.0,Narnia,XX,yes\n3.0,France,FR,no\n4.0,Narnia,XX,no\n";
        let error = run(votes, ReadOptions::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "un_votes.csv row 2, column country: unknown State \"Narnia\" (country_code \"XX\")"
        );
        let dataset = run(votes, ReadOptions { skip_unknown: true }).unwrap();
        assert_eq!(dataset.votes.len(), 1);
        let rows: Vec<u64> = dataset.skipped.iter().map(|s| s.row).collect();
        assert_eq!(rows, [2, 4]);
        assert_eq!(dataset.skipped[0].value, "Narnia (XX)");
    }

    #[test]
    fn votes_on_unknown_roll_calls_are_refused() {
        let votes = "rcid,country,country_code,vote\n5.0,France,FR,no\n";
        let error = run(votes, ReadOptions::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "un_votes.csv row 2, column rcid: no roll call \"5\" in un_roll_calls.csv"
        );
    }

    #[test]
    fn a_state_voting_twice_under_two_names_is_refused() {
        let votes = "rcid,country,country_code,vote\n3.0,Germany,DE,yes\n3.0,France,FR,no\n3.0,Federal Republic of Germany,,no\n";
        let error = run(votes, ReadOptions::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "un_votes.csv row 4: DEU already voted on roll call \"3\" (as \"Germany (DE)\", row 2)"
        );
    }

    #[test]
    fn caveats_for_seats_kept_as_the_source_gives_them() {
        let votes = "rcid,country,country_code,vote\n3.0,Taiwan,TW,yes\n";
        let dataset = run(votes, ReadOptions::default()).unwrap();
        assert_eq!(dataset.votes[0].state, "TWN");
        assert!(dataset.notes.iter().any(|n| n.value == "TWN"));
    }
}
