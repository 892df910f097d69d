//! The query parameters of the organisation listing, shared by the page and the API:
//! `text`, `kind`, `seat`, `page`, `per_page`.

use std::collections::HashMap;

use taawun_accounts::OrganisationKind;
use taawun_store::{OrganisationFilter, Paging};

use super::form::known_state;
use crate::paging::{InvalidParameter, paging, param};

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

pub fn parse(params: &HashMap<String, String>) -> Result<ListQuery, InvalidParameter> {
    let text = param(params, "text").unwrap_or("").to_owned();
    if text.chars().count() > MAX_TEXT_FILTER {
        return Err(InvalidParameter::new(
            "text",
            format!("the name filter is longer than {MAX_TEXT_FILTER} characters"),
        ));
    }
    let kind = match param(params, "kind") {
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
    let seat = match param(params, "seat") {
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
        paging: paging(param(params, "page"), param(params, "per_page"))?,
        text,
        kind,
        seat,
    })
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
    fn no_parameters_is_the_whole_list() {
        let q = parse(&params(&[])).unwrap();
        assert_eq!(q.filter, OrganisationFilter::default());
        assert_eq!(q.paging, Paging::default());
        assert!(!q.is_filtered());
    }

    #[test]
    fn filters_are_read_and_normalised() {
        let q = parse(&params(&[
            ("text", " commission "),
            ("kind", "nhri"),
            ("seat", "ken"),
            ("page", "2"),
            ("per_page", "10"),
        ]))
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
        assert!(
            !parse(&params(&[("kind", ""), ("seat", " ")]))
                .unwrap()
                .is_filtered()
        );
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
            let e = parse(&params(&[(key, value)])).err().unwrap();
            assert_eq!(e.parameter, key, "{key}={value}");
        }
        let long = "a".repeat(MAX_TEXT_FILTER + 1);
        assert_eq!(
            parse(&params(&[("text", &long)])).err().unwrap().parameter,
            "text"
        );
    }
}
