//! The mid-term report: the document a State sends to the Council halfway through the review
//! cycle, generated from its implementation plan — progress overall and by cluster (a chart and
//! its figures), each cluster's recommendations with the State's responses, and its actions. One
//! [`Report`] is built from the plan; the page shows it as HTML and `report.pdf` typesets the
//! same report with the report engine (`taawun-report`), in Arabic or English whatever the
//! interface language is.
//!
//! Who may read it is who may read the plan: the public once the State publishes its plan, its
//! focal points and the secretariat before.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use taawun_plans::{Progress, Status};
use taawun_policy::Action;
use taawun_report::{Block, Column, Language, Masthead, Report};
use taawun_store::plans::{ClusterKind, PlanRecord};
use taawun_store::upr::RecommendationRecord;

use super::pages::{recommendations_of, status_label};
use super::{plan_for, state_code, state_name};
use crate::AppState;
use crate::auth::Principal;
use crate::error::HtmlError;
use crate::i18n::Lang;
use crate::page::{PageContext, render};
use crate::params::Params;

/// The report's address.
pub fn report_href(iso3: &str) -> String {
    format!("/upr/states/{iso3}/plan/report")
}

/// The languages a report is written in: those of the interface with a whole translation.
const REPORT_LANGUAGES: [Lang; 2] = [Lang::Ar, Lang::En];

#[derive(Debug, Default, Deserialize)]
pub struct ReportParams {
    /// The report's language (`ar` or `en`); the interface's when absent.
    pub language: Option<String>,
}

impl ReportParams {
    fn language(&self, interface: Lang) -> Result<Lang, HtmlError> {
        match self.language.as_deref().map(str::trim) {
            None | Some("") => Ok(if REPORT_LANGUAGES.contains(&interface) {
                interface
            } else {
                Lang::En
            }),
            Some(code) => Lang::from_code(code)
                .filter(|l| REPORT_LANGUAGES.contains(l))
                .ok_or_else(|| {
                    HtmlError::bad_request(
                        interface,
                        interface.t_args(
                            "report-unknown-language",
                            &[("code", code.to_owned().into())],
                        ),
                    )
                }),
        }
    }
}

fn engine_language(lang: Lang) -> Language {
    if lang == Lang::Ar {
        Language::ARABIC
    } else {
        Language::ENGLISH
    }
}

/// A cluster's name in the report's language: a theme as this platform translates it, the
/// State's own name as written.
fn cluster_name(lang: Lang, kind: ClusterKind, name: &str) -> String {
    match kind {
        ClusterKind::Theme => taawun_upr::themes::label(name, lang.code())
            .map_or_else(|| name.to_owned(), str::to_owned),
        _ => name.to_owned(),
    }
}

/// Colours of the statuses in the progress chart (Okabe–Ito, as the site's other charts).
const STATUS_STYLES: [(&str, taawun_charts::Pattern); 5] = [
    ("#bbbbbb", taawun_charts::Pattern::Solid),
    ("#e69f00", taawun_charts::Pattern::DiagonalHatch),
    ("#56b4e9", taawun_charts::Pattern::Dots),
    ("#009e73", taawun_charts::Pattern::Solid),
    ("#cc79a7", taawun_charts::Pattern::CrossHatch),
];

