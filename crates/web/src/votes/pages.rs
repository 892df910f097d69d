//! `/states/{iso3}/votes` (a State's voting record) and `/votes` (the agreement explorer).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use taawun_store::VoteFilter;
use taawun_votes::Definition;

use super::analytics;
use super::api::{cohesion_of, rank, voting_map};
use super::query::{self, DEFINITIONS, DefinitionParams, RecordScopeParams, VoteFilterParams};
use crate::AppState;
use crate::error::HtmlError;
use crate::format;
use crate::i18n::Lang;
use crate::page::{PageContext, encode_query_value, render};
use crate::paging::{PagingParams, param};
use crate::params::{Params, given};

/// The State a voting record is compared with.
#[derive(Debug, Default, serde::Deserialize)]
pub struct WithParams {
    pub with: Option<String>,
}

/// The State the explorer ranks the others against.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ChosenStateParams {
    pub state: Option<String>,
}
use crate::states::{Choice, PageLink, group_label, page_links};

/// The values of the filter form, as typed.
pub struct FilterForm {
    pub bodies: Vec<Choice>,
    pub definitions: Vec<Choice>,
    pub issues: Vec<IssueChoice>,
    pub states: Vec<OwnedChoice>,
    pub session: String,
    pub year: String,
    pub from: String,
    pub to: String,
}

pub struct OwnedChoice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// An issue tag of the voting records in the filter: its label in the page's language when the
/// platform has one (the UN's own terms), else the dataset's English tag, marked as English.
pub struct IssueChoice {
    pub value: String,
    pub label: String,
    pub translated: bool,
    pub selected: bool,
}

/// The label of an issue tag: the message `vote-issue-<tag in kebab case>`.
pub fn issue_label(lang: Lang, tag: &str) -> Option<String> {
    let slug: String = tag
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    lang.t_opt(&format!("vote-issue-{slug}"))
}

fn filter_form(
    params: &HashMap<String, String>,
    lang: Lang,
    issues: &[(String, u64)],
    state_key: &str,
) -> FilterForm {
    let current = |key: &str| param(params, key).map(str::to_owned);
    // Either spelling in the address selects the same option.
    let body = param(params, "body").and_then(taawun_votes::Body::parse);
    let definition = current("definition").unwrap_or_else(|| "identical".into());
    let issue = current("issue");
    let chosen = current(state_key).map(|s| s.to_ascii_uppercase());
    let mut states: Vec<OwnedChoice> = taawun_states::all()
        .filter(|s| !matches!(s.status, taawun_states::UnStatus::Territory))
        .map(|s| OwnedChoice {
            value: s.iso3.to_owned(),
            label: s.names.get(lang.code()).to_owned(),
            selected: chosen.as_deref() == Some(s.iso3),
        })
        .collect();
    states.sort_by(|a, b| a.label.cmp(&b.label));
    FilterForm {
        bodies: taawun_votes::Body::ALL
            .iter()
            .map(|b| Choice {
                value: b.name(),
                label: lang.t(&format!("vote-body-{}", b.slug())),
                selected: body == Some(*b),
            })
            .collect(),
        definitions: DEFINITIONS
            .iter()
            .map(|d| Choice {
                value: d,
                label: lang.t(&format!("definition-{d}")),
                selected: definition == *d,
            })
            .collect(),
        issues: issues
            .iter()
            .map(|(value, n)| {
                let label = issue_label(lang, value);
                IssueChoice {
                    translated: label.is_some(),
                    label: format!(
                        "{} ({})",
                        label.as_deref().unwrap_or(value),
                        format::count(*n)
                    ),
                    selected: issue.as_deref() == Some(value.as_str()),
                    value: value.clone(),
                }
            })
            .collect(),
        states,
        session: current("session").unwrap_or_default(),
        year: current("year").unwrap_or_default(),
        from: current("from").unwrap_or_default(),
        to: current("to").unwrap_or_default(),
    }
}

/// `base?query` for a download of the same filter.
fn href(
    base: &str,
    params: &HashMap<String, String>,
    extra: &[(&str, &str)],
    drop: &[&str],
) -> String {
    let mut pairs: Vec<(String, String)> = params
        .iter()
        .filter(|(k, v)| !v.trim().is_empty() && !drop.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.trim().to_owned()))
        .collect();
    for (k, v) in extra {
        pairs.retain(|(key, _)| key != k);
        pairs.push(((*k).to_owned(), (*v).to_owned()));
    }
    pairs.sort();
    if pairs.is_empty() {
        return base.to_owned();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_query_value(k), encode_query_value(v)))
        .collect();
    format!("{base}?{}", query.join("&"))
}

