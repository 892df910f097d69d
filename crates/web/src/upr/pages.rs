//! The review's pages: `/upr`, `/upr/recommendations[/{id}]`, `/upr/states/{iso3}`,
//! `/upr/sessions/{n}`, `/upr/themes/{theme}`, `/sdg`, `/sdg/{code}`; and the secretariat's
//! forms that link a recommendation to an SDG goal or target.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use taawun_store::Paging;
use taawun_store::upr::{
    ActionCategory, GroupCount, RecommendationFilter, RecommendationRecord, Response as Answer,
    ResponseCounts, ResponseFilter, SdgFramework,
};

use super::api::{parse_id, sees_provenance, source_kinds};
use super::query::{RecommendationParams, href, sdg_code};
use super::{Counts, StateLink, action_label, name_key, response_label, response_slug, state_name};
use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, NoFields, Principal};
use crate::error::HtmlError;
use crate::format;
use crate::i18n::Lang;
use crate::page::{PageContext, encode_query_value, render};
use crate::paging::{InvalidParameter, PagingParams};
use crate::params::Params;
use crate::states::{PageLink, group_label, page_links};

const LIST: &str = "/upr/recommendations";

/// An option of a select.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A theme in the filter form: its stored name is the value, its name in the page's language the
/// label.
pub struct ThemeOpt {
    pub value: String,
    pub name: ThemeName,
    pub selected: bool,
}

/// The filter form, as the overview and the list show it.
pub struct FilterForm {
    pub states: Vec<Opt>,
    pub recommending: Vec<Opt>,
    pub cycles: Vec<Opt>,
    pub sessions: Vec<Opt>,
    pub responses: Vec<Opt>,
    pub themes: Vec<ThemeOpt>,
    pub actions: Vec<Opt>,
    pub sdg: String,
}

fn state_options(lang: Lang, selected: Option<&str>) -> Vec<Opt> {
    let mut states: Vec<(String, Opt)> = taawun_states::all()
        .map(|s| {
            let name = s.names.get(lang.code()).to_owned();
            (
                name_key(&name),
                Opt {
                    value: s.iso3.to_owned(),
                    label: name,
                    selected: selected == Some(s.iso3),
                },
            )
        })
        .collect();
    states.sort_by(|a, b| a.0.cmp(&b.0));
    states.into_iter().map(|(_, o)| o).collect()
}

fn filter_form(
    lang: Lang,
    filter: &RecommendationFilter,
    sessions: &[GroupCount],
    themes: &[GroupCount],
) -> FilterForm {
    let numbers: Vec<u32> = sessions.iter().filter_map(|g| g.key.parse().ok()).collect();
    let cycles: BTreeSet<u8> = numbers
        .iter()
        .filter_map(|n| taawun_upr::cycle_of_session(*n))
        .collect();
    let response_selected = |slug: &str| match filter.response {
        Some(ResponseFilter::Is(r)) => r.slug() == slug,
        Some(ResponseFilter::NotRecorded) => slug == "not-recorded",
        None => false,
    };
    let mut theme_options: Vec<(String, ThemeOpt)> = themes
        .iter()
        .map(|g| {
            let name = ThemeName::new(lang, &g.key);
            (
                name_key(&name.text),
                ThemeOpt {
                    value: g.key.clone(),
                    selected: filter.theme.as_deref() == Some(g.key.as_str()),
                    name,
                },
            )
        })
        .collect();
    theme_options.sort_by(|a, b| a.0.cmp(&b.0));
    FilterForm {
        states: state_options(lang, filter.reviewed.as_deref()),
        recommending: state_options(lang, filter.recommending.as_deref()),
        cycles: cycles
            .into_iter()
            .map(|c| Opt {
                value: c.to_string(),
                label: lang.t_args("upr-cycle-n", &[("cycle", c.into())]),
                selected: filter.cycle == Some(c),
            })
            .collect(),
        sessions: numbers
            .iter()
            .map(|n| Opt {
                value: n.to_string(),
                label: lang.t_args("upr-session-n", &[("session", (*n).into())]),
                selected: filter.session == Some(*n),
            })
            .collect(),
        responses: ["supported", "noted", "not-recorded"]
            .into_iter()
            .map(|slug| Opt {
                value: slug.to_owned(),
                label: lang.t(&format!("upr-response-{slug}")),
                selected: response_selected(slug),
            })
            .collect(),
        themes: theme_options.into_iter().map(|(_, o)| o).collect(),
        actions: ActionCategory::ALL
            .into_iter()
            .map(|a| Opt {
                value: a.number().to_string(),
                label: action_label(lang, a),
                selected: filter.action == Some(a),
            })
            .collect(),
        sdg: filter.sdg.clone().unwrap_or_default(),
    }
}

/// A recommendation as a row of a list.
pub struct Row {
    pub id: i64,
    pub reviewed: StateLink,
    pub session: u32,
    /// "Session 20 (cycle 2)".
    pub session_label: String,
    pub paragraph: String,
    pub text: String,
    pub recommending: Vec<StateLink>,
    pub response: String,
    pub response_slug: &'static str,
    pub action: String,
    pub themes: Vec<ThemeName>,
}

