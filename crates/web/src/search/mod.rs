//! One search over the platform's records: `/search` (the page, with the query in the URL) and
//! `GET /api/v1/search` (the same answer as JSON).

mod query;

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::extract::{OriginalUri, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use taawun_search::{Notice, SearchResults};

use crate::AppState;
use crate::error::{ApiError, ApiErrorBody, HtmlError};
use crate::i18n::Lang;
use crate::page::{PageContext, encode_query_value, render};
use crate::params::Params;
use crate::states::{PageLink, page_links};
use query::SearchParams;

pub fn routes() -> crate::auth::Routes {
    crate::auth::Routes::new()
        .public("/search", page)
        .public("/api/v1/search", api)
}

/// Why a search gave no results.
enum Failure {
    /// The request's fault: the parameter and what is wrong.
    Invalid(&'static str, String),
    /// The index's fault.
    Internal(String),
}

pub type ResultsCache = moka::future::Cache<(u64, String), Arc<SearchResults>>;

pub fn new_results_cache() -> ResultsCache {
    moka::future::Cache::builder()
        .max_capacity(2_000)
        .time_to_live(std::time::Duration::from_secs(10 * 60))
        .build()
}

/// Searches on a blocking thread: a query is CPU work (tens of microseconds to milliseconds)
/// that should not hold an async worker. Results are kept per index generation and request.
async fn run(
    app: &AppState,
    request: taawun_search::SearchRequest,
) -> Result<SearchResults, Failure> {
    let key = serde_json::to_string(&request)
        .map(|request| (app.search.generation(), request))
        .ok();
    if let Some(key) = &key
        && let Some(results) = app.search_results.get(key).await
    {
        return Ok(results.as_ref().clone());
    }
    let index = app.search.clone();
    match tokio::task::spawn_blocking(move || index.search(&request)).await {
        Ok(Ok(results)) => {
            if let Some(key) = key {
                app.search_results
                    .insert(key, Arc::new(results.clone()))
                    .await;
            }
            Ok(results)
        }
        Ok(Err(e)) => Err(match e.parameter() {
            Some(parameter) => Failure::Invalid(parameter, e.to_string()),
            None => Failure::Internal(e.to_string()),
        }),
        Err(e) => Err(Failure::Internal(e.to_string())),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "Hits with highlighted snippets (`snippet.html` is escaped, with <mark> around matches), facet counts, and a `notice` saying why when there are no hits", body = Object),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn api(
    State(app): State<AppState>,
    Params(params): Params<SearchParams>,
) -> Result<Json<SearchResults>, ApiError> {
    let (request, _) = request_with_state(&params)?;
    match run(&app, request).await {
        Ok(results) => Ok(Json(results)),
        Err(Failure::Invalid(parameter, message)) => Err(ApiError::invalid(parameter, message)),
        Err(Failure::Internal(message)) => {
            tracing::error!(error = %message, "search failed");
            Err(ApiError::internal(
                "the search index failed; try again later",
            ))
        }
    }
}

pub struct HitView {
    pub href: String,
    pub symbol: String,
    pub title: String,
    pub kind: String,
    pub date: String,
    /// The language of the snippet.
    pub lang: String,
    pub dir: &'static str,
    /// The title's: the record's, or the reader's for titles the page writes.
    pub title_lang: String,
    pub title_dir: &'static str,
    /// Escaped text with `<mark>` around the matches (built by the search crate).
    pub snippet_html: String,
    /// The document lacks one of the query's words (listed after those with all of them).
    pub partial: bool,
}

pub struct FacetLink {
    pub label: String,
    pub count: u64,
    pub href: String,
    pub selected: bool,
}

pub struct FacetGroup {
    pub heading: String,
    pub links: Vec<FacetLink>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    page: PageContext,
    q: String,
    searched: bool,
    summary: String,
    notice: String,
    /// On an empty result: what the search covers, and what to try.
    no_matches: bool,
    state_card: Option<StateCard>,
    /// Hits with every word of the query (`summary` counts these).
    hits: Vec<HitView>,
    /// On a first page those do not fill: hits with all of the words but one, said apart.
    partial_hits: Vec<HitView>,
    facets: Vec<FacetGroup>,
    pages: Vec<PageLink>,
    json_href: String,
}

fn with_param(params: &HashMap<String, String>, key: &str, value: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> = params
        .iter()
        .filter(|(k, v)| k.as_str() != key && k.as_str() != "page" && !v.trim().is_empty())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if let Some(value) = value {
        pairs.push((key.to_owned(), value.to_owned()));
    }
    pairs.sort();
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_query_value(k), encode_query_value(v)))
        .collect();
    format!("/search?{}", query.join("&"))
}

/// A body as the address writes it: by its name (the index keeps the datasets' codes).
fn body_in_address(value: &str) -> String {
    taawun_votes::Body::parse(value).map_or_else(|| value.to_owned(), |b| b.name().to_owned())
}

/// One group of facet links; `in_address` writes a value as the address carries it.
fn facet_group(
    lang: Lang,
    params: &HashMap<String, String>,
    heading: &str,
    key: &str,
    counts: &[taawun_search::FacetCount],
    label: impl Fn(&str) -> String,
    in_address: impl Fn(&str) -> String,
) -> Option<FacetGroup> {
    if counts.is_empty() {
        return None;
    }
    let current = params.get(key).map(|v| in_address(v.trim()));
    Some(FacetGroup {
        heading: lang.t(heading),
        links: counts
            .iter()
            .map(|c| {
                let value = in_address(&c.value);
                let selected = current.as_deref() == Some(value.as_str());
                FacetLink {
                    label: label(&c.value),
                    count: c.count,
                    // A selected value's link removes it; another value's link selects it.
                    href: with_param(params, key, (!selected).then_some(value.as_str())),
                    selected,
                }
            })
            .collect(),
    })
}

/// The State the whole query names (`Venezuela`, `فنزويلا`, `the Syrian Arab Republic`), by its
/// UN name or a known variant; never a guess between two (`Korea`) nor a fuzzy match.
pub fn named_state(q: &str) -> Option<&'static taawun_states::State> {
    let q = q.trim();
    if q.is_empty() || q.chars().count() > 80 || q.contains(['"', '*', '«', '“']) {
        return None;
    }
    let resolution = taawun_states::Resolver::builtin().resolve(q);
    match resolution.match_kind {
        Some(taawun_states::MatchKind::Exact | taawun_states::MatchKind::Alias) => {
            resolution.iso3.and_then(taawun_states::by_iso3)
        }
        _ => None,
    }
}

