//! The search index beside the database: where it lives, filling it from the registry, and
//! keeping it current on imports. The index is derived data — `taawun reindex` rebuilds it from
//! the database at any time.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use chrono::NaiveDate;
use taawun_search::{
    Label, Language, OpenStatus, ReindexOptions, ReindexStats, SdgBook, SdgRecord, SdgTitles,
    SearchDocument, SearchIndex, Searchable, UprPledge, UprRecommendation, VotingRecord,
};
use taawun_store::upr::{PledgeRecord, RecommendationRecord, SdgFramework};
use taawun_store::{
    NamesRecord, Paging, RecordContent, ResolutionFilter, Store, VoteFilter, VotesStamp,
};
use taawun_votes::VoteChoice;

/// `--index-dir`, or `search/` in the data directory.
pub fn index_dir(explicit: Option<PathBuf>, data_dir: &Path) -> PathBuf {
    explicit.unwrap_or_else(|| data_dir.join("search"))
}

pub fn open(dir: &Path) -> anyhow::Result<Arc<SearchIndex>> {
    SearchIndex::open_or_create(dir)
        .map(Arc::new)
        .with_context(|| format!("cannot open the search index in {}", dir.display()))
}

/// The bodies whose voting records the registry holds.
const VOTING_BODIES: [&str; 2] = ["hrc", "unga"];

/// Every roll call of a body with a symbol, as search records (title, and the States that
/// voted yes, no or abstained). Roll calls without a symbol are in no registry record.
pub async fn voting_records(store: &dyn Store, body: &str) -> anyhow::Result<Vec<VotingRecord>> {
    let filter = VoteFilter {
        body: taawun_votes::Body::parse(body),
        ..VoteFilter::default()
    };
    let table = store
        .vote_table(&filter)
        .await
        .with_context(|| format!("cannot read the voting records of {body}"))?;
    let mut descriptions: std::collections::HashMap<String, String> = store
        .roll_call_descriptions(body)
        .await
        .with_context(|| format!("cannot read the roll-call descriptions of {body}"))?
        .into_iter()
        .collect();
    let matrix = &table.matrix;
    Ok(table
        .roll_calls
        .iter()
        .enumerate()
        .filter_map(|(column, roll_call)| {
            let symbol = roll_call.symbol.clone()?;
            let states = (0..matrix.states().len())
                .filter(|&row| {
                    matches!(
                        matrix.get(row, column),
                        VoteChoice::Yes | VoteChoice::No | VoteChoice::Abstain
                    )
                })
                .map(|row| matrix.states()[row].clone())
                .collect();
            Some(VotingRecord {
                body: roll_call.body.slug().to_owned(),
                source_id: roll_call.source_id.clone(),
                symbol,
                date: NaiveDate::parse_from_str(&roll_call.date, "%Y-%m-%d").ok(),
                session: roll_call.session,
                title: roll_call.title.clone(),
                description: descriptions.remove(&roll_call.source_id),
                states,
            })
        })
        .collect())
}

/// After a vote import: the body's roll calls (new ones added, known ones replaced) in one
/// commit. An index that was just created (or rebuilt for a new format) is filled whole
/// instead, since nothing else would fill it once it holds documents.
pub async fn index_voting_records(
    store: &dyn Store,
    index: &SearchIndex,
    body: &str,
) -> anyhow::Result<usize> {
    if index.status() != OpenStatus::Opened {
        return Ok(reindex(store, index).await?.documents as usize);
    }
    let records = voting_records(store, body).await?;
    index
        .update(|update| {
            records.iter().try_for_each(|record| {
                update.replace_record(&record.record_key(), &record.search_documents())
            })
        })
        .context("cannot update the search index")?;
    Ok(records.len())
}

/// Every searchable document of the registry: each resolution held as text, each roll
/// call of the voting records, each UPR recommendation and voluntary pledge, and the SDG goals
/// and targets.
pub async fn documents(store: &dyn Store) -> anyhow::Result<Vec<SearchDocument>> {
    let mut documents = text_documents(store).await?;
    for body in VOTING_BODIES {
        for record in voting_records(store, body).await? {
            documents.extend(record.search_documents());
        }
    }
    documents.extend(upr_documents(store).await?);
    documents.extend(practice_documents(store).await?);
    Ok(documents)
}

/// The compendium's published practices, each as its latest published version.
pub async fn practice_documents(store: &dyn Store) -> anyhow::Result<Vec<SearchDocument>> {
    let rows = store.practices().published_practices().await?;
    Ok(rows
        .iter()
        .filter_map(taawun_web::practice_search_document)
        .flat_map(|document| document.search_documents())
        .collect())
}

/// A name in the six languages as labels (the empty ones left out).
fn labels_of(names: &NamesRecord) -> Vec<Label> {
    names
        .all()
        .into_iter()
        .filter_map(|(code, text)| {
            let language = Language::from_code(code)?;
            (!text.trim().is_empty()).then(|| Label {
                language,
                text: text.to_owned(),
            })
        })
        .collect()
}

