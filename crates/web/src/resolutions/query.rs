//! Query parameters of the resolution and mandate listings, shared by pages and API.

use std::collections::HashMap;

use taawun_store::{
    MANDATE_STATUSES, MandateFilter, Paging, RecordContent, ResolutionFilter, ResolutionSort,
};

use crate::paging::{InvalidParameter, descending, paging, param};

pub const BODIES: [&str; 2] = ["human-rights-council", "general-assembly"];
pub const METHODS: [&str; 2] = ["recorded-vote", "without-vote"];

fn number<T: std::str::FromStr>(
    params: &HashMap<String, String>,
    key: &'static str,
    what: &str,
) -> Result<Option<T>, InvalidParameter> {
    param(params, key)
        .map(|raw| {
            raw.parse::<T>().map_err(|_| {
                InvalidParameter::new(key, format!("{key} must be {what}, not {raw:?}"))
            })
        })
        .transpose()
}

fn one_of(
    params: &HashMap<String, String>,
    key: &'static str,
    allowed: &[&str],
) -> Result<Option<String>, InvalidParameter> {
    match param(params, key) {
        None => Ok(None),
        Some(v) if allowed.contains(&v) => Ok(Some(v.to_owned())),
        Some(v) => Err(InvalidParameter::new(
            key,
            format!("unknown {key} {v:?}; use one of {}", allowed.join(", ")),
        )),
    }
}

pub struct ResolutionQuery {
    pub filter: ResolutionFilter,
    pub paging: Paging,
}

pub fn resolutions(params: &HashMap<String, String>) -> Result<ResolutionQuery, InvalidParameter> {
    let sort = match param(params, "sort") {
        None => ResolutionSort::Date,
        Some(s) => ResolutionSort::parse(s).ok_or_else(|| {
            InvalidParameter::new(
                "sort",
                format!("unknown sort {s:?}; use date, symbol or session"),
            )
        })?,
    };
    // Newest first unless asked otherwise.
    let descending = match param(params, "order") {
        None => sort == ResolutionSort::Date,
        order => descending(order)?,
    };
    Ok(ResolutionQuery {
        filter: ResolutionFilter {
            body: crate::paging::body_param(params)?,
            session: number(params, "session", "a session number")?,
            year: number(params, "year", "a year such as 2024")?,
            adoption_method: one_of(params, "method", &METHODS)?,
            content: one_of(params, "content", &RecordContent::SLUGS)?
                .as_deref()
                .and_then(RecordContent::parse),
            sort,
            descending,
        },
        paging: paging(param(params, "page"), param(params, "per_page"))?,
    })
}

pub struct MandateQuery {
    pub filter: MandateFilter,
    pub paging: Paging,
}

pub fn mandates(params: &HashMap<String, String>) -> Result<MandateQuery, InvalidParameter> {
    Ok(MandateQuery {
        filter: MandateFilter {
            status: one_of(params, "status", &MANDATE_STATUSES)?,
            due_session: number(params, "due_session", "a session number")?,
            symbol: param(params, "symbol").map(str::to_owned),
        },
        paging: paging(param(params, "page"), param(params, "per_page"))?,
    })
}