/// The mid-term report of a plan, in `lang`, dated `today`.
pub fn mid_term_report(
    lang: Lang,
    plan: &PlanRecord,
    recommendations: &[RecommendationRecord],
    today: chrono::NaiveDate,
) -> Report {
    let state = state_name(lang, &plan.state);
    let by_id: HashMap<i64, &RecommendationRecord> =
        recommendations.iter().map(|r| (r.id, r)).collect();
    let overall = Progress::of(plan.actions.iter().map(|a| a.status));
    let in_clusters: usize = plan.clusters.iter().map(|c| c.recommendations.len()).sum();
    let count = |n: usize| crate::format::count(n as u64);
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: lang.t("report-overview-heading"),
        },
        Block::Paragraph {
            text: lang.t_args(
                "report-overview",
                &[
                    ("state", state.clone().into()),
                    // Numbers, not text: the messages choose singular or plural by them.
                    ("recommendations", (in_clusters as u64).into()),
                    ("clusters", (plan.clusters.len() as u64).into()),
                    ("actions", (plan.actions.len() as u64).into()),
                ],
            ),
            lang: None,
        },
        Block::Paragraph {
            text: lang.t_args(
                "plan-progress",
                &[
                    ("implemented", overall.implemented.into()),
                    ("total", overall.total().into()),
                    ("percent", overall.percent_implemented().into()),
                ],
            ),
            lang: None,
        },
        Block::Table {
            caption: Some(lang.t("report-status-caption")),
            columns: vec![
                Column::text(lang.t("plan-field-status")),
                Column::number(lang.t("report-col-actions")),
            ],
            rows: Status::ALL
                .into_iter()
                .map(|s| vec![status_label(lang, s), overall.count(s).to_string()])
                .collect(),
        },
    ];

    // Progress by cluster: a chart, and its figures as a table.
    let progress: Vec<Progress> = plan
        .clusters
        .iter()
        .map(|c| {
            Progress::of(
                plan.actions
                    .iter()
                    .filter(|a| a.cluster_id == c.id)
                    .map(|a| a.status),
            )
        })
        .collect();
    let names: Vec<String> = plan
        .clusters
        .iter()
        .map(|c| cluster_name(lang, c.kind, &c.name))
        .collect();
    blocks.push(Block::Heading {
        level: 1,
        text: lang.t("report-by-cluster-heading"),
    });
    if plan.actions.is_empty() {
        blocks.push(Block::Paragraph {
            text: lang.t("report-no-actions"),
            lang: None,
        });
    } else {
        blocks.push(Block::Bars(taawun_report::BarSpec {
            id_prefix: "report-progress".into(),
            title: lang.t("report-chart-title"),
            description: lang.t("report-chart-description"),
            dir: crate::charts::dir(lang),
            categories: Status::ALL
                .into_iter()
                .zip(STATUS_STYLES)
                .map(|(s, (colour, pattern))| {
                    taawun_charts::Category::new(s.slug(), status_label(lang, s), colour, pattern)
                })
                .collect(),
            rows: names
                .iter()
                .zip(&progress)
                .filter(|(_, p)| p.total() > 0)
                .map(|(name, p)| taawun_charts::BarRow {
                    label: name.clone(),
                    counts: Status::ALL.iter().map(|s| u64::from(p.count(*s))).collect(),
                })
                .collect(),
        }));
    }
    let mut columns = vec![
        Column::text(lang.t("plan-field-cluster")),
        Column::number(lang.t("report-col-recommendations")),
        Column::number(lang.t("report-col-actions")),
    ];
    columns.extend(Status::ALL.map(|s| Column::number(status_label(lang, s))));
    columns.push(Column::number(lang.t("report-col-percent")));
    blocks.push(Block::Table {
        caption: Some(lang.t("report-by-cluster-caption")),
        columns,
        rows: plan
            .clusters
            .iter()
            .zip(&names)
            .zip(&progress)
            .map(|((c, name), p)| {
                let mut row = vec![
                    name.clone(),
                    count(c.recommendations.len()),
                    p.total().to_string(),
                ];
                row.extend(Status::ALL.map(|s| p.count(s).to_string()));
                row.push(if p.total() > p.not_applicable {
                    format!("{}", p.percent_implemented())
                } else {
                    "—".to_owned()
                });
                row
            })
            .collect(),
    });

    // Each cluster: its recommendations with the State's responses, and its actions.
    for ((cluster, name), p) in plan.clusters.iter().zip(&names).zip(&progress) {
        blocks.push(Block::Heading {
            level: 2,
            text: name.clone(),
        });
        if p.total() > 0 {
            blocks.push(Block::Paragraph {
                text: lang.t_args(
                    "plan-progress",
                    &[
                        ("implemented", p.implemented.into()),
                        ("total", p.total().into()),
                        ("percent", p.percent_implemented().into()),
                    ],
                ),
                lang: None,
            });
        }
        let recs: Vec<&RecommendationRecord> = cluster
            .recommendations
            .iter()
            .filter_map(|id| by_id.get(id).copied())
            .collect();
        if !recs.is_empty() {
            // The paragraph numbers of the Working Group's report, where a source gives them.
            let numbered = recs.iter().any(|r| r.paragraph.is_some());
            let mut columns = Vec::new();
            if numbered {
                columns.push(Column::number(lang.t("report-col-paragraph")));
            }
            columns.extend([
                // The recommendations are stored as their sources give them, in English.
                Column::foreign(lang.t("report-col-recommendation"), Language::ENGLISH),
                Column::text(lang.t("report-col-recommending")),
                Column::text(lang.t("report-col-response")),
            ]);
            blocks.push(Block::Table {
                caption: Some(lang.t("report-recommendations-caption")),
                columns,
                rows: recs
                    .iter()
                    .map(|r| {
                        let mut row = Vec::with_capacity(4);
                        if numbered {
                            row.push(r.paragraph.clone().unwrap_or_default());
                        }
                        row.extend([
                            r.text.clone(),
                            r.recommending
                                .iter()
                                .map(|s| state_name(lang, s))
                                .collect::<Vec<_>>()
                                .join(lang.list_separator()),
                            crate::upr::response_label(lang, r.response),
                        ]);
                        row
                    })
                    .collect(),
            });
        }
        let actions: Vec<_> = plan
            .actions
            .iter()
            .filter(|a| a.cluster_id == cluster.id)
            .collect();
        if actions.is_empty() {
            blocks.push(Block::Paragraph {
                text: lang.t("plan-cluster-no-actions"),
                lang: None,
            });
        } else {
            blocks.push(Block::Table {
                caption: Some(lang.t("report-actions-caption")),
                columns: vec![
                    Column::text(lang.t("plan-field-title")),
                    Column::text(lang.t("plan-field-lead-institution")),
                    Column::number(lang.t("plan-field-due-date")),
                    Column::text(lang.t("plan-field-status")),
                ],
                rows: actions
                    .iter()
                    .map(|a| {
                        vec![
                            a.title.clone(),
                            a.lead_institution.clone(),
                            a.due_date.clone().unwrap_or_default(),
                            status_label(lang, a.status),
                        ]
                    })
                    .collect(),
            });
        }
    }
    let date = crate::format::date(today, lang);
    Report {
        language: engine_language(lang),
        masthead: Masthead {
            issuer: state.clone(),
            symbol: None,
            distribution: None,
            date: date.clone(),
            lines: vec![
                lang.t("report-organ"),
                lang.t("report-upr"),
                lang.t_args("plan-cycle", &[("count", plan.cycle.into())]),
            ],
        },
        title: lang.t_args("report-title", &[("state", state.into())]),
        subtitle: Some(lang.t_args("report-subtitle", &[("cycle", plan.cycle.into())])),
        blocks,
        colophon: Some(lang.t_args("report-colophon", &[("date", date.into())])),
    }
}

