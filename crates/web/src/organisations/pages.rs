//! The organisation pages: `/organisations` (filter, page), `/organisations/{id}`, and the
//! administrators' form to add or change one.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use taawun_accounts::OrganisationKind;
use taawun_policy::{Action, Resource, decide};
use taawun_states::UnStatus;
use taawun_store::{AccountError, NewOrganisation, OrganisationNames, OrganisationRecord};

use super::form::{Field, OrganisationForm, Problem, validate};
use super::query;
use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, Principal, now};
use crate::error::HtmlError;
use crate::i18n::Lang;
use crate::page::{PageContext, encode_query_value, render};
use crate::params::Params;
use crate::states::{Choice, PageLink, page_links};

/// The label of an organisation kind in the interface language (the slug itself when unknown).
pub fn kind_label(ui: Lang, slug: &str) -> String {
    match slug.parse::<OrganisationKind>() {
        Ok(kind) => ui.t(&format!("organisation-kind-{}", kind.slug())),
        Err(_) => slug.to_owned(),
    }
}

/// The name given in `lang`, if any.
pub fn name_in(names: &OrganisationNames, lang: Lang) -> Option<&str> {
    match lang {
        Lang::Ar => names.ar.as_deref(),
        Lang::En => names.en.as_deref(),
        Lang::Fr => names.fr.as_deref(),
        Lang::Es => names.es.as_deref(),
        Lang::Ru => names.ru.as_deref(),
        Lang::Zh => names.zh.as_deref(),
    }
}

/// The name to show in `ui` with the language it is written in (for its `lang` and `dir`):
/// the interface language's, else English, else Arabic, else any — as
/// [`OrganisationNames::best`] chooses.
pub fn best_name(names: &OrganisationNames, ui: Lang) -> (Lang, &str) {
    [
        ui,
        Lang::En,
        Lang::Ar,
        Lang::Fr,
        Lang::Es,
        Lang::Ru,
        Lang::Zh,
    ]
    .into_iter()
    .find_map(|l| name_in(names, l).map(|n| (l, n)))
    .unwrap_or((ui, ""))
}

/// A State's name in the interface language (the code itself when unknown).
fn state_name(ui: Lang, iso3: &str) -> String {
    taawun_states::by_iso3(iso3)
        .map_or_else(|| iso3.to_owned(), |s| s.names.get(ui.code()).to_owned())
}

/// The States an organisation can have its seat in, by name in the interface language: every
/// State but the historic ones (and `selected`, whatever it is).
fn seat_choices(ui: Lang, selected: Option<&str>) -> Vec<Choice> {
    let mut states: Vec<(String, Choice)> = taawun_states::all()
        .filter(|s| s.status != UnStatus::Historic || Some(s.iso3) == selected)
        .map(|s| {
            let name = s.names.get(ui.code());
            (
                taawun_text::fold_name(name),
                Choice {
                    value: s.iso3,
                    label: name.to_owned(),
                    selected: Some(s.iso3) == selected,
                },
            )
        })
        .collect();
    states.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.value.cmp(b.1.value)));
    states.into_iter().map(|(_, c)| c).collect()
}

fn kind_choices(ui: Lang, selected: &str) -> Vec<Choice> {
    OrganisationKind::ALL
        .into_iter()
        .map(|k| Choice {
            value: k.slug(),
            label: kind_label(ui, k.slug()),
            selected: k.slug() == selected,
        })
        .collect()
}

fn may(principal: &Principal, action: Action) -> bool {
    decide(principal.subject(), action, &Resource::Organisations).is_allowed()
}

/// An organisation's id from the path: anything but a whole number is no organisation.
fn parse_id(id: &str) -> Option<i64> {
    id.parse::<i64>().ok().filter(|id| *id > 0)
}

fn not_found(ui: Lang, id: &str) -> Response {
    HtmlError::not_found(
        ui,
        ui.t_args(
            "organisation-not-found",
            // What was typed, kept short: it is shown back.
            &[("id", id.chars().take(40).collect::<String>().into())],
        ),
    )
    .into_response()
}