fn share(agreement: Option<f64>, lang: Lang) -> String {
    agreement.map_or_else(|| "—".to_owned(), |v| format::percent(v, lang))
}

pub struct VoteRow {
    pub date: String,
    pub body: String,
    pub symbol: Option<String>,
    pub source_id: String,
    pub title: String,
    pub choice: String,
    pub choice_key: String,
}

pub struct CountLine {
    pub label: String,
    pub count: String,
}

pub struct RankRow {
    pub iso3: String,
    pub name: String,
    pub group: String,
    pub agreement: String,
    /// From 0 to 100, for the bar behind the figure.
    pub width: u32,
    pub votes: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "state_votes.html")]
struct StateVotesPage {
    page: PageContext,
    iso3: String,
    name: String,
    form: FilterForm,
    total: u64,
    summary: String,
    counts: Vec<CountLine>,
    majority: String,
    comparison: Option<String>,
    definition_note: String,
    closest: Vec<RankRow>,
    farthest: Vec<RankRow>,
    explorer_href: String,
    /// Says how many "not a member" lines the record hides or shows, with a link to the other.
    scope_note: Option<ScopeNote>,
    rows: Vec<VoteRow>,
    pages: Vec<PageLink>,
    csv_href: String,
    json_href: String,
}

struct ScopeNote {
    note: String,
    link: String,
    href: String,
}

fn rank_rows(
    ranking: &[super::api::RankedAgreement],
    lang: Lang,
    params: &HashMap<String, String>,
    subject: &str,
) -> Vec<RankRow> {
    ranking
        .iter()
        .map(|r| {
            let state = taawun_states::by_iso3(&r.state);
            RankRow {
                iso3: r.state.clone(),
                name: state
                    .map_or_else(|| r.state.clone(), |s| s.names.get(lang.code()).to_owned()),
                group: group_label(lang, r.group),
                agreement: share(r.agreement, lang),
                width: r.agreement.map_or(0, |v| (v * 100.0).round() as u32),
                votes: format::count(u64::from(r.votes_counted)),
                href: href(
                    &format!("/states/{subject}/votes"),
                    params,
                    &[("with", r.state.as_str())],
                    &["page"],
                ),
            }
        })
        .collect()
}

