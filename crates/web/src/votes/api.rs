//! The votes API: a State's voting record, agreement (one pair, one State with all, every
//! pair), group cohesion and the map of States by voting similarity — each as JSON or CSV under
//! the same filters.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use taawun_store::{StateVoteRecord, VoteFilter};
use taawun_votes::Definition;

use super::analytics::{self, Analytics};
use super::query::{
    self, DefinitionParams, Format, FormatParams, RecordScopeParams, VoteFilterParams,
};
use crate::AppState;
use crate::download::{csv_response, file_name, opt};
use crate::error::{ApiError, ApiErrorBody};
use crate::paging::PagingParams;
use crate::params::{Params, given};

/// The two States whose agreement is asked for.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgreementPairParams {
    /// ISO3 code of the first State (required)
    pub a: Option<String>,
    /// ISO3 code of the second State; without it, the agreement of `a` with every State (an
    /// AgreementRanking)
    pub b: Option<String>,
}

/// The filter as the answer echoes it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FilterEcho {
    pub body: Option<String>,
    /// ISO 8601, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    pub session: Option<u32>,
    pub issue: Option<String>,
}

impl From<&VoteFilter> for FilterEcho {
    fn from(f: &VoteFilter) -> Self {
        FilterEcho {
            body: f.body.map(|b| b.name().to_owned()),
            from: f.from.map(|d| d.to_string()),
            to: f.to.map(|d| d.to_string()),
            session: f.session,
            issue: f.issue.clone(),
        }
    }
}

fn filter_parts(filter: &VoteFilter) -> [Option<String>; 5] {
    [
        filter.body.map(|b| b.name().to_owned()),
        filter.from.map(|d| d.to_string()),
        filter.to.map(|d| d.to_string()),
        filter.session.map(|s| format!("session{s}")),
        filter.issue.clone(),
    ]
}

fn download_name(base: &str, extra: &[&str], filter: &VoteFilter) -> String {
    let parts = filter_parts(filter);
    let mut all: Vec<Option<&str>> = extra.iter().map(|e| Some(*e)).collect();
    all.extend(parts.iter().map(|p| p.as_deref()));
    file_name(base, &all)
}

/// Agreement values are shares; four decimals say all the data can support.
fn round(value: Option<f64>) -> Option<f64> {
    value.map(|v| (v * 10_000.0).round() / 10_000.0)
}

/// The UN regional group of a member State.
fn group_of(iso3: &str) -> Option<&'static str> {
    taawun_states::by_iso3(iso3)
        .and_then(|s| s.regional_group)
        .map(|g| g.slug())
}

fn known_state(iso3: &str) -> Result<&'static taawun_states::State, ApiError> {
    taawun_states::by_iso3(&iso3.trim().to_ascii_uppercase())
        .ok_or_else(|| ApiError::not_found(format!("no State has the code {iso3:?}")))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StateVotePage {
    pub state: String,
    pub filter: FilterEcho,
    /// How many of the State's votes under the filter are of each choice.
    pub counts: std::collections::HashMap<String, u64>,
    /// How often the State voted with the majority (the most frequent of yes, no and abstain
    /// among the States voting) under the filter.
    pub majority: MajorityShare,
    pub items: Vec<StateVoteRecord>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
}