/// How records name a State besides the query: its UN short name in each of the six
/// languages (without the part in brackets, as titles write it: "Venezuela" of "Venezuela
/// (Bolivarian Republic of)", when that part alone still means this State) and its formal
/// English name.
fn state_alternatives(state: &taawun_states::State) -> Vec<String> {
    let resolver = taawun_states::Resolver::builtin();
    let names = &state.names;
    let mut alternatives: Vec<String> = Vec::new();
    for name in [
        names.ar,
        names.en,
        names.fr,
        names.es,
        names.ru,
        names.zh,
        state.formal_en,
    ] {
        let core = match name.split_once('(') {
            Some((before, _)) if resolver.resolve(before.trim()).iso3 == Some(state.iso3) => {
                before.trim()
            }
            _ => name,
        };
        let core = core.trim().trim_start_matches("the ").to_owned();
        if !core.is_empty() && !alternatives.contains(&core) {
            alternatives.push(core);
        }
    }
    alternatives.truncate(taawun_search::MAX_ALTERNATIVES);
    alternatives
}

/// The request as parsed, with the names of the State the query names searched beside it.
fn request_with_state(
    params: &SearchParams,
) -> Result<
    (
        taawun_search::SearchRequest,
        Option<&'static taawun_states::State>,
    ),
    crate::paging::InvalidParameter,
> {
    let mut request = query::request(params)?;
    let state = named_state(&request.q);
    if let Some(state) = state {
        request.alternatives = state_alternatives(state);
    }
    Ok((request, state))
}

/// A link to the State the query names, with its voting record.
pub struct StateCard {
    pub name: String,
    pub href: String,
    pub votes_href: String,
}

/// The page a hit lands on, and the title shown for it (the review's records and the SDGs
/// titled in the reader's language).
fn hit_link(
    hit: &taawun_search::Hit,
    lang: Lang,
    state_name: &dyn Fn(&str) -> String,
) -> (String, String) {
    use taawun_search::RecordType;
    let id = hit
        .record_key
        .split_once(':')
        .map_or("", |(_, id)| id)
        .to_owned();
    let session = hit.session.unwrap_or_default();
    let reviewed = hit.reviewed.clone().unwrap_or_default();
    match hit.record_type {
        RecordType::UprRecommendation => (
            format!("/upr/recommendations/{id}"),
            lang.t_args(
                "search-hit-recommendation",
                &[
                    ("state", state_name(&reviewed).into()),
                    ("session", session.into()),
                ],
            ),
        ),
        RecordType::UprPledge => (
            format!(
                "/upr/states/{reviewed}#{}",
                hit.anchor.clone().unwrap_or_default()
            ),
            lang.t_args(
                "search-hit-pledge",
                &[
                    ("state", state_name(&reviewed).into()),
                    ("session", session.into()),
                ],
            ),
        ),
        RecordType::SdgGoal | RecordType::SdgTarget => (format!("/sdg/{id}"), hit.title.clone()),
        RecordType::BestPractice => (format!("/practices/{id}"), hit.title.clone()),
        _ => {
            let symbol = hit.symbol.clone().unwrap_or_default();
            let href = match &hit.anchor {
                Some(anchor) => format!("/resolutions/{symbol}#{anchor}"),
                None => format!("/resolutions/{symbol}"),
            };
            (href, hit.title.clone())
        }
    }
}