/// A write the store refused, as a page in the user's language (the store's own message, in
/// English, goes to the log).
fn store_error(ui: Lang, e: AccountError, new: &NewOrganisation, id: Option<i64>) -> Response {
    match e {
        AccountError::NotFound(m) => {
            tracing::info!(message = %m, "organisation write refused: not found");
            // The organisation was loaded just before: what is missing is the State of the seat
            // (known to the platform but not in this database), unless the record went meanwhile.
            let message = match (&new.seat_iso3, id) {
                (Some(code), _) => ui.t_args(
                    "organisation-seat-not-stored",
                    &[("code", code.clone().into())],
                ),
                (None, Some(id)) => {
                    ui.t_args("organisation-not-found", &[("id", id.to_string().into())])
                }
                (None, None) => m,
            };
            HtmlError::not_found(ui, message).into_response()
        }
        AccountError::Conflict(m) => {
            tracing::info!(message = %m, "organisation write refused: conflict");
            HtmlError::with_status(ui, StatusCode::CONFLICT, ui.t("organisation-conflict"))
                .into_response()
        }
        AccountError::Store(e) => HtmlError::internal(ui, &e).into_response(),
    }
}

/// One row of the list.
pub struct Row {
    pub id: i64,
    pub name: String,
    pub name_lang: &'static str,
    pub name_dir: &'static str,
    pub kind: String,
    pub seat_iso3: String,
    pub seat_name: String,
}

#[derive(Template)]
#[template(path = "organisations_list.html")]
struct ListPage {
    page: PageContext,
    text: String,
    kinds: Vec<Choice>,
    seats: Vec<Choice>,
    rows: Vec<Row>,
    total: u64,
    summary: String,
    pages: Vec<PageLink>,
    json_href: String,
    /// The first page with the same filters (for a page past the end).
    first_href: String,
    /// A filter narrows the list (the empty state then offers to clear it).
    filtered: bool,
    may_create: bool,
}

pub async fn list(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    OriginalUri(uri): OriginalUri,
    Params(filter): Params<query::OrganisationParams>,
    Params(paging): Params<crate::paging::PagingParams>,
    // As the address gave them, for the links that keep them.
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, HtmlError> {
    let query =
        query::parse(&filter, &paging).map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let page = app
        .store
        .accounts()
        .list_organisations(&query.filter, query.paging)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let page_count = page.page_count();
    let rows = page
        .items
        .iter()
        .map(|o| {
            let (name_lang, name) = best_name(&o.names, lang);
            Row {
                id: o.id,
                name: name.to_owned(),
                name_lang: name_lang.code(),
                name_dir: name_lang.dir(),
                kind: kind_label(lang, &o.kind),
                seat_iso3: o.seat_iso3.clone().unwrap_or_default(),
                seat_name: o
                    .seat_iso3
                    .as_deref()
                    .map(|c| state_name(lang, c))
                    .unwrap_or_default(),
            }
        })
        .collect();
    let summary = lang.t_args(
        "organisations-summary",
        &[
            ("count", page.total.into()),
            ("page", page.page.into()),
            ("pages", page_count.into()),
        ],
    );
    let path = uri
        .path_and_query()
        .map_or("/organisations".to_owned(), |p| p.to_string());
    let json_href = path.replacen("/organisations", "/api/v1/organisations", 1);
    let view = ListPage {
        page: PageContext::new(lang, path, lang.t("organisations-title")),
        kinds: kind_choices(lang, query.kind.map_or("", |k| k.slug())),
        seats: seat_choices(lang, query.seat),
        text: query.text.clone(),
        rows,
        total: page.total,
        summary,
        pages: page_links("/organisations", &params, page.page, page_count),
        json_href,
        first_href: first_page_href(&params),
        filtered: query.is_filtered(),
        may_create: may(&principal, Action::Create),
    };
    Ok(render(&view, StatusCode::OK))
}

/// The list's first page with the current filters (and page size).
fn first_page_href(params: &HashMap<String, String>) -> String {
    let mut pairs: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.trim()))
        .filter(|(k, v)| *k != "page" && !v.is_empty())
        .collect();
    pairs.sort_unstable();
    if pairs.is_empty() {
        return "/organisations".to_owned();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_query_value(k), encode_query_value(v)))
        .collect();
    format!("/organisations?{}", query.join("&"))
}