#[utoipa::path(
    get,
    path = "/api/v1/states/{iso3}/votes",
    tag = "votes",
    params(
        ("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code"),
        VoteFilterParams, RecordScopeParams, PagingParams, FormatParams,
    ),
    responses(
        (status = 200, description = "The State's votes, newest first", body = StateVotePage),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
        (status = 404, description = "No State has this code", body = ApiErrorBody),
    )
)]
pub async fn state_votes(
    State(app): State<AppState>,
    Path(iso3): Path<String>,
    Params(filter): Params<VoteFilterParams>,
    Params(scope): Params<RecordScopeParams>,
    Params(paging): Params<PagingParams>,
    Params(format): Params<FormatParams>,
) -> Result<Response, ApiError> {
    let state = known_state(&iso3)?;
    let filter = filter.filter()?;
    let scope = scope.scope()?;
    let format = format.format()?;
    if format == Format::Csv {
        // A State has at most a few thousand votes: the download holds them all.
        let analytics = analytics::analytics(&app, &filter).await?;
        let (page, _) = analytics.state_record(state.iso3, scope, None);
        return csv_response(
            &download_name(&format!("votes-{}", state.iso3), &[], &filter),
            &["date", "body", "symbol", "source_id", "title", "vote"],
            page.items.iter().map(|v| {
                [
                    // A date whose day the data does not know is written as its month
                    // (ISO 8601 `1946-01`), never as an invented day.
                    match v.day_known {
                        true => v.date.clone(),
                        false => v.date.chars().take(7).collect(),
                    },
                    v.body.name().to_owned(),
                    v.symbol.clone().unwrap_or_default(),
                    v.source_id.clone(),
                    v.title.clone(),
                    v.choice.clone(),
                ]
            }),
        );
    }
    let paging = paging.paging()?;
    // The State's record is read from the filter's matrix, kept in memory for the agreement
    // figures: no query over the votes table, and every page costs the same.
    let analytics = analytics::analytics(&app, &filter).await?;
    let (page, counts) = analytics.state_record(state.iso3, scope, Some(paging));
    let majority = analytics.majority_share(state.iso3);
    let pages = page.page_count();
    Ok(Json(StateVotePage {
        state: state.iso3.to_owned(),
        filter: FilterEcho::from(&filter),
        counts: counts.into_iter().collect(),
        majority: MajorityShare {
            share: round(majority.and_then(|m| m.value)),
            votes_counted: majority.map_or(0, |m| m.votes_counted),
        },
        items: page.items,
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        pages,
    })
    .into_response())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MajorityShare {
    /// From 0 to 1; null when the State voted on no roll call with a majority.
    pub share: Option<f64>,
    /// Roll calls with a majority (no tie for first place) on which the State voted.
    pub votes_counted: u32,
}

/// The agreement of two States.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AgreementAnswer {
    pub a: String,
    pub b: String,
    pub body: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub session: Option<u32>,
    pub issue: Option<String>,
    /// `identical` (same vote among yes/no/abstain where both took part), `yes-no` (only roll
    /// calls where both voted yes or no) or `half-abstain` (Lijphart's index: an abstention
    /// against yes or no counts half).
    pub definition: &'static str,
    /// From 0 to 1; null when the two States share no roll call under this definition.
    pub agreement: Option<f64>,
    /// The roll calls the score rests on.
    pub votes_counted: u32,
}

/// One State's agreement with every other.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AgreementRanking {
    pub state: String,
    pub filter: FilterEcho,
    pub definition: &'static str,
    /// The roll calls under the filter.
    pub roll_calls: usize,
    /// Highest agreement first; States sharing no counted roll call last.
    pub items: Vec<RankedAgreement>,
}

#[derive(Clone, Serialize, utoipa::ToSchema)]
pub struct RankedAgreement {
    pub state: String,
    /// The UN regional group, for members.
    pub group: Option<&'static str>,
    pub agreement: Option<f64>,
    pub votes_counted: u32,
}

