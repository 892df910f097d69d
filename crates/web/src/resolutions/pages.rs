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
use taawun_store::ResolutionSort;

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
    /// The due session's closing day, in the page's language.
    pub due_closing: String,
    pub status: String,
    pub status_slug: String,
    pub outputs: usize,
    pub href: String,
}

/// One line of the dashboard's counts: a due session or an addressee, and its mandates by
/// status (in the order of `taawun_council::Status::ALL`).
pub struct TallyLine {
    pub label: String,
    /// The filter value the line links to.
    pub value: String,
    /// Its dates, for a due session the calendar knows.
    pub dates: String,
    pub counts: Vec<u64>,
    pub total: u64,
}

#[derive(Template)]
#[template(path = "mandates.html")]
struct MandatesPage {
    page: PageContext,
    statuses: Vec<Choice>,
    addressees: Vec<Choice>,
    due_session: String,
    rows: Vec<MandateRow>,
    summary: String,
    pages: Vec<PageLink>,
    json_href: String,
    csv_href: String,
    today_line: String,
    status_headers: Vec<(&'static str, String)>,
    by_session: Vec<TallyLine>,
    by_addressee: Vec<TallyLine>,
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
    use taawun_council::Status;
    let (mut filter, paging) = (|| Ok((filter.filter()?, paging.paging()?)))()
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let internal = |e: taawun_store::StoreError| HtmlError::internal(lang, &e);
    let today = crate::council::Today::read(&app).await.map_err(internal)?;
    filter.last_closed = today.last_closed;
    let (page, tally) = tokio::try_join!(
        app.store.list_mandates(&filter, paging),
        app.store.council().mandate_tally(today.last_closed),
    )
    .map_err(internal)?;
    let page_count = page.page_count();
    let views = crate::council::api::mandate_views(&app, &today, page.items)
        .await
        .map_err(internal)?;
    let path = uri
        .path_and_query()
        .map_or("/mandates".to_owned(), |p| p.to_string());
    let column = |status: Status| Status::ALL.iter().position(|s| *s == status).unwrap_or(0);
    let mut by_session: std::collections::BTreeMap<Option<u32>, Vec<u64>> = Default::default();
    let mut by_addressee: std::collections::BTreeMap<String, Vec<u64>> = Default::default();
    for row in &tally {
        by_session
            .entry(row.due_session)
            .or_insert_with(|| vec![0; Status::ALL.len()])[column(row.status)] += row.count;
        by_addressee
            .entry(row.addressee.clone())
            .or_insert_with(|| vec![0; Status::ALL.len()])[column(row.status)] += row.count;
    }
    let line = |label: String, value: String, dates: String, counts: Vec<u64>| TallyLine {
        total: counts.iter().sum(),
        label,
        value,
        dates,
        counts,
    };
    let mut today_line = lang.t_args(
        "sessions-today",
        &[("today", crate::format::date(today.today, lang).into())],
    );
    if let Some(last) = today.last_closed.and_then(|n| today.calendar.regular(n)) {
        today_line.push(' ');
        today_line.push_str(&lang.t_args(
            "sessions-last-closed",
            &[
                ("number", last.number.to_string().into()),
                ("closing", crate::format::date(last.closing, lang).into()),
            ],
        ));
    }
    let view = MandatesPage {
        statuses: Status::ALL
            .iter()
            .map(|s| Choice {
                value: s.slug(),
                label: lang.t(&format!("mandate-status-{s}")),
                selected: filter.status == Some(*s),
            })
            .collect(),
        addressees: super::query::ADDRESSEES
            .iter()
            .map(|a| Choice {
                value: a,
                label: lang.t(&format!("addressee-{a}")),
                selected: filter.addressee.as_deref() == Some(*a),
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
        rows: views
            .into_iter()
            .map(|m| MandateRow {
                due_closing: m
                    .due
                    .as_ref()
                    .and_then(|d| chrono::NaiveDate::parse_from_str(&d.closing, "%Y-%m-%d").ok())
                    .map(|d| crate::format::date(d, lang))
                    .unwrap_or_default(),
                outputs: m.outputs.len(),
                href: m.href,
                symbol: m.record.symbol,
                paragraph: m.record.paragraph,
                addressee: lang.t(&format!("addressee-{}", m.record.addressee)),
                action: m.record.action,
                output: m
                    .record
                    .output
                    .map(|o| lang.t(&format!("output-{o}")))
                    .unwrap_or_default(),
                due_session: m
                    .record
                    .due_session
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                status: lang.t(&format!("mandate-status-{}", m.record.status)),
                status_slug: m.record.status,
            })
            .collect(),
        status_headers: Status::ALL
            .iter()
            .map(|s| (s.slug(), lang.t(&format!("mandate-status-{s}"))))
            .collect(),
        by_session: by_session
            .into_iter()
            .map(|(session, counts)| {
                let dates = session
                    .and_then(|n| today.calendar.regular(n))
                    .map(|s| {
                        format!(
                            "{} – {}",
                            crate::format::date(s.opening, lang),
                            crate::format::date(s.closing, lang)
                        )
                    })
                    .unwrap_or_default();
                match session {
                    Some(n) => line(n.to_string(), n.to_string(), dates, counts),
                    None => line(
                        lang.t("mandates-no-due-session"),
                        String::new(),
                        dates,
                        counts,
                    ),
                }
            })
            .collect(),
        by_addressee: by_addressee
            .into_iter()
            .map(|(addressee, counts)| {
                line(
                    lang.t(&format!("addressee-{addressee}")),
                    addressee,
                    String::new(),
                    counts,
                )
            })
            .collect(),
        today_line,
        json_href: path.replacen("/mandates", "/api/v1/mandates", 1),
        csv_href: {
            let api = path.replacen("/mandates", "/api/v1/mandates", 1);
            if api.contains('?') {
                format!("{api}&format=csv")
            } else {
                format!("{api}?format=csv")
            }
        },
        page: PageContext::new(lang, path, lang.t("mandates-title")),
    };
    Ok(render(&view, StatusCode::OK))
}