// Each argument is an extractor axum fills from the request: the page reads five families of
// parameters, each written once (and shared with the API).
#[allow(clippy::too_many_arguments)]
pub async fn state_votes(
    State(app): State<AppState>,
    lang: Lang,
    OriginalUri(uri): OriginalUri,
    Path(iso3): Path<String>,
    Params(filter): Params<VoteFilterParams>,
    Params(definition): Params<DefinitionParams>,
    Params(scope): Params<RecordScopeParams>,
    Params(paging): Params<PagingParams>,
    Params(with): Params<WithParams>,
    // As the address gave them, for the links that keep them.
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, HtmlError> {
    let Some(state) = taawun_states::by_iso3(&iso3.trim().to_ascii_uppercase()) else {
        return Err(HtmlError::not_found(
            lang,
            lang.t_args("error-unknown-state", &[("code", iso3.into())]),
        ));
    };
    let parsed = (|| {
        Ok::<_, crate::paging::InvalidParameter>((
            filter.filter()?,
            definition.definition()?,
            query::state_param(given(&with.with), "with")?,
            paging.paging()?,
            scope.scope()?,
        ))
    })();
    let (filter, (definition, _), with, paging, scope) =
        parsed.map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let loaded = tokio::try_join!(analytics::issues(&app), analytics::analytics(&app, &filter));
    let (issues, analytics) = loaded.map_err(|e| HtmlError::internal(lang, &e))?;
    let (page, counts) = analytics.state_record(state.iso3, scope, Some(paging));
    let name = state.names.get(lang.code()).to_owned();
    let majority = match analytics.majority_share(state.iso3) {
        Some(m) if m.votes_counted > 0 => lang.t_args(
            "state-votes-majority",
            &[
                ("share", share(m.value, lang).into()),
                ("count", format::count(u64::from(m.votes_counted)).into()),
            ],
        ),
        _ => lang.t("state-votes-majority-none"),
    };
    let ranking = rank(&analytics, state.iso3, definition);
    let comparison = with.map(|other| {
        let other_name = other.names.get(lang.code()).to_owned();
        match ranking.iter().find(|r| r.state == other.iso3) {
            Some(r) if r.votes_counted > 0 => lang.t_args(
                "state-votes-agreement",
                &[
                    ("other", other_name.into()),
                    ("share", share(r.agreement, lang).into()),
                    ("count", format::count(u64::from(r.votes_counted)).into()),
                ],
            ),
            _ if other.iso3 == state.iso3 => lang.t("state-votes-agreement-self"),
            _ => lang.t_args(
                "state-votes-agreement-none",
                &[("other", other_name.into())],
            ),
        }
    });
    let comparable: Vec<_> = ranking
        .into_iter()
        .filter(|r| r.votes_counted >= 20 && r.agreement.is_some())
        .collect();
    let closest = rank_rows(
        &comparable[..comparable.len().min(5)],
        lang,
        &params,
        state.iso3,
    );
    let farthest: Vec<_> = comparable.iter().rev().take(5).cloned().collect();
    let farthest = rank_rows(&farthest, lang, &params, state.iso3);
    let page_count = page.page_count();
    let not_members = counts
        .iter()
        .find(|(c, _)| c == "not-member")
        .map_or(0, |(_, n)| *n);
    let base = format!("/states/{}/votes", state.iso3);
    let scope_note = (not_members > 0).then(|| {
        let count = format::count(not_members);
        match scope {
            analytics::RecordScope::AsMember => ScopeNote {
                note: lang.t_args("state-votes-not-members-hidden", &[("count", count.into())]),
                link: lang.t("state-votes-not-members-show"),
                href: href(&base, &params, &[("not_members", "show")], &["page"]),
            },
            analytics::RecordScope::All => ScopeNote {
                note: lang.t_args("state-votes-not-members-shown", &[("count", count.into())]),
                link: lang.t("state-votes-not-members-hide"),
                href: href(&base, &params, &[], &["page", "not_members"]),
            },
        }
    });
    let path = uri.path_and_query().map_or_else(
        || format!("/states/{}/votes", state.iso3),
        |p| p.to_string(),
    );
    let api_base = format!("/api/v1/states/{}/votes", state.iso3);
    let view = StateVotesPage {
        iso3: state.iso3.to_owned(),
        form: filter_form(&params, lang, &issues, "with"),
        total: page.total,
        summary: lang.t_args(
            "state-votes-summary",
            &[
                ("count", format::count(page.total).into()),
                ("page", page.page.into()),
                ("pages", page_count.into()),
            ],
        ),
        counts: ["yes", "no", "abstain", "non-voting", "absent", "not-member"]
            .iter()
            .filter_map(|choice| {
                counts
                    .iter()
                    .find(|(c, _)| c == choice)
                    .map(|(_, n)| CountLine {
                        label: crate::charts::choice_label(lang, choice),
                        count: format::count(*n),
                    })
            })
            .collect(),
        majority,
        comparison,
        definition_note: lang.t(&format!("definition-{}-note", definition_slug(definition))),
        closest,
        farthest,
        explorer_href: href(
            "/votes",
            &params,
            &[("state", state.iso3)],
            &["page", "with", "per_page"],
        ),
        scope_note,
        rows: page
            .items
            .into_iter()
            .map(|v| VoteRow {
                date: format::roll_call_date(&v.date, v.day_known, lang),
                body: lang.t(&format!("vote-body-{}", v.body.slug())),
                symbol: v.symbol,
                source_id: v.source_id,
                title: v.title,
                choice: crate::charts::choice_label(lang, &v.choice),
                choice_key: v.choice,
            })
            .collect(),
        pages: page_links(
            &format!("/states/{}/votes", state.iso3),
            &params,
            page.page,
            page_count,
        ),
        csv_href: href(
            &api_base,
            &params,
            &[("format", "csv")],
            &["page", "per_page", "with", "definition"],
        ),
        json_href: href(&api_base, &params, &[], &["with", "definition"]),
        page: PageContext::new(
            lang,
            path,
            lang.t_args("state-votes-title", &[("state", name.clone().into())]),
        ),
        name,
    };
    Ok(render(&view, StatusCode::OK))
}

fn definition_slug(definition: Definition) -> &'static str {
    match definition {
        Definition::IdenticalVotes => "identical",
        Definition::YesNoOnly => "yes-no",
        Definition::HalfAbstain => "half-abstain",
    }
}

