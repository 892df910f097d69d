//! Query parameters of the vote listings and analytics, shared by pages and API.

use std::collections::HashMap;

use taawun_store::VoteFilter;
use taawun_votes::Definition;

use crate::paging::{InvalidParameter, param};

pub const DEFINITIONS: [&str; 3] = ["identical", "yes-no", "half-abstain"];

/// `2024` (the whole year) or `2024-07-10`, as the first or last day it stands for.
fn date_bound(
    params: &HashMap<String, String>,
    key: &'static str,
    end: bool,
) -> Result<Option<String>, InvalidParameter> {
    let Some(raw) = param(params, key) else {
        return Ok(None);
    };
    if raw.len() == 4
        && let Ok(year) = raw.parse::<i32>()
    {
        return Ok(Some(if end {
            format!("{year}-12-31")
        } else {
            format!("{year}-01-01")
        }));
    }
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map(|d| Some(d.to_string()))
        .map_err(|_| {
            InvalidParameter::new(
                key,
                format!("{key} must be a year (2024) or a date (2024-07-10), not {raw:?}"),
            )
        })
}

/// `not_members`: whether a State's record lists the roll calls of the years it was not a member
/// (`show`), or only those it could vote in (absent or `hide`, the default: a record opens on the
/// State's actual votes).
pub fn record_scope(
    params: &HashMap<String, String>,
) -> Result<crate::votes::analytics::RecordScope, InvalidParameter> {
    use crate::votes::analytics::RecordScope;
    match param(params, "not_members") {
        None | Some("hide") => Ok(RecordScope::AsMember),
        Some("show") => Ok(RecordScope::All),
        Some(other) => Err(InvalidParameter::new(
            "not_members",
            format!("not_members must be show or hide, not {other:?}"),
        )),
    }
}

/// `body`, `from`, `to`, `year`, `session`, `issue`.
pub fn vote_filter(params: &HashMap<String, String>) -> Result<VoteFilter, InvalidParameter> {
    let body = crate::paging::body_param(params)?;
    let session = param(params, "session")
        .map(|raw| {
            raw.parse::<u32>().ok().filter(|n| *n > 0).ok_or_else(|| {
                InvalidParameter::new(
                    "session",
                    format!("session must be a session number such as 56, not {raw:?}"),
                )
            })
        })
        .transpose()?;
    let issue = match param(params, "issue") {
        Some(issue) if issue.chars().count() > 100 => {
            return Err(InvalidParameter::new(
                "issue",
                "issue must be an issue tag of the voting records (at most 100 characters)",
            ));
        }
        issue => issue.map(str::to_owned),
    };
    let (mut from, mut to) = (
        date_bound(params, "from", false)?,
        date_bound(params, "to", true)?,
    );
    if let Some(raw) = param(params, "year") {
        if from.is_some() || to.is_some() {
            return Err(InvalidParameter::new(
                "year",
                "give either year or from/to, not both",
            ));
        }
        let year = raw
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
            .ok_or_else(|| {
                InvalidParameter::new(
                    "year",
                    format!("year must be a year such as 2019, not {raw:?}"),
                )
            })?;
        from = Some(format!("{year}-01-01"));
        to = Some(format!("{year}-12-31"));
    }
    if let (Some(from), Some(to)) = (&from, &to)
        && from > to
    {
        return Err(InvalidParameter::new(
            "to",
            format!("the period ends ({to}) before it starts ({from})"),
        ));
    }
    Ok(VoteFilter {
        body,
        from,
        to,
        session,
        issue,
    })
}

/// `definition`: `identical` (the default), `yes-no` or `half-abstain`.
pub fn definition(
    params: &HashMap<String, String>,
) -> Result<(Definition, &'static str), InvalidParameter> {
    match param(params, "definition") {
        None | Some("identical") => Ok((Definition::IdenticalVotes, "identical")),
        Some("yes-no") => Ok((Definition::YesNoOnly, "yes-no")),
        Some("half-abstain") => Ok((Definition::HalfAbstain, "half-abstain")),
        Some(other) => Err(InvalidParameter::new(
            "definition",
            format!("unknown definition {other:?}; use identical, yes-no or half-abstain"),
        )),
    }
}

/// How an answer is written: `json` (the default) or `csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

pub fn format(params: &HashMap<String, String>) -> Result<Format, InvalidParameter> {
    match param(params, "format") {
        None | Some("json") => Ok(Format::Json),
        Some("csv") => Ok(Format::Csv),
        Some(other) => Err(InvalidParameter::new(
            "format",
            format!("unknown format {other:?}; use json or csv"),
        )),
    }
}

/// A State named by a query parameter.
pub fn state_param(
    params: &HashMap<String, String>,
    key: &'static str,
) -> Result<Option<&'static taawun_states::State>, InvalidParameter> {
    match param(params, key) {
        None => Ok(None),
        Some(code) => taawun_states::by_iso3(&code.to_ascii_uppercase())
            .map(Some)
            .ok_or_else(|| InvalidParameter::new(key, format!("no State has the code {code:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_year_stands_for_its_first_and_last_day() {
        let filter = vote_filter(&params(&[("year", "2019"), ("body", "unga")])).unwrap();
        assert_eq!(filter.from.as_deref(), Some("2019-01-01"));
        assert_eq!(filter.to.as_deref(), Some("2019-12-31"));
        let filter = vote_filter(&params(&[("from", "2010"), ("to", "2012-06-30")])).unwrap();
        assert_eq!(
            (filter.from.as_deref(), filter.to.as_deref()),
            (Some("2010-01-01"), Some("2012-06-30"))
        );
    }

    #[test]
    fn bad_filters_name_their_parameter() {
        for (pairs, parameter) in [
            (vec![("body", "ecosoc")], "body"),
            (vec![("session", "zero")], "session"),
            (vec![("session", "0")], "session"),
            (vec![("year", "19")], "year"),
            (vec![("year", "2019"), ("from", "2018")], "year"),
            (vec![("from", "2020"), ("to", "2019")], "to"),
            (vec![("from", "2019-02-30")], "from"),
        ] {
            assert_eq!(
                vote_filter(&params(&pairs)).unwrap_err().parameter,
                parameter,
                "{pairs:?}"
            );
        }
        assert_eq!(
            definition(&params(&[("definition", "cosine")]))
                .unwrap_err()
                .parameter,
            "definition"
        );
        assert_eq!(
            format(&params(&[("format", "xml")])).unwrap_err().parameter,
            "format"
        );
        assert_eq!(
            state_param(&params(&[("a", "XXX")]), "a")
                .unwrap_err()
                .parameter,
            "a"
        );
    }
}
