//! The voting records as a matrix, per filter, kept in memory: agreement, majority shares and
//! cohesion are computed from it in milliseconds, while reading it (up to 870,000 votes for the
//! General Assembly) takes a good part of a second. Entries are keyed by the store's
//! [`VotesStamp`], so an import makes every older entry unreachable at once, on every server.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use taawun_store::{Page, Paging, StateVoteRecord, StoreError, VoteFilter, VoteTable, VotesStamp};
use taawun_votes::{Agreement, AgreementMatrix, Cohesion, Definition, VoteChoice};

use crate::AppState;

/// The matrix of one filter and what has been computed from it so far.
pub struct Analytics {
    pub table: VoteTable,
    agreement: [OnceLock<AgreementMatrix>; 3],
    majority: OnceLock<Vec<Agreement>>,
    /// The voting map per definition and the groups' cohesion: milliseconds each, so computed
    /// once per matrix rather than on every explorer page.
    maps: [OnceLock<taawun_votes::Mds>; 3],
    cohesion: OnceLock<Vec<(taawun_states::RegionalGroup, usize, Cohesion)>>,
    holdings: OnceLock<Vec<BodyHoldings>>,
    /// The agreement matrix as the API serves it (195 × 195 figures, twice), per definition:
    /// serialising it took longer than everything else the request does.
    agreement_json: [OnceLock<axum::body::Bytes>; 3],
    /// The voting map as drawn for the explorer, per definition, language and chosen State:
    /// drawing 193 labelled points took half of the page's time. At most
    /// [`MAX_KEPT_MAPS`] are kept per matrix (a few megabytes); others are drawn each time.
    map_svgs: std::sync::Mutex<std::collections::HashMap<MapKey, Arc<str>>>,
}

/// A drawn voting map: the definition's slot, the language, the chosen State.
type MapKey = (usize, &'static str, Option<&'static str>);

const MAX_KEPT_MAPS: usize = 64;

/// What the matrix holds of one body: how many roll calls, from when to when, and its latest
/// sessions (for the home page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyHoldings {
    pub body: taawun_votes::Body,
    pub roll_calls: u64,
    /// ISO 8601 dates of the first and the last roll call, and whether their day is known.
    pub first: (String, bool),
    pub last: (String, bool),
    /// The most recent sessions first: (session, roll calls, its last roll call's date as
    /// `first` and `last` are).
    pub latest_sessions: Vec<(u32, u64, (String, bool))>,
}

pub type AnalyticsCache = moka::future::Cache<(VotesStamp, VoteFilter), Arc<Analytics>>;

/// The issue tags with their counts, which every filter form lists: read once per stamp.
pub type IssuesCache = moka::future::Cache<VotesStamp, Arc<Vec<(String, u64)>>>;

pub fn new_issues_cache() -> IssuesCache {
    moka::future::Cache::builder().max_capacity(4).build()
}

/// The issue tags of the current voting records, from the cache or read now.
pub async fn issues(app: &AppState) -> Result<Arc<Vec<(String, u64)>>, StoreError> {
    let stamp = app.store.votes_stamp().await?;
    let store = app.store.clone();
    app.vote_issues
        .try_get_with(stamp, async move {
            Ok::<_, StoreError>(Arc::new(store.vote_issues().await?))
        })
        .await
        .map_err(StoreError::from)
}

pub fn new_cache() -> AnalyticsCache {
    moka::future::Cache::builder()
        // A General Assembly matrix holds about 3 MB; a dozen periods and bodies fit easily.
        .max_capacity(16)
        .time_to_idle(Duration::from_secs(30 * 60))
        .build()
}

fn slot(definition: Definition) -> usize {
    match definition {
        Definition::IdenticalVotes => 0,
        Definition::YesNoOnly => 1,
        Definition::HalfAbstain => 2,
    }
}

impl Analytics {
    pub fn new(table: VoteTable) -> Self {
        Analytics {
            table,
            agreement: Default::default(),
            majority: OnceLock::new(),
            maps: Default::default(),
            cohesion: OnceLock::new(),
            holdings: OnceLock::new(),
            agreement_json: Default::default(),
            map_svgs: Default::default(),
        }
    }

