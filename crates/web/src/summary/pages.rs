//! The summary report's page: the published text for everyone (HTML, or PDF with
//! `?format=pdf`), in Arabic or English; for the secretariat also the latest draft, every version,
//! and the forms to generate, edit and publish.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;
use taawun_report::{Masthead, Report};
use taawun_store::StoreError;
use taawun_store::cooperation::{
    CooperationError, NewReportVersion, ReportChange, ReportStage, ReportVersion, SummaryReportRow,
};
use taawun_store::council::MandateKey;
use taawun_summary::{Lang as ReportLang, MastheadInput};

use super::{
    DEFAULT_AGENDA_ITEM, DEFAULT_AGENDA_TITLE_AR, DEFAULT_AGENDA_TITLE_EN, Documents,
    GenerateError, MastheadForm, generate, href, practice_numbers,
};
use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, Principal};
use crate::council::api::amender;
use crate::council::{mandate_href, mandate_key};
use crate::error::HtmlError;
use crate::format::date;
use crate::forms::field;
use crate::i18n::Lang;
use crate::page::{PageContext, render};
use crate::plans::report::{BlockView, block_views};

#[derive(Deserialize, Default)]
pub struct ReportQuery {
    /// ar or en: the report's language (the interface's when absent).
    pub language: Option<String>,
    /// A version's number (the secretariat: any; the public: the published one).
    pub version: Option<String>,
    /// `pdf` for the typeset document.
    pub format: Option<String>,
}

pub struct VersionRow {
    pub number: u32,
    pub stage: &'static str,
    pub stage_label: String,
    pub change_label: String,
    pub symbol: String,
    pub author: String,
    pub note: String,
    pub at: String,
    pub href: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "summary_report.html")]
struct ReportPage {
    page: PageContext,
    mandate: String,
    mandate_href: String,
    href: String,
    status_line: String,
    /// The version shown, if any.
    shown: Option<u32>,
    shown_stage: &'static str,
    shown_stage_label: String,
    distributions: Vec<(&'static str, String)>,
    report_lang: &'static str,
    report_dir: &'static str,
    masthead: Masthead,
    title: String,
    subtitle: String,
    blocks: Vec<BlockView>,
    colophon: String,
    languages: Vec<(&'static str, String, String, bool)>,
    runs: bool,
    versions: Vec<VersionRow>,
    published: bool,
    has_draft: bool,
    revision: i64,
    masthead_form: MastheadForm,
    practices: String,
    text_ar: String,
    text_en: String,
    note: String,
    errors: Vec<(String, String)>,
    csrf: String,
}

fn report_lang(lang: Lang) -> ReportLang {
    if lang == Lang::Ar {
        ReportLang::Ar
    } else {
        ReportLang::En
    }
}

fn language_of(interface: Lang, asked: Option<&str>) -> Result<Lang, HtmlError> {
    match asked.map(str::trim) {
        None | Some("") => Ok(if interface == Lang::Ar {
            Lang::Ar
        } else {
            Lang::En
        }),
        Some("ar") => Ok(Lang::Ar),
        Some("en") => Ok(Lang::En),
        Some(other) => Err(HtmlError::bad_request(
            interface,
            format!("language must be ar or en, not {other:?}"),
        )),
    }
}

/// What the secretariat typed, sent back with the errors.
#[derive(Default)]
struct Typed {
    masthead: Option<MastheadForm>,
    practices: String,
    text_ar: Option<String>,
    text_en: Option<String>,
    note: String,
    errors: Vec<(String, String)>,
}

async fn key_and_mandate(
    app: &AppState,
    lang: Lang,
    (addressee, paragraph, symbol): (String, String, String),
) -> Result<(MandateKey, taawun_store::MandateRecord), HtmlError> {
    let key =
        mandate_key(&addressee, &paragraph, &symbol).map_err(|m| HtmlError::not_found(lang, m))?;
    let record = app
        .store
        .council()
        .mandate(&key, None)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?
        .ok_or_else(|| {
            HtmlError::not_found(
                lang,
                lang.t_args(
                    "mandate-unknown",
                    &[
                        ("symbol", key.symbol.clone().into()),
                        ("paragraph", key.paragraph.to_string().into()),
                    ],
                ),
            )
        })?;
    Ok((key, record))
}

/// The version the reader asked for and may read: the public reads the published version only.
fn chosen<'a>(
    row: Option<&'a SummaryReportRow>,
    runs: bool,
    asked: Option<&str>,
    lang: Lang,
) -> Result<Option<&'a ReportVersion>, HtmlError> {
    let Some(row) = row else { return Ok(None) };
    let asked = asked
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<u32>().map_err(|_| {
                HtmlError::bad_request(lang, format!("version must be a number, not {v:?}"))
            })
        })
        .transpose()?;
    let version = match asked {
        Some(n) => Some(
            row.version(n)
                .filter(|v| runs || v.stage == ReportStage::Published)
                .ok_or_else(|| {
                    HtmlError::not_found(lang, format!("no version {n} of this report"))
                })?,
        ),
        None if runs => row.latest(),
        None => row.published(),
    };
    Ok(version)
}