#[utoipa::path(
    get,
    path = "/api/v1/votes/agreement",
    tag = "votes",
    params(AgreementPairParams, VoteFilterParams, DefinitionParams, FormatParams),
    responses(
        (status = 200, description = "The agreement and the number of votes it rests on (with `b`), or the ranking of every State by agreement with `a` (without `b`)", body = AgreementAnswer),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn agreement(
    State(app): State<AppState>,
    Params(pair): Params<AgreementPairParams>,
    Params(filter): Params<VoteFilterParams>,
    Params(definition): Params<DefinitionParams>,
    Params(format): Params<FormatParams>,
) -> Result<Response, ApiError> {
    let a = query::state_param(given(&pair.a), "a")?
        .ok_or_else(|| ApiError::invalid("a", "give the first State: ?a=ISO3"))?;
    let b = query::state_param(given(&pair.b), "b")?;
    let (definition, name) = definition.definition()?;
    let filter = filter.filter()?;
    let format = format.format()?;
    let Some(b) = b else {
        return ranking(&app, a, definition, name, filter, format).await;
    };
    // The pair is a lookup in the filter's matrix, read once (0.1-0.2 s for the whole General
    // Assembly) and kept in memory: every later pair, ranking and page of the filter is then
    // answered in about a millisecond.
    let score = if a.iso3 == b.iso3 {
        None
    } else {
        let analytics = analytics::analytics(&app, &filter).await?;
        let matrix = &analytics.table.matrix;
        match (matrix.state_index(a.iso3), matrix.state_index(b.iso3)) {
            (Some(i), Some(j)) => Some(analytics.agreement(definition).get(i, j)),
            _ => None,
        }
    };
    let answer = AgreementAnswer {
        a: a.iso3.to_owned(),
        b: b.iso3.to_owned(),
        body: filter.body.map(|b| b.name().to_owned()),
        from: filter.from.map(|d| d.to_string()),
        to: filter.to.map(|d| d.to_string()),
        session: filter.session,
        issue: filter.issue.clone(),
        definition: name,
        agreement: score.and_then(|s| s.value),
        votes_counted: score.map_or(0, |s| s.votes_counted),
    };
    if format == Format::Csv {
        return csv_response(
            &download_name(
                &format!("agreement-{}-{}", a.iso3, b.iso3),
                &[name],
                &filter,
            ),
            &["a", "b", "definition", "agreement", "votes_counted"],
            [[
                answer.a.clone(),
                answer.b.clone(),
                name.to_owned(),
                opt(answer.agreement),
                answer.votes_counted.to_string(),
            ]],
        );
    }
    Ok(Json(answer).into_response())
}

/// The ranking of every State by agreement with `state`.
pub fn rank(analytics: &Analytics, state: &str, definition: Definition) -> Vec<RankedAgreement> {
    let matrix = &analytics.table.matrix;
    let Some(index) = matrix.state_index(state) else {
        return Vec::new();
    };
    let agreement = analytics.agreement(definition);
    let mut items: Vec<RankedAgreement> = (0..matrix.states().len())
        .filter(|&other| other != index)
        .map(|other| {
            let score = agreement.get(index, other);
            let code = &matrix.states()[other];
            RankedAgreement {
                state: code.clone(),
                group: group_of(code),
                agreement: round(score.value),
                votes_counted: score.votes_counted,
            }
        })
        .collect();
    items.sort_by(|x, y| {
        let value = |r: &RankedAgreement| r.agreement.unwrap_or(f64::NEG_INFINITY);
        value(y)
            .total_cmp(&value(x))
            .then(y.votes_counted.cmp(&x.votes_counted))
            .then(x.state.cmp(&y.state))
    });
    items
}

async fn ranking(
    app: &AppState,
    state: &'static taawun_states::State,
    definition: Definition,
    name: &'static str,
    filter: VoteFilter,
    format: Format,
) -> Result<Response, ApiError> {
    let analytics = analytics::analytics(app, &filter).await?;
    let items = rank(&analytics, state.iso3, definition);
    if format == Format::Csv {
        return csv_response(
            &download_name(&format!("agreement-{}", state.iso3), &[name], &filter),
            &[
                "state",
                "with",
                "group",
                "definition",
                "agreement",
                "votes_counted",
            ],
            items.iter().map(|r| {
                [
                    state.iso3.to_owned(),
                    r.state.clone(),
                    r.group.unwrap_or_default().to_owned(),
                    name.to_owned(),
                    opt(r.agreement),
                    r.votes_counted.to_string(),
                ]
            }),
        );
    }
    Ok(Json(AgreementRanking {
        state: state.iso3.to_owned(),
        filter: FilterEcho::from(&filter),
        definition: name,
        roll_calls: analytics.table.roll_calls.len(),
        items,
    })
    .into_response())
}

/// Agreement of every pair of States.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AgreementMatrixAnswer {
    pub filter: FilterEcho,
    pub definition: &'static str,
    /// The roll calls under the filter.
    pub roll_calls: usize,
    /// ISO3 codes: the order of the rows and columns below.
    pub states: Vec<String>,
    /// `agreement[i][j]`: the agreement of `states[i]` and `states[j]`, null where they share
    /// no counted roll call.
    pub agreement: Vec<Vec<Option<f64>>>,
    /// `votes_counted[i][j]`: the roll calls that value rests on (on the diagonal: the roll
    /// calls the State took part in).
    pub votes_counted: Vec<Vec<u32>>,
}