    /// The explorer's voting map for `definition`, language and chosen State, drawn by `draw`
    /// the first time.
    pub fn map_svg(
        &self,
        definition: Definition,
        lang: &'static str,
        chosen: Option<&'static str>,
        draw: impl FnOnce() -> String,
    ) -> Arc<str> {
        let key = (slot(definition), lang, chosen);
        if let Some(svg) = self.map_svgs.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return svg;
        }
        let svg: Arc<str> = draw().into();
        if let Ok(mut maps) = self.map_svgs.lock()
            && maps.len() < MAX_KEPT_MAPS
        {
            maps.insert(key, svg.clone());
        }
        svg
    }

    /// The API's JSON of the agreement matrix under `definition`, serialised on first use.
    pub fn agreement_json(
        &self,
        definition: Definition,
        serialise: impl FnOnce() -> Vec<u8>,
    ) -> axum::body::Bytes {
        self.agreement_json[slot(definition)]
            .get_or_init(|| axum::body::Bytes::from(serialise()))
            .clone()
    }

    /// Per body (the Council first), what the matrix holds, with its three latest sessions;
    /// computed once per matrix.
    pub fn holdings(&self) -> &[BodyHoldings] {
        const LATEST_SESSIONS: usize = 3;
        self.holdings.get_or_init(|| {
            let mut bodies: Vec<BodyHoldings> = Vec::new();
            let mut sessions: Vec<(taawun_votes::Body, u32, u64, (String, bool))> = Vec::new();
            for roll_call in &self.table.roll_calls {
                let date = &roll_call.date;
                let dated = (date.clone(), roll_call.day_known);
                match bodies.iter_mut().find(|b| b.body == roll_call.body) {
                    Some(b) => {
                        b.roll_calls += 1;
                        if *date < b.first.0 {
                            b.first = dated;
                        } else if *date > b.last.0 {
                            b.last = dated;
                        }
                    }
                    None => bodies.push(BodyHoldings {
                        body: roll_call.body,
                        roll_calls: 1,
                        first: dated.clone(),
                        last: dated,
                        latest_sessions: Vec::new(),
                    }),
                }
                let Some(session) = roll_call.session else {
                    continue;
                };
                match sessions
                    .iter_mut()
                    .find(|(b, s, _, _)| *b == roll_call.body && *s == session)
                {
                    Some((_, _, n, last)) => {
                        *n += 1;
                        if *date > last.0 {
                            *last = (date.clone(), roll_call.day_known);
                        }
                    }
                    None => sessions.push((
                        roll_call.body,
                        session,
                        1,
                        (date.clone(), roll_call.day_known),
                    )),
                }
            }
            sessions.sort_by(|a, b| b.3.0.cmp(&a.3.0));
            for body in &mut bodies {
                body.latest_sessions = sessions
                    .iter()
                    .filter(|(b, ..)| *b == body.body)
                    .take(LATEST_SESSIONS)
                    .map(|(_, session, n, last)| (*session, *n, last.clone()))
                    .collect();
            }
            bodies.sort_by_key(|b| b.body);
            bodies
        })
    }

    /// The agreement of every pair of States, computed on first use.
    pub fn agreement(&self, definition: Definition) -> &AgreementMatrix {
        self.agreement[slot(definition)]
            .get_or_init(|| taawun_votes::agreement_matrix(&self.table.matrix, definition))
    }

    /// How often each State voted with the majority, in the matrix's State order.
    pub fn majority_shares(&self) -> &[Agreement] {
        self.majority
            .get_or_init(|| taawun_votes::majority_shares(&self.table.matrix))
    }

    pub fn majority_share(&self, iso3: &str) -> Option<Agreement> {
        let index = self.table.matrix.state_index(iso3)?;
        self.majority_shares().get(index).copied()
    }

    /// How many roll calls of each body (the Council first) the State could vote in (its "not
    /// a member" lines left out), for the links to its record by body.
    pub fn member_roll_calls_by_body(&self, iso3: &str) -> Vec<(taawun_votes::Body, u64)> {
        let table = &self.table;
        let Some(state) = table.matrix.state_index(iso3) else {
            return Vec::new();
        };
        let mut counts: Vec<(taawun_votes::Body, u64)> = Vec::new();
        for column in table.state_record(iso3) {
            if table
                .vote(state, column)
                .is_none_or(|c| c == VoteChoice::NotMember)
            {
                continue;
            }
            let body = table.roll_calls[column].body;
            match counts.iter_mut().find(|(b, _)| *b == body) {
                Some((_, n)) => *n += 1,
                None => counts.push((body, 1)),
            }
        }
        counts.sort_by_key(|(body, _)| *body);
        counts
    }

    /// A State's voting record under the filter (the counts cover every line the records hold,
    /// whatever the scope), newest first, one page of it (`None`: all),
    /// and how many of its votes are of each choice. Read from the matrix already in memory
    /// rather than by a join over the votes table: a few microseconds whatever the page.
    pub fn state_record(
        &self,
        iso3: &str,
        scope: RecordScope,
        paging: Option<Paging>,
    ) -> (Page<StateVoteRecord>, Vec<(String, u64)>) {
        let table = &self.table;
        let mut columns = table.state_record(iso3);
        let state = table.matrix.state_index(iso3);
        let mut counts: Vec<(String, u64)> = Vec::new();
        for &column in &columns {
            if let Some(choice) = state.and_then(|s| table.vote(s, column)) {
                match counts.iter_mut().find(|(c, _)| c == choice.slug()) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((choice.slug().to_owned(), 1)),
                }
            }
        }
        if scope == RecordScope::AsMember {
            columns.retain(|&column| {
                state.and_then(|s| table.vote(s, column)) != Some(VoteChoice::NotMember)
            });
        }
        let paging = paging.unwrap_or(Paging {
            page: 1,
            per_page: u32::MAX,
        });
        let start = usize::try_from(paging.offset())
            .unwrap_or(usize::MAX)
            .min(columns.len());
        let end = start
            .saturating_add(paging.per_page as usize)
            .min(columns.len());
        let items = columns[start..end]
            .iter()
            .filter_map(|&column| {
                let choice = table.vote(state?, column)?;
                let info = &table.roll_calls[column];
                Some(StateVoteRecord {
                    body: info.body,
                    source_id: info.source_id.clone(),
                    symbol: info.symbol.clone(),
                    date: info.date.clone(),
                    day_known: info.day_known,
                    title: info.title.clone(),
                    choice: choice.slug().to_owned(),
                })
            })
            .collect();
        let page = Page {
            items,
            total: columns.len() as u64,
            page: paging.page,
            per_page: paging.per_page,
        };
        (page, counts)
    }

    /// Cohesion of each regional group's members (States of the group that appear in the
    /// matrix), in `RegionalGroup::ALL` order.
    pub fn group_cohesion(&self) -> &[(taawun_states::RegionalGroup, usize, Cohesion)] {
        self.cohesion.get_or_init(|| self.compute_cohesion())
    }

    /// Classical MDS of the States by (1 - agreement), computed on first use.
    pub fn voting_map(&self, definition: Definition) -> &taawun_votes::Mds {
        self.maps[slot(definition)].get_or_init(|| {
            taawun_votes::mds_from_agreement(
                self.agreement(definition),
                &taawun_votes::MdsOptions::default(),
            )
        })
    }

    fn compute_cohesion(&self) -> Vec<(taawun_states::RegionalGroup, usize, Cohesion)> {
        let matrix = &self.table.matrix;
        taawun_states::RegionalGroup::ALL
            .iter()
            .map(|group| {
                let members: Vec<usize> = matrix
                    .states()
                    .iter()
                    .enumerate()
                    .filter(|(_, iso3)| {
                        taawun_states::by_iso3(iso3).and_then(|s| s.regional_group) == Some(*group)
                    })
                    .map(|(i, _)| i)
                    .collect();
                let cohesion = taawun_votes::cohesion(matrix, &members);
                (*group, members.len(), cohesion)
            })
            .collect()
    }
}

