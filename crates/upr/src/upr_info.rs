//! UPR Info's compilation of the recommendations of sessions 1-20 (2008-2014) and the voluntary
//! pledges: CSV files `sessions-*.csv` and `sessions-voluntary.csv`, with the columns
//! `To, To-Rgrp, To-Org, Text, From, From-Rgrp, From-Org, Response, Action, Issue, Session`.
//!
//! The files are as compiled, not as one would wish: Mac Roman encoded, lines ended by a
//! carriage return alone, trailing spaces in texts, several values in one field (`Issue`), files
//! that overlap by name (`14-17` and `17-20`), rows repeated exactly, and a recommendation made
//! by two States written as two rows. The reader decodes and reads them, drops exact repeats,
//! joins a recommendation's rows into one record with all its recommending States, and resolves
//! every State name with the platform's resolver — listing each name it could not resolve,
//! where it was found, rather than guessing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use taawun_states::{MatchKind, Resolver};
use thiserror::Error;

use crate::model::{
    ActionCategory, Pledge, Recommendation, Response, Source, comparable_text, cycle_of_session,
};

/// The largest file read: 64 MiB, far above UPR Info's largest (2.3 MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

const COLUMNS: [&str; 11] = [
    "To",
    "To-Rgrp",
    "To-Org",
    "Text",
    "From",
    "From-Rgrp",
    "From-Org",
    "Response",
    "Action",
    "Issue",
    "Session",
];

/// What cannot be read: the file, and where in it, and why. Nothing is returned then.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ReadError {
    #[error("{dir}: no UPR Info files (sessions-*.csv) in this folder")]
    NoFiles { dir: String },
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{file}, line {line}, column {column}: {message}")]
    Field {
        file: String,
        line: u64,
        column: &'static str,
        message: String,
    },
}

/// A State name the resolver could not tie to one State, and where it was first met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    pub name: String,
    pub rows: usize,
    pub first: Source,
    /// The States it might mean, when the resolver had candidates.
    pub candidates: Vec<String>,
}

/// Everything the files hold, and what reading them did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UprInfo {
    pub recommendations: Vec<Recommendation>,
    pub pledges: Vec<Pledge>,
    /// Recommendation rows read, before anything was dropped or joined.
    pub rows: usize,
    /// Rows identical to one read before (every field), dropped.
    pub exact_repeats: usize,
    /// Rows joined to an earlier row of the same recommendation (another recommending State).
    pub joined_rows: usize,
    /// Rows left out because a State name could not be resolved (listed in `unresolved`).
    pub rows_unresolved: usize,
    /// Pledge rows identical to one read before, dropped.
    pub pledge_repeats: usize,
    /// Pledges left out because the State's name could not be resolved.
    pub pledges_unresolved: usize,
    pub unresolved: Vec<Unresolved>,
    pub files: Vec<String>,
}

/// Reads every UPR Info file of a folder.
pub fn read_dir(dir: &Path, resolver: &Resolver) -> Result<UprInfo, ReadError> {
    let listing = std::fs::read_dir(dir).map_err(|e| ReadError::File {
        file: dir.display().to_string(),
        message: format!("cannot read the folder: {e}"),
    })?;
    let mut paths: Vec<PathBuf> = listing
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("sessions-") && n.ends_with(".csv"))
        })
        .collect();
    if paths.is_empty() {
        return Err(ReadError::NoFiles {
            dir: dir.display().to_string(),
        });
    }
    paths.sort();
    let mut files = Vec::new();
    for path in &paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        files.push((name, read_file(path)?));
    }
    read_files(&files, resolver)
}

fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| ReadError::File {
        file: path.display().to_string(),
        message: format!("cannot read the file: {e}"),
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::File {
            file: path.display().to_string(),
            message: format!("cannot read the file: {e}"),
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::File {
            file: path.display().to_string(),
            message: format!("the file is larger than {MAX_FILE_BYTES} bytes"),
        });
    }
    Ok(bytes)
}

/// One row as read, its States resolved.
struct Row {
    reviewed: String,
    recommending: Option<String>,
    text: String,
    response: Option<Response>,
    pledge: bool,
    action: Option<ActionCategory>,
    issues: Vec<String>,
    session: u32,
    source: Source,
}

