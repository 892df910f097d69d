//! `/resolutions`, `/resolutions/{symbol}`, `/mandates`.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use std::sync::Arc;

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use taawun_store::{RecordContent, ResolutionSummary};

use super::query::{MandateParams, ResolutionParams};
use super::view::{self, ResolutionView};
use crate::AppState;
use crate::error::HtmlError;
use crate::format;
use crate::i18n::Lang;
use crate::page::{PageContext, render};
use crate::paging::PagingParams;
use crate::params::Params;
use crate::states::{Choice, PageLink, page_links};
use taawun_documents::AdoptionMethod;
use taawun_store::{MandateStatus, ResolutionSort};

pub struct Row {
    pub symbol: String,
    pub title: String,
    pub title_lang: String,
    pub title_dir: &'static str,
    pub date: String,
    pub outcome: String,
    /// What the registry holds of the record: its text, the voting records, or both.
    pub holdings: String,
}

fn row(summary: ResolutionSummary, lang: Lang) -> Row {
    let outcome = match summary.adoption_method.as_deref() {
        Some("recorded-vote") => {
            crate::format::tally(lang, summary.yes, summary.no, summary.abstain)
        }
        Some("without-vote") => lang.t("method-without-vote"),
        _ => String::new(),
    };
    // A record known only from a roll call may have failed: its result comes from the tally and
    // the body's rule, never from the word "adopted".
    let outcome = match (summary.has_text, summary.yes, summary.no, summary.abstain) {
        (false, Some(yes), Some(no), Some(abstain)) if !outcome.is_empty() => {
            let body = if summary.body == "human-rights-council" {
                taawun_votes::Body::Hrc
            } else {
                taawun_votes::Body::Unga
            };
            let (_, label) = view::outcome_of(body, yes, no, abstain, lang);
            format!("{label} · {outcome}")
        }
        _ => outcome,
    };
    // Titles of records known only from the voting records come from the datasets, in English.
    let title_lang = summary
        .language
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::En);
    let holdings = match (summary.has_text, summary.has_votes) {
        (true, true) => lang.t("holds-text-and-votes"),
        (true, false) => lang.t("holds-text"),
        _ => lang.t("holds-votes-only"),
    };
    Row {
        symbol: summary.symbol,
        title: summary.title,
        title_lang: title_lang.code().to_owned(),
        title_dir: title_lang.dir(),
        date: summary
            .adoption_date
            .map(|d| format::iso_date(&d, lang))
            .unwrap_or_default(),
        outcome,
        holdings,
    }
}

#[derive(Template)]
#[template(path = "resolutions_list.html")]
struct ListPage {
    page: PageContext,
    bodies: Vec<Choice>,
    methods: Vec<Choice>,
    contents: Vec<Choice>,
    sorts: Vec<Choice>,
    session: String,
    year: String,
    descending: bool,
    rows: Vec<Row>,
    total: u64,
    summary: String,
    pages: Vec<PageLink>,
    json_href: String,
}

pub async fn list(
    State(app): State<AppState>,
    lang: Lang,
    OriginalUri(uri): OriginalUri,
    Params(filter): Params<ResolutionParams>,
    Params(paging): Params<PagingParams>,
    // As the address gave them, for the links that keep them.
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, HtmlError> {
    let (filter, paging) = (|| Ok((filter.filter()?, paging.paging()?)))()
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let page = super::listing::page(&app, &filter, paging)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let choice = |value: &'static str, label: String, current: Option<&str>| Choice {
        value,
        label,
        selected: current == Some(value),
    };
    let page_count = page.page_count();
    let path = uri
        .path_and_query()
        .map_or("/resolutions".to_owned(), |p| p.to_string());
    let view = ListPage {
        bodies: taawun_votes::Body::ALL
            .iter()
            .map(|b| {
                choice(
                    b.name(),
                    lang.t(&format!("body-{}", b.name())),
                    filter.body.map(taawun_votes::Body::name),
                )
            })
            .collect(),
        methods: AdoptionMethod::ALL
            .iter()
            .map(|m| {
                choice(
                    m.slug(),
                    lang.t(&format!("method-{}", m.slug())),
                    filter.adoption_method.map(AdoptionMethod::slug),
                )
            })
            .collect(),
        contents: RecordContent::SLUGS
            .iter()
            .map(|c| {
                choice(
                    c,
                    lang.t(&format!("content-{c}")),
                    filter.content.map(RecordContent::slug),
                )
            })
            .collect(),
        sorts: ResolutionSort::SLUGS
            .iter()
            .map(|s| choice(s, lang.t(&format!("sort-{s}")), Some(filter.sort.slug())))
            .collect(),
        session: filter.session.map(|s| s.to_string()).unwrap_or_default(),
        year: filter.year.map(|y| y.to_string()).unwrap_or_default(),
        descending: filter.descending,
        total: page.total,
        summary: lang.t_args(
            "resolutions-summary",
            &[
                ("count", page.total.into()),
                ("page", page.page.into()),
                ("pages", page_count.into()),
            ],
        ),
        pages: page_links("/resolutions", &params, page.page, page_count),
        rows: page.items.into_iter().map(|s| row(s, lang)).collect(),
        json_href: path.replacen("/resolutions", "/api/v1/resolutions", 1),
        page: PageContext::new(lang, path, lang.t("resolutions-title")),
    };
    Ok(render(&view, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "resolution.html")]
struct ResolutionPage {
    page: PageContext,
    r: ResolutionView,
    api_href: String,
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    principal: crate::auth::Principal,
    Path(symbol): Path<String>,
) -> Response {
    let symbol = symbol.trim().trim_matches('/').to_owned();
    let key = (symbol.clone(), lang);
    // The cache holds the page as the public sees it; a signed-in user's page has their name in
    // its header, so it is rendered for them alone.
    let rendered = if principal.is_signed_in() {
        // Signed-in pages are never cached, so what the secretariat sees stays theirs.
        let staff = taawun_policy::decide(
            principal.subject(),
            taawun_policy::Action::Read,
            &taawun_policy::Resource::Provenance,
        )
        .is_allowed();
        render_page(&app, &symbol, lang, staff)
            .await
            .map_err(Arc::new)
    } else {
        // Concurrent requests for a page not in the cache wait for one rendering, so that the
        // page expiring under load costs one render, not one per waiting request.
        app.resolution_pages
            .try_get_with(key, render_page(&app, &symbol, lang, false))
            .await
    };
    let rendered = match rendered {
        Ok(page) => page,
        Err(e) => match e.as_ref() {
            PageError::NotFound => {
                return HtmlError::not_found(
                    lang,
                    lang.t_args("error-unknown-resolution", &[("symbol", symbol.into())]),
                )
                .into_response();
            }
            PageError::Internal(message) => {
                return HtmlError::internal(lang, message).into_response();
            }
        },
    };
    let accepts_gzip = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.split(',').any(|e| e.trim().starts_with("gzip")));
    let html_type = (header::CONTENT_TYPE, "text/html; charset=utf-8");
    let vary = (header::VARY, "accept-encoding");
    if accepts_gzip {
        (
            [html_type, vary, (header::CONTENT_ENCODING, "gzip")],
            rendered.gzip.clone(),
        )
            .into_response()
    } else {
        ([html_type, vary], rendered.html.clone()).into_response()
    }
}

