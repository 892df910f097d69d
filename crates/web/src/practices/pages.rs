//! The compendium's pages: the published list with its filters and counts, a practice (its
//! citation, versions, and for its submitter and the secretariat its history and the forms of
//! the steps they may take), the form, and a submitter's own practices with the secretariat's
//! queue.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taawun_cooperation::{Language, Modality, PracticeDraft, Region};
use taawun_store::practices::{PracticeRow, PracticeStep, Stage, Step};

use super::{
    PracticeFilter, draft_from_form, form_of, href, published, role_for, sees_whole, visible,
};
use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, Principal};
use crate::error::HtmlError;
use crate::format::date;
use crate::i18n::Lang;
use crate::page::{PageContext, render};

fn region_name(lang: Lang, region: Region) -> String {
    match region {
        Region::Group(group) => lang.t(&format!("group-{}", group.slug())),
        other => lang.t(&format!("practice-region-{}", other.slug())),
    }
}

pub struct Facet {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub href: String,
    pub selected: bool,
}

pub struct FacetGroup {
    pub id: &'static str,
    pub heading: String,
    pub facets: Vec<Facet>,
}

pub struct ListRow {
    pub href: String,
    pub number: String,
    pub title: String,
    pub summary: String,
    pub modality: String,
    pub region: String,
    pub published: String,
    pub demonstration: bool,
}

#[derive(Template)]
#[template(path = "practices.html")]
struct ListPage {
    page: PageContext,
    rows: Vec<ListRow>,
    summary: String,
    facet_groups: Vec<FacetGroup>,
    filtered: bool,
    may_submit: bool,
    json_href: String,
    previous: Option<String>,
    next: Option<String>,
}

/// The address of the list with one filter changed (or removed when it is the selected one).
fn with(params: &PracticeFilter, key: &str, value: &str) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    for (k, v) in [
        ("modality", &params.modality),
        ("region", &params.region),
        ("right", &params.right),
        ("sdg", &params.sdg),
        ("state", &params.state),
    ] {
        if k != key
            && let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty())
        {
            pairs.push((k, v.to_owned()));
        }
    }
    let current = match key {
        "modality" => &params.modality,
        "region" => &params.region,
        "right" => &params.right,
        "sdg" => &params.sdg,
        _ => &params.state,
    };
    if current.as_deref().map(str::trim) != Some(value) {
        pairs.push((key, value.to_owned()));
    }
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    if query.is_empty() {
        "/practices".to_owned()
    } else {
        format!("/practices?{query}")
    }
}