#[utoipa::path(
    get,
    path = "/api/v1/votes/agreement-matrix",
    tag = "votes",
    params(VoteFilterParams, DefinitionParams, FormatParams),
    responses(
        (status = 200, description = "The agreement of every pair of States that voted under the filter", body = AgreementMatrixAnswer),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn agreement_matrix(
    State(app): State<AppState>,
    Params(filter): Params<VoteFilterParams>,
    Params(definition): Params<DefinitionParams>,
    Params(format): Params<FormatParams>,
) -> Result<Response, ApiError> {
    let (definition, name) = definition.definition()?;
    let filter = filter.filter()?;
    let format = format.format()?;
    let analytics = analytics::analytics(&app, &filter).await?;
    let matrix = analytics.agreement(definition);
    let n = matrix.len();
    if format == Format::Csv {
        return csv_response(
            &download_name("agreement-matrix", &[name], &filter),
            &["a", "b", "definition", "agreement", "votes_counted"],
            (0..n).flat_map(|i| {
                (0..n).filter(move |j| *j != i).map(move |j| {
                    let score = matrix.get(i, j);
                    [
                        matrix.states[i].clone(),
                        matrix.states[j].clone(),
                        name.to_owned(),
                        opt(round(score.value)),
                        score.votes_counted.to_string(),
                    ]
                })
            }),
        );
    }
    // Serialised once per matrix and definition: the filter is the matrix's own key.
    let json = analytics.agreement_json(definition, || {
        serde_json::to_vec(&AgreementMatrixAnswer {
            filter: FilterEcho::from(&filter),
            definition: name,
            roll_calls: analytics.table.roll_calls.len(),
            states: matrix.states.clone(),
            agreement: (0..n)
                .map(|i| (0..n).map(|j| round(matrix.get(i, j).value)).collect())
                .collect(),
            votes_counted: (0..n)
                .map(|i| (0..n).map(|j| matrix.get(i, j).votes_counted).collect())
                .collect(),
        })
        .expect("the agreement matrix serialises")
    });
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/json"),
        )],
        json,
    )
        .into_response())
}

/// How united each regional group voted.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CohesionAnswer {
    pub filter: FilterEcho,
    pub roll_calls: usize,
    /// The Agreement Index of Hix, Noury and Roland over yes, no and abstain, averaged over the
    /// roll calls where at least two members voted.
    pub groups: Vec<GroupCohesion>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct GroupCohesion {
    pub group: &'static str,
    /// Members of the group with at least one vote under the filter.
    pub members: usize,
    pub cohesion: Option<f64>,
    pub roll_calls_counted: u32,
}

pub fn cohesion_of(analytics: &Analytics) -> Vec<GroupCohesion> {
    analytics
        .group_cohesion()
        .iter()
        .map(|(group, members, c)| GroupCohesion {
            group: group.slug(),
            members: *members,
            cohesion: round(c.mean),
            roll_calls_counted: c.roll_calls_counted,
        })
        .collect()
}

