//! The State pages: `/states` (filter, sort, page), `/states/{iso3}`, `/states/resolve`.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use taawun_states::{MatchKind, Resolution};
use taawun_store::StateRecord;

use super::query;
use crate::AppState;
use crate::error::HtmlError;
use crate::i18n::Lang;
use crate::page::{PageContext, encode_query_value, render};
use crate::params::Params;

/// One row of the list, with its labels already translated.
pub struct Row {
    pub iso3: String,
    pub name: String,
    pub m49: String,
    pub group: String,
    pub status: String,
}

pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

pub struct PageLink {
    pub label: String,
    pub href: String,
    pub current: bool,
    /// Pages are skipped between the previous link and this one.
    pub gap_before: bool,
}

#[derive(Template)]
#[template(path = "states_list.html")]
struct ListPage {
    page: PageContext,
    q: String,
    groups: Vec<Choice>,
    statuses: Vec<Choice>,
    sorts: Vec<Choice>,
    descending: bool,
    rows: Vec<Row>,
    total: u64,
    summary: String,
    pages: Vec<PageLink>,
    json_href: String,
}

pub fn group_label(lang: Lang, slug: Option<&str>) -> String {
    match slug {
        Some(slug) => lang.t(&format!("group-{slug}")),
        None => lang.t("group-none"),
    }
}

pub fn status_label(lang: Lang, slug: &str) -> String {
    lang.t(&format!("status-{slug}"))
}

/// The current query with `page` replaced, as a link to `base`.
fn with_page(base: &str, params: &HashMap<String, String>, page: u32) -> String {
    let mut pairs: Vec<(&str, String)> = params
        .iter()
        .filter(|(k, v)| k.as_str() != "page" && !v.is_empty())
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    pairs.sort();
    pairs.push(("page", page.to_string()));
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_query_value(k), encode_query_value(v)))
        .collect();
    format!("{base}?{}", query.join("&"))
}

/// Pager links: the first page, the neighbours of the current one, the last; with gaps marked.
pub fn page_links(
    base: &str,
    params: &HashMap<String, String>,
    current: u32,
    page_count: u32,
) -> Vec<PageLink> {
    if page_count <= 1 {
        return Vec::new();
    }
    let mut numbers: Vec<u32> = vec![
        1,
        current.saturating_sub(1),
        current,
        current + 1,
        page_count,
    ];
    numbers.retain(|n| (1..=page_count).contains(n));
    numbers.sort_unstable();
    numbers.dedup();
    let mut previous = 0;
    numbers
        .into_iter()
        .map(|n| {
            let link = PageLink {
                label: n.to_string(),
                href: with_page(base, params, n),
                current: n == current,
                gap_before: n > previous + 1 && previous != 0,
            };
            previous = n;
            link
        })
        .collect()
}

pub async fn list(
    State(app): State<AppState>,
    lang: Lang,
    OriginalUri(uri): OriginalUri,
    Params(filter): Params<query::StateListParams>,
    Params(paging): Params<crate::paging::PagingParams>,
    // As the address gave them, for the links that keep them.
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, HtmlError> {
    let query =
        query::parse(&filter, &paging, lang).map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let page = app
        .store
        .list_states(&query.filter, query.paging)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let page_count = page.page_count();
    let rows = page
        .items
        .iter()
        .map(|s| Row {
            iso3: s.iso3.clone(),
            name: s.names.get(lang.code()).to_owned(),
            m49: s.m49.map(|n| format!("{n:03}")).unwrap_or_default(),
            group: group_label(lang, s.regional_group.as_deref()),
            status: status_label(lang, &s.un_status),
        })
        .collect();
    let choice = |value: &'static str, label: String, current: Option<&str>| Choice {
        value,
        label,
        selected: current == Some(value),
    };
    let groups = taawun_states::RegionalGroup::ALL
        .iter()
        .map(|g| {
            choice(
                g.slug(),
                group_label(lang, Some(g.slug())),
                query.filter.regional_group.as_deref(),
            )
        })
        .collect();
    let statuses = ["member", "observer", "territory", "historic"]
        .into_iter()
        .map(|s| choice(s, status_label(lang, s), query.filter.un_status.as_deref()))
        .collect();
    let sorts = ["name", "iso3", "m49"]
        .into_iter()
        .map(|s| {
            choice(
                s,
                lang.t(&format!("sort-{s}")),
                Some(query.filter.sort.slug()),
            )
        })
        .collect();
    let pages = page_links("/states", &params, page.page, page_count);
    let summary = lang.t_args(
        "states-summary",
        &[
            ("count", page.total.into()),
            ("page", page.page.into()),
            ("pages", page_count.into()),
        ],
    );
    let path = uri
        .path_and_query()
        .map_or("/states".to_owned(), |p| p.to_string());
    let json_href = path.replacen("/states", "/api/v1/states", 1);
    let view = ListPage {
        page: PageContext::new(lang, path, lang.t("states-title")),
        q: query.q,
        groups,
        statuses,
        sorts,
        descending: query.filter.descending,
        rows,
        total: page.total,
        summary,
        pages,
        json_href,
    };
    Ok(render(&view, StatusCode::OK))
}