pub async fn list(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    OriginalUri(uri): OriginalUri,
    Query(params): Query<PracticeFilter>,
) -> Result<Response, HtmlError> {
    let filter = params
        .filter()
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let paging = crate::paging::paging(params.page.as_deref(), params.per_page.as_deref())
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let all = published(&app)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let matching: Vec<&PracticeRow> = all.iter().filter(|r| filter.matches(r)).collect();
    // Facet counts among the practices the filter selects.
    let mut modalities: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut regions: BTreeMap<&'static str, (Region, usize)> = BTreeMap::new();
    let mut rights: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut sdgs: BTreeMap<String, usize> = BTreeMap::new();
    for row in &matching {
        let p = &row.record.content;
        *modalities.entry(p.modality.slug()).or_default() += 1;
        regions.entry(p.region.slug()).or_insert((p.region, 0)).1 += 1;
        for right in &p.rights {
            rights
                .entry(right.to_lowercase())
                .or_insert_with(|| (right.clone(), 0))
                .1 += 1;
        }
        let mut goals: Vec<String> = p
            .sdg_targets
            .iter()
            .filter_map(|t| t.to_string().split('.').next().map(str::to_owned))
            .collect();
        goals.sort();
        goals.dedup();
        for goal in goals {
            *sdgs.entry(goal).or_default() += 1;
        }
    }
    let facet = |key: &str, value: &str, label: String, count: usize, selected: bool| Facet {
        href: with(&params, key, value),
        value: value.to_owned(),
        label,
        count,
        selected,
    };
    let mut rights: Vec<(String, (String, usize))> = rights.into_iter().collect();
    rights.sort_by(|a, b| b.1.1.cmp(&a.1.1).then_with(|| a.0.cmp(&b.0)));
    let mut sdgs: Vec<(String, usize)> = sdgs.into_iter().collect();
    sdgs.sort_by_key(|(goal, _)| goal.parse::<u8>().unwrap_or(0));
    let total = matching.len() as u64;
    let pages = total.div_ceil(u64::from(paging.per_page.max(1))).max(1) as u32;
    let page_href = |n: u32| {
        let mut path = with(&params, "", "");
        path.push(if path.contains('?') { '&' } else { '?' });
        format!("{path}page={n}")
    };
    let view = ListPage {
        rows: matching
            .iter()
            .skip(paging.offset() as usize)
            .take(paging.per_page as usize)
            .map(|row| {
                let p = &row.record.content;
                ListRow {
                    href: href(row),
                    number: row
                        .record
                        .position
                        .number
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    title: p.title.clone(),
                    summary: p.summary.chars().take(280).collect(),
                    modality: lang.t(&format!("practice-modality-{}", p.modality.slug())),
                    region: region_name(lang, p.region),
                    published: row
                        .record
                        .published_on(None)
                        .map(|d| date(d, lang))
                        .unwrap_or_default(),
                    demonstration: row.demonstration,
                }
            })
            .collect(),
        summary: lang.t_args(
            "practices-summary",
            &[
                ("count", total.into()),
                ("page", paging.page.into()),
                ("pages", pages.into()),
            ],
        ),
        facet_groups: vec![
            FacetGroup {
                id: "facet-modality",
                heading: lang.t("practices-facet-modality"),
                facets: Modality::ALL
                    .iter()
                    .filter_map(|m| {
                        modalities.get(m.slug()).map(|count| {
                            facet(
                                "modality",
                                m.slug(),
                                lang.t(&format!("practice-modality-{}", m.slug())),
                                *count,
                                filter.modality == Some(*m),
                            )
                        })
                    })
                    .collect(),
            },
            FacetGroup {
                id: "facet-region",
                heading: lang.t("practices-facet-region"),
                facets: regions
                    .values()
                    .map(|(region, count)| {
                        facet(
                            "region",
                            region.slug(),
                            region_name(lang, *region),
                            *count,
                            filter.region == Some(*region),
                        )
                    })
                    .collect(),
            },
            FacetGroup {
                id: "facet-right",
                heading: lang.t("practices-facet-right"),
                facets: rights
                    .into_iter()
                    .take(20)
                    .map(|(key, (label, count))| {
                        let selected = filter.right.as_deref() == Some(key.as_str());
                        facet("right", &label, label.clone(), count, selected)
                    })
                    .collect(),
            },
            FacetGroup {
                id: "facet-sdg",
                heading: lang.t("practices-facet-sdg"),
                facets: sdgs
                    .into_iter()
                    .map(|(goal, count)| {
                        let selected = filter.sdg.as_deref() == Some(goal.as_str());
                        facet(
                            "sdg",
                            &goal,
                            lang.t_args("practice-sdg-goal", &[("goal", goal.clone().into())]),
                            count,
                            selected,
                        )
                    })
                    .collect(),
            },
        ],
        filtered: filter != super::Filter::default(),
        may_submit: taawun_policy::decide(
            principal.subject(),
            taawun_policy::Action::Create,
            &taawun_policy::Resource::PracticeWork,
        )
        .is_allowed(),
        json_href: uri
            .path_and_query()
            .map_or("/api/v1/practices".to_owned(), |p| {
                p.to_string().replacen("/practices", "/api/v1/practices", 1)
            }),
        previous: (paging.page > 1).then(|| page_href(paging.page - 1)),
        next: (paging.page < pages).then(|| page_href(paging.page + 1)),
        page: PageContext::new(
            lang,
            uri.path_and_query()
                .map_or("/practices".to_owned(), |p| p.to_string()),
            lang.t("practices-title"),
        ),
    };
    Ok(render(&view, StatusCode::OK))
}

pub struct EventRow {
    pub at: String,
    pub step: String,
    pub role: String,
    pub to: String,
    pub reason: String,
    pub version: u32,
}

pub struct StepForm {
    pub step: &'static str,
    pub label: String,
    pub needs_reason: bool,
}