enum PageError {
    NotFound,
    Internal(String),
}

async fn render_page(
    app: &AppState,
    symbol: &str,
    lang: Lang,
    staff: bool,
) -> Result<Arc<super::RenderedPage>, PageError> {
    let bundle = super::bundle(app, symbol)
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .ok_or(PageError::NotFound)?;
    let r = view::build(&bundle, lang, staff);
    let view = ResolutionPage {
        page: PageContext::new(
            lang,
            format!("/resolutions/{}", r.symbol),
            format!("{} — {}", r.symbol, r.title),
        ),
        api_href: format!(
            "/api/v1/resolutions/{}",
            crate::page::encode_query_value(&r.symbol).replace('/', "%2F")
        ),
        r,
    };
    let html = view
        .render()
        .map_err(|e| PageError::Internal(e.to_string()))?;
    Ok(Arc::new(super::RenderedPage {
        gzip: gzip(html.as_bytes()).into(),
        html: html.into(),
    }))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

pub struct MandateRow {
    pub symbol: String,
    pub paragraph: u32,
    pub addressee: String,
    pub action: String,
    pub output: String,
    pub due_session: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "mandates.html")]
struct MandatesPage {
    page: PageContext,
    statuses: Vec<Choice>,
    due_session: String,
    rows: Vec<MandateRow>,
    summary: String,
    pages: Vec<PageLink>,
    json_href: String,
}

pub async fn mandates(
    State(app): State<AppState>,
    lang: Lang,
    OriginalUri(uri): OriginalUri,
    Params(filter): Params<MandateParams>,
    Params(paging): Params<PagingParams>,
    // As the address gave them, for the links that keep them.
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, HtmlError> {
    let (filter, paging) = (|| Ok((filter.filter()?, paging.paging()?)))()
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let page = app
        .store
        .list_mandates(&filter, paging)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let page_count = page.page_count();
    let path = uri
        .path_and_query()
        .map_or("/mandates".to_owned(), |p| p.to_string());
    let view = MandatesPage {
        statuses: MandateStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.slug(),
                label: lang.t(&format!("mandate-status-{s}")),
                selected: filter.status == Some(*s),
            })
            .collect(),
        due_session: filter
            .due_session
            .map(|s| s.to_string())
            .unwrap_or_default(),
        summary: lang.t_args(
            "mandates-summary",
            &[
                ("count", page.total.into()),
                ("page", page.page.into()),
                ("pages", page_count.into()),
            ],
        ),
        pages: page_links("/mandates", &params, page.page, page_count),
        rows: page
            .items
            .into_iter()
            .map(|m| MandateRow {
                symbol: m.symbol,
                paragraph: m.paragraph,
                addressee: lang.t(&format!("addressee-{}", m.addressee)),
                action: m.action,
                output: m
                    .output
                    .map(|o| lang.t(&format!("output-{o}")))
                    .unwrap_or_default(),
                due_session: m.due_session.map(|s| s.to_string()).unwrap_or_default(),
                status: lang.t(&format!("mandate-status-{}", m.status)),
            })
            .collect(),
        json_href: path.replacen("/mandates", "/api/v1/mandates", 1),
        page: PageContext::new(lang, path, lang.t("mandates-title")),
    };
    Ok(render(&view, StatusCode::OK))
}
