//! The query parameters of a State listing, shared by the page and the API.

use std::collections::HashMap;

use taawun_states::{RegionalGroup, UnStatus};
use taawun_store::{Paging, StateFilter, StateSort};
use taawun_text::fold_name;

use crate::i18n::Lang;
use crate::paging::{InvalidParameter, descending, paging};

/// Longest accepted name filter, in characters.
const MAX_NAME_FILTER: usize = 200;

pub struct ListQuery {
    pub filter: StateFilter,
    pub paging: Paging,
    /// The name filter as typed (for the form).
    pub q: String,
}

pub fn parse(params: &HashMap<String, String>, lang: Lang) -> Result<ListQuery, InvalidParameter> {
    let get = |key: &str| {
        params
            .get(key)
            .map(String::as_str)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let regional_group = match get("group") {
        None => None,
        Some(slug) => Some(
            RegionalGroup::from_slug(slug)
                .ok_or_else(|| {
                    let known: Vec<_> = RegionalGroup::ALL.iter().map(|g| g.slug()).collect();
                    InvalidParameter::new(
                        "group",
                        format!(
                            "unknown regional group {slug:?}; use one of {}",
                            known.join(", ")
                        ),
                    )
                })?
                .slug()
                .to_owned(),
        ),
    };
    let un_status = match get("status") {
        None => None,
        Some(slug) => Some(
            UnStatus::from_slug(slug)
                .ok_or_else(|| {
                    InvalidParameter::new(
                        "status",
                        format!(
                            "unknown status {slug:?}; use member, observer, territory or historic"
                        ),
                    )
                })?
                .slug()
                .to_owned(),
        ),
    };
    let q = get("q").unwrap_or("").to_owned();
    if q.chars().count() > MAX_NAME_FILTER {
        return Err(InvalidParameter::new(
            "q",
            format!("the name filter is longer than {MAX_NAME_FILTER} characters"),
        ));
    }
    let folded = fold_name(&q);
    let sort = match get("sort") {
        None => StateSort::Name,
        Some(s) => StateSort::parse(s).ok_or_else(|| {
            InvalidParameter::new("sort", format!("unknown sort {s:?}; use name, iso3 or m49"))
        })?,
    };
    let lang = match get("lang") {
        None => lang,
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            InvalidParameter::new(
                "lang",
                format!("unknown language {code:?}; use ar, en, fr, es, ru or zh"),
            )
        })?,
    };
    Ok(ListQuery {
        filter: StateFilter {
            regional_group,
            un_status,
            name_contains: (!folded.is_empty()).then_some(folded),
            sort,
            descending: descending(get("order"))?,
            lang: lang.code().to_owned(),
        },
        paging: paging(get("page"), get("per_page"))?,
        q,
    })
}