fn row(lang: Lang, r: &RecommendationRecord) -> Row {
    Row {
        id: r.id,
        reviewed: StateLink::new(lang, &r.reviewed),
        session: r.session,
        session_label: lang.t_args(
            "upr-session-cycle",
            &[("session", r.session.into()), ("cycle", r.cycle.into())],
        ),
        paragraph: r.paragraph.clone().unwrap_or_default(),
        text: r.text.clone(),
        recommending: r
            .recommending
            .iter()
            .map(|s| StateLink::new(lang, s))
            .collect(),
        response: response_label(lang, r.response),
        response_slug: response_slug(r.response),
        action: r.action.map(|a| action_label(lang, a)).unwrap_or_default(),
        themes: theme_names(lang, &r.themes),
    }
}

/// A theme's name as a page shows it: in the page's language where this platform translates it
/// (UPR Info's issues, see `taawun_upr::themes`), else as its source wrote it, in English.
pub struct ThemeName {
    pub text: String,
    pub lang: &'static str,
    pub dir: &'static str,
}

impl ThemeName {
    pub fn new(lang: Lang, raw: &str) -> Self {
        match taawun_upr::themes::label(raw, lang.code()) {
            Some(text) => Self {
                text: text.to_owned(),
                lang: lang.code(),
                dir: lang.dir(),
            },
            None => Self {
                text: raw.to_owned(),
                lang: "en",
                dir: "ltr",
            },
        }
    }
}

fn theme_names(lang: Lang, raw: &[String]) -> Vec<ThemeName> {
    raw.iter().map(|t| ThemeName::new(lang, t)).collect()
}

/// A theme's page.
fn theme_href(theme: &str) -> String {
    format!(
        "/upr/themes/{}",
        encode_query_value(theme).replace('/', "%2F")
    )
}

/// A number from a path segment: ASCII, Arabic-Indic or Persian digits.
fn path_number(raw: &str) -> Option<u32> {
    let ascii: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            other => other,
        })
        .collect();
    ascii.parse().ok()
}

fn internal<E: std::fmt::Display + 'static>(lang: Lang) -> impl Fn(E) -> HtmlError {
    move |e| HtmlError::internal(lang, &e)
}

// ---------------------------------------------------------------------------------------------
// The overview

pub struct SessionRow {
    pub session: u32,
    pub cycle: String,
    pub states: String,
    pub counts: Counts,
}

pub struct ThemeLink {
    pub name: ThemeName,
    pub href: String,
    pub count: String,
}

#[derive(Template)]
#[template(path = "upr_overview.html")]
struct OverviewPage {
    page: PageContext,
    empty: bool,
    staff: bool,
    facts: Vec<(String, String)>,
    coverage: String,
    sessions: Vec<SessionRow>,
    themes: Vec<ThemeLink>,
    form: FilterForm,
}

pub async fn overview(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
) -> Result<Response, HtmlError> {
    let overview = super::figures::overview(&app)
        .await
        .map_err(internal(lang))?;
    let states: HashMap<u32, u64> = overview.states_per_session.iter().copied().collect();
    let mut total = ResponseCounts::default();
    let mut cycles = BTreeSet::new();
    let sessions: Vec<SessionRow> = overview
        .sessions
        .iter()
        .filter_map(|g| {
            let session: u32 = g.key.parse().ok()?;
            total.supported += g.responses.supported;
            total.noted += g.responses.noted;
            total.not_recorded += g.responses.not_recorded;
            let cycle = taawun_upr::cycle_of_session(session);
            cycles.extend(cycle);
            Some(SessionRow {
                session,
                cycle: cycle.map(|c| c.to_string()).unwrap_or_default(),
                states: format::count(states.get(&session).copied().unwrap_or(0)),
                counts: Counts::new(lang, &g.responses),
            })
        })
        .collect();
    let reviews: u64 = states.values().sum();
    let numbers: Vec<u32> = sessions.iter().map(|s| s.session).collect();
    let coverage = match (numbers.first(), numbers.last()) {
        (Some(first), Some(last)) => lang.t_args(
            "upr-coverage",
            &[
                ("first", (*first).into()),
                ("last", (*last).into()),
                ("sessions", (numbers.len() as u64).into()),
                (
                    "cycles",
                    cycles
                        .iter()
                        .map(u8::to_string)
                        .collect::<Vec<_>>()
                        .join(lang.list_separator())
                        .into(),
                ),
            ],
        ),
        _ => String::new(),
    };
    let facts = vec![
        (
            lang.t("upr-fact-recommendations"),
            format::count(total.total()),
        ),
        (lang.t("upr-fact-reviews"), format::count(reviews)),
        (
            lang.t("upr-fact-sessions"),
            format::count(numbers.len() as u64),
        ),
        (
            lang.t("upr-fact-cycles"),
            format::count(cycles.len() as u64),
        ),
        (lang.t("upr-fact-pledges"), format::count(overview.pledges)),
        (
            lang.t("upr-response-supported"),
            format::count(total.supported),
        ),
        (lang.t("upr-response-noted"), format::count(total.noted)),
        (
            lang.t("upr-response-not-recorded"),
            format::count(total.not_recorded),
        ),
    ];
    let themes = overview
        .themes
        .iter()
        .take(20)
        .map(|g| ThemeLink {
            name: ThemeName::new(lang, &g.key),
            href: theme_href(&g.key),
            count: format::count(g.responses.total()),
        })
        .collect();
    let view = OverviewPage {
        page: PageContext::new(lang, "/upr", lang.t("upr-title")),
        empty: overview.sessions.is_empty(),
        staff: sees_provenance(&principal),
        facts,
        coverage,
        form: filter_form(
            lang,
            &RecommendationFilter::default(),
            &overview.sessions,
            &overview.themes,
        ),
        sessions,
        themes,
    };
    Ok(render(&view, StatusCode::OK))
}

