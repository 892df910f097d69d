//! Query parameters of the recommendation listing, shared by the page and the API: written once,
//! for serde and for the OpenAPI document (see [`crate::params`]).

use serde::Deserialize;
use taawun_store::upr::{ActionCategory, RecommendationFilter, Response, ResponseFilter};
use utoipa::IntoParams;

use crate::paging::InvalidParameter;
use crate::params::given;

/// Longest accepted theme, in characters.
const MAX_THEME: usize = 200;

/// Which recommendations: by State under review, recommending State, cycle, session, response,
/// theme, SDG and action category.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecommendationParams {
    /// ISO3 of the State under review
    pub reviewed: Option<String>,
    /// ISO3 of a recommending State
    pub recommending: Option<String>,
    /// The review's cycle (1, 2, …)
    #[param(value_type = Option<u8>)]
    pub cycle: Option<String>,
    /// The Working Group's session (1, 2, …)
    #[param(value_type = Option<u32>)]
    pub session: Option<String>,
    /// supported, noted or not-recorded (no source records a response)
    pub response: Option<String>,
    /// A theme as the sources name it ("Women's rights")
    pub theme: Option<String>,
    /// An SDG goal ("16": its own links and its targets') or target ("16.3")
    pub sdg: Option<String>,
    /// UPR Info's action category, 1 (minimal action) to 5 (specific action)
    #[param(value_type = Option<u8>)]
    pub action: Option<String>,
}

/// An ISO3 code of a known State, upper-cased.
pub fn state_code(
    raw: Option<&str>,
    key: &'static str,
) -> Result<Option<String>, InvalidParameter> {
    match raw {
        None => Ok(None),
        Some(code) => taawun_states::by_iso3(&code.to_ascii_uppercase())
            .map(|s| Some(s.iso3.to_owned()))
            .ok_or_else(|| InvalidParameter::new(key, format!("no State has the code {code:?}"))),
    }
}

/// A goal ("16") or a target ("16.3", "16.a"), as written in the framework.
pub fn sdg_code(raw: &str) -> Option<String> {
    match raw.trim().parse::<taawun_sdg::SdgCode>().ok()? {
        taawun_sdg::SdgCode::Goal(g) => Some(g.to_string()),
        taawun_sdg::SdgCode::Target(t) => Some(t.to_string()),
        taawun_sdg::SdgCode::Indicator(_) => None,
    }
}

impl RecommendationParams {
    pub fn filter(&self) -> Result<RecommendationFilter, InvalidParameter> {
        let cycle = given(&self.cycle)
            .map(|raw| {
                raw.parse::<u8>().ok().filter(|n| *n > 0).ok_or_else(|| {
                    InvalidParameter::new(
                        "cycle",
                        format!("cycle must be a cycle number such as 2, not {raw:?}"),
                    )
                })
            })
            .transpose()?;
        let session = given(&self.session)
            .map(|raw| {
                raw.parse::<u32>().ok().filter(|n| *n > 0).ok_or_else(|| {
                    InvalidParameter::new(
                        "session",
                        format!("session must be a session number such as 20, not {raw:?}"),
                    )
                })
            })
            .transpose()?;
        let response = match given(&self.response) {
            None => None,
            Some("not-recorded") => Some(ResponseFilter::NotRecorded),
            Some(word) => Some(ResponseFilter::Is(Response::parse(word).ok_or_else(
                || {
                    InvalidParameter::new(
                        "response",
                        format!("unknown response {word:?}; use supported, noted or not-recorded"),
                    )
                },
            )?)),
        };
        let action = given(&self.action)
            .map(|raw| {
                raw.parse::<u8>()
                    .ok()
                    .and_then(ActionCategory::from_number)
                    .ok_or_else(|| {
                        InvalidParameter::new(
                            "action",
                            format!("action must be an action category from 1 to 5, not {raw:?}"),
                        )
                    })
            })
            .transpose()?;
        let theme = match given(&self.theme) {
            Some(theme) if theme.chars().count() > MAX_THEME => {
                return Err(InvalidParameter::new(
                    "theme",
                    format!("theme is longer than {MAX_THEME} characters"),
                ));
            }
            theme => theme.map(str::to_owned),
        };
        let sdg = given(&self.sdg)
            .map(|raw| {
                sdg_code(raw).ok_or_else(|| {
                    InvalidParameter::new(
                        "sdg",
                        format!("sdg must be an SDG goal (16) or target (16.3), not {raw:?}"),
                    )
                })
            })
            .transpose()?;
        Ok(RecommendationFilter {
            reviewed: state_code(given(&self.reviewed), "reviewed")?,
            recommending: state_code(given(&self.recommending), "recommending")?,
            cycle,
            session,
            response,
            theme,
            sdg,
            action,
        })
    }
}

