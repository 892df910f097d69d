//! Reading and checking the query parameters that listings share (page, per_page, sort, order).

use taawun_store::Paging;

/// A query parameter that could not be used: which, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidParameter {
    pub parameter: &'static str,
    pub message: String,
}

impl InvalidParameter {
    pub fn new(parameter: &'static str, message: impl Into<String>) -> Self {
        InvalidParameter {
            parameter,
            message: message.into(),
        }
    }
}

/// A query parameter's value, trimmed; `None` when absent or blank.
pub fn param<'a>(
    params: &'a std::collections::HashMap<String, String>,
    key: &str,
) -> Option<&'a str> {
    params.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// `page` and `per_page`, as every listing takes them.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PagingParams {
    /// 1-based page
    #[param(value_type = Option<u32>)]
    pub page: Option<String>,
    /// 1 to 500 (default 50)
    #[param(value_type = Option<u32>)]
    pub per_page: Option<String>,
}

impl PagingParams {
    pub fn paging(&self) -> Result<Paging, InvalidParameter> {
        use crate::params::given;
        paging(given(&self.page), given(&self.per_page))
    }
}

/// Validates `page` (≥ 1) and `per_page` (1..=500); absent means the defaults.
pub fn paging(page: Option<&str>, per_page: Option<&str>) -> Result<Paging, InvalidParameter> {
    let mut paging = Paging::default();
    if let Some(raw) = page.filter(|s| !s.is_empty()) {
        paging.page = raw.parse::<u32>().ok().filter(|p| *p >= 1).ok_or_else(|| {
            InvalidParameter::new(
                "page",
                format!("page must be a whole number from 1, not {raw:?}"),
            )
        })?;
    }
    if let Some(raw) = per_page.filter(|s| !s.is_empty()) {
        paging.per_page = raw
            .parse::<u32>()
            .ok()
            .filter(|p| (1..=Paging::MAX_PER_PAGE).contains(p))
            .ok_or_else(|| {
                InvalidParameter::new(
                    "per_page",
                    format!(
                        "per_page must be a whole number from 1 to {}, not {raw:?}",
                        Paging::MAX_PER_PAGE
                    ),
                )
            })?;
    }
    Ok(paging)
}

/// Validates `order` (`asc` or `desc`); returns whether it is descending.
pub fn descending(order: Option<&str>) -> Result<bool, InvalidParameter> {
    match order.filter(|s| !s.is_empty()) {
        None | Some("asc") => Ok(false),
        Some("desc") => Ok(true),
        Some(other) => Err(InvalidParameter::new(
            "order",
            format!("order must be asc or desc, not {other:?}"),
        )),
    }
}

/// `body`: `human-rights-council` or `general-assembly`, the same on every page and endpoint.
/// The voting datasets' codes (`hrc`, `unga`) are accepted too, so that links made with them
/// keep working.
pub fn body_param(raw: Option<&str>) -> Result<Option<taawun_votes::Body>, InvalidParameter> {
    match raw {
        None => Ok(None),
        Some(raw) => taawun_votes::Body::parse(raw).map(Some).ok_or_else(|| {
            InvalidParameter::new(
                "body",
                format!("unknown body {raw:?}; use human-rights-council or general-assembly"),
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_defaults_and_limits() {
        assert_eq!(paging(None, None).unwrap(), Paging::default());
        assert_eq!(
            paging(Some("3"), Some("20")).unwrap(),
            Paging {
                page: 3,
                per_page: 20
            }
        );
        assert_eq!(paging(Some("0"), None).unwrap_err().parameter, "page");
        assert_eq!(paging(Some("x"), None).unwrap_err().parameter, "page");
        assert_eq!(paging(None, Some("501")).unwrap_err().parameter, "per_page");
        assert!(descending(Some("desc")).unwrap());
        assert_eq!(descending(Some("up")).unwrap_err().parameter, "order");
    }
}