/// The analytics of `filter` over the current voting records, from the cache or read now.
/// Concurrent requests for the same filter wait for one read.
pub async fn analytics(app: &AppState, filter: &VoteFilter) -> Result<Arc<Analytics>, StoreError> {
    // Only the generations of the bodies the filter covers: an import for the other body leaves
    // this matrix valid.
    let stamp = app.store.votes_stamp().await?.scoped(filter.body);
    let key = (stamp, filter.clone());
    let store = app.store.clone();
    let filter = filter.clone();
    app.vote_analytics
        .try_get_with(key, async move {
            let table = store.vote_table(&filter).await?;
            Ok::<_, StoreError>(Arc::new(Analytics::new(table)))
        })
        .await
        .map_err(StoreError::from)
}

/// At start-up, in the background: the matrices of the whole record and of each body, with the
/// figures every State page and the home page read from them, so that the first visitors do not
/// wait for them (reading the Assembly's 870,000 votes takes a good part of a second).
pub async fn warm_up(app: AppState) {
    let started = std::time::Instant::now();
    for body in [
        None,
        Some(taawun_votes::Body::Hrc),
        Some(taawun_votes::Body::Unga),
    ] {
        let filter = VoteFilter {
            body,
            ..VoteFilter::default()
        };
        match analytics(&app, &filter).await {
            Ok(analytics) => {
                let computed = tokio::task::spawn_blocking(move || {
                    analytics.holdings();
                    analytics.majority_shares();
                    analytics.agreement(Definition::IdenticalVotes);
                })
                .await;
                if let Err(error) = computed {
                    tracing::warn!(%error, "could not compute the vote figures ahead");
                }
            }
            Err(error) => {
                tracing::warn!(%error, "could not read the voting records ahead");
                return;
            }
        }
    }
    if let Err(error) = issues(&app).await {
        tracing::warn!(%error, "could not read the issue tags ahead");
    }
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "vote matrices ready"
    );
}

/// Which of a State's roll calls its voting record lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RecordScope {
    /// The roll calls it could vote in: its votes, abstentions, non-votes and absences. The
    /// Council's record holds a "not a member" line for every other State at every roll call, so
    /// without this a record would open on years of them.
    #[default]
    AsMember,
    /// Every line the records hold, "not a member" included.
    All,
}