/// The SDG framework's goals and targets, as search records and as the titles the review's
/// links are labelled with.
pub fn sdg_records(framework: &SdgFramework) -> (Vec<SdgRecord>, SdgBook) {
    let mut records = Vec::with_capacity(framework.goals.len() + framework.targets.len());
    for goal in &framework.goals {
        records.push(SdgRecord {
            code: goal.number.to_string(),
            titles: labels_of(&goal.titles),
            short_titles: labels_of(&goal.short_titles),
        });
    }
    for target in &framework.targets {
        records.push(SdgRecord {
            code: target.code.clone(),
            titles: labels_of(&target.titles),
            short_titles: Vec::new(),
        });
    }
    let book = SdgBook::new(records.iter().map(|r| SdgTitles {
        code: r.code.clone(),
        titles: r.titles.clone(),
    }));
    (records, book)
}

/// A stored recommendation as the index takes it, its SDG links labelled from `book`.
pub fn upr_recommendation(record: &RecommendationRecord, book: &SdgBook) -> UprRecommendation {
    UprRecommendation {
        id: record.id,
        reviewed: record.reviewed.clone(),
        session: record.session,
        cycle: record.cycle,
        paragraph: record.paragraph.clone(),
        text: record.text.clone(),
        recommending: record.recommending.clone(),
        response: record.response.map(|r| r.slug().to_owned()),
        themes: record.themes.clone(),
        sdgs: record
            .sdgs
            .iter()
            .flat_map(|link| book.for_link(&link.sdg))
            .collect(),
    }
}

pub fn upr_pledge(record: &PledgeRecord) -> UprPledge {
    UprPledge {
        id: record.id,
        state: record.state.clone(),
        session: record.session,
        cycle: record.cycle,
        text: record.text.clone(),
        themes: record.themes.clone(),
    }
}

/// The review's records and the SDG framework, read in a few queries.
pub async fn upr_documents(store: &dyn Store) -> anyhow::Result<Vec<SearchDocument>> {
    let upr = store.upr();
    let framework = upr
        .sdg_framework()
        .await
        .context("cannot read the SDG framework")?;
    let (sdgs, book) = sdg_records(&framework);
    let recommendations = upr
        .all_recommendations()
        .await
        .context("cannot read the UPR recommendations")?;
    let pledges = upr
        .all_pledges()
        .await
        .context("cannot read the UPR pledges")?;
    let mut documents = Vec::with_capacity(recommendations.len() + pledges.len() + 6 * sdgs.len());
    for record in &sdgs {
        documents.extend(record.search_documents());
    }
    for record in &recommendations {
        documents.extend(upr_recommendation(record, &book).search_documents());
    }
    for record in &pledges {
        documents.extend(upr_pledge(record).search_documents());
    }
    Ok(documents)
}

async fn text_documents(store: &dyn Store) -> anyhow::Result<Vec<SearchDocument>> {
    let filter = ResolutionFilter {
        content: Some(RecordContent::Text),
        ..ResolutionFilter::default()
    };
    let mut documents = Vec::new();
    let mut page = 1;
    loop {
        let listing = store
            .list_resolutions(
                &filter,
                Paging {
                    page,
                    per_page: Paging::MAX_PER_PAGE,
                },
            )
            .await
            .context("cannot list the registry")?;
        for summary in &listing.items {
            if let Some(stored) = store
                .get_resolution(&summary.symbol)
                .await
                .with_context(|| format!("cannot read {}", summary.symbol))?
            {
                documents.extend(stored.record.search_documents());
            }
        }
        if page >= listing.page_count() {
            break;
        }
        page += 1;
    }
    Ok(documents)
}

/// Which state of the database the index holds: each body's record stamp, and the review's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexStamp {
    pub votes: VotesStamp,
    pub upr: i64,
    /// The compendium's generation (every step of a practice raises it).
    pub practices: i64,
}

/// The database's stamps now (two small queries).
pub async fn stamp(store: &dyn Store) -> anyhow::Result<IndexStamp> {
    Ok(IndexStamp {
        votes: store.votes_stamp().await?,
        upr: store.upr().upr_stamp().await?,
        practices: store.practices().practices_generation().await?,
    })
}

/// What the index says it was built from: the database's record stamps at the time (each
/// body's generation rises in the transaction of every import into it; the review's with every
/// write to its records).
pub fn built_from(stamp: &IndexStamp) -> String {
    format!(
        "record-stamps hrc={} unga={} upr={} practices={}",
        stamp.votes.hrc, stamp.votes.unga, stamp.upr, stamp.practices
    )
}

/// Rebuilds the index from the database, and records which state of it the index holds.
pub async fn reindex(store: &dyn Store, index: &SearchIndex) -> anyhow::Result<ReindexStats> {
    // The stamps are read before the documents: an import that commits meanwhile leaves the
    // index marked older than the database, and a follower rebuilds it once more.
    let stamp = stamp(store).await?;
    let documents = documents(store).await?;
    index
        .reindex(
            documents,
            ReindexOptions {
                built_from: Some(built_from(&stamp)),
                ..ReindexOptions::default()
            },
        )
        .context("cannot rebuild the search index")
}