pub struct CohesionRow {
    pub group: String,
    pub members: usize,
    pub cohesion: String,
    pub width: u32,
    pub roll_calls: String,
}

pub struct Download {
    pub label: String,
    pub csv: String,
    pub json: String,
}

#[derive(Template)]
#[template(path = "votes_explorer.html")]
struct ExplorerPage {
    page: PageContext,
    form: FilterForm,
    roll_calls: usize,
    summary: String,
    chosen: Option<String>,
    definition_note: String,
    ranking: Vec<RankRow>,
    cohesion: Vec<CohesionRow>,
    similarity: String,
    /// The map as a table: every State placed, with those placed nearest to it.
    placed: Vec<PlacedRow>,
    dropped: Vec<String>,
    downloads: Vec<Download>,
}

/// A State on the similarity map, and the States placed nearest to it.
pub struct PlacedRow {
    pub state: StateLink,
    pub group: String,
    pub nearest: Vec<StateLink>,
}

pub struct StateLink {
    pub name: String,
    pub href: String,
}

pub async fn explorer(
    State(app): State<AppState>,
    lang: Lang,
    OriginalUri(uri): OriginalUri,
    Params(filter): Params<VoteFilterParams>,
    Params(definition): Params<DefinitionParams>,
    Params(chosen): Params<ChosenStateParams>,
    // As the address gave them, for the links that keep them.
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, HtmlError> {
    let parsed = (|| {
        Ok::<_, crate::paging::InvalidParameter>((
            filter.filter()?,
            definition.definition()?,
            query::state_param(given(&chosen.state), "state")?,
        ))
    })();
    let (filter, (definition, _), chosen): (VoteFilter, _, _) =
        parsed.map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let loaded = tokio::try_join!(analytics::issues(&app), analytics::analytics(&app, &filter));
    let (issues, analytics) = loaded.map_err(|e| HtmlError::internal(lang, &e))?;
    let roll_calls = analytics.table.roll_calls.len();
    let states = analytics.table.matrix.states().len();
    let ranking = chosen
        .map(|s| {
            let ranked = rank(&analytics, s.iso3, definition);
            let mut rows = rank_rows(&ranked, lang, &params, s.iso3);
            // From the explorer, a State's line leads to its own voting record compared with the
            // chosen State.
            for (row, r) in rows.iter_mut().zip(&ranked) {
                row.href = href(
                    &format!("/states/{}/votes", r.state),
                    &params,
                    &[("with", s.iso3)],
                    &["state"],
                );
            }
            rows
        })
        .unwrap_or_default();
    let cohesion = cohesion_of(&analytics)
        .into_iter()
        .map(|g| CohesionRow {
            group: group_label(lang, Some(g.group)),
            members: g.members,
            cohesion: share(g.cohesion, lang),
            width: g.cohesion.map_or(0, |v| (v * 100.0).round() as u32),
            roll_calls: format::count(u64::from(g.roll_calls_counted)),
        })
        .collect();
    let (similarity, placed, dropped) = if roll_calls == 0 {
        (String::new(), Vec::new(), Vec::new())
    } else {
        let mds = voting_map(&analytics, definition);
        let svg = analytics
            .map_svg(definition, lang.code(), chosen.map(|s| s.iso3), || {
                let description = lang.t_args(
                    "chart-similarity-description",
                    &[
                        ("states", mds.states.len().into()),
                        ("roll_calls", format::count(roll_calls as u64).into()),
                    ],
                );
                crate::charts::similarity_map(mds, chosen.map(|s| s.iso3), lang, description)
            })
            .to_string();
        let dropped = mds
            .dropped
            .iter()
            .map(|(iso3, _)| {
                taawun_states::by_iso3(iso3)
                    .map_or_else(|| iso3.clone(), |s| s.names.get(lang.code()).to_owned())
            })
            .collect();
        (svg, placed_rows(mds, lang, &params), dropped)
    };
    let drop_for_api = ["state"];
    let mut downloads = vec![
        Download {
            label: lang.t("download-agreement-matrix"),
            csv: href(
                "/api/v1/votes/agreement-matrix",
                &params,
                &[("format", "csv")],
                &drop_for_api,
            ),
            json: href(
                "/api/v1/votes/agreement-matrix",
                &params,
                &[],
                &drop_for_api,
            ),
        },
        Download {
            label: lang.t("download-cohesion"),
            csv: href(
                "/api/v1/votes/cohesion",
                &params,
                &[("format", "csv")],
                &["state", "definition"],
            ),
            json: href(
                "/api/v1/votes/cohesion",
                &params,
                &[],
                &["state", "definition"],
            ),
        },
        Download {
            label: lang.t("download-similarity"),
            csv: href(
                "/api/v1/votes/map",
                &params,
                &[("format", "csv")],
                &drop_for_api,
            ),
            json: href("/api/v1/votes/map", &params, &[], &drop_for_api),
        },
    ];
    if let Some(s) = chosen {
        downloads.insert(
            0,
            Download {
                label: lang.t_args(
                    "download-ranking",
                    &[("state", s.names.get(lang.code()).to_owned().into())],
                ),
                csv: href(
                    "/api/v1/votes/agreement",
                    &params,
                    &[("a", s.iso3), ("format", "csv")],
                    &drop_for_api,
                ),
                json: href(
                    "/api/v1/votes/agreement",
                    &params,
                    &[("a", s.iso3)],
                    &drop_for_api,
                ),
            },
        );
    }
    let path = uri
        .path_and_query()
        .map_or_else(|| "/votes".to_owned(), |p| p.to_string());
    let view = ExplorerPage {
        form: filter_form(&params, lang, &issues, "state"),
        roll_calls,
        summary: lang.t_args(
            "explorer-summary",
            &[
                ("roll_calls", format::count(roll_calls as u64).into()),
                ("states", states.into()),
            ],
        ),
        chosen: chosen.map(|s| s.names.get(lang.code()).to_owned()),
        definition_note: lang.t(&format!("definition-{}-note", definition_slug(definition))),
        ranking,
        cohesion,
        similarity,
        placed,
        dropped,
        downloads,
        page: PageContext::new(lang, path, lang.t("explorer-title")),
    };
    Ok(render(&view, StatusCode::OK))
}

/// Every State on the map with the three placed nearest to it, by name in the page's language.
fn placed_rows(
    mds: &taawun_votes::Mds,
    lang: Lang,
    params: &HashMap<String, String>,
) -> Vec<PlacedRow> {
    let link = |iso3: &str| {
        let state = taawun_states::by_iso3(iso3);
        StateLink {
            name: state.map_or_else(|| iso3.to_owned(), |s| s.names.get(lang.code()).to_owned()),
            href: href(
                &format!("/states/{iso3}/votes"),
                params,
                &[],
                &["state", "page"],
            ),
        }
    };
    let mut rows: Vec<PlacedRow> = mds
        .nearest(3)
        .into_iter()
        .enumerate()
        .map(|(i, nearest)| {
            let iso3 = &mds.states[i];
            PlacedRow {
                state: link(iso3),
                group: group_label(
                    lang,
                    taawun_states::by_iso3(iso3)
                        .and_then(|s| s.regional_group)
                        .map(|g| g.slug()),
                ),
                nearest: nearest.iter().map(|&j| link(&mds.states[j])).collect(),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.state.name.cmp(&b.state.name));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every issue tag of the General Assembly's records has its label in each interface
    /// language, so that the Arabic filter shows the UN's Arabic terms and no English.
    #[test]
    fn every_issue_tag_of_the_records_has_a_label_in_each_language() {
        taawun_testdata::require_shared!();
        let path = taawun_testdata::shared("data/votes/unga/un_roll_call_issues.csv");
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let column = reader
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "issue")
            .unwrap();
        let mut tags: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[column].to_owned())
            .collect();
        tags.sort();
        tags.dedup();
        assert!(tags.len() >= 6, "{tags:?}");
        for lang in Lang::INTERFACE {
            for tag in &tags {
                let label = issue_label(lang, tag);
                assert!(label.is_some(), "{}: no label for {tag:?}", lang.code());
            }
        }
        let arabic = issue_label(Lang::Ar, "Palestinian conflict").unwrap();
        assert!(!arabic.chars().any(|c| c.is_ascii_alphabetic()), "{arabic}");
        assert_eq!(issue_label(Lang::Ar, "A tag the records never had"), None);
    }
}
