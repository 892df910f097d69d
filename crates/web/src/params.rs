//! Query parameters as typed structs. Each struct names its parameters once: serde reads them,
//! and `utoipa::IntoParams` writes them into the OpenAPI document from the same fields and doc
//! comments, so an endpoint's description cannot drift from what it reads.
//!
//! Fields are kept as the text the client sent (`Option<String>`) and checked by the struct's
//! own methods: those name the parameter and say what is wrong in the platform's words, where a
//! failed `u32` conversion inside serde would only say "invalid digit found in string".

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::error::{ApiError, HtmlError};
use crate::i18n::Lang;
use crate::paging::InvalidParameter;

/// The query string read into `T`.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ParamsRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parse(parts.uri.query().unwrap_or(""))
            .map(Params)
            .map_err(|error| ParamsRejection {
                api: parts.uri.path().starts_with("/api/"),
                lang: Lang::negotiate(&parts.headers),
                error,
            })
    }
}

/// Reads a query string into `T`. A parameter given twice counts once, with its last value, as
/// when the parameters were read into a map (and as a link built by appending one does).
pub fn parse<T: DeserializeOwned>(query: &str) -> Result<T, InvalidParameter> {
    let not_read = |e: &dyn std::fmt::Display| {
        InvalidParameter::new("query", format!("the query string could not be read: {e}"))
    };
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query).map_err(|e| not_read(&e))?;
    let mut last: Vec<(String, String)> = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        match last.iter_mut().find(|(k, _)| *k == key) {
            Some(kept) => kept.1 = value,
            None => last.push((key, value)),
        }
    }
    let once = serde_urlencoded::to_string(&last).map_err(|e| not_read(&e))?;
    serde_urlencoded::from_str(&once).map_err(|e| not_read(&e))
}

/// A parameter's value, trimmed; `None` when absent or blank (a form's empty field).
pub fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A query string that could not be read: a JSON error under `/api/`, an error page elsewhere.
pub struct ParamsRejection {
    api: bool,
    lang: Lang,
    error: InvalidParameter,
}

impl IntoResponse for ParamsRejection {
    fn into_response(self) -> Response {
        if self.api {
            ApiError::from(self.error).into_response()
        } else {
            HtmlError::invalid_parameter(self.lang, self.error).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Two {
        a: Option<String>,
        b: Option<String>,
    }

    #[test]
    fn reads_named_fields_and_ignores_others() {
        let two: Two = parse("a=1&c=3&b=%C3%A9").unwrap();
        assert_eq!(two.a.as_deref(), Some("1"));
        assert_eq!(two.b.as_deref(), Some("é"));
        let none: Two = parse("").unwrap();
        assert_eq!(none, Two { a: None, b: None });
    }

    #[test]
    fn a_repeated_parameter_keeps_its_last_value() {
        let two: Two = parse("a=1&a=2&b=x").unwrap();
        assert_eq!(two.a.as_deref(), Some("2"));
    }

    #[test]
    fn blank_values_are_not_given() {
        assert_eq!(given(&Some("  ".into())), None);
        assert_eq!(given(&Some(" 56 ".into())), Some("56"));
        assert_eq!(given(&None), None);
    }

    proptest::proptest! {
        #[test]
        fn no_query_string_panics(query in "\\PC*") {
            let _ = parse::<Two>(&query);
        }
    }
}
