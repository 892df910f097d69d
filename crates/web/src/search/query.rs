//! The search parameters, shared by the page and the API: `q`, `lang`, `type`, `body`,
//! `session`, `from`, `to` (or `year`), `state`, `kind`, `sort`, `page`, `per_page`.

use std::collections::HashMap;

use taawun_search::{
    DateBound, Language, MAX_PER_PAGE, ParagraphKind, RecordType, SearchRequest, Sort,
};

use crate::paging::{InvalidParameter, param};

fn invalid(e: taawun_search::SearchError) -> InvalidParameter {
    InvalidParameter::new(e.parameter().unwrap_or("q"), e.to_string())
}

pub fn request(params: &HashMap<String, String>) -> Result<SearchRequest, InvalidParameter> {
    let mut request = SearchRequest {
        q: params.get("q").cloned().unwrap_or_default(),
        ..SearchRequest::default()
    };
    if let Some(lang) = param(params, "lang") {
        request.lang = Some(Language::parse_param(lang, "lang").map_err(invalid)?);
    }
    if let Some(kind) = param(params, "type") {
        request.record_type = Some(RecordType::from_str_opt(kind).ok_or_else(|| {
            InvalidParameter::new("type", format!("unknown record type {kind:?}"))
        })?);
    }
    if let Some(kind) = param(params, "kind") {
        request.paragraph_kind = Some(ParagraphKind::from_str_opt(kind).ok_or_else(|| {
            InvalidParameter::new("kind", format!("unknown paragraph kind {kind:?}"))
        })?);
    }
    if let Some(body) = param(params, "body") {
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
    if let Some(session) = param(params, "session") {
        request.session = Some(session.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
            InvalidParameter::new(
                "session",
                format!("session must be a session number, not {session:?}"),
            )
        })?);
    }
    if let Some(from) = param(params, "from") {
        request.from = Some(DateBound::parse_param(from, "from").map_err(invalid)?);
    }
    if let Some(to) = param(params, "to") {
        request.to = Some(DateBound::parse_param(to, "to").map_err(invalid)?);
    }
    if let Some(year) = param(params, "year") {
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
    if let Some(state) = param(params, "state") {
        let code = state.to_ascii_uppercase();
        if taawun_states::by_iso3(&code).is_none() {
            return Err(InvalidParameter::new(
                "state",
                format!("no State has the code {state:?}"),
            ));
        }
        request.state = Some(code);
    }
    if let Some(sort) = param(params, "sort") {
        request.sort = Sort::parse_param(sort).map_err(invalid)?;
    }
    if let Some(page) = param(params, "page") {
        request.page = page.parse().ok().filter(|p| *p >= 1).ok_or_else(|| {
            InvalidParameter::new(
                "page",
                format!("page must be a whole number from 1, not {page:?}"),
            )
        })?;
    }
    if let Some(per_page) = param(params, "per_page") {
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