#[utoipa::path(
    get,
    path = "/api/v1/votes/cohesion",
    tag = "votes",
    params(VoteFilterParams, FormatParams),
    responses(
        (status = 200, description = "The cohesion of each UN regional group", body = CohesionAnswer),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn cohesion(
    State(app): State<AppState>,
    Params(filter): Params<VoteFilterParams>,
    Params(format): Params<FormatParams>,
) -> Result<Response, ApiError> {
    let filter = filter.filter()?;
    let format = format.format()?;
    let analytics = analytics::analytics(&app, &filter).await?;
    let groups = cohesion_of(&analytics);
    if format == Format::Csv {
        return csv_response(
            &download_name("cohesion", &[], &filter),
            &["group", "members", "cohesion", "roll_calls_counted"],
            groups.iter().map(|g| {
                [
                    g.group.to_owned(),
                    g.members.to_string(),
                    opt(g.cohesion),
                    g.roll_calls_counted.to_string(),
                ]
            }),
        );
    }
    Ok(Json(CohesionAnswer {
        filter: FilterEcho::from(&filter),
        roll_calls: analytics.table.roll_calls.len(),
        groups,
    })
    .into_response())
}

/// States placed in two dimensions by how alike they vote.
#[derive(Serialize, utoipa::ToSchema)]
pub struct VotingMapAnswer {
    pub filter: FilterEcho,
    pub definition: &'static str,
    /// Classical (Torgerson) multidimensional scaling of the distances `1 - agreement`.
    pub method: &'static str,
    /// How much of the spread each axis carries.
    pub eigenvalues: [f64; 2],
    pub states: Vec<PlacedState>,
    /// States left out for sharing too few roll calls with the others, with the reason.
    pub dropped: Vec<DroppedState>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PlacedState {
    pub state: String,
    pub group: Option<&'static str>,
    pub x: f64,
    pub y: f64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DroppedState {
    pub state: String,
    pub reason: String,
}

/// The MDS map of the States under `analytics`.
pub fn voting_map(analytics: &Analytics, definition: Definition) -> &taawun_votes::Mds {
    analytics.voting_map(definition)
}

#[utoipa::path(
    get,
    path = "/api/v1/votes/map",
    tag = "votes",
    params(VoteFilterParams, DefinitionParams, FormatParams),
    responses(
        (status = 200, description = "Two-dimensional coordinates of States by voting similarity", body = VotingMapAnswer),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn map(
    State(app): State<AppState>,
    Params(filter): Params<VoteFilterParams>,
    Params(definition): Params<DefinitionParams>,
    Params(format): Params<FormatParams>,
) -> Result<Response, ApiError> {
    let (definition, name) = definition.definition()?;
    let filter = filter.filter()?;
    let format = format.format()?;
    let analytics = analytics::analytics(&app, &filter).await?;
    let mds = voting_map(&analytics, definition);
    let states: Vec<PlacedState> = mds
        .states
        .iter()
        .zip(&mds.coordinates)
        .map(|(state, [x, y])| PlacedState {
            state: state.clone(),
            group: group_of(state),
            x: (x * 10_000.0).round() / 10_000.0,
            y: (y * 10_000.0).round() / 10_000.0,
        })
        .collect();
    if format == Format::Csv {
        return csv_response(
            &download_name("voting-map", &[name], &filter),
            &["state", "group", "x", "y"],
            states.iter().map(|p| {
                [
                    p.state.clone(),
                    p.group.unwrap_or_default().to_owned(),
                    p.x.to_string(),
                    p.y.to_string(),
                ]
            }),
        );
    }
    Ok(Json(VotingMapAnswer {
        filter: FilterEcho::from(&filter),
        definition: name,
        method: "classical multidimensional scaling of 1 - agreement",
        eigenvalues: mds.eigenvalues,
        states,
        dropped: mds
            .dropped
            .iter()
            .map(|(state, reason)| DroppedState {
                state: state.clone(),
                reason: reason.clone(),
            })
            .collect(),
    })
    .into_response())
}

/// The issue tags of the voting records.
#[derive(Serialize, utoipa::ToSchema)]
pub struct IssueCount {
    pub issue: String,
    pub roll_calls: u64,
}

#[utoipa::path(
    get,
    path = "/api/v1/votes/issues",
    tag = "votes",
    responses(
        (status = 200, description = "The issue tags of the voting records, with the number of roll calls of each, most frequent first", body = [IssueCount]),
    )
)]
pub async fn issues(State(app): State<AppState>) -> Result<Json<Vec<IssueCount>>, ApiError> {
    // Counted once per generation of the records (the filter forms read the same cache).
    Ok(Json(
        analytics::issues(&app)
            .await?
            .iter()
            .map(|(issue, roll_calls)| IssueCount {
                issue: issue.clone(),
                roll_calls: *roll_calls,
            })
            .collect(),
    ))
}