/// Reads files given as (name, bytes): the recommendations' files and the pledges' file
/// (`sessions-voluntary.csv`), told apart by their `Response`.
pub fn read_files(files: &[(String, Vec<u8>)], resolver: &Resolver) -> Result<UprInfo, ReadError> {
    let mut info = UprInfo::default();
    let mut names = Names::default();
    let mut seen_rows: std::collections::HashSet<Vec<String>> = Default::default();
    // (reviewed, session, text) → index of the recommendation.
    let mut by_text: HashMap<(String, u32, String), usize> = HashMap::new();
    for (file, bytes) in files {
        info.files.push(file.clone());
        let text = decode(bytes);
        let lines = LineStarts::new(&text);
        let mut reader = csv::ReaderBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(false)
            .from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| ReadError::File {
            file: file.clone(),
            message: format!("cannot read the header line: {e}"),
        })?;
        let headers: Vec<String> = headers.iter().map(|h| h.trim().to_owned()).collect();
        let mut index = [0usize; COLUMNS.len()];
        for (i, column) in COLUMNS.iter().enumerate() {
            index[i] = headers
                .iter()
                .position(|h| h == column)
                .ok_or_else(|| ReadError::File {
                    file: file.clone(),
                    message: format!(
                        "no column {column:?} in the header line (it has: {})",
                        headers.join(", ")
                    ),
                })?;
        }
        for record in reader.records() {
            let record = record.map_err(|e| ReadError::File {
                file: file.clone(),
                message: format!(
                    "line {}: {e}",
                    e.position().map_or(0, |p| lines.line_of(p.byte()))
                ),
            })?;
            let line = record.position().map_or(0, |p| lines.line_of(p.byte()));
            let field = |column: usize| record.get(index[column]).unwrap_or("").trim();
            let source = Source {
                file: file.clone(),
                line,
                page: None,
            };
            let invalid = |column: usize, message: String| ReadError::Field {
                file: file.clone(),
                line,
                column: COLUMNS[column],
                message,
            };
            let all: Vec<String> = (0..COLUMNS.len()).map(|c| field(c).to_owned()).collect();
            let pledge = field(7) == "Voluntary Pledge";
            if !pledge {
                info.rows += 1;
            }
            if !seen_rows.insert(all) {
                if pledge {
                    info.pledge_repeats += 1;
                } else {
                    info.exact_repeats += 1;
                }
                continue;
            }
            let session = field(10)
                .parse::<u32>()
                .ok()
                .filter(|s| cycle_of_session(*s).is_some())
                .ok_or_else(|| {
                    invalid(
                        10,
                        format!("{:?} is not a Working Group session (1 to 54)", field(10)),
                    )
                })?;
            let response = match field(7) {
                "Accepted" | "Supported" => Some(Response::Supported),
                "Noted" => Some(Response::Noted),
                "Voluntary Pledge" | "" => None,
                other => {
                    return Err(invalid(
                        7,
                        format!(
                            "{other:?} is not a response (Accepted, Noted or Voluntary Pledge)"
                        ),
                    ));
                }
            };
            let action = match field(8) {
                "" => None,
                raw => Some(
                    raw.parse::<u8>()
                        .ok()
                        .and_then(ActionCategory::from_number)
                        .ok_or_else(|| {
                            invalid(8, format!("{raw:?} is not an action category (1 to 5)"))
                        })?,
                ),
            };
            let text = field(3).to_owned();
            if text.is_empty() {
                return Err(invalid(3, "the recommendation has no text".into()));
            }
            let issues: Vec<String> = field(9)
                .split(',')
                .map(str::trim)
                .filter(|i| !i.is_empty())
                .map(str::to_owned)
                .collect();
            let reviewed = names.resolve(field(0), &source, resolver);
            let recommending = if pledge {
                None
            } else {
                Some(names.resolve(field(4), &source, resolver))
            };
            let (Some(reviewed), recommending) = (reviewed, recommending) else {
                if pledge {
                    info.pledges_unresolved += 1;
                } else {
                    info.rows_unresolved += 1;
                }
                continue;
            };
            let recommending = match recommending {
                Some(None) => {
                    info.rows_unresolved += 1;
                    continue;
                }
                Some(Some(state)) => Some(state),
                None => None,
            };
            let row = Row {
                reviewed,
                recommending,
                text,
                response,
                pledge,
                action,
                issues,
                session,
                source,
            };
            if row.pledge {
                info.pledges.push(Pledge {
                    state: row.reviewed,
                    session: row.session,
                    cycle: cycle_of_session(row.session).unwrap_or_default(),
                    text: row.text,
                    issues: row.issues,
                    source: row.source,
                });
                continue;
            }
            let key = (
                row.reviewed.clone(),
                row.session,
                comparable_text(&row.text),
            );
            match by_text.get(&key) {
                // Another State made the same recommendation in the same review: UPR Info writes
                // it again, one row per State. The rows must agree on the State's response.
                Some(&i) if info.recommendations[i].response == row.response => {
                    let joined = &mut info.recommendations[i];
                    if let Some(state) = row.recommending
                        && !joined.recommending.contains(&state)
                    {
                        joined.recommending.push(state);
                    }
                    for issue in row.issues {
                        if !joined.issues.contains(&issue) {
                            joined.issues.push(issue);
                        }
                    }
                    joined.sources.push(row.source);
                    info.joined_rows += 1;
                }
                _ => {
                    by_text.insert(key, info.recommendations.len());
                    info.recommendations.push(Recommendation {
                        reviewed: row.reviewed,
                        session: row.session,
                        cycle: cycle_of_session(row.session).unwrap_or_default(),
                        text: row.text,
                        recommending: row.recommending.into_iter().collect(),
                        response: row.response,
                        action: row.action,
                        issues: row.issues,
                        sources: vec![row.source],
                        paragraph: None,
                        groups: Vec::new(),
                        sdgs: Vec::new(),
                        assessment: None,
                    });
                }
            }
        }
    }
    info.unresolved = names.unresolved();
    Ok(info)
}