/// A report block as the page shows it (a chart drawn as SVG here).
pub enum BlockView {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
        lang: Option<(&'static str, &'static str)>,
    },
    List(Vec<String>),
    Table {
        caption: Option<String>,
        header: Vec<String>,
        /// Each cell with its class (`num` for figures) and, for another language, its lang/dir.
        rows: Vec<Vec<CellView>>,
    },
    Chart {
        svg: String,
    },
}

pub struct CellView {
    pub text: String,
    pub numeric: bool,
    pub lang: Option<(&'static str, &'static str)>,
}

fn lang_dir(language: Language) -> (&'static str, &'static str) {
    (language.code, if language.rtl { "rtl" } else { "ltr" })
}

pub(crate) fn block_views(report: &Report) -> Vec<BlockView> {
    report
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading { level, text } => BlockView::Heading {
                level: *level,
                text: text.clone(),
            },
            Block::Paragraph { text, lang } => BlockView::Paragraph {
                text: text.clone(),
                lang: lang.filter(|l| *l != report.language).map(lang_dir),
            },
            Block::List(items) => BlockView::List(items.clone()),
            Block::Table {
                caption,
                columns,
                rows,
            } => BlockView::Table {
                caption: caption.clone(),
                header: columns.iter().map(|c| c.header.clone()).collect(),
                rows: rows
                    .iter()
                    .map(|row| {
                        columns
                            .iter()
                            .zip(row)
                            .map(|(c, text)| CellView {
                                text: text.clone(),
                                numeric: c.cells == taawun_report::Cells::Number,
                                lang: match c.cells {
                                    taawun_report::Cells::Foreign(l) if l != report.language => {
                                        Some(lang_dir(l))
                                    }
                                    _ => None,
                                },
                            })
                            .collect()
                    })
                    .collect(),
            },
            Block::Bars(spec) => BlockView::Chart {
                svg: taawun_charts::render_bars(spec)
                    .map(|r| r.svg)
                    .unwrap_or_else(|e| {
                        tracing::error!(error = %e, "report chart spec rejected");
                        String::new()
                    }),
            },
        })
        .collect()
}