// ---------------------------------------------------------------------------------------------
// The list

#[derive(Template)]
#[template(path = "upr_list.html")]
struct ListPage {
    page: PageContext,
    form: FilterForm,
    summary: String,
    counts: Counts,
    total: u64,
    rows: Vec<Row>,
    pages: Vec<PageLink>,
    csv_href: String,
    xlsx_href: String,
    json_href: String,
}

pub async fn list(
    State(app): State<AppState>,
    lang: Lang,
    OriginalUri(uri): OriginalUri,
    Params(params): Params<RecommendationParams>,
    Params(paging): Params<PagingParams>,
    Query(raw): Query<HashMap<String, String>>,
) -> Result<Response, HtmlError> {
    let invalid = |e: InvalidParameter| HtmlError::invalid_parameter(lang, e);
    let filter = params.filter().map_err(invalid)?;
    let paging = paging.paging().map_err(invalid)?;
    let answer = super::figures::list(&app, &filter, paging)
        .await
        .map_err(internal(lang))?;
    let overview = super::figures::overview(&app)
        .await
        .map_err(internal(lang))?;
    let page_count = answer.page.page_count();
    let summary = lang.t_args(
        "upr-list-summary",
        &[
            ("count", answer.page.total.into()),
            ("page", answer.page.page.into()),
            ("pages", page_count.into()),
        ],
    );
    let path = uri
        .path_and_query()
        .map_or(LIST.to_owned(), |p| p.to_string());
    let view = ListPage {
        form: filter_form(lang, &filter, &overview.sessions, &overview.themes),
        summary,
        counts: Counts::new(lang, &answer.responses),
        total: answer.page.total,
        rows: answer.page.items.iter().map(|r| row(lang, r)).collect(),
        pages: page_links(LIST, &raw, answer.page.page, page_count),
        csv_href: href(
            "/api/v1/upr/recommendations",
            &filter,
            &[("format", "csv".to_owned())],
        ),
        xlsx_href: href(
            "/api/v1/upr/recommendations",
            &filter,
            &[("format", "xlsx".to_owned())],
        ),
        json_href: href(
            "/api/v1/upr/recommendations",
            &filter,
            &[
                ("page", answer.page.page.to_string()),
                ("per_page", answer.page.per_page.to_string()),
            ],
        ),
        page: PageContext::new(lang, path, lang.t("upr-list-title")),
    };
    Ok(render(&view, StatusCode::OK))
}

// ---------------------------------------------------------------------------------------------
// One recommendation

pub struct LinkRow {
    pub sdg: String,
    pub title: String,
    /// The title's language, when the page's is missing.
    pub title_lang: &'static str,
    pub origin: String,
    pub added_by: String,
    pub added_at: String,
}

pub struct SourceRow {
    pub kind: String,
    pub file: String,
    pub line: u64,
}

pub struct SuggestionRow {
    pub sdg: String,
    pub title: String,
    pub title_lang: &'static str,
    pub score: String,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "upr_recommendation.html")]
struct RecommendationPage {
    page: PageContext,
    r: Row,
    groups: Vec<String>,
    assessment: String,
    source_kinds: Vec<String>,
    staff: bool,
    may_link: bool,
    csrf: String,
    sources: Vec<SourceRow>,
    links: Vec<LinkRow>,
    suggestions: Vec<SuggestionRow>,
}

/// The title of a goal or target in `lang`, with the language it is in (English when the
/// framework lacks this language's).
fn sdg_title(framework: &SdgFramework, code: &str, lang: Lang) -> (String, &'static str) {
    let names = framework
        .targets
        .iter()
        .find(|t| t.code == code)
        .map(|t| &t.titles)
        .or_else(|| {
            framework
                .goals
                .iter()
                .find(|g| g.number.to_string() == code)
                .map(|g| &g.titles)
        });
    match names {
        Some(n) if !n.get(lang.code()).is_empty() => (n.get(lang.code()).to_owned(), lang.code()),
        Some(n) => (n.en.clone(), "en"),
        None => (String::new(), lang.code()),
    }
}

fn suggester() -> &'static taawun_sdg::Suggester {
    static SUGGESTER: OnceLock<taawun_sdg::Suggester> = OnceLock::new();
    SUGGESTER.get_or_init(taawun_sdg::Suggester::builtin)
}