/// Where each line of a text starts, for the line number of a byte: the files end their lines
/// with a carriage return alone, which the CSV reader's own line count does not see.
struct LineStarts(Vec<u64>);

impl LineStarts {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i as u64 + 1);
            }
        }
        LineStarts(starts)
    }

    /// The 1-based line of a byte offset.
    fn line_of(&self, byte: u64) -> u64 {
        self.0.partition_point(|&start| start <= byte) as u64
    }
}

/// Mac Roman, as UPR Info's files are; UTF-8 when the bytes are valid UTF-8 (a file saved again
/// by another tool).
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_owned(),
        Err(_) => encoding_rs::MACINTOSH
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The names met, each resolved once.
#[derive(Default)]
pub(crate) struct Names {
    resolved: HashMap<String, Option<String>>,
    failures: HashMap<String, Unresolved>,
}

impl Names {
    /// The name's ISO3 code when the resolver ties it to one State by a UN name or a known
    /// variant; a close spelling is not taken (it would be a guess), nor an ambiguous name.
    pub(crate) fn resolve(
        &mut self,
        name: &str,
        source: &Source,
        resolver: &Resolver,
    ) -> Option<String> {
        let code = self
            .resolved
            .entry(name.to_owned())
            .or_insert_with(|| {
                let resolution = resolver.resolve(name);
                match resolution.match_kind {
                    Some(MatchKind::Exact | MatchKind::Alias) => resolution.iso3.map(str::to_owned),
                    _ => None,
                }
            })
            .clone();
        if code.is_none() {
            let failure = self
                .failures
                .entry(name.to_owned())
                .or_insert_with(|| Unresolved {
                    name: name.to_owned(),
                    rows: 0,
                    first: source.clone(),
                    candidates: resolver
                        .resolve(name)
                        .candidates
                        .iter()
                        .map(|c| c.iso3.to_owned())
                        .collect(),
                });
            failure.rows += 1;
        }
        code
    }

    pub(crate) fn unresolved(self) -> Vec<Unresolved> {
        let mut all: Vec<Unresolved> = self.failures.into_values().collect();
        all.sort_by(|a, b| b.rows.cmp(&a.rows).then(a.name.cmp(&b.name)));
        all
    }
}