#[derive(Template)]
#[template(path = "plan_report.html")]
struct ReportPage {
    page: PageContext,
    iso3: String,
    state_name: String,
    report_lang: &'static str,
    report_dir: &'static str,
    masthead: Masthead,
    title: String,
    subtitle: String,
    blocks: Vec<BlockView>,
    colophon: String,
    /// The report in each language: (language's name, HTML address, PDF address, current?).
    versions: Vec<(&'static str, String, String, bool)>,
}

/// The report in the language asked for (with that language), or the refusal: a language the
/// report is not written in, a State without a plan, a plan this user may not read.
async fn report_of(
    app: &AppState,
    lang: Lang,
    principal: &Principal,
    iso3: &str,
    params: &ReportParams,
) -> Result<(Lang, Report), Response> {
    let report_lang = params.language(lang).map_err(IntoResponse::into_response)?;
    let Some(iso3) = state_code(iso3) else {
        return Err(HtmlError::not_found(lang, lang.t("plan-not-found")).into_response());
    };
    let path = report_href(&iso3);
    let Some(plan) = plan_for(app, lang, principal, &iso3, Action::Read, &path).await? else {
        return Err(HtmlError::not_found(lang, lang.t("plan-not-found")).into_response());
    };
    let recommendations = recommendations_of(app, &iso3, Some(plan.cycle))
        .await
        .map_err(|e| HtmlError::internal(lang, &e).into_response())?;
    Ok((
        report_lang,
        mid_term_report(report_lang, &plan, &recommendations, taawun_plans::today()),
    ))
}

pub async fn html(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path(iso3): Path<String>,
    Params(params): Params<ReportParams>,
) -> Response {
    let (report_lang, report) = match report_of(&app, lang, &principal, &iso3, &params).await {
        Ok(r) => r,
        Err(refusal) => return refusal,
    };
    let iso3 = iso3.trim().to_ascii_uppercase();
    let href = report_href(&iso3);
    let view = ReportPage {
        page: PageContext::new(
            lang,
            format!("{href}?language={}", report_lang.code()),
            report.title.clone(),
        ),
        state_name: state_name(lang, &iso3),
        report_lang: report_lang.code(),
        report_dir: report_lang.dir(),
        blocks: block_views(&report),
        masthead: report.masthead,
        title: report.title,
        subtitle: report.subtitle.unwrap_or_default(),
        colophon: report.colophon.unwrap_or_default(),
        versions: REPORT_LANGUAGES
            .iter()
            .map(|l| {
                (
                    l.endonym(),
                    format!("{href}?language={}", l.code()),
                    format!("{href}.pdf?language={}", l.code()),
                    *l == report_lang,
                )
            })
            .collect(),
        iso3,
    };
    render(&view, StatusCode::OK)
}

pub async fn pdf(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path(iso3): Path<String>,
    Params(params): Params<ReportParams>,
) -> Response {
    let (report_lang, report) = match report_of(&app, lang, &principal, &iso3, &params).await {
        Ok(r) => r,
        Err(refusal) => return refusal,
    };
    // Typesetting takes a CPU for a while: off the async workers.
    let typeset = tokio::task::spawn_blocking(move || taawun_report::pdf(&report)).await;
    match typeset {
        Ok(Ok(bytes)) => {
            let iso3 = iso3.trim().to_ascii_uppercase();
            (
                [
                    (header::CONTENT_TYPE, "application/pdf".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!(
                            "inline; filename=\"mid-term-report-{iso3}-{}.pdf\"",
                            report_lang.code()
                        ),
                    ),
                ],
                bytes,
            )
                .into_response()
        }
        Ok(Err(e)) => HtmlError::internal(lang, &e).into_response(),
        Err(e) => HtmlError::internal(lang, &e).into_response(),
    }
}