#[derive(Template)]
#[template(path = "practice.html")]
struct PracticePage {
    page: PageContext,
    id: i64,
    number: String,
    stage: &'static str,
    stage_label: String,
    whole: bool,
    title: String,
    summary: String,
    modality: String,
    region: String,
    partners: Vec<String>,
    organisations: Vec<String>,
    rights: Vec<String>,
    sdgs: Vec<String>,
    period: String,
    results: Vec<(String, Vec<String>)>,
    contact: String,
    languages: String,
    citation: Option<String>,
    version: u32,
    versions: Vec<(u32, String, String)>,
    showing_old: bool,
    history: Vec<EventRow>,
    steps: Vec<StepForm>,
    may_edit: bool,
    revision: i64,
    csrf: String,
    demonstration: bool,
}

#[derive(Deserialize)]
pub struct VersionParam {
    pub version: Option<String>,
}

fn state_name(lang: Lang, iso3: &str) -> String {
    taawun_states::by_iso3(iso3)
        .map_or_else(|| iso3.to_owned(), |s| s.names.get(lang.code()).to_owned())
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    Query(params): Query<VersionParam>,
) -> Result<Response, HtmlError> {
    let row = visible(&app, &principal, &id)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?
        .ok_or_else(|| {
            HtmlError::not_found(
                lang,
                lang.t_args("practice-unknown", &[("id", id.trim().to_owned().into())]),
            )
        })?;
    let whole = sees_whole(&principal, &row);
    let record = &row.record;
    let asked = params
        .version
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<u32>().map_err(|_| {
                HtmlError::bad_request(lang, format!("version must be a number, not {v:?}"))
            })
        })
        .transpose()?;
    let published = match asked {
        Some(v) => Some(record.published(Some(v)).ok_or_else(|| {
            HtmlError::not_found(
                lang,
                lang.t_args("practice-no-version", &[("version", v.into())]),
            )
        })?),
        None => record.published(None),
    };
    // The public reads a published version; the submitter and the secretariat the current text.
    let content = match (asked, whole, published) {
        (Some(_), _, Some(p)) => &p.content,
        (None, true, _) => &record.content,
        (None, false, Some(p)) => &p.content,
        (None, false, None) | (Some(_), _, None) => &record.content,
    };
    let language = if lang == Lang::Ar {
        Language::Ar
    } else {
        Language::En
    };
    let url = format!("{}{}", app.auth.public_url, href(&row));
    let version_url = |v: u32| format!("{url}?version={v}");
    let citation = published.and_then(|p| {
        record.citation(
            Some(p.version),
            language,
            &if asked.is_some() {
                version_url(p.version)
            } else {
                url.clone()
            },
        )
    });
    let steps = [Step::Submit, Step::Publish, Step::Return, Step::Decline]
        .into_iter()
        .filter(|s| role_for(&principal, &row, *s).is_some())
        .map(|s| StepForm {
            step: s.slug(),
            label: lang.t(&format!("practice-step-{}", s.slug())),
            needs_reason: s.needs_reason(record.stage()),
        })
        .collect();
    let view = PracticePage {
        id: record.id,
        number: record
            .position
            .number
            .map(|n| n.to_string())
            .unwrap_or_default(),
        stage: record.stage().slug(),
        stage_label: lang.t(&format!("practice-stage-{}", record.stage().slug())),
        whole,
        title: content.title.clone(),
        summary: content.summary.clone(),
        modality: lang.t(&format!("practice-modality-{}", content.modality.slug())),
        region: region_name(lang, content.region),
        partners: content
            .partners
            .iter()
            .map(|p| state_name(lang, p))
            .collect(),
        organisations: content.organisations.clone(),
        rights: content.rights.clone(),
        sdgs: content
            .sdg_targets
            .iter()
            .map(ToString::to_string)
            .collect(),
        period: match content.period.end {
            Some(end) => format!("{} – {}", date(content.period.start, lang), date(end, lang)),
            None => lang.t_args(
                "practice-since",
                &[("start", date(content.period.start, lang).into())],
            ),
        },
        results: content
            .results
            .iter()
            .map(|r| (r.text.clone(), r.urls.clone()))
            .collect(),
        contact: if whole || record.stage() == Stage::Published {
            content.contact.clone()
        } else {
            String::new()
        },
        languages: content.languages.join(", "),
        citation,
        version: published.map_or(0, |p| p.version),
        versions: record
            .versions
            .iter()
            .rev()
            .map(|v| {
                (
                    v.version,
                    date(v.published_at.date_naive(), lang),
                    format!("{}?version={}", href(&row), v.version),
                )
            })
            .collect(),
        showing_old: asked.is_some_and(|v| Some(v) != record.versions.last().map(|l| l.version)),
        history: if whole {
            record
                .history
                .iter()
                .rev()
                .map(|e| EventRow {
                    at: date(e.at.date_naive(), lang),
                    step: lang.t(&format!("practice-step-{}", e.step.slug())),
                    role: lang.t(&format!("practice-role-{}", e.role.slug())),
                    to: lang.t(&format!("practice-stage-{}", e.to.slug())),
                    reason: e.reason.clone().unwrap_or_default(),
                    version: e.version,
                })
                .collect()
        } else {
            Vec::new()
        },
        may_edit: role_for(&principal, &row, Step::Edit).is_some(),
        steps,
        revision: row.revision,
        csrf: csrf.0.clone(),
        demonstration: row.demonstration,
        page: PageContext::new(lang, href(&row), content.title.clone()),
    };
    Ok(render(&view, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "practice_form.html")]