/// A practice's modality in the reader's language (a value the vocabulary lacks as it is).
fn modality_label(slug: &str, lang: Lang) -> String {
    match taawun_cooperation::Modality::parse(slug) {
        Some(modality) => lang.t(&format!("search-modality-{}", modality.slug())),
        None => slug.to_owned(),
    }
}

/// A practice's region in the reader's language: a regional group by its name, the world and
/// elsewhere by the search's words.
fn region_label(slug: &str, lang: Lang) -> String {
    use taawun_cooperation::Region;
    match Region::parse(slug) {
        Some(Region::Group(group)) => lang.t(&format!("group-{}", group.slug())),
        Some(other) => lang.t(&format!("search-region-{}", other.slug())),
        None => slug.to_owned(),
    }
}

/// A right's slug read as words (`right-to-education` → `right to education`): the rights are
/// tagged in the words of the practice, not from a list, so they are shown in them.
fn right_label(slug: &str) -> String {
    slug.replace('-', " ")
}

/// Most characters of an SDG target's title shown in a facet.
const SDG_LABEL_CHARS: usize = 70;

/// An SDG facet value with its title in the reader's language: a goal's short title, a
/// target's title (cut short).
fn sdg_label(
    framework: Option<&taawun_store::upr::SdgFramework>,
    code: &str,
    lang: Lang,
) -> String {
    let title = framework.and_then(|f| match code.split_once('.') {
        None => f
            .goals
            .iter()
            .find(|g| g.number.to_string() == code)
            .map(|g| g.short_titles.get(lang.code()).to_owned()),
        Some(_) => f
            .targets
            .iter()
            .find(|t| t.code == code)
            .map(|t| t.titles.get(lang.code()).to_owned()),
    });
    let message = if code.contains('.') {
        "search-sdg-target"
    } else {
        "search-sdg-goal"
    };
    let name = lang.t_args(message, &[("code", code.to_owned().into())]);
    match title.filter(|t| !t.trim().is_empty()) {
        Some(title) if title.chars().count() > SDG_LABEL_CHARS => {
            let cut: String = title.chars().take(SDG_LABEL_CHARS).collect();
            format!("{name} — {}…", cut.trim_end())
        }
        Some(title) => format!("{name} — {title}"),
        None => name,
    }
}

