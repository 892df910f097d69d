//! Query parameters of the resolution and mandate listings, shared by pages and API: each written
//! once, for serde and for the OpenAPI document (see [`crate::params`]).

use serde::Deserialize;
use taawun_documents::AdoptionMethod;
use taawun_store::{MandateFilter, RecordContent, ResolutionFilter, ResolutionSort};

/// The addressees mandates are filed under.
pub const ADDRESSEES: [&str; 6] = [
    "high-commissioner",
    "secretary-general",
    "states",
    "the-body",
    "un-system",
    "other",
];
use utoipa::IntoParams;

use crate::paging::{InvalidParameter, descending};
use crate::params::given;

fn number<T: std::str::FromStr>(
    raw: Option<&str>,
    key: &'static str,
    what: &str,
) -> Result<Option<T>, InvalidParameter> {
    raw.map(|raw| {
        raw.parse::<T>()
            .map_err(|_| InvalidParameter::new(key, format!("{key} must be {what}, not {raw:?}")))
    })
    .transpose()
}

/// A word of a closed vocabulary, or an error that lists the words.
fn one_of<T>(
    raw: Option<&str>,
    key: &'static str,
    parse: impl Fn(&str) -> Option<T>,
    words: &[&str],
) -> Result<Option<T>, InvalidParameter> {
    raw.map(|v| {
        parse(v).ok_or_else(|| {
            InvalidParameter::new(
                key,
                format!("unknown {key} {v:?}; use one of {}", words.join(", ")),
            )
        })
    })
    .transpose()
}

/// The filters and order of the registry listing.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResolutionParams {
    /// human-rights-council or general-assembly (hrc and unga are accepted too)
    pub body: Option<String>,
    /// Session number
    #[param(value_type = Option<u32>)]
    pub session: Option<String>,
    /// Year of adoption
    #[param(value_type = Option<i32>)]
    pub year: Option<String>,
    /// recorded-vote or without-vote, as the text says
    pub method: Option<String>,
    /// text (records whose text the registry holds) or votes-only (symbols known only from the
    /// voting records)
    pub content: Option<String>,
    /// date (default, newest first), symbol or session
    pub sort: Option<String>,
    /// asc or desc
    pub order: Option<String>,
}

impl ResolutionParams {
    pub fn filter(&self) -> Result<ResolutionFilter, InvalidParameter> {
        let sort = one_of(
            given(&self.sort),
            "sort",
            ResolutionSort::parse,
            ResolutionSort::SLUGS,
        )?
        .unwrap_or_default();
        // Newest first unless asked otherwise.
        let descending = match given(&self.order) {
            None => sort == ResolutionSort::Date,
            order => descending(order)?,
        };
        let methods = AdoptionMethod::ALL.map(AdoptionMethod::slug);
        Ok(ResolutionFilter {
            body: crate::paging::body_param(given(&self.body))?,
            session: number(given(&self.session), "session", "a session number")?,
            year: number(given(&self.year), "year", "a year such as 2024")?,
            adoption_method: one_of(
                given(&self.method),
                "method",
                AdoptionMethod::parse,
                &methods,
            )?,
            content: one_of(
                given(&self.content),
                "content",
                RecordContent::parse,
                RecordContent::SLUGS,
            )?,
            sort,
            descending,
        })
    }
}

/// The filters of the mandates listing.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MandateParams {
    /// pending, in-preparation, delivered, late or discontinued
    pub status: Option<String>,
    /// high-commissioner, secretary-general, states, the-body, un-system or other
    pub addressee: Option<String>,
    /// json (the default) or csv
    pub format: Option<String>,
    /// The session the output is due at
    #[param(value_type = Option<u32>)]
    pub due_session: Option<String>,
    /// Only the mandates of this resolution
    pub symbol: Option<String>,
}

impl MandateParams {
    pub fn filter(&self) -> Result<MandateFilter, InvalidParameter> {
        Ok(MandateFilter {
            status: one_of(
                given(&self.status),
                "status",
                taawun_council::Status::parse,
                taawun_council::Status::SLUGS,
            )?,
            addressee: one_of(
                given(&self.addressee),
                "addressee",
                |a| ADDRESSEES.contains(&a).then(|| a.to_owned()),
                &ADDRESSEES,
            )?,
            last_closed: None,
            due_session: number(given(&self.due_session), "due_session", "a session number")?,
            symbol: given(&self.symbol).map(str::to_owned),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(query: &str) -> Result<ResolutionFilter, InvalidParameter> {
        crate::params::parse::<ResolutionParams>(query)
            .unwrap()
            .filter()
    }

    #[test]
    fn every_vocabulary_reads_its_own_words() {
        for method in AdoptionMethod::ALL {
            let read = filter(&format!("method={}", method.slug())).unwrap();
            assert_eq!(read.adoption_method, Some(method));
        }
        for content in RecordContent::ALL {
            let read = filter(&format!("content={content}")).unwrap();
            assert_eq!(read.content, Some(*content));
        }
        for status in taawun_council::Status::ALL {
            let params = MandateParams {
                status: Some(status.slug().into()),
                ..MandateParams::default()
            };
            assert_eq!(params.filter().unwrap().status, Some(*status));
        }
        for addressee in ADDRESSEES {
            let params = MandateParams {
                addressee: Some(addressee.into()),
                ..MandateParams::default()
            };
            assert_eq!(
                params.filter().unwrap().addressee.as_deref(),
                Some(addressee)
            );
        }
    }

    #[test]
    fn the_default_order_is_newest_first_by_date_only() {
        let default = filter("").unwrap();
        assert_eq!(
            (default.sort, default.descending),
            (ResolutionSort::Date, true)
        );
        let by_symbol = filter("sort=symbol").unwrap();
        assert_eq!(
            (by_symbol.sort, by_symbol.descending),
            (ResolutionSort::Symbol, false)
        );
    }

    #[test]
    fn bad_values_name_their_parameter_and_the_words_it_takes() {
        for (query, parameter) in [
            ("method=acclamation", "method"),
            ("content=all", "content"),
            ("sort=title", "sort"),
            ("order=up", "order"),
            ("session=x", "session"),
            ("year=MMXXIV", "year"),
            ("body=ecosoc", "body"),
        ] {
            assert_eq!(filter(query).unwrap_err().parameter, parameter, "{query}");
        }
        let error = filter("method=acclamation").unwrap_err();
        assert!(
            error.message.contains("recorded-vote, without-vote"),
            "{}",
            error.message
        );
    }
}