/// After this process's own import, already added to the index: keeps the index marked as
/// holding the database when it did just before the import (`was`, read from the index before
/// the import's documents went in; `before`, the database's stamps before the import) and the
/// database has moved by this import alone (`own`: how many generations it raised per body).
/// Otherwise the mark stays off and the servers' followers rebuild the index.
pub async fn keep_current(
    store: &dyn Store,
    index: &SearchIndex,
    was: Option<String>,
    before: VotesStamp,
    own: VotesStamp,
) -> anyhow::Result<()> {
    // The review's stamp is read now: had it moved since the index was marked, the mark does
    // not match and stays off.
    let upr = store.upr().upr_stamp().await?;
    let practices = store.practices().practices_generation().await?;
    let before = IndexStamp {
        votes: before,
        upr,
        practices,
    };
    if was.as_deref() != Some(built_from(&before).as_str()) {
        return Ok(());
    }
    let now = stamp(store).await?;
    let expected = IndexStamp {
        votes: VotesStamp {
            hrc: before.votes.hrc + own.hrc,
            unga: before.votes.unga + own.unga,
        },
        upr,
        practices,
    };
    if now == expected {
        index
            .mark_built_from(&built_from(&now))
            .context("cannot mark the search index as current")?;
    }
    Ok(())
}

/// The database's record stamps when the index does not hold the database as it is now (was not
/// built from the current stamps); `None` when it does. An index changed since by one record (an
/// import's upsert) says nothing of the rest, and is taken as behind.
async fn behind(store: &dyn Store, index: &SearchIndex) -> anyhow::Result<Option<IndexStamp>> {
    let stamp = stamp(store).await?;
    let current = index.status() == OpenStatus::Opened
        && index.built_from().as_deref() == Some(built_from(&stamp).as_str());
    Ok((!current).then_some(stamp))
}

/// At start-up: an index that is new, of an older format, or empty while the database holds
/// records is rebuilt before the server answers (searches would find nothing). One that is
/// only behind the database (imports made while the server was stopped) is used as it is and
/// brought up to date in the background by [`spawn_follower`], whose first look is at once.
pub async fn ensure_filled(store: &dyn Store, index: &SearchIndex) -> anyhow::Result<()> {
    // A body's generation starts at 1 and rises with each import into it, so a generation above
    // 1 means roll calls (or texts) were imported that the index should hold.
    let stamp = stamp(store).await?;
    let holds_records = store.count_resolutions().await? > 0
        || stamp.votes.hrc > 1
        || stamp.votes.unga > 1
        || stamp.upr > 1;
    if index.status() != OpenStatus::Opened || (index.num_docs() == 0 && holds_records) {
        let stats = reindex(store, index).await?;
        tracing::info!(
            documents = stats.documents,
            "built the search index from the database"
        );
    }
    Ok(())
}

/// Keeps this server's index in step with the database when something else writes it: a
/// `taawun import` on this machine or another, or another server on the same PostgreSQL. Every
/// `interval`, the record stamps (one small query) are compared with those the index was built
/// from; when they differ, the index is rebuilt in the background while searches go on
/// answering from the old one. A rebuild that fails (another process holds the index's write
/// lock) is tried again at the next tick.
pub fn spawn_follower(
    store: Arc<dyn Store>,
    index: Arc<SearchIndex>,
    interval: std::time::Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match follow_once(store.as_ref(), &index).await {
                Ok(Some(documents)) => {
                    tracing::info!(documents, "the database changed: rebuilt the search index")
                }
                Ok(None) => {}
                Err(error) => tracing::warn!(
                    error = format!("{error:#}"),
                    "cannot bring the search index up to date; trying again"
                ),
            }
        }
    })
}

/// One look at the database; the number of documents when the index had to be rebuilt. A
/// rebuild overtaken by an import (the stamps moved while the documents were read) is followed
/// at once by another, a few at the most, rather than waiting for the next tick.
async fn follow_once(store: &dyn Store, index: &Arc<SearchIndex>) -> anyhow::Result<Option<u64>> {
    let mut rebuilt = None;
    for _ in 0..3 {
        let Some(stamp) = behind(store, index).await? else {
            break;
        };
        rebuilt = Some(rebuild_in_background(store, index, stamp).await?);
    }
    Ok(rebuilt)
}

/// Rebuilds the index from the database as `stamp` (read before the documents) describes it.
async fn rebuild_in_background(
    store: &dyn Store,
    index: &Arc<SearchIndex>,
    stamp: IndexStamp,
) -> anyhow::Result<u64> {
    let documents = documents(store).await?;
    let index = Arc::clone(index);
    // Indexing is CPU work: off the threads that answer requests.
    let stats = tokio::task::spawn_blocking(move || {
        index.reindex(
            documents,
            ReindexOptions {
                built_from: Some(built_from(&stamp)),
                // One thread: the server keeps the other core for its visitors.
                threads: 1,
                ..ReindexOptions::default()
            },
        )
    })
    .await
    .context("the indexing task failed")?
    .context("cannot rebuild the search index")?;
    Ok(stats.documents)
}
