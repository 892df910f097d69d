//! The search parameters, shared by the page and the API: `q`, `lang`, `type`, `body`,
//! `session`, `from`, `to` (or `year`), `state`, `kind`, the review's `reviewed`,
//! `recommending`, `cycle`, `response`, `theme` and `sdg`, the compendium's `modality`,
//! `region` and `right`, `sort`, `page`, `per_page`.

use serde::Deserialize;
use taawun_search::{
    DateBound, Language, MAX_PER_PAGE, ParagraphKind, RecordType, SearchRequest, Sort,
};

use crate::paging::InvalidParameter;
use crate::params::given;

/// The search's parameters, written once, for serde and for the OpenAPI document.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words (all must match), "a phrase", prefix*, -exclusion; empty: browse by the filters,
    /// newest first
    pub q: Option<String>,
    /// ar, en, fr, es, ru or zh: the language of the query (all languages when absent)
    pub lang: Option<String>,
    /// Record type: resolution, upr-recommendation, upr-pledge, sdg-goal, sdg-target or best-practice
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub record_type: Option<String>,
    /// human-rights-council or general-assembly (the voting datasets' codes hrc and unga are
    /// accepted too)
    pub body: Option<String>,
    /// Session number
    #[param(value_type = Option<u32>)]
    pub session: Option<String>,
    /// A year or a date, inclusive
    pub from: Option<String>,
    /// A year or a date, inclusive
    pub to: Option<String>,
    /// One calendar year (instead of from/to)
    #[param(value_type = Option<i32>)]
    pub year: Option<String>,
    /// ISO3 code of a State concerned (voted on, addressed; for the review's records, the State
    /// under review or a recommending State)
    pub state: Option<String>,
    /// title, preambular, operative, recommendation, pledge, goal or target
    pub kind: Option<String>,
    /// ISO3 code of the State under review (UPR recommendations and pledges)
    pub reviewed: Option<String>,
    /// ISO3 code of a recommending State (UPR recommendations)
    pub recommending: Option<String>,
    /// Review cycle, 1 to 4
    #[param(value_type = Option<u8>)]
    pub cycle: Option<String>,
    /// supported, noted or not-recorded (UPR recommendations)
    pub response: Option<String>,
    /// A theme as UPR Info names it, e.g. Torture and other CID treatment
    pub theme: Option<String>,
    /// An SDG goal (16, which includes its targets) or target (16.3)
    pub sdg: Option<String>,
    /// A best practice's modality: south-south, north-south, triangular or regional
    pub modality: Option<String>,
    /// A best practice's region: african, asia-pacific, eastern-european,
    /// latin-american-caribbean, western-european-others (the regional groups), global or other
    pub region: Option<String>,
    /// A right a best practice concerns, by the slug the `right` facet lists
    /// (right-to-education) or as tagged (Right to education)
    pub right: Option<String>,
    /// relevance (default), newest or oldest
    pub sort: Option<String>,
    /// 1-based page
    #[param(value_type = Option<u32>)]
    pub page: Option<String>,
    /// 1 to 100 (default 20)
    #[param(value_type = Option<u32>)]
    pub per_page: Option<String>,
}

fn invalid(e: taawun_search::SearchError) -> InvalidParameter {
    InvalidParameter::new(e.parameter().unwrap_or("q"), e.to_string())
}