/// A name in one of the six languages, with the attributes that let it display right.
pub struct NameLine {
    pub language: String,
    pub lang: &'static str,
    pub dir: &'static str,
    pub name: String,
}

#[derive(Template)]
#[template(path = "state.html")]
struct StatePage {
    page: PageContext,
    state: StateRecord,
    /// The name in the interface language.
    name: String,
    names: Vec<NameLine>,
    status: String,
    group: String,
    group_slug: String,
    region: String,
    sub_region: String,
    intermediate_region: String,
    /// Links to the State's voting record in each body it voted in.
    voting_record: Vec<RecordLink>,
}

struct RecordLink {
    label: String,
    count: String,
    href: String,
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    Path(iso3): Path<String>,
) -> Result<Response, HtmlError> {
    let code = iso3.trim().to_ascii_uppercase();
    let state = match app.store.get_state(&code).await {
        Ok(Some(state)) => state,
        Ok(None) => {
            return Err(HtmlError::not_found(
                lang,
                lang.t_args("error-unknown-state", &[("code", iso3.into())]),
            ));
        }
        Err(e) => return Err(HtmlError::internal(lang, &e)),
    };
    let region_name = |code: Option<u16>| {
        code.map(|c| lang.t(&format!("m49-{c}")))
            .unwrap_or_default()
    };
    // The whole record's matrix is the one the agreement pages keep in memory: counting a
    // State's votes in it costs microseconds.
    let analytics = crate::votes::analytics::analytics(&app, &taawun_store::VoteFilter::default())
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let voting_record = analytics
        .member_roll_calls_by_body(&state.iso3)
        .into_iter()
        .map(|(body, count)| RecordLink {
            label: lang.t(&format!("state-voting-record-{}", body.slug())),
            count: lang.t_args("state-voting-record-count", &[("count", count.into())]),
            href: format!("/states/{}/votes?body={}", state.iso3, body.name()),
        })
        .collect();
    let names = state
        .names
        .all()
        .into_iter()
        .map(|(code, name)| {
            let l = Lang::from_code(code).unwrap_or(Lang::En);
            NameLine {
                language: lang.t(&format!("language-{code}")),
                lang: l.code(),
                dir: l.dir(),
                name: name.to_owned(),
            }
        })
        .collect();
    let view = StatePage {
        page: PageContext::new(
            lang,
            format!("/states/{}", state.iso3),
            state.names.get(lang.code()).to_owned(),
        ),
        name: state.names.get(lang.code()).to_owned(),
        names,
        status: status_label(lang, &state.un_status),
        group: group_label(lang, state.regional_group.as_deref()),
        group_slug: state.regional_group.clone().unwrap_or_default(),
        region: region_name(state.m49_region),
        sub_region: region_name(state.m49_sub_region),
        intermediate_region: region_name(state.m49_intermediate_region),
        voting_record,
        state,
    };
    Ok(render(&view, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "state_resolve.html")]
struct ResolvePage {
    page: PageContext,
    name: String,
    answer: Option<Resolution>,
    matched_name: String,
    how: String,
}

pub async fn resolve(
    State(app): State<AppState>,
    lang: Lang,
    OriginalUri(uri): OriginalUri,
    Params(params): Params<super::api::ResolveQuery>,
) -> Response {
    let name: String = params
        .name
        .map(|n| n.trim().chars().take(300).collect())
        .unwrap_or_default();
    let answer = (!name.is_empty()).then(|| app.resolver.resolve(&name));
    let matched_name = answer
        .as_ref()
        .and_then(|a| a.iso3)
        .and_then(taawun_states::by_iso3)
        .map(|s| s.names.get(lang.code()).to_owned())
        .unwrap_or_default();
    let how = match answer
        .as_ref()
        .and_then(|a| a.match_kind.map(|k| (k, a.distance)))
    {
        Some((MatchKind::Exact, _)) => lang.t("resolve-exact"),
        Some((MatchKind::Alias, _)) => lang.t("resolve-alias"),
        Some((MatchKind::Fuzzy, distance)) => lang.t_args(
            "resolve-fuzzy",
            &[("distance", f64::from(distance.unwrap_or(0.0)).into())],
        ),
        None => String::new(),
    };
    let path = uri
        .path_and_query()
        .map_or("/states/resolve".to_owned(), |p| p.to_string());
    let view = ResolvePage {
        page: PageContext::new(lang, path, lang.t("resolve-title")),
        name,
        answer,
        matched_name,
        how,
    };
    render(&view, StatusCode::OK)
}