/// How the listing is written: `json` (the default, one page) or `csv` (every matching
/// recommendation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatParams {
    /// json (default), csv or xlsx; a CSV or XLSX answer holds every matching recommendation, not
    /// one page
    pub format: Option<String>,
}

impl FormatParams {
    pub fn format(&self) -> Result<Format, InvalidParameter> {
        match given(&self.format) {
            None | Some("json") => Ok(Format::Json),
            Some("csv") => Ok(Format::Csv),
            Some("xlsx") => Ok(Format::Xlsx),
            Some(other) => Err(InvalidParameter::new(
                "format",
                format!("unknown format {other:?}; use json, csv or xlsx"),
            )),
        }
    }
}

/// The filter as query pairs (for links that keep it, and downloads).
pub fn filter_pairs(filter: &RecommendationFilter) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(v) = &filter.reviewed {
        pairs.push(("reviewed", v.clone()));
    }
    if let Some(v) = &filter.recommending {
        pairs.push(("recommending", v.clone()));
    }
    if let Some(v) = filter.cycle {
        pairs.push(("cycle", v.to_string()));
    }
    if let Some(v) = filter.session {
        pairs.push(("session", v.to_string()));
    }
    match filter.response {
        Some(ResponseFilter::Is(r)) => pairs.push(("response", r.slug().to_owned())),
        Some(ResponseFilter::NotRecorded) => pairs.push(("response", "not-recorded".to_owned())),
        None => {}
    }
    if let Some(v) = &filter.theme {
        pairs.push(("theme", v.clone()));
    }
    if let Some(v) = &filter.sdg {
        pairs.push(("sdg", v.clone()));
    }
    if let Some(v) = filter.action {
        pairs.push(("action", v.number().to_string()));
    }
    pairs
}

/// `base?k=v&…` for the filter and extra pairs.
pub fn href(base: &str, filter: &RecommendationFilter, extra: &[(&'static str, String)]) -> String {
    let mut pairs = filter_pairs(filter);
    pairs.extend(extra.iter().cloned());
    if pairs.is_empty() {
        return base.to_owned();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", crate::page::encode_query_value(v)))
        .collect();
    format!("{base}?{}", query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &str) -> RecommendationParams {
        crate::params::parse(pairs).unwrap()
    }

    #[test]
    fn every_bad_value_names_its_parameter() {
        for (query, parameter) in [
            ("cycle=abc", "cycle"),
            ("session=0", "session"),
            ("response=accepted", "response"),
            ("action=6", "action"),
            ("sdg=18", "sdg"),
            ("sdg=16.3.1", "sdg"),
            ("reviewed=XXX", "reviewed"),
            ("recommending=zz", "recommending"),
        ] {
            let error = params(query).filter().unwrap_err();
            assert_eq!(error.parameter, parameter, "{query}");
        }
    }

    #[test]
    fn a_filter_reads_back_as_the_same_query() {
        let filter = params(
            "reviewed=svn&recommending=FRA&cycle=2&session=20&response=not-recorded&theme=Women%27s%20rights&sdg=16.3&action=5",
        )
        .filter()
        .unwrap();
        assert_eq!(filter.reviewed.as_deref(), Some("SVN"));
        assert_eq!(filter.response, Some(ResponseFilter::NotRecorded));
        let again = href("/upr/recommendations", &filter, &[]);
        let query = again.split_once('?').unwrap().1;
        assert_eq!(params(query).filter().unwrap(), filter);
    }
}
