//! The query parameters of the organisation listing, shared by the page and the API:
//! `text`, `kind`, `seat`, `page`, `per_page`; written once, for serde and for the OpenAPI
//! document (see [`crate::params`]).

use serde::Deserialize;
use taawun_accounts::OrganisationKind;
use taawun_store::{OrganisationFilter, Paging};

use super::form::known_state;
use crate::paging::{InvalidParameter, PagingParams};
use crate::params::given;

/// The filters of the organisation listing.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationParams {
    /// Part of a name, in any of the six languages (case, accents and Arabic hamza and
    /// diacritics folded); at most 200 characters
    pub text: Option<String>,
    /// nhri, civil-society, un-entity, regional-organisation or international-organisation
    pub kind: Option<String>,
    /// ISO 3166-1 alpha-3 code of the State of the seat (case-insensitive)
    pub seat: Option<String>,
}

/// Longest accepted name filter, in characters.
pub const MAX_TEXT_FILTER: usize = 200;

pub struct ListQuery {
    pub filter: OrganisationFilter,
    pub paging: Paging,
    /// The name filter as typed (for the form).
    pub text: String,
    pub kind: Option<OrganisationKind>,
    /// The seat filter's ISO3 code, upper case.
    pub seat: Option<&'static str>,
}

impl ListQuery {
    /// Whether any filter narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.text.is_empty() || self.kind.is_some() || self.seat.is_some()
    }
}

pub fn parse(
    params: &OrganisationParams,
    paging: &PagingParams,
) -> Result<ListQuery, InvalidParameter> {
    let text = given(&params.text).unwrap_or("").to_owned();
    if text.chars().count() > MAX_TEXT_FILTER {
        return Err(InvalidParameter::new(
            "text",
            format!("the name filter is longer than {MAX_TEXT_FILTER} characters"),
        ));
    }
    let kind = match given(&params.kind) {
        None => None,
        Some(slug) => Some(slug.parse::<OrganisationKind>().map_err(|_| {
            InvalidParameter::new(
                "kind",
                format!(
                    "unknown organisation kind {slug:?}; use one of {}",
                    OrganisationKind::ALL.map(|k| k.slug()).join(", ")
                ),
            )
        })?),
    };
    let seat = match given(&params.seat) {
        None => None,
        Some(code) => Some(
            known_state(code)
                .ok_or_else(|| {
                    InvalidParameter::new(
                        "seat",
                        format!("no State has the ISO 3166-1 alpha-3 code {code:?}"),
                    )
                })?
                .iso3,
        ),
    };
    Ok(ListQuery {
        filter: OrganisationFilter {
            text: (!text.is_empty()).then(|| text.clone()),
            kind: kind.map(|k| k.slug().to_owned()),
            seat_iso3: seat.map(str::to_owned),
        },
        paging: paging.paging()?,
        text,
        kind,
        seat,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The listing's query as a request with these parameters reads it.
    fn query(pairs: &[(&str, &str)]) -> Result<ListQuery, InvalidParameter> {
        let raw = serde_urlencoded::to_string(pairs).unwrap();
        parse(
            &crate::params::parse(&raw).unwrap(),
            &crate::params::parse(&raw).unwrap(),
        )
    }

    #[test]
    fn no_parameters_is_the_whole_list() {
        let q = query(&[]).unwrap();
        assert_eq!(q.filter, OrganisationFilter::default());
        assert_eq!(q.paging, Paging::default());
        assert!(!q.is_filtered());
    }

    #[test]
    fn filters_are_read_and_normalised() {
        let q = query(&[
            ("text", " commission "),
            ("kind", "nhri"),
            ("seat", "ken"),
            ("page", "2"),
            ("per_page", "10"),
        ])
        .unwrap();
        assert_eq!(q.filter.text.as_deref(), Some("commission"));
        assert_eq!(q.filter.kind.as_deref(), Some("nhri"));
        assert_eq!(q.filter.seat_iso3.as_deref(), Some("KEN"));
        assert_eq!(
            q.paging,
            Paging {
                page: 2,
                per_page: 10
            }
        );
        assert!(q.is_filtered());
        // Blank values are no filter.
        assert!(!query(&[("kind", ""), ("seat", " ")]).unwrap().is_filtered());
    }

    #[test]
    fn invalid_parameters_are_named() {
        for (key, value) in [
            ("kind", "ngo"),
            ("seat", "XXX"),
            ("seat", "FRANCE"),
            ("page", "0"),
            ("per_page", "1000"),
        ] {
            let e = query(&[(key, value)]).err().unwrap();
            assert_eq!(e.parameter, key, "{key}={value}");
        }
        let long = "a".repeat(MAX_TEXT_FILTER + 1);
        assert_eq!(query(&[("text", &long)]).err().unwrap().parameter, "text");
    }
}