fn may_classify(principal: &Principal) -> bool {
    taawun_policy::decide(
        principal.subject(),
        taawun_policy::Action::Create,
        &taawun_policy::Resource::Classification,
    )
    .is_allowed()
}

async fn load(app: &AppState, lang: Lang, id: &str) -> Result<RecommendationRecord, HtmlError> {
    let not_found = || {
        HtmlError::not_found(
            lang,
            lang.t_args(
                "upr-unknown-recommendation",
                &[("id", id.to_owned().into())],
            ),
        )
    };
    let number = parse_id(id).ok_or_else(not_found)?;
    app.store
        .upr()
        .get_recommendation(number)
        .await
        .map_err(internal(lang))?
        .ok_or_else(not_found)
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
) -> Result<Response, HtmlError> {
    let record = load(&app, lang, &id).await?;
    let framework = app
        .store
        .upr()
        .sdg_framework()
        .await
        .map_err(internal(lang))?;
    let staff = sees_provenance(&principal);
    let may_link = may_classify(&principal);
    let links = record
        .sdgs
        .iter()
        .map(|l| {
            let (title, title_lang) = sdg_title(&framework, &l.sdg, lang);
            LinkRow {
                sdg: l.sdg.clone(),
                title,
                title_lang,
                origin: lang.t(&format!("upr-origin-{}", l.origin)),
                added_by: match (staff, l.added_by) {
                    (true, Some(id)) => lang.t_args("upr-added-by", &[("id", id.into())]),
                    _ => String::new(),
                },
                added_at: format::unix_date_time(l.added_at / 1_000_000),
            }
        })
        .collect();
    let suggestions = if may_link {
        let themes: Vec<&str> = record.themes.iter().map(String::as_str).collect();
        suggester()
            .suggest(&record.text, &themes)
            .into_iter()
            .filter(|s| !record.sdgs.iter().any(|l| l.sdg == s.target.to_string()))
            .take(5)
            .map(|s| {
                let code = s.target.to_string();
                let (title, title_lang) = sdg_title(&framework, &code, lang);
                SuggestionRow {
                    sdg: code,
                    title,
                    title_lang,
                    score: format!("{:.2}", s.score),
                    reasons: s.reasons,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let view = RecommendationPage {
        page: PageContext::new(
            lang,
            format!("/upr/recommendations/{}", record.id),
            lang.t_args(
                "upr-recommendation-title",
                &[
                    ("id", record.id.into()),
                    ("state", state_name(lang, &record.reviewed).into()),
                ],
            ),
        ),
        r: row(lang, &record),
        groups: record.groups.clone(),
        assessment: record.assessment.clone().unwrap_or_default(),
        source_kinds: source_kinds(&record.sources),
        staff,
        may_link,
        csrf: csrf.0.clone(),
        sources: if staff {
            record
                .sources
                .iter()
                .map(|s| SourceRow {
                    kind: s.kind.clone(),
                    file: s.file.clone(),
                    line: s.line,
                })
                .collect()
        } else {
            Vec::new()
        },
        links,
        suggestions,
    };
    Ok(render(&view, StatusCode::OK))
}

#[derive(serde::Deserialize)]
pub struct SdgForm {
    #[serde(default)]
    sdg: String,
}

/// Whether `code` is a goal or target of the stored framework (any well-formed one when no
/// framework is imported).
fn known_sdg(framework: &SdgFramework, code: &str) -> bool {
    framework.goals.is_empty()
        || framework.targets.iter().any(|t| t.code == code)
        || framework.goals.iter().any(|g| g.number.to_string() == code)
}

pub async fn add_sdg(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<SdgForm>,
) -> Result<Response, HtmlError> {
    let record = load(&app, lang, &id).await?;
    let upr = app.store.upr();
    let framework = upr.sdg_framework().await.map_err(internal(lang))?;
    let Some(code) = sdg_code(&form.sdg).filter(|c| known_sdg(&framework, c)) else {
        return Err(HtmlError::invalid_parameter(
            lang,
            InvalidParameter::new(
                "sdg",
                format!(
                    "{:?} is not an SDG goal (16) or target (16.3) of the framework",
                    form.sdg.trim()
                ),
            ),
        ));
    };
    let Some(user) = principal.user.as_ref() else {
        return Err(HtmlError::forbidden(lang));
    };
    upr.add_sdg_link(&principal.change_context(), record.id, &code, user.id)
        .await
        .map_err(internal(lang))?;
    Ok(Redirect::to(&format!("/upr/recommendations/{}#sdgs", record.id)).into_response())
}

pub async fn remove_sdg(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path((id, sdg)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, HtmlError> {
    let record = load(&app, lang, &id).await?;
    app.store
        .upr()
        .remove_sdg_link(&principal.change_context(), record.id, sdg.trim())
        .await
        .map_err(internal(lang))?;
    Ok(Redirect::to(&format!("/upr/recommendations/{}#sdgs", record.id)).into_response())
}

// ---------------------------------------------------------------------------------------------
// A State's review

pub struct GroupRow {
    pub label: String,
    pub href: String,
    pub counts: Counts,
}

pub struct CycleThemes {
    pub label: String,
    pub themes: Vec<ThemeLink>,
}

pub struct PledgeRow {
    /// "Session 20 (cycle 2)".
    pub label: String,
    pub text: String,
    pub themes: Vec<ThemeName>,
}

pub struct StateCount {
    pub state: StateLink,
    pub count: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "upr_state.html")]
struct StatePage {
    page: PageContext,
    state: StateLink,
    received: Counts,
    received_total: u64,
    made_total: u64,
    sessions: Vec<GroupRow>,
    cycle_themes: Vec<CycleThemes>,
    chart: String,
    /// The chart as a table: themes × cycles.
    chart_cycles: Vec<String>,
    chart_rows: Vec<(ThemeName, Vec<String>)>,
    groups: Vec<GroupRow>,
    recommenders: Vec<StateCount>,
    pledges: Vec<PledgeRow>,
    made_to: Vec<StateCount>,
    made_themes: Vec<ThemeLink>,
    list_href: String,
    made_href: String,
    voting_href: String,
}

/// Colours of the cycles in the themes chart (Okabe–Ito), patterns telling them apart without
/// colour.
const CYCLE_STYLES: [(&str, taawun_charts::Pattern); 4] = [
    ("#0072B2", taawun_charts::Pattern::Solid),
    ("#E69F00", taawun_charts::Pattern::DiagonalHatch),
    ("#009E73", taawun_charts::Pattern::Dots),
    ("#CC79A7", taawun_charts::Pattern::CrossHatch),
];

fn unknown_state(lang: Lang, iso3: &str) -> HtmlError {
    HtmlError::not_found(
        lang,
        lang.t_args("error-unknown-state", &[("code", iso3.to_owned().into())]),
    )
}

pub async fn state(
    State(app): State<AppState>,
    lang: Lang,
    Path(iso3): Path<String>,
) -> Result<Response, HtmlError> {
    let Some(known) = taawun_states::by_iso3(iso3.trim()) else {
        return Err(unknown_state(lang, &iso3));
    };
    let code = known.iso3;
    let figures = super::figures::state_figures(&app, code)
        .await
        .map_err(internal(lang))?;
    let review = &figures.review;
    let reviewed = RecommendationFilter {
        reviewed: Some(code.to_owned()),
        ..RecommendationFilter::default()
    };
    let mut received = ResponseCounts::default();
    let sessions: Vec<GroupRow> = review
        .received_by_session
        .iter()
        .map(|g| {
            received.supported += g.responses.supported;
            received.noted += g.responses.noted;
            received.not_recorded += g.responses.not_recorded;
            let session: u32 = g.key.parse().unwrap_or(0);
            let cycle = taawun_upr::cycle_of_session(session).unwrap_or(0);
            GroupRow {
                label: lang.t_args(
                    "upr-session-cycle",
                    &[("session", session.into()), ("cycle", cycle.into())],
                ),
                href: href(LIST, &reviewed, &[("session", g.key.clone())]),
                counts: Counts::new(lang, &g.responses),
            }
        })
        .collect();
    // Themes per cycle (the store gives them most first).
    let mut by_cycle: BTreeMap<u8, Vec<(&str, u64)>> = BTreeMap::new();
    let mut theme_totals: HashMap<&str, u64> = HashMap::new();
    for g in &review.received_by_theme_and_cycle {
        let Some((cycle, theme)) = g.key.split_once(':') else {
            continue;
        };
        let Ok(cycle) = cycle.parse::<u8>() else {
            continue;
        };
        let n = g.responses.total();
        by_cycle.entry(cycle).or_default().push((theme, n));
        *theme_totals.entry(theme).or_default() += n;
    }
    let cycle_themes = by_cycle
        .iter()
        .map(|(cycle, themes)| CycleThemes {
            label: lang.t_args("upr-cycle-n", &[("cycle", (*cycle).into())]),
            themes: themes
                .iter()
                .take(5)
                .map(|(t, n)| ThemeLink {
                    name: ThemeName::new(lang, t),
                    href: href(
                        LIST,
                        &RecommendationFilter {
                            cycle: Some(*cycle),
                            theme: Some((*t).to_owned()),
                            ..reviewed.clone()
                        },
                        &[],
                    ),
                    count: format::count(*n),
                })
                .collect(),
        })
        .collect();
    let mut top: Vec<(&str, u64)> = theme_totals.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    top.truncate(8);
    let chart_cycles: Vec<u8> = by_cycle.keys().copied().collect();
    let count_in = |cycle: u8, theme: &str| -> u64 {
        by_cycle
            .get(&cycle)
            .and_then(|ts| ts.iter().find(|(t, _)| *t == theme))
            .map_or(0, |(_, n)| *n)
    };
    let chart_rows: Vec<(ThemeName, Vec<String>)> = top
        .iter()
        .map(|(theme, _)| {
            (
                ThemeName::new(lang, theme),
                chart_cycles
                    .iter()
                    .map(|c| format::count(count_in(*c, theme)))
                    .collect(),
            )
        })
        .collect();
    let chart = if top.is_empty() || chart_cycles.len() > CYCLE_STYLES.len() {
        String::new()
    } else {
        taawun_charts::render_bars(&taawun_charts::BarSpec {
            id_prefix: "upr-themes".into(),
            title: lang.t_args(
                "upr-chart-themes-title",
                &[("state", known.names.get(lang.code()).to_owned().into())],
            ),
            description: lang.t("upr-chart-themes-description"),
            dir: crate::charts::dir(lang),
            categories: chart_cycles
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let (colour, pattern) = CYCLE_STYLES[i];
                    taawun_charts::Category::new(
                        format!("cycle-{c}"),
                        lang.t_args("upr-cycle-n", &[("cycle", (*c).into())]),
                        colour,
                        pattern,
                    )
                })
                .collect(),
            rows: top
                .iter()
                .map(|(theme, _)| taawun_charts::BarRow {
                    label: ThemeName::new(lang, theme).text,
                    counts: chart_cycles.iter().map(|c| count_in(*c, theme)).collect(),
                })
                .collect(),
        })
        .map(|r| r.svg)
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "UPR themes chart spec rejected");
            String::new()
        })
    };
    let groups = review
        .received_by_group
        .iter()
        .map(|g| GroupRow {
            label: group_label(lang, (g.key != "none").then_some(g.key.as_str())),
            href: String::new(),
            counts: Counts::new(lang, &g.responses),
        })
        .collect();
    let recommenders = review
        .received_by_state
        .iter()
        .take(15)
        .map(|g| StateCount {
            state: StateLink::new(lang, &g.key),
            count: format::count(g.responses.total()),
            href: href(
                LIST,
                &RecommendationFilter {
                    recommending: Some(g.key.clone()),
                    ..reviewed.clone()
                },
                &[],
            ),
        })
        .collect();
    let made = RecommendationFilter {
        recommending: Some(code.to_owned()),
        ..RecommendationFilter::default()
    };
    let made_total: u64 = review
        .made_by_reviewed
        .iter()
        .map(|g| g.responses.total())
        .sum();
    let made_to = review
        .made_by_reviewed
        .iter()
        .take(15)
        .map(|g| StateCount {
            state: StateLink::new(lang, &g.key),
            count: format::count(g.responses.total()),
            href: href(
                LIST,
                &RecommendationFilter {
                    reviewed: Some(g.key.clone()),
                    ..made.clone()
                },
                &[],
            ),
        })
        .collect();
    let made_themes = review
        .made_by_theme
        .iter()
        .take(10)
        .map(|g| ThemeLink {
            name: ThemeName::new(lang, &g.key),
            href: href(
                LIST,
                &RecommendationFilter {
                    theme: Some(g.key.clone()),
                    ..made.clone()
                },
                &[],
            ),
            count: format::count(g.responses.total()),
        })
        .collect();
    let state = StateLink::new(lang, code);
    let view = StatePage {
        page: PageContext::new(
            lang,
            format!("/upr/states/{code}"),
            lang.t_args("upr-state-title", &[("state", state.name.clone().into())]),
        ),
        received: Counts::new(lang, &received),
        received_total: received.total(),
        made_total,
        sessions,
        cycle_themes,
        chart,
        chart_cycles: chart_cycles
            .iter()
            .map(|c| lang.t_args("upr-cycle-n", &[("cycle", (*c).into())]))
            .collect(),
        chart_rows,
        groups,
        recommenders,
        pledges: figures
            .pledges
            .iter()
            .map(|p| PledgeRow {
                label: lang.t_args(
                    "upr-session-cycle",
                    &[("session", p.session.into()), ("cycle", p.cycle.into())],
                ),
                text: p.text.clone(),
                themes: theme_names(lang, &p.themes),
            })
            .collect(),
        made_to,
        made_themes,
        list_href: href(LIST, &reviewed, &[]),
        made_href: href(LIST, &made, &[]),
        voting_href: format!("/states/{code}/votes"),
        state,
    };
    Ok(render(&view, StatusCode::OK))
}