struct FormPage {
    page: PageContext,
    action: String,
    values: BTreeMap<&'static str, String>,
    errors: Vec<(String, String)>,
    modalities: Vec<(&'static str, String)>,
    regions: Vec<(&'static str, String)>,
    editing_published: bool,
    revision: i64,
    csrf: String,
}

impl FormPage {
    fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    fn error(&self, name: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(field, _)| field == name || field.starts_with(&format!("{name}[")))
            .map(|(_, m)| m.as_str())
    }
}

#[allow(clippy::too_many_arguments)]
fn form_page(
    lang: Lang,
    csrf: &CsrfToken,
    action: String,
    values: BTreeMap<&'static str, String>,
    errors: Vec<(String, String)>,
    editing_published: bool,
    revision: i64,
    status: StatusCode,
) -> Response {
    let view = FormPage {
        page: PageContext::new(lang, action.clone(), lang.t("practice-form-title")),
        action,
        values,
        errors,
        modalities: Modality::ALL
            .iter()
            .map(|m| (m.slug(), lang.t(&format!("practice-modality-{}", m.slug()))))
            .collect(),
        regions: Region::ALL
            .iter()
            .map(|r| (r.slug(), region_name(lang, *r)))
            .collect(),
        editing_published,
        revision,
        csrf: csrf.0.clone(),
    };
    render(&view, status)
}

fn posted_values(form: &[(String, String)]) -> BTreeMap<&'static str, String> {
    const FIELDS: [&str; 13] = [
        "title",
        "summary",
        "modality",
        "partners",
        "organisations",
        "rights",
        "sdg_targets",
        "region",
        "start",
        "end",
        "results",
        "contact",
        "languages",
    ];
    FIELDS
        .into_iter()
        .map(|f| {
            (
                f,
                form.iter()
                    .find(|(k, _)| k == f)
                    .map_or(String::new(), |(_, v)| v.clone()),
            )
        })
        .collect()
}

pub async fn new_practice(lang: Lang, csrf: CsrfToken) -> Result<Response, HtmlError> {
    Ok(form_page(
        lang,
        &csrf,
        "/practices".to_owned(),
        BTreeMap::new(),
        Vec::new(),
        false,
        0,
        StatusCode::OK,
    ))
}

