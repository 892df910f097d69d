//! The query parameters of a State listing, shared by the page and the API: written once, for
//! serde and for the OpenAPI document (see [`crate::params`]).

use serde::Deserialize;
use taawun_states::{RegionalGroup, UnStatus};
use taawun_store::{Paging, StateFilter, StateSort};
use taawun_text::fold_name;

use crate::i18n::Lang;
use crate::paging::{InvalidParameter, descending};
use crate::params::given;

/// Longest accepted name filter, in characters.
const MAX_NAME_FILTER: usize = 200;

pub struct ListQuery {
    pub filter: StateFilter,
    pub paging: Paging,
    /// The name filter as typed (for the form).
    pub q: String,
}

/// The filters and order of the States listing.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StateListParams {
    /// Regional group: african, asia-pacific, eastern-european, latin-american-caribbean,
    /// western-european-others
    pub group: Option<String>,
    /// member, observer, territory or historic
    pub status: Option<String>,
    /// Part of a name or alias, in any of the six languages (Arabic folded: article, hamza,
    /// diacritics)
    pub q: Option<String>,
    /// name (default), iso3 or m49
    pub sort: Option<String>,
    /// asc (default) or desc
    pub order: Option<String>,
    /// Language whose names the name sort uses (default: the negotiated interface language)
    pub lang: Option<String>,
}

pub fn parse(
    params: &StateListParams,
    paging: &crate::paging::PagingParams,
    lang: Lang,
) -> Result<ListQuery, InvalidParameter> {
    let regional_group = match given(&params.group) {
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
    let un_status = match given(&params.status) {
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
    let q = given(&params.q).unwrap_or("").to_owned();
    if q.chars().count() > MAX_NAME_FILTER {
        return Err(InvalidParameter::new(
            "q",
            format!("the name filter is longer than {MAX_NAME_FILTER} characters"),
        ));
    }
    let folded = fold_name(&q);
    let sort = match given(&params.sort) {
        None => StateSort::Name,
        Some(s) => StateSort::parse(s).ok_or_else(|| {
            InvalidParameter::new("sort", format!("unknown sort {s:?}; use name, iso3 or m49"))
        })?,
    };
    let lang = match given(&params.lang) {
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
            descending: descending(given(&params.order))?,
            lang: lang.code().to_owned(),
        },
        paging: paging.paging()?,
        q,
    })
}
