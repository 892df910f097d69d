//! Query parameters of the vote listings and analytics, shared by pages and API: each written
//! once, for serde and for the OpenAPI document (see [`crate::params`]).

use chrono::NaiveDate;
use serde::Deserialize;
use taawun_store::VoteFilter;
use taawun_votes::Definition;
use utoipa::IntoParams;

use crate::paging::InvalidParameter;
use crate::params::given;

pub const DEFINITIONS: [&str; 3] = ["identical", "yes-no", "half-abstain"];

/// Which roll calls: `body`, `from`, `to`, `year`, `session`, `issue`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VoteFilterParams {
    /// human-rights-council or general-assembly (the voting datasets' codes hrc and unga are
    /// accepted too)
    pub body: Option<String>,
    /// A year (2015) or a date (2015-06-30), inclusive
    pub from: Option<String>,
    /// A year (2015) or a date (2015-06-30), inclusive
    pub to: Option<String>,
    /// One calendar year (instead of from/to)
    #[param(value_type = Option<i32>)]
    pub year: Option<String>,
    /// The body's session
    #[param(value_type = Option<u32>)]
    pub session: Option<String>,
    /// An issue tag of the voting records (see /api/v1/votes/issues)
    pub issue: Option<String>,
}

/// `2024` (the whole year) or `2024-07-10`, as the first or last day it stands for.
fn date_bound(
    raw: Option<&str>,
    key: &'static str,
    end: bool,
) -> Result<Option<NaiveDate>, InvalidParameter> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    let invalid = || {
        InvalidParameter::new(
            key,
            format!("{key} must be a year (2024) or a date (2024-07-10), not {raw:?}"),
        )
    };
    if raw.len() == 4
        && let Ok(year) = raw.parse::<i32>()
    {
        let (month, day) = if end { (12, 31) } else { (1, 1) };
        return NaiveDate::from_ymd_opt(year, month, day)
            .map(Some)
            .ok_or_else(invalid);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| invalid())
}

impl VoteFilterParams {
    pub fn filter(&self) -> Result<VoteFilter, InvalidParameter> {
        let body = crate::paging::body_param(given(&self.body))?;
        let session = given(&self.session)
            .map(|raw| {
                raw.parse::<u32>().ok().filter(|n| *n > 0).ok_or_else(|| {
                    InvalidParameter::new(
                        "session",
                        format!("session must be a session number such as 56, not {raw:?}"),
                    )
                })
            })
            .transpose()?;
        let issue = match given(&self.issue) {
            Some(issue) if issue.chars().count() > 100 => {
                return Err(InvalidParameter::new(
                    "issue",
                    "issue must be an issue tag of the voting records (at most 100 characters)",
                ));
            }
            issue => issue.map(str::to_owned),
        };
        let (mut from, mut to) = (
            date_bound(given(&self.from), "from", false)?,
            date_bound(given(&self.to), "to", true)?,
        );
        if let Some(raw) = given(&self.year) {
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
            from = NaiveDate::from_ymd_opt(year, 1, 1);
            to = NaiveDate::from_ymd_opt(year, 12, 31);
        }
        if let (Some(from), Some(to)) = (from, to)
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
}

/// Whether a State's record lists the roll calls of the years it was not a member.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecordScopeParams {
    /// hide (default): only the roll calls the State could vote in; show: also those of the
    /// years it was not a member. `counts` covers both either way
    pub not_members: Option<String>,
}

impl RecordScopeParams {
    /// Absent or `hide`, the default: a record opens on the State's actual votes.
    pub fn scope(&self) -> Result<crate::votes::analytics::RecordScope, InvalidParameter> {
        use crate::votes::analytics::RecordScope;
        match given(&self.not_members) {
            None | Some("hide") => Ok(RecordScope::AsMember),
            Some("show") => Ok(RecordScope::All),
            Some(other) => Err(InvalidParameter::new(
                "not_members",
                format!("not_members must be show or hide, not {other:?}"),
            )),
        }
    }
}

/// How agreement is counted.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DefinitionParams {
    /// identical (default), yes-no or half-abstain
    pub definition: Option<String>,
}

impl DefinitionParams {
    pub fn definition(&self) -> Result<(Definition, &'static str), InvalidParameter> {
        match given(&self.definition) {
            None | Some("identical") => Ok((Definition::IdenticalVotes, "identical")),
            Some("yes-no") => Ok((Definition::YesNoOnly, "yes-no")),
            Some("half-abstain") => Ok((Definition::HalfAbstain, "half-abstain")),
            Some(other) => Err(InvalidParameter::new(
                "definition",
                format!("unknown definition {other:?}; use identical, yes-no or half-abstain"),
            )),
        }
    }
}

/// How an answer is written: `json` (the default) or `csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatParams {
    /// json (default) or csv; a CSV answer holds every matching line, not one page
    pub format: Option<String>,
}

impl FormatParams {
    pub fn format(&self) -> Result<Format, InvalidParameter> {
        match given(&self.format) {
            None | Some("json") => Ok(Format::Json),
            Some("csv") => Ok(Format::Csv),
            Some(other) => Err(InvalidParameter::new(
                "format",
                format!("unknown format {other:?}; use json or csv"),
            )),
        }
    }
}

/// A State named by a query parameter.
pub fn state_param(
    raw: Option<&str>,
    key: &'static str,
) -> Result<Option<&'static taawun_states::State>, InvalidParameter> {
    match raw {
        None => Ok(None),
        Some(code) => taawun_states::by_iso3(&code.to_ascii_uppercase())
            .map(Some)
            .ok_or_else(|| InvalidParameter::new(key, format!("no State has the code {code:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(query: &str) -> Result<VoteFilter, InvalidParameter> {
        crate::params::parse::<VoteFilterParams>(query)
            .unwrap()
            .filter()
    }

    fn date(text: &str) -> Option<NaiveDate> {
        Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
    }

    #[test]
    fn a_year_stands_for_its_first_and_last_day() {
        let year = filter("year=2019&body=unga").unwrap();
        assert_eq!(
            (year.from, year.to),
            (date("2019-01-01"), date("2019-12-31"))
        );
        let span = filter("from=2010&to=2012-06-30").unwrap();
        assert_eq!(
            (span.from, span.to),
            (date("2010-01-01"), date("2012-06-30"))
        );
    }

    #[test]
    fn bad_filters_name_their_parameter() {
        for (query, parameter) in [
            ("body=ecosoc", "body"),
            ("session=zero", "session"),
            ("session=0", "session"),
            ("year=19", "year"),
            ("year=2019&from=2018", "year"),
            ("from=2020&to=2019", "to"),
            ("from=2019-02-30", "from"),
            ("to=99999", "to"),
        ] {
            assert_eq!(filter(query).unwrap_err().parameter, parameter, "{query}");
        }
        let definition = DefinitionParams {
            definition: Some("cosine".into()),
        };
        assert_eq!(definition.definition().unwrap_err().parameter, "definition");
        let format = FormatParams {
            format: Some("xml".into()),
        };
        assert_eq!(format.format().unwrap_err().parameter, "format");
        assert_eq!(state_param(Some("XXX"), "a").unwrap_err().parameter, "a");
    }
}
