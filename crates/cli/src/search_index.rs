//! The search index beside the database: where it lives, filling it from the registry, and
//! keeping it current on imports. The index is derived data — `taawun reindex` rebuilds it from
//! the database at any time.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use chrono::NaiveDate;
use taawun_search::{
    OpenStatus, ReindexOptions, ReindexStats, SearchDocument, SearchIndex, Searchable, VotingRecord,
};
use taawun_store::{Paging, RecordContent, ResolutionFilter, Store, VoteFilter};
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
        body: Some(body.to_owned()),
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
                body: roll_call.body.clone(),
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

/// Every searchable document of the registry: each resolution held as text, and each roll
/// call of the voting records.
pub async fn documents(store: &dyn Store) -> anyhow::Result<Vec<SearchDocument>> {
    let mut documents = text_documents(store).await?;
    for body in VOTING_BODIES {
        for record in voting_records(store, body).await? {
            documents.extend(record.search_documents());
        }
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

/// Rebuilds the index from the database.
pub async fn reindex(store: &dyn Store, index: &SearchIndex) -> anyhow::Result<ReindexStats> {
    let documents = documents(store).await?;
    index
        .reindex(documents, ReindexOptions::default())
        .context("cannot rebuild the search index")
}

/// At start-up: an index that is new, of an older format, or empty while the registry holds
/// texts is rebuilt; otherwise it is used as it is.
pub async fn ensure_filled(store: &dyn Store, index: &SearchIndex) -> anyhow::Result<()> {
    // A body's generation starts at 1 and rises with each import into it, so a generation above
    // 1 means roll calls (or texts) were imported that the index should hold.
    let stamp = store.votes_stamp().await?;
    let holds_records = store.count_resolutions().await? > 0 || stamp.hrc > 1 || stamp.unga > 1;
    if index.status() != OpenStatus::Opened || (index.num_docs() == 0 && holds_records) {
        let stats = reindex(store, index).await?;
        tracing::info!(
            documents = stats.documents,
            "built the search index from the database"
        );
    }
    Ok(())
}