pub async fn create_practice(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let draft: PracticeDraft = draft_from_form(&form);
    let practice = match draft.validate() {
        Ok(p) => p,
        Err(errors) => {
            return Ok(form_page(
                lang,
                &csrf,
                "/practices".to_owned(),
                posted_values(&form),
                errors
                    .into_iter()
                    .map(|e| (e.field.clone(), e.to_string()))
                    .collect(),
                false,
                0,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    let user = principal
        .user
        .as_ref()
        .ok_or_else(|| HtmlError::forbidden(lang))?;
    let row = app
        .store
        .practices()
        .create_practice(
            &principal.change_context(),
            user.id,
            &user.display_name,
            &practice,
        )
        .await
        .map_err(|e| HtmlError::bad_request(lang, e.to_string()))?;
    Ok(Redirect::to(&href(&row)).into_response())
}

pub async fn edit_practice(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
) -> Result<Response, HtmlError> {
    let row = visible(&app, &principal, &id)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?
        .filter(|r| role_for(&principal, r, Step::Edit).is_some())
        .ok_or_else(|| {
            HtmlError::not_found(
                lang,
                lang.t_args("practice-unknown", &[("id", id.trim().to_owned().into())]),
            )
        })?;
    let values = form_of(&row.record.content).into_iter().collect();
    Ok(form_page(
        lang,
        &csrf,
        format!("/practices/{}/steps", row.record.id),
        values,
        Vec::new(),
        row.record.stage() == Stage::Published,
        row.revision,
        StatusCode::OK,
    ))
}

/// Every step of the pages: an edit posts the whole form with `step=edit`.
pub async fn take_step(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.trim())
    };
    let row = visible(&app, &principal, &id)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?
        .ok_or_else(|| {
            HtmlError::not_found(
                lang,
                lang.t_args("practice-unknown", &[("id", id.trim().to_owned().into())]),
            )
        })?;
    let step = Step::parse(field("step")).ok_or_else(|| {
        HtmlError::bad_request(lang, format!("step must be one of {}", Step::slugs()))
    })?;
    let role = role_for(&principal, &row, step).ok_or_else(|| HtmlError::forbidden(lang))?;
    let revision = field("revision").parse::<i64>().map_err(|_| {
        HtmlError::bad_request(
            lang,
            "revision: the revision the step was taken from is missing".to_owned(),
        )
    })?;
    let content = if step == Step::Edit {
        match draft_from_form(&form).validate() {
            Ok(p) => Some(p),
            Err(errors) => {
                return Ok(form_page(
                    lang,
                    &csrf,
                    format!("/practices/{}/steps", row.record.id),
                    posted_values(&form),
                    errors
                        .into_iter()
                        .map(|e| (e.field.clone(), e.to_string()))
                        .collect(),
                    row.record.stage() == Stage::Published,
                    revision,
                    StatusCode::UNPROCESSABLE_ENTITY,
                ));
            }
        }
    } else {
        None
    };
    let after = app
        .store
        .practices()
        .step_practice(
            &principal.change_context(),
            row.record.id,
            &PracticeStep {
                step,
                role,
                reason: field("reason"),
                content: content.as_ref(),
                revision,
            },
        )
        .await
        .map_err(|e| match e {
            taawun_store::PracticeError::Store(e) => HtmlError::internal(lang, &e),
            other => HtmlError::bad_request(lang, other.to_string()),
        })?;
    super::index_now(&app, &after).await;
    Ok(Redirect::to(&href(&after)).into_response())
}

pub struct MineRow {
    pub href: String,
    pub title: String,
    pub stage: &'static str,
    pub stage_label: String,
    pub updated: String,
    pub submitter: String,
}

#[derive(Template)]
#[template(path = "practices_mine.html")]
struct MinePage {
    page: PageContext,
    mine: Vec<MineRow>,
    queue: Vec<MineRow>,
    moderates: bool,
}

pub async fn mine(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
) -> Result<Response, HtmlError> {
    let internal = |e: taawun_store::StoreError| HtmlError::internal(lang, &e);
    let user = principal
        .user
        .as_ref()
        .ok_or_else(|| HtmlError::forbidden(lang))?;
    let subject = principal.subject();
    let moderates = subject.is_secretariat() || subject.is_admin();
    let to_row = |r: &PracticeRow| MineRow {
        href: href(r),
        title: r.record.content.title.clone(),
        stage: r.record.stage().slug(),
        stage_label: lang.t(&format!("practice-stage-{}", r.record.stage().slug())),
        updated: chrono::DateTime::from_timestamp(r.updated_at, 0)
            .map(|d| date(d.date_naive(), lang))
            .unwrap_or_default(),
        submitter: r.submitter.clone(),
    };
    let mine = app
        .store
        .practices()
        .practices_of(user.id)
        .await
        .map_err(internal)?;
    let queue = if moderates {
        app.store
            .practices()
            .practices_at(Stage::Submitted)
            .await
            .map_err(internal)?
    } else {
        Vec::new()
    };
    let view = MinePage {
        mine: mine.iter().map(to_row).collect(),
        queue: queue.iter().map(to_row).collect(),
        moderates,
        page: PageContext::new(lang, "/practices/mine", lang.t("practices-mine-title")),
    };
    Ok(render(&view, StatusCode::OK))
}
