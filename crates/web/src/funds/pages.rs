//! `/funds` and `/funds/{id}`: the funds and each one's published procedure.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use fluent_templates::fluent_bundle::FluentValue;
use taawun_funds::{Content, Fund, RequestType, Stage};

use super::Localised;
use crate::AppState;
use crate::error::HtmlError;
use crate::i18n::Lang;
use crate::page::{PageContext, render};

/// A fund as the list shows it.
pub struct FundRow {
    pub id: String,
    pub name: Localised,
    pub request_types: String,
    pub terms_confirmed: bool,
}

#[derive(Template)]
#[template(path = "funds_index.html")]
struct IndexPage {
    page: PageContext,
    funds: Vec<FundRow>,
}

fn request_types(fund: &Fund, lang: Lang) -> Vec<String> {
    fund.request_types
        .iter()
        .map(|t| lang.t(&format!("funds-type-{}", t.slug())))
        .collect()
}

pub async fn index(State(app): State<AppState>, lang: Lang) -> Response {
    let funds = app
        .funds
        .iter()
        .map(|fund| FundRow {
            id: fund.id.clone(),
            name: Localised::of(&fund.name, lang),
            request_types: request_types(fund, lang).join(lang.list_separator()),
            terms_confirmed: fund.terms_confirmed,
        })
        .collect();
    let view = IndexPage {
        page: PageContext::new(lang, "/funds", lang.t("funds-title")),
        funds,
    };
    render(&view, StatusCode::OK)
}

/// A stage of the procedure as the page lists it.
pub struct StageRow {
    pub slug: &'static str,
    pub label: String,
    pub what: String,
    /// "within 15 days", for the stages the fund's clock runs in.
    pub target: Option<String>,
}

#[derive(Template)]
#[template(path = "fund.html")]
struct FundPage {
    page: PageContext,
    id: String,
    name: Localised,
    purpose: Localised,
    eligibility: Localised,
    /// Some text is not in the page's language.
    fallback: bool,
    terms_confirmed: bool,
    request_types: Vec<String>,
    contents: Vec<String>,
    /// The fund takes UPR-implementation requests without listing recommendations among every
    /// request's contents: the page says that such requests name them too.
    recommendations_rule: bool,
    stages: Vec<StageRow>,
    money: String,
    /// Code and name of each language the terms are written in.
    languages: Vec<(&'static str, &'static str)>,
    separator: &'static str,
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, HtmlError> {
    let Some(fund) = super::find(&app.funds, &id) else {
        return Err(HtmlError::not_found(
            lang,
            lang.t_args("funds-unknown", &[("id", id.trim().to_owned().into())]),
        ));
    };
    let name = Localised::of(&fund.name, lang);
    let purpose = Localised::of(&fund.purpose, lang);
    let eligibility = Localised::of(&fund.eligibility, lang);
    let fallback = name.fallback || purpose.fallback || eligibility.fallback;
    let stages = Stage::ALL
        .into_iter()
        .map(|stage| StageRow {
            slug: stage.slug(),
            label: lang.t(&format!("funds-stage-{}", stage.slug())),
            what: lang.t(&format!("funds-stage-{}-what", stage.slug())),
            target: stage.is_timed().then(|| match fund.target_days(stage) {
                Some(days) => lang.t_args("funds-target", &[("days", FluentValue::from(days))]),
                None => lang.t("funds-no-target"),
            }),
        })
        .collect();
    let contents = fund
        .contents
        .iter()
        .map(|c| lang.t(&format!("funds-content-{}", c.slug())))
        .collect();
    let recommendations_rule = fund.request_types.contains(&RequestType::UprImplementation)
        && !fund.contents.contains(&Content::Recommendations);
    let money = lang.t_args(
        "funds-money-text",
        &[
            ("currency", fund.currency.code().into()),
            ("percent", FluentValue::from(fund.programme_support)),
        ],
    );
    // Each language named in itself, isolated: a list that mixes Arabic and Latin names would
    // otherwise be reordered by the bidi algorithm.
    let languages = fund
        .translated_into()
        .into_iter()
        .filter_map(Lang::from_code)
        .map(|l| (l.code(), l.endonym()))
        .collect();
    let view = FundPage {
        page: PageContext::new(lang, format!("/funds/{}", fund.id), name.text.clone()),
        id: fund.id.clone(),
        name,
        purpose,
        eligibility,
        fallback,
        terms_confirmed: fund.terms_confirmed,
        request_types: request_types(fund, lang),
        contents,
        recommendations_rule,
        stages,
        money,
        languages,
        separator: lang.list_separator(),
    };
    Ok(render(&view, StatusCode::OK))
}
