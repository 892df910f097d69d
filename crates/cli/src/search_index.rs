//! The search index beside the database: where it lives, filling it from the registry, and
//! keeping it current on imports. The index is derived data — `taawun reindex` rebuilds it from
//! the database at any time.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use taawun_search::{
    OpenStatus, ReindexOptions, ReindexStats, SearchDocument, SearchIndex, Searchable,
};
use taawun_store::{Paging, RecordContent, ResolutionFilter, Store};

/// `--index-dir`, or `search/` in the data directory.
pub fn index_dir(explicit: Option<PathBuf>, data_dir: &Path) -> PathBuf {
    explicit.unwrap_or_else(|| data_dir.join("search"))
}

pub fn open(dir: &Path) -> anyhow::Result<Arc<SearchIndex>> {
    SearchIndex::open_or_create(dir)
        .map(Arc::new)
        .with_context(|| format!("cannot open the search index in {}", dir.display()))
}

/// Every searchable document of the registry: each resolution held as text.
pub async fn documents(store: &dyn Store) -> anyhow::Result<Vec<SearchDocument>> {
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
    let texts = store.count_resolutions().await?;
    if index.status() != OpenStatus::Opened || (index.num_docs() == 0 && texts > 0) {
        let stats = reindex(store, index).await?;
        tracing::info!(
            documents = stats.documents,
            "built the search index from the database"
        );
    }
    Ok(())
}