pub fn request(params: &SearchParams) -> Result<SearchRequest, InvalidParameter> {
    let mut request = SearchRequest {
        q: params.q.clone().unwrap_or_default(),
        ..SearchRequest::default()
    };
    if let Some(lang) = given(&params.lang) {
        request.lang = Some(Language::parse_param(lang, "lang").map_err(invalid)?);
    }
    if let Some(kind) = given(&params.record_type) {
        request.record_type = Some(RecordType::from_str_opt(kind).ok_or_else(|| {
            InvalidParameter::new("type", format!("unknown record type {kind:?}"))
        })?);
    }
    if let Some(kind) = given(&params.kind) {
        request.paragraph_kind = Some(ParagraphKind::from_str_opt(kind).ok_or_else(|| {
            InvalidParameter::new("kind", format!("unknown paragraph kind {kind:?}"))
        })?);
    }
    if let Some(body) = given(&params.body) {
        // The index keeps the datasets' codes; the platform's names map onto them, and other
        // codes of the index (upr) are taken as they are.
        let code = taawun_votes::Body::parse(body)
            .map_or_else(|| body.to_owned(), |b| b.slug().to_owned());
        if code.len() > 20 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(InvalidParameter::new(
                "body",
                format!("body must be human-rights-council or general-assembly, not {body:?}"),
            ));
        }
        request.body = Some(code);
    }
    if let Some(session) = given(&params.session) {
        request.session = Some(session.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
            InvalidParameter::new(
                "session",
                format!("session must be a session number, not {session:?}"),
            )
        })?);
    }
    if let Some(from) = given(&params.from) {
        request.from = Some(DateBound::parse_param(from, "from").map_err(invalid)?);
    }
    if let Some(to) = given(&params.to) {
        request.to = Some(DateBound::parse_param(to, "to").map_err(invalid)?);
    }
    if let Some(year) = given(&params.year) {
        if request.from.is_some() || request.to.is_some() {
            return Err(InvalidParameter::new(
                "year",
                "give either year or from/to, not both",
            ));
        }
        let bound = DateBound::parse_param(year, "year").map_err(invalid)?;
        let DateBound::Year(_) = bound else {
            return Err(InvalidParameter::new(
                "year",
                format!("year must be a year such as 2024, not {year:?}"),
            ));
        };
        request.from = Some(bound);
        request.to = Some(bound);
    }
    if let Some(state) = given(&params.state) {
        let code = state.to_ascii_uppercase();
        if taawun_states::by_iso3(&code).is_none() {
            return Err(InvalidParameter::new(
                "state",
                format!("no State has the code {state:?}"),
            ));
        }
        request.state = Some(code);
    }
    let state_code = |parameter: &'static str, value: &str| {
        let code = value.to_ascii_uppercase();
        match taawun_states::by_iso3(&code) {
            Some(_) => Ok(code),
            None => Err(InvalidParameter::new(
                parameter,
                format!("no State has the code {value:?}"),
            )),
        }
    };
    if let Some(reviewed) = given(&params.reviewed) {
        request.reviewed = Some(state_code("reviewed", reviewed)?);
    }
    if let Some(recommending) = given(&params.recommending) {
        request.recommending = Some(state_code("recommending", recommending)?);
    }
    if let Some(cycle) = given(&params.cycle) {
        request.cycle = Some(
            cycle
                .parse()
                .ok()
                .filter(|c| (1..=4).contains(c))
                .ok_or_else(|| {
                    InvalidParameter::new(
                        "cycle",
                        format!("cycle must be a review cycle from 1 to 4, not {cycle:?}"),
                    )
                })?,
        );
    }
    if let Some(response) = given(&params.response) {
        let response = response.to_ascii_lowercase();
        if !["supported", "noted", "not-recorded"].contains(&response.as_str()) {
            return Err(InvalidParameter::new(
                "response",
                format!("response must be supported, noted or not-recorded, not {response:?}"),
            ));
        }
        request.response = Some(response);
    }
    if let Some(theme) = given(&params.theme) {
        if theme.chars().count() > 200 {
            return Err(InvalidParameter::new(
                "theme",
                "theme must be a theme's name, at most 200 characters",
            ));
        }
        request.theme = Some(theme.to_owned());
    }
    if let Some(sdg) = given(&params.sdg) {
        // "16", "16.3", "16.a" (and "SDG 16.3", "Target 16.a" as people write them).
        let code = sdg
            .trim_start_matches(|c: char| c.is_ascii_alphabetic() || c.is_whitespace())
            .to_ascii_lowercase();
        let valid = match code.split_once('.') {
            None => code.parse::<u8>().is_ok_and(|g| (1..=17).contains(&g)),
            Some((goal, target)) => {
                goal.parse::<u8>().is_ok_and(|g| (1..=17).contains(&g))
                    && !target.is_empty()
                    && target.len() <= 2
                    && target.bytes().all(|b| b.is_ascii_alphanumeric())
            }
        };
        if !valid {
            return Err(InvalidParameter::new(
                "sdg",
                format!("sdg must be a goal (16) or a target (16.3), not {sdg:?}"),
            ));
        }
        request.sdg = Some(code);
    }
    if let Some(modality) = given(&params.modality) {
        let slug = modality.to_lowercase();
        let modality = taawun_cooperation::Modality::parse(&slug).ok_or_else(|| {
            InvalidParameter::new(
                "modality",
                format!(
                    "modality must be one of {}, not {modality:?}",
                    taawun_cooperation::Modality::slugs()
                ),
            )
        })?;
        request.modality = Some(modality.slug().to_owned());
    }
    if let Some(region) = given(&params.region) {
        let slug = region.to_lowercase();
        let region = taawun_cooperation::Region::parse(&slug).ok_or_else(|| {
            InvalidParameter::new(
                "region",
                format!(
                    "region must be one of {}, not {region:?}",
                    taawun_cooperation::Region::slugs()
                ),
            )
        })?;
        request.region = Some(region.slug().to_owned());
    }
    if let Some(right) = given(&params.right) {
        let slug = taawun_search::right_slug(right);
        if slug.is_empty() || right.chars().count() > taawun_search::MAX_RIGHT_CHARS {
            return Err(InvalidParameter::new(
                "right",
                format!(
                    "right must be a right concerned, by its slug (right-to-education) or as \
                     tagged (Right to education), at most {} characters, not {:?}",
                    taawun_search::MAX_RIGHT_CHARS,
                    right.chars().take(40).collect::<String>()
                ),
            ));
        }
        request.right = Some(slug);
    }
    if let Some(sort) = given(&params.sort) {
        request.sort = Sort::parse_param(sort).map_err(invalid)?;
    }
    if let Some(page) = given(&params.page) {
        request.page = page.parse().ok().filter(|p| *p >= 1).ok_or_else(|| {
            InvalidParameter::new(
                "page",
                format!("page must be a whole number from 1, not {page:?}"),
            )
        })?;
    }
    if let Some(per_page) = given(&params.per_page) {
        request.per_page = per_page
            .parse()
            .ok()
            .filter(|p| (1..=MAX_PER_PAGE).contains(p))
            .ok_or_else(|| {
                InvalidParameter::new(
                    "per_page",
                    format!(
                        "per_page must be a whole number from 1 to {MAX_PER_PAGE}, not {per_page:?}"
                    ),
                )
            })?;
    }
    request.validate().map_err(invalid)?;
    Ok(request)
}