pub async fn page(
    State(app): State<AppState>,
    lang: Lang,
    OriginalUri(uri): OriginalUri,
    Params(search): Params<SearchParams>,
    // As the address gave them, for the links that keep them.
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, HtmlError> {
    let (request, named) =
        request_with_state(&search).map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let state_card = named.map(|state| StateCard {
        name: state.names.get(lang.code()).to_owned(),
        href: format!("/states/{}", state.iso3),
        votes_href: format!("/states/{}/votes", state.iso3),
    });
    let q = request.q.clone();
    let results = match run(&app, request).await {
        Ok(r) => r,
        Err(Failure::Invalid(parameter, message)) => {
            return Err(HtmlError::invalid_parameter(
                lang,
                crate::paging::InvalidParameter::new(parameter, message),
            ));
        }
        Err(Failure::Internal(message)) => {
            return Err(HtmlError::internal(lang, &message));
        }
    };
    let notice = match results.notice {
        Some(Notice::OnlyStopWords) => lang.t("search-notice-stop-words"),
        Some(Notice::NoSearchableTerms) => lang.t("search-notice-no-terms"),
        Some(Notice::NoMatches) => lang.t("search-notice-no-matches"),
        Some(Notice::PageOutOfRange) => lang.t("search-notice-page-out-of-range"),
        Some(Notice::PageBeyondWindow) => lang.t("search-notice-beyond-window"),
        None => String::new(),
    };
    let kind_label = |k: &str| lang.t(&format!("search-kind-{k}"));
    let state_name = |s: &str| {
        taawun_states::by_iso3(s)
            .map_or_else(|| s.to_owned(), |st| st.names.get(lang.code()).to_owned())
    };
    // The SDG titles are read only when the results have SDG values to label.
    let sdg_titles = if results.facets.sdg.is_empty() {
        None
    } else {
        app.store.upr().sdg_framework().await.ok()
    };
    let sdg_label = |code: &str| sdg_label(sdg_titles.as_ref(), code, lang);
    let facets = [
        facet_group(
            lang,
            &params,
            "search-facet-type",
            "type",
            &results.facets.record_type,
            |t| lang.t(&format!("search-type-{t}")),
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "filter-body",
            "body",
            &results.facets.body,
            |b| lang.t(&format!("vote-body-{b}")),
            body_in_address,
        ),
        facet_group(
            lang,
            &params,
            "filter-session",
            "session",
            &results.facets.session,
            str::to_owned,
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "filter-year",
            "year",
            &results.facets.year,
            str::to_owned,
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "search-facet-kind",
            "kind",
            &results.facets.paragraph_kind,
            kind_label,
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "col-language",
            "lang",
            &results.facets.language,
            |l| lang.t(&format!("language-{l}")),
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "filter-state",
            "state",
            &results.facets.state,
            state_name,
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "search-facet-reviewed",
            "reviewed",
            &results.facets.reviewed,
            state_name,
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "search-facet-recommending",
            "recommending",
            &results.facets.recommending,
            state_name,
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "search-facet-cycle",
            "cycle",
            &results.facets.cycle,
            |c| lang.t_args("search-cycle", &[("cycle", c.to_owned().into())]),
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "search-facet-response",
            "response",
            &results.facets.response,
            |r| lang.t(&format!("search-response-{r}")),
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "search-facet-theme",
            "theme",
            &results.facets.theme,
            |t| {
                taawun_upr::themes::label(t, lang.code())
                    .map_or_else(|| t.to_owned(), str::to_owned)
            },
            str::to_owned,
        ),
        facet_group(
            lang,
            &params,
            "search-facet-modality",
            "modality",
            &results.facets.modality,
            |m| modality_label(m, lang),
            |m| m.to_lowercase(),
        ),
        facet_group(
            lang,
            &params,
            "search-facet-region",
            "region",
            &results.facets.region,
            |r| region_label(r, lang),
            |r| r.to_lowercase(),
        ),
        facet_group(
            lang,
            &params,
            "search-facet-right",
            "right",
            &results.facets.right,
            right_label,
            taawun_search::right_slug,
        ),
        facet_group(
            lang,
            &params,
            "search-facet-sdg",
            "sdg",
            &results.facets.sdg,
            sdg_label,
            str::to_owned,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let (partial_hits, hits): (Vec<HitView>, Vec<HitView>) = results
        .hits
        .iter()
        .map(|h| {
            let text_lang = Lang::from_code(h.snippet_language.code()).unwrap_or(Lang::En);
            let symbol = h.symbol.clone().unwrap_or_default();
            let (href, title) = hit_link(h, lang, &state_name);
            let title_lang = match h.record_type {
                taawun_search::RecordType::UprRecommendation
                | taawun_search::RecordType::UprPledge => lang,
                _ => Lang::from_code(h.language.code()).unwrap_or(Lang::En),
            };
            HitView {
                href,
                symbol,
                title,
                kind: kind_label(h.kind.as_str()),
                date: h
                    .date
                    .map(|d| crate::format::date(d, lang))
                    .unwrap_or_default(),
                lang: text_lang.code().to_owned(),
                dir: text_lang.dir(),
                title_lang: title_lang.code().to_owned(),
                title_dir: title_lang.dir(),
                snippet_html: h.snippet.html.clone(),
                partial: h.partial,
            }
        })
        .partition(|h| h.partial);
    let pages_total = u32::try_from(results.pages()).unwrap_or(u32::MAX);
    let path = uri
        .path_and_query()
        .map_or("/search".to_owned(), |p| p.to_string());
    let view = SearchPage {
        searched: !q.trim().is_empty() || params.len() > 1,
        summary: lang.t_args(
            "search-summary",
            &[
                ("count", crate::format::count(results.total).into()),
                ("page", results.page.into()),
                ("pages", pages_total.into()),
            ],
        ),
        no_matches: results.notice == Some(Notice::NoMatches),
        notice,
        state_card,
        hits,
        partial_hits,
        facets,
        pages: page_links("/search", &params, results.page, pages_total),
        json_href: path.replacen("/search", "/api/v1/search", 1),
        page: PageContext::new(
            lang,
            path,
            if q.trim().is_empty() {
                lang.t("search-title")
            } else {
                format!("{q} — {}", lang.t("search-title"))
            },
        ),
        q,
    };
    Ok(render(&view, StatusCode::OK))
}