// ---------------------------------------------------------------------------------------------
// A session, a theme

#[derive(Template)]
#[template(path = "upr_session.html")]
struct SessionPage {
    page: PageContext,
    cycle: String,
    total: Counts,
    rows: Vec<StateCountRow>,
    list_href: String,
}

pub struct StateCountRow {
    pub state: StateLink,
    pub href: String,
    pub counts: Counts,
}

pub async fn session(
    State(app): State<AppState>,
    lang: Lang,
    Path(raw): Path<String>,
) -> Result<Response, HtmlError> {
    let Some(session) = path_number(&raw).filter(|n| *n > 0) else {
        return Err(HtmlError::invalid_parameter(
            lang,
            InvalidParameter::new(
                "session",
                format!("session must be a session number such as 20, not {raw:?}"),
            ),
        ));
    };
    let filter = RecommendationFilter {
        session: Some(session),
        ..RecommendationFilter::default()
    };
    let groups = super::figures::count_by_reviewed(&app, &filter)
        .await
        .map_err(internal(lang))?;
    if groups.is_empty() {
        return Err(HtmlError::not_found(
            lang,
            lang.t_args("upr-unknown-session", &[("session", session.into())]),
        ));
    }
    let mut total = ResponseCounts::default();
    let mut rows: Vec<StateCountRow> = groups
        .iter()
        .map(|g| {
            total.supported += g.responses.supported;
            total.noted += g.responses.noted;
            total.not_recorded += g.responses.not_recorded;
            StateCountRow {
                state: StateLink::new(lang, &g.key),
                href: href(
                    LIST,
                    &RecommendationFilter {
                        reviewed: Some(g.key.clone()),
                        ..filter.clone()
                    },
                    &[],
                ),
                counts: Counts::new(lang, &g.responses),
            }
        })
        .collect();
    rows.sort_by_key(|r| name_key(&r.state.name));
    let view = SessionPage {
        page: PageContext::new(
            lang,
            format!("/upr/sessions/{session}"),
            lang.t_args("upr-session-n", &[("session", session.into())]),
        ),
        cycle: taawun_upr::cycle_of_session(session)
            .map(|c| c.to_string())
            .unwrap_or_default(),
        total: Counts::new(lang, &total),
        rows,
        list_href: href(LIST, &filter, &[]),
    };
    Ok(render(&view, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "upr_theme.html")]
struct ThemePage {
    page: PageContext,
    theme: ThemeName,
    total: Counts,
    cycles: Vec<GroupRow>,
    groups: Vec<GroupRow>,
    list_href: String,
}

pub async fn theme(
    State(app): State<AppState>,
    lang: Lang,
    Path(theme): Path<String>,
) -> Result<Response, HtmlError> {
    let theme = theme.trim().to_owned();
    let filter = RecommendationFilter {
        theme: Some(theme.clone()),
        ..RecommendationFilter::default()
    };
    let by_state = super::figures::count_by_reviewed(&app, &filter)
        .await
        .map_err(internal(lang))?;
    if by_state.is_empty() {
        return Err(HtmlError::not_found(
            lang,
            lang.t_args("upr-unknown-theme", &[("theme", theme.into())]),
        ));
    }
    let mut total = ResponseCounts::default();
    let mut by_group: BTreeMap<usize, ResponseCounts> = BTreeMap::new();
    let group_slugs: Vec<&str> = taawun_states::RegionalGroup::ALL
        .iter()
        .map(|g| g.slug())
        .collect();
    for g in by_state.iter() {
        let slot = taawun_states::by_iso3(&g.key)
            .and_then(|s| s.regional_group)
            .and_then(|rg| group_slugs.iter().position(|s| *s == rg.slug()))
            .unwrap_or(group_slugs.len());
        let entry = by_group.entry(slot).or_default();
        for (counts, n) in [
            (Some(Answer::Supported), g.responses.supported),
            (Some(Answer::Noted), g.responses.noted),
            (None, g.responses.not_recorded),
        ] {
            entry.add(counts, n);
            total.add(counts, n);
        }
    }
    let groups = by_group
        .iter()
        .map(|(slot, counts)| GroupRow {
            label: group_label(lang, group_slugs.get(*slot).copied()),
            href: String::new(),
            counts: Counts::new(lang, counts),
        })
        .collect();
    // Per cycle: one count query each, for the cycles the record holds.
    let overview = super::figures::overview(&app)
        .await
        .map_err(internal(lang))?;
    let cycle_numbers: BTreeSet<u8> = overview
        .sessions
        .iter()
        .filter_map(|g| g.key.parse().ok().and_then(taawun_upr::cycle_of_session))
        .collect();
    let mut cycles = Vec::new();
    for cycle in cycle_numbers {
        let of_cycle = RecommendationFilter {
            cycle: Some(cycle),
            ..filter.clone()
        };
        let answer = super::figures::list(
            &app,
            &of_cycle,
            Paging {
                page: 1,
                per_page: 1,
            },
        )
        .await
        .map_err(internal(lang))?;
        if answer.page.total > 0 {
            cycles.push(GroupRow {
                label: lang.t_args("upr-cycle-n", &[("cycle", cycle.into())]),
                href: href(LIST, &of_cycle, &[]),
                counts: Counts::new(lang, &answer.responses),
            });
        }
    }
    let view = ThemePage {
        page: PageContext::new(lang, theme_href(&theme), ThemeName::new(lang, &theme).text),
        total: Counts::new(lang, &total),
        cycles,
        groups,
        list_href: href(LIST, &filter, &[]),
        theme: ThemeName::new(lang, &theme),
    };
    Ok(render(&view, StatusCode::OK))
}

// ---------------------------------------------------------------------------------------------
// The SDGs

pub struct GoalRow {
    pub number: u8,
    pub short: String,
    pub title: String,
    pub title_lang: &'static str,
    pub linked: String,
}

#[derive(Template)]
#[template(path = "sdg_index.html")]
struct SdgIndexPage {
    page: PageContext,
    goals: Vec<GoalRow>,
    staff: bool,
}

/// The text of `names` in `lang`, or the English one (with its language) when it is empty.
fn in_lang(names: &taawun_store::NamesRecord, lang: Lang) -> (String, &'static str) {
    let own = names.get(lang.code());
    if own.is_empty() {
        (names.en.clone(), "en")
    } else {
        (own.to_owned(), lang.code())
    }
}

async fn linked_count(
    app: &AppState,
    sdg: &str,
) -> Result<ResponseCounts, taawun_store::StoreError> {
    super::figures::list(
        app,
        &RecommendationFilter {
            sdg: Some(sdg.to_owned()),
            ..RecommendationFilter::default()
        },
        Paging {
            page: 1,
            per_page: 1,
        },
    )
    .await
    .map(|a| a.responses)
}

pub async fn sdg_index(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
) -> Result<Response, HtmlError> {
    let framework = super::figures::sdg_framework(&app)
        .await
        .map_err(internal(lang))?;
    let mut goals = Vec::new();
    for g in &framework.goals {
        let (title, title_lang) = in_lang(&g.titles, lang);
        let (short, _) = in_lang(&g.short_titles, lang);
        let linked = linked_count(&app, &g.number.to_string())
            .await
            .map_err(internal(lang))?;
        goals.push(GoalRow {
            number: g.number,
            short,
            title,
            title_lang,
            linked: format::count(linked.total()),
        });
    }
    let view = SdgIndexPage {
        page: PageContext::new(lang, "/sdg", lang.t("sdg-title")),
        goals,
        staff: sees_provenance(&principal),
    };
    Ok(render(&view, StatusCode::OK))
}

pub struct TargetRow {
    pub code: String,
    pub title: String,
    pub title_lang: &'static str,
}

#[derive(Template)]
#[template(path = "sdg_page.html")]
struct SdgPage {
    page: PageContext,
    /// The goal, when the page is a target's.
    goal: Option<TargetRow>,
    title: String,
    title_lang: &'static str,
    is_goal: bool,
    /// A goal's targets, or a target's indicators.
    children: Vec<TargetRow>,
    counts: Counts,
    total: u64,
    rows: Vec<Row>,
    list_href: String,
    api_href: String,
}

pub async fn sdg_page(
    State(app): State<AppState>,
    lang: Lang,
    Path(raw): Path<String>,
) -> Result<Response, HtmlError> {
    let not_found = || {
        HtmlError::not_found(
            lang,
            lang.t_args("sdg-unknown", &[("code", raw.clone().into())]),
        )
    };
    let code = sdg_code(&raw).ok_or_else(not_found)?;
    let framework = super::figures::sdg_framework(&app)
        .await
        .map_err(internal(lang))?;
    let (title, title_lang, is_goal, goal, children) = if let Some(g) = framework
        .goals
        .iter()
        .find(|g| g.number.to_string() == code)
    {
        let (title, title_lang) = in_lang(&g.titles, lang);
        let children = framework
            .targets
            .iter()
            .filter(|t| t.goal == g.number)
            .map(|t| {
                let (title, title_lang) = in_lang(&t.titles, lang);
                TargetRow {
                    code: t.code.clone(),
                    title,
                    title_lang,
                }
            })
            .collect();
        (title, title_lang, true, None, children)
    } else if let Some(t) = framework.targets.iter().find(|t| t.code == code) {
        let (title, title_lang) = in_lang(&t.titles, lang);
        let goal = framework
            .goals
            .iter()
            .find(|g| g.number == t.goal)
            .map(|g| {
                let (title, title_lang) = in_lang(&g.titles, lang);
                TargetRow {
                    code: g.number.to_string(),
                    title,
                    title_lang,
                }
            });
        let children = framework
            .indicators
            .iter()
            .filter(|i| i.target == code)
            .map(|i| {
                let (title, title_lang) = in_lang(&i.titles, lang);
                TargetRow {
                    code: i.code.clone(),
                    title,
                    title_lang,
                }
            })
            .collect();
        (title, title_lang, false, goal, children)
    } else {
        return Err(not_found());
    };
    let filter = RecommendationFilter {
        sdg: Some(code.clone()),
        ..RecommendationFilter::default()
    };
    let answer = super::figures::list(
        &app,
        &filter,
        Paging {
            page: 1,
            per_page: 20,
        },
    )
    .await
    .map_err(internal(lang))?;
    let view = SdgPage {
        page: PageContext::new(
            lang,
            format!("/sdg/{code}"),
            lang.t_args("sdg-code-title", &[("code", code.clone().into())]),
        ),
        api_href: if is_goal {
            "/api/v1/sdg/goals".to_owned()
        } else {
            format!("/api/v1/sdg/targets/{code}")
        },
        goal,
        title,
        title_lang,
        is_goal,
        children,
        counts: Counts::new(lang, &answer.responses),
        total: answer.page.total,
        rows: answer.page.items.iter().map(|r| row(lang, r)).collect(),
        list_href: href(LIST, &filter, &[]),
    };
    Ok(render(&view, StatusCode::OK))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_numbers_take_arabic_indic_digits() {
        assert_eq!(path_number("20"), Some(20));
        assert_eq!(path_number("٢٠"), Some(20));
        assert_eq!(path_number("۲۰"), Some(20));
        assert_eq!(path_number("abc"), None);
    }

    #[test]
    fn a_theme_link_escapes_its_slash_and_quote() {
        assert_eq!(
            theme_href("Women's rights"),
            "/upr/themes/Women%27s%20rights"
        );
        assert_eq!(theme_href("a/b"), "/upr/themes/a%2Fb");
    }
}