/// A name in one of the six languages, with the attributes that let it display right.
pub struct NameLine {
    pub language: String,
    pub lang: &'static str,
    pub dir: &'static str,
    pub name: String,
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct ShowPage {
    page: PageContext,
    id: i64,
    name: String,
    name_lang: &'static str,
    name_dir: &'static str,
    names: Vec<NameLine>,
    kind: String,
    kind_slug: String,
    seat_iso3: String,
    seat_name: String,
    created: String,
    updated: String,
    history_href: String,
    may_edit: bool,
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path(id): Path<String>,
) -> Response {
    let Some(number) = parse_id(&id) else {
        return not_found(lang, &id);
    };
    let record = match app.store.accounts().get_organisation(number).await {
        Ok(Some(record)) => record,
        Ok(None) => return not_found(lang, &id),
        Err(e) => return HtmlError::internal(lang, &e).into_response(),
    };
    render(
        &show_view(lang, &record, may(&principal, Action::Update)),
        StatusCode::OK,
    )
}

fn show_view(lang: Lang, record: &OrganisationRecord, may_edit: bool) -> ShowPage {
    let (name_lang, name) = best_name(&record.names, lang);
    let names = Lang::ALL
        .into_iter()
        .filter_map(|l| {
            name_in(&record.names, l).map(|n| NameLine {
                language: lang.t(&format!("organisation-language-{}", l.code())),
                lang: l.code(),
                dir: l.dir(),
                name: n.to_owned(),
            })
        })
        .collect();
    ShowPage {
        page: PageContext::new(
            lang,
            format!("/organisations/{}", record.id),
            name.to_owned(),
        ),
        id: record.id,
        name: name.to_owned(),
        name_lang: name_lang.code(),
        name_dir: name_lang.dir(),
        names,
        kind: kind_label(lang, &record.kind),
        kind_slug: record.kind.clone(),
        seat_iso3: record.seat_iso3.clone().unwrap_or_default(),
        seat_name: record
            .seat_iso3
            .as_deref()
            .map(|c| state_name(lang, c))
            .unwrap_or_default(),
        created: crate::format::unix_date_time(record.created_at),
        updated: crate::format::unix_date_time(record.updated_at),
        history_href: format!("/history/organisation/{}", record.id),
        may_edit,
    }
}

/// One name field of the form.
pub struct NameField {
    /// The field's name and id (`name_ar`, …).
    pub id: String,
    pub lang: &'static str,
    pub dir: &'static str,
    pub label: String,
    pub value: String,
    pub problem: Option<String>,
}

#[derive(Template)]
#[template(path = "organisation_form.html")]
struct FormPage {
    page: PageContext,
    csrf: String,
    heading: String,
    action: String,
    submit: String,
    cancel_href: String,
    /// Every problem, in the order of the fields, for the summary at the top.
    problems: Vec<String>,
    names_problem: Option<String>,
    names: Vec<NameField>,
    kinds: Vec<Choice>,
    kind_problem: Option<String>,
    seat: String,
    seat_problem: Option<String>,
    seats: Vec<Choice>,
}

/// Whether the form adds an organisation or changes one (with its id and current name).
enum Purpose {
    Create,
    Edit { id: i64, name: String },
}

fn form_page(
    lang: Lang,
    csrf: &CsrfToken,
    purpose: &Purpose,
    form: &OrganisationForm,
    problems: &[Problem],
    status: StatusCode,
) -> Response {
    render(&form_view(lang, csrf, purpose, form, problems), status)
}

fn form_view(
    lang: Lang,
    csrf: &CsrfToken,
    purpose: &Purpose,
    form: &OrganisationForm,
    problems: &[Problem],
) -> FormPage {
    let (heading, action, submit, cancel_href, path) = match purpose {
        Purpose::Create => (
            lang.t("organisation-new-title"),
            "/admin/organisations".to_owned(),
            lang.t("organisation-create-button"),
            "/organisations".to_owned(),
            "/admin/organisations/new".to_owned(),
        ),
        Purpose::Edit { id, name } => (
            lang.t_args("organisation-edit-title", &[("name", name.clone().into())]),
            format!("/admin/organisations/{id}"),
            lang.t("organisation-save-button"),
            format!("/organisations/{id}"),
            format!("/admin/organisations/{id}/edit"),
        ),
    };
    let problem_for = |field: Field| {
        let messages: Vec<String> = problems
            .iter()
            .filter(|p| p.field() == field)
            .map(|p| p.message(lang))
            .collect();
        (!messages.is_empty()).then(|| messages.join(" "))
    };
    let names = Lang::ALL
        .into_iter()
        .map(|l| NameField {
            id: format!("name_{}", l.code()),
            lang: l.code(),
            dir: l.dir(),
            label: lang.t(&format!("organisation-name-label-{}", l.code())),
            value: form.name(l).to_owned(),
            problem: problem_for(Field::Name(l)),
        })
        .collect();
    let seat = form.seat.trim().to_owned();
    FormPage {
        page: PageContext::new(lang, path, heading.clone()),
        csrf: csrf.0.clone(),
        heading,
        action,
        submit,
        cancel_href,
        problems: problems.iter().map(|p| p.message(lang)).collect(),
        names_problem: problem_for(Field::Names),
        names,
        kinds: kind_choices(lang, form.kind.trim()),
        kind_problem: problem_for(Field::Kind),
        seats: seat_choices(lang, None),
        seat,
        seat_problem: problem_for(Field::Seat),
    }
}

pub async fn new_form(lang: Lang, csrf: CsrfToken) -> Response {
    form_page(
        lang,
        &csrf,
        &Purpose::Create,
        &OrganisationForm::default(),
        &[],
        StatusCode::OK,
    )
}

pub async fn create(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    CsrfForm(form): CsrfForm<OrganisationForm>,
) -> Response {
    let new = match validate(&form) {
        Ok(new) => new,
        Err(problems) => {
            return form_page(
                lang,
                &csrf,
                &Purpose::Create,
                &form,
                &problems,
                StatusCode::BAD_REQUEST,
            );
        }
    };
    match app
        .store
        .accounts()
        .create_organisation(&principal.change_context(), &new, now())
        .await
    {
        Ok(record) => Redirect::to(&format!("/organisations/{}", record.id)).into_response(),
        Err(e) => store_error(lang, e, &new, None),
    }
}

async fn load(app: &AppState, lang: Lang, id: &str) -> Result<OrganisationRecord, Response> {
    let Some(number) = parse_id(id) else {
        return Err(not_found(lang, id));
    };
    match app.store.accounts().get_organisation(number).await {
        Ok(Some(record)) => Ok(record),
        Ok(None) => Err(not_found(lang, id)),
        Err(e) => Err(HtmlError::internal(lang, &e).into_response()),
    }
}

fn edit_purpose(record: &OrganisationRecord, lang: Lang) -> Purpose {
    Purpose::Edit {
        id: record.id,
        name: best_name(&record.names, lang).1.to_owned(),
    }
}

pub async fn edit_form(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    Path(id): Path<String>,
) -> Response {
    let record = match load(&app, lang, &id).await {
        Ok(record) => record,
        Err(response) => return response,
    };
    form_page(
        lang,
        &csrf,
        &edit_purpose(&record, lang),
        &OrganisationForm::from_record(&record),
        &[],
        StatusCode::OK,
    )
}

pub async fn update(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrganisationForm>,
) -> Response {
    let record = match load(&app, lang, &id).await {
        Ok(record) => record,
        Err(response) => return response,
    };
    let new = match validate(&form) {
        Ok(new) => new,
        Err(problems) => {
            return form_page(
                lang,
                &csrf,
                &edit_purpose(&record, lang),
                &form,
                &problems,
                StatusCode::BAD_REQUEST,
            );
        }
    };
    match app
        .store
        .accounts()
        .update_organisation(&principal.change_context(), record.id, &new, now())
        .await
    {
        Ok(updated) => Redirect::to(&format!("/organisations/{}", updated.id)).into_response(),
        Err(e) => store_error(lang, e, &new, Some(record.id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_name_says_its_language() {
        let names = OrganisationNames {
            ar: Some("المفوضية".into()),
            fr: Some("Commission".into()),
            ..OrganisationNames::default()
        };
        assert_eq!(best_name(&names, Lang::Fr), (Lang::Fr, "Commission"));
        // No English: Arabic comes next, as `OrganisationNames::best` chooses.
        assert_eq!(best_name(&names, Lang::Ru), (Lang::Ar, "المفوضية"));
        assert_eq!(best_name(&names, Lang::Ru).1, names.best("ru"));
        assert_eq!(best_name(&names, Lang::En).1, names.best("en"));
    }

    #[test]
    fn the_first_page_keeps_the_filters() {
        let params: HashMap<String, String> = [
            ("page", "7"),
            ("kind", "nhri"),
            ("text", "a b"),
            ("seat", ""),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        assert_eq!(
            first_page_href(&params),
            "/organisations?kind=nhri&text=a%20b"
        );
        assert_eq!(first_page_href(&HashMap::new()), "/organisations");
    }

    #[test]
    fn ids_are_whole_positive_numbers() {
        assert_eq!(parse_id("12"), Some(12));
        for bad in ["", "abc", "1.5", "-3", "0", "99999999999999999999"] {
            assert_eq!(parse_id(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn every_kind_has_a_label_in_english_and_arabic() {
        for kind in OrganisationKind::ALL {
            for lang in [Lang::En, Lang::Ar] {
                let label = kind_label(lang, kind.slug());
                assert!(!label.contains("Unknown localization"), "{label}");
                assert_ne!(label, kind.slug());
            }
        }
        assert_eq!(kind_label(Lang::En, "other"), "other");
    }

    #[test]
    fn seats_are_offered_by_name_without_historic_states() {
        let seats = seat_choices(Lang::En, None);
        assert!(seats.iter().any(|c| c.value == "FRA"));
        assert!(!seats.iter().any(|c| c.value == "SUN"));
        assert!(seats.iter().all(|c| !c.selected));
        assert!(
            seat_choices(Lang::En, Some("SUN"))
                .iter()
                .any(|c| c.value == "SUN" && c.selected)
        );
    }

    fn record() -> OrganisationRecord {
        OrganisationRecord {
            id: 12,
            names: OrganisationNames {
                ar: Some("اللجنة الوطنية لحقوق الإنسان".into()),
                en: Some("National Human Rights Committee <Qatar>".into()),
                ..OrganisationNames::default()
            },
            kind: "nhri".into(),
            seat_iso3: Some("QAT".into()),
            created_at: 1_720_000_000,
            updated_at: 1_720_086_400,
        }
    }

    #[test]
    fn the_page_shows_each_name_in_its_direction() {
        let html = show_view(Lang::En, &record(), false).render().unwrap();
        assert!(
            html.contains(r#"<td lang="ar" dir="rtl">اللجنة الوطنية لحقوق الإنسان</td>"#),
            "{html}"
        );
        assert!(
            html.contains("National Human Rights Committee &#60;Qatar&#62;")
                || html.contains("National Human Rights Committee &lt;Qatar&gt;"),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="/states/QAT">Qatar</a>"#),
            "{html}"
        );
        assert!(html.contains(r#"href="/history/organisation/12""#));
        assert!(html.contains("National human rights institution"));
        assert!(!html.contains("/admin/organisations/12/edit"));
        assert!(
            show_view(Lang::En, &record(), true)
                .render()
                .unwrap()
                .contains(r#"href="/admin/organisations/12/edit""#)
        );

        // In Arabic, the heading is the Arabic name, right to left.
        let html = show_view(Lang::Ar, &record(), false).render().unwrap();
        assert!(
            html.contains(r#"<h1 lang="ar" dir="rtl">اللجنة الوطنية لحقوق الإنسان</h1>"#),
            "{html}"
        );
        assert!(html.contains("مؤسسة وطنية لحقوق الإنسان"));
        assert!(html.contains(r#"<html lang="ar" dir="rtl">"#));
    }

    #[test]
    fn a_refused_form_shows_what_was_typed_and_why() {
        let form = OrganisationForm {
            name_ar: "مفوضية \"حقوق\"".into(),
            kind: "ngo".into(),
            seat: "zzz".into(),
            ..OrganisationForm::default()
        };
        let problems = validate(&form).unwrap_err();
        let csrf = CsrfToken("t".repeat(40));
        let html = form_view(Lang::En, &csrf, &Purpose::Create, &form, &problems)
            .render()
            .unwrap();
        assert!(
            html.contains(&format!(r#"name="csrf" value="{}""#, "t".repeat(40))),
            "{html}"
        );
        assert!(html.contains(r#"action="/admin/organisations""#));
        assert!(html.contains(r#"lang="ar" dir="rtl""#));
        assert!(
            html.contains("مفوضية &#34;حقوق&#34;") || html.contains("مفوضية &quot;حقوق&quot;"),
            "{html}"
        );
        assert!(html.contains(r#"value="zzz""#), "{html}");
        assert!(html.contains("is not a kind of organisation"), "{html}");
        assert!(html.contains("No State has the code"), "{html}");
        assert!(
            html.contains(r#"aria-invalid="true" aria-describedby="kind-problem""#),
            "{html}"
        );
        // The typed kind is not a choice: the list offers the known ones, none selected.
        assert!(!html.contains(" selected>"), "{html}");

        let edit = Purpose::Edit {
            id: 12,
            name: "Committee".into(),
        };
        let html = form_view(
            Lang::Ar,
            &csrf,
            &edit,
            &OrganisationForm::from_record(&record()),
            &[],
        )
        .render()
        .unwrap();
        assert!(html.contains(r#"action="/admin/organisations/12""#));
        assert!(html.contains(r#"<option value="nhri" selected>"#), "{html}");
        assert!(html.contains(r#"value="QAT""#));
        assert!(!html.contains(r#"role="alert""#));
    }

    #[test]
    fn the_list_has_an_empty_state_and_a_link_for_administrators() {
        let view = |total: u64, rows: Vec<Row>, filtered: bool, may_create: bool| ListPage {
            page: PageContext::new(Lang::En, "/organisations", "Organisations"),
            text: String::new(),
            kinds: kind_choices(Lang::En, ""),
            seats: seat_choices(Lang::En, None),
            rows,
            total,
            summary: String::new(),
            pages: Vec::new(),
            json_href: "/api/v1/organisations".into(),
            first_href: "/organisations".into(),
            filtered,
            may_create,
        };
        let html = view(0, Vec::new(), false, false).render().unwrap();
        assert!(html.contains("No organisation has been recorded yet."));
        assert!(!html.contains("/admin/organisations/new"));
        let html = view(0, Vec::new(), true, true).render().unwrap();
        assert!(html.contains("No organisation matches these filters."));
        assert!(html.contains(r#"href="/admin/organisations/new""#));
        let html = view(60, Vec::new(), false, false).render().unwrap();
        assert!(html.contains("past the end"));
        let row = Row {
            id: 3,
            name: "المفوضية".into(),
            name_lang: "ar",
            name_dir: "rtl",
            kind: "UN entity".into(),
            seat_iso3: String::new(),
            seat_name: String::new(),
        };
        let html = view(1, vec![row], false, false).render().unwrap();
        assert!(
            html.contains(r#"<a href="/organisations/3" lang="ar" dir="rtl">المفوضية</a>"#),
            "{html}"
        );
        assert!(html.contains("Not given"));
    }
}