#[allow(clippy::too_many_arguments)]
async fn page(
    app: &AppState,
    lang: Lang,
    principal: &Principal,
    csrf: &CsrfToken,
    path: (String, String, String),
    query: &ReportQuery,
    typed: Typed,
    status: StatusCode,
) -> Result<Response, HtmlError> {
    let (key, record) = key_and_mandate(app, lang, path).await?;
    let internal = |e: StoreError| HtmlError::internal(lang, &e);
    let row = app
        .store
        .cooperation()
        .summary_report(&key)
        .await
        .map_err(internal)?;
    let runs = principal.subject().is_secretariat() || principal.subject().is_admin();
    let shown_lang = language_of(lang, query.language.as_deref())?;
    let version = chosen(row.as_ref(), runs, query.version.as_deref(), lang)?;
    let documents = version
        .map(|v| Documents::read(&v.document_ar, &v.document_en))
        .transpose()
        .map_err(internal)?;
    let report: Option<&Report> = documents.as_ref().map(|d| d.get(report_lang(shown_lang)));
    let here = href(&key);

    if query.format.as_deref().map(str::trim) == Some("pdf") {
        let Some(report) = report.cloned() else {
            return Err(HtmlError::not_found(lang, lang.t("summary-none-published")));
        };
        let number = version.map_or(0, |v| v.number);
        let typeset = tokio::task::spawn_blocking(move || taawun_report::pdf(&report)).await;
        return match typeset {
            Ok(Ok(bytes)) => Ok((
                [
                    (header::CONTENT_TYPE, "application/pdf".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!(
                            "inline; filename=\"summary-report-{}-{}-v{number}-{}.pdf\"",
                            key.symbol.replace('/', "-"),
                            key.paragraph,
                            shown_lang.code()
                        ),
                    ),
                ],
                bytes,
            )
                .into_response()),
            Ok(Err(e)) => Err(HtmlError::internal(lang, &e)),
            Err(e) => Err(HtmlError::internal(lang, &e)),
        };
    }

    let published = row.as_ref().and_then(|r| r.published());
    let status_line = match (published, row.as_ref().and_then(|r| r.latest())) {
        (Some(p), _) => lang.t_args(
            "summary-status-published",
            &[
                ("symbol", p.symbol.clone().into()),
                (
                    "day",
                    date(
                        chrono::DateTime::from_timestamp(p.at, 0)
                            .unwrap_or_default()
                            .date_naive(),
                        lang,
                    )
                    .into(),
                ),
            ],
        ),
        (None, Some(latest)) if runs => {
            lang.t_args("summary-status-draft", &[("version", latest.number.into())])
        }
        _ => lang.t("summary-none-published"),
    };
    // The edit form starts from the latest draft's text in each language.
    let latest_documents = match row.as_ref().and_then(|r| r.latest()) {
        Some(latest) if runs => {
            Some(Documents::read(&latest.document_ar, &latest.document_en).map_err(internal)?)
        }
        _ => None,
    };
    let stored_masthead: Option<MastheadForm> = row
        .as_ref()
        .and_then(|r| r.latest())
        .and_then(|v| serde_json::from_str::<MastheadInput>(&v.masthead).ok())
        .map(|m| MastheadForm {
            symbol: m.symbol,
            distribution: match m.distribution {
                taawun_summary::Distribution::General => "general",
                taawun_summary::Distribution::Limited => "limited",
                taawun_summary::Distribution::Restricted => "restricted",
            }
            .to_owned(),
            date: m.date.to_string(),
            session: m.session.to_string(),
            agenda_item: m.agenda_item.to_string(),
            agenda_title_ar: m.agenda_title.ar,
            agenda_title_en: m.agenda_title.en,
        });
    let masthead_form = typed
        .masthead
        .or(stored_masthead)
        .unwrap_or_else(|| MastheadForm {
            symbol: String::new(),
            distribution: "general".to_owned(),
            date: Utc::now().date_naive().to_string(),
            session: record
                .due_session
                .map(|n| n.to_string())
                .unwrap_or_default(),
            agenda_item: DEFAULT_AGENDA_ITEM.to_string(),
            agenda_title_ar: DEFAULT_AGENDA_TITLE_AR.to_owned(),
            agenda_title_en: DEFAULT_AGENDA_TITLE_EN.to_owned(),
        });
    let view = ReportPage {
        mandate: lang.t_args(
            "seminar-mandate-label",
            &[
                ("symbol", key.symbol.clone().into()),
                ("paragraph", key.paragraph.to_string().into()),
            ],
        ),
        mandate_href: mandate_href(&key),
        href: here.clone(),
        status_line,
        shown: version.map(|v| v.number),
        shown_stage: version.map_or("", |v| v.stage.slug()),
        shown_stage_label: version
            .map(|v| lang.t(&format!("summary-stage-{}", v.stage.slug())))
            .unwrap_or_default(),
        distributions: ["general", "limited", "restricted"]
            .into_iter()
            .map(|d| (d, lang.t(&format!("summary-distribution-{d}"))))
            .collect(),
        report_lang: shown_lang.code(),
        report_dir: shown_lang.dir(),
        masthead: report.map(|r| r.masthead.clone()).unwrap_or_default(),
        title: report.map(|r| r.title.clone()).unwrap_or_default(),
        subtitle: report.and_then(|r| r.subtitle.clone()).unwrap_or_default(),
        blocks: report.map(block_views).unwrap_or_default(),
        colophon: report.and_then(|r| r.colophon.clone()).unwrap_or_default(),
        languages: [Lang::Ar, Lang::En]
            .into_iter()
            .map(|l| {
                let version = version
                    .map(|v| format!("&version={}", v.number))
                    .unwrap_or_default();
                (
                    if l == Lang::Ar {
                        "العربية"
                    } else {
                        "English"
                    },
                    format!("{here}?language={}{version}", l.code()),
                    format!("{here}?language={}{version}&format=pdf", l.code()),
                    l == shown_lang,
                )
            })
            .collect(),
        runs,
        versions: if runs {
            row.as_ref()
                .map(|r| {
                    r.versions
                        .iter()
                        .rev()
                        .map(|v| VersionRow {
                            number: v.number,
                            stage: v.stage.slug(),
                            stage_label: lang.t(&format!("summary-stage-{}", v.stage.slug())),
                            change_label: lang.t(&format!("summary-change-{}", v.change.slug())),
                            symbol: v.symbol.clone(),
                            author: v.author.clone(),
                            note: v.note.clone(),
                            at: date(
                                chrono::DateTime::from_timestamp(v.at, 0)
                                    .unwrap_or_default()
                                    .date_naive(),
                                lang,
                            ),
                            href: format!("{here}?version={}", v.number),
                            current: Some(v.number) == version.map(|s| s.number),
                        })
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        },
        published: published.is_some(),
        has_draft: row.as_ref().and_then(|r| r.latest()).is_some(),
        revision: row.as_ref().map_or(0, |r| r.revision),
        masthead_form,
        practices: typed.practices,
        text_ar: typed.text_ar.unwrap_or_else(|| {
            latest_documents
                .as_ref()
                .map(|d| taawun_report::to_markup(&d.ar))
                .unwrap_or_default()
        }),
        text_en: typed.text_en.unwrap_or_else(|| {
            latest_documents
                .as_ref()
                .map(|d| taawun_report::to_markup(&d.en))
                .unwrap_or_default()
        }),
        note: typed.note,
        errors: typed.errors,
        csrf: csrf.0.clone(),
        page: PageContext::new(
            lang,
            here,
            lang.t_args(
                "summary-title",
                &[
                    ("symbol", key.symbol.clone().into()),
                    ("paragraph", key.paragraph.to_string().into()),
                ],
            ),
        ),
    };
    Ok(render(&view, status))
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(path): Path<(String, String, String)>,
    Query(query): Query<ReportQuery>,
) -> Result<Response, HtmlError> {
    page(
        &app,
        lang,
        &principal,
        &csrf,
        path,
        &query,
        Typed::default(),
        StatusCode::OK,
    )
    .await
}

/// What a change asks for, read from the form or the API's body.
pub struct ChangeRequest {
    pub change: ReportChange,
    pub revision: i64,
    pub masthead: MastheadForm,
    pub practices: String,
    pub text_ar: String,
    pub text_en: String,
    pub note: String,
}

/// Why a change was refused: field errors, or the store's refusal.
pub enum ChangeError {
    Fields(Vec<(String, String)>),
    Refused(String),
    Conflict(String),
    NotFound(String),
    Store(StoreError),
}

/// Makes and keeps the version a change asks for.
pub async fn apply_change(
    app: &AppState,
    principal: &Principal,
    key: &MandateKey,
    request: &ChangeRequest,
) -> Result<SummaryReportRow, ChangeError> {
    let store = app.store.cooperation();
    let row = store
        .summary_report(key)
        .await
        .map_err(ChangeError::Store)?;
    let latest = row.as_ref().and_then(|r| r.latest());
    let today = Utc::now().date_naive();
    let (masthead_json, documents, symbol) = match request.change {
        ReportChange::Generated => {
            let masthead = request.masthead.check(key).map_err(|errors| {
                ChangeError::Fields(errors.into_iter().map(|e| (e.field, e.message)).collect())
            })?;
            let documents = generate(
                app,
                key,
                &masthead,
                &practice_numbers(&request.practices),
                today,
            )
            .await
            .map_err(|e| match e {
                GenerateError::Invalid(errors) => {
                    ChangeError::Fields(errors.into_iter().map(|e| (e.field, e.message)).collect())
                }
                GenerateError::Refused(message) => ChangeError::Refused(message),
                GenerateError::Store(e) => ChangeError::Store(e),
            })?;
            (
                serde_json::to_string(&masthead).unwrap_or_default(),
                documents,
                masthead.symbol,
            )
        }
        ReportChange::Edited | ReportChange::Published => {
            let Some(latest) = latest else {
                return Err(ChangeError::Refused(
                    taawun_store::cooperation::ReportRefusal::NoDraft(
                        if request.change == ReportChange::Edited {
                            "edit"
                        } else {
                            "publish"
                        },
                    )
                    .to_string(),
                ));
            };
            let base = Documents::read(&latest.document_ar, &latest.document_en)
                .map_err(ChangeError::Store)?;
            let documents = if request.change == ReportChange::Edited {
                let mut errors = Vec::new();
                let ar = taawun_report::apply_markup(&base.ar, &request.text_ar)
                    .map_err(|e| errors.push(("text_ar".to_owned(), format!("Arabic text, {e}"))))
                    .ok();
                let en = taawun_report::apply_markup(&base.en, &request.text_en)
                    .map_err(|e| errors.push(("text_en".to_owned(), format!("English text, {e}"))))
                    .ok();
                match (ar, en) {
                    (Some(ar), Some(en)) => Documents { ar, en },
                    _ => return Err(ChangeError::Fields(errors)),
                }
            } else {
                base
            };
            (latest.masthead.clone(), documents, latest.symbol.clone())
        }
    };
    let (document_ar, document_en) = documents.json();
    let link = format!("{}{}", app.auth.public_url, href(key));
    store
        .save_summary_report(
            &principal.change_context(),
            key,
            request.revision,
            &NewReportVersion {
                change: request.change,
                symbol: &symbol,
                masthead: &masthead_json,
                document_ar: &document_ar,
                document_en: &document_en,
                author: &amender(principal),
                note: request.note.trim(),
                delivered_on: today,
                link: &link,
            },
        )
        .await
        .map_err(|e| match e {
            CooperationError::Invalid(errors) => {
                ChangeError::Fields(errors.into_iter().map(|e| (e.field, e.message)).collect())
            }
            CooperationError::Conflict(now) => ChangeError::Conflict(format!(
                "the summary report was changed by someone else in the meantime (now revision {}): reload it and try again",
                now.revision
            )),
            CooperationError::NotFound(what) => ChangeError::NotFound(format!("no {what}")),
            CooperationError::Store(e) => ChangeError::Store(e),
            other => ChangeError::Refused(other.to_string()),
        })
}

/// The secretariat's forms: `intent` is generate, edit or publish.
pub async fn change(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(path): Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let (key, _) = key_and_mandate(&app, lang, path.clone()).await?;
    let change = match field(&form, "intent") {
        "generate" => ReportChange::Generated,
        "edit" => ReportChange::Edited,
        "publish" => ReportChange::Published,
        other => {
            return Err(HtmlError::bad_request(
                lang,
                format!("intent must be generate, edit or publish, not {other:?}"),
            ));
        }
    };
    let raw = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    let request = ChangeRequest {
        change,
        revision: field(&form, "revision").parse().unwrap_or(0),
        masthead: MastheadForm {
            symbol: raw("symbol"),
            distribution: raw("distribution"),
            date: raw("date"),
            session: raw("session"),
            agenda_item: raw("agenda_item"),
            agenda_title_ar: raw("agenda_title_ar"),
            agenda_title_en: raw("agenda_title_en"),
        },
        practices: raw("practices"),
        text_ar: raw("text_ar"),
        text_en: raw("text_en"),
        note: raw("note"),
    };
    let failed = |status: StatusCode, errors: Vec<(String, String)>| {
        let typed = Typed {
            masthead: (change == ReportChange::Generated).then(|| request.masthead.clone()),
            practices: request.practices.clone(),
            text_ar: (change == ReportChange::Edited).then(|| request.text_ar.clone()),
            text_en: (change == ReportChange::Edited).then(|| request.text_en.clone()),
            note: request.note.clone(),
            errors,
        };
        (status, typed)
    };
    let outcome = apply_change(&app, &principal, &key, &request).await;
    let (status, typed) = match outcome {
        Ok(_) => return Ok(Redirect::to(&href(&key)).into_response()),
        Err(ChangeError::Fields(errors)) => failed(StatusCode::UNPROCESSABLE_ENTITY, errors),
        Err(ChangeError::Refused(m) | ChangeError::Conflict(m)) => {
            failed(StatusCode::CONFLICT, vec![(String::new(), m)])
        }
        Err(ChangeError::NotFound(m)) => return Err(HtmlError::not_found(lang, m)),
        Err(ChangeError::Store(e)) => return Err(HtmlError::internal(lang, &e)),
    };
    page(
        &app,
        lang,
        &principal,
        &csrf,
        path,
        &ReportQuery::default(),
        typed,
        status,
    )
    .await
}

/// The mandate page's line about its report, and the report's address.
pub async fn report_line(
    app: &AppState,
    lang: Lang,
    key: &MandateKey,
) -> Result<String, StoreError> {
    let row = app.store.cooperation().summary_report(key).await?;
    Ok(match row.as_ref().and_then(|r| r.published()) {
        Some(p) => lang.t_args(
            "summary-status-short-published",
            &[("symbol", p.symbol.clone().into())],
        ),
        None if row.is_some() => lang.t("summary-status-short-draft"),
        None => lang.t("summary-status-short-none"),
    })
}
