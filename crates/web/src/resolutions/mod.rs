//! The registry of resolutions: the list, a page per resolution (its text with anchored
//! paragraphs, footnotes, references, vote, mandates, warnings, history), and the mandates —
//! as pages and as API.

mod api;
pub mod listing;
mod pages;
mod query;
mod view;

use std::sync::Arc;
use std::time::Duration;

use taawun_store::{
    MandateFilter, MandateRecord, Paging, ResolutionSummary, StoreError, StoredResolution,
};

use crate::AppState;

/// How long a resolution's page data is reused before it is read again.
pub const CACHE_SECONDS: u64 = 5;

/// Everything a resolution's page and API answer show, read in one go.
pub struct ResolutionBundle {
    pub symbol: String,
    /// The text, when the registry holds it (a symbol may be known only from voting records).
    pub stored: Option<StoredResolution>,
    /// Which of the cited symbols the registry holds (to link them).
    pub known: Vec<String>,
    pub cited_by: Vec<ResolutionSummary>,
    /// The resolution's mandates with their status.
    pub mandates: Vec<MandateRecord>,
    /// The roll calls the imported voting records hold for this symbol.
    pub recorded_votes: Vec<taawun_store::RollCallVotes>,
    /// For a draft (`A/HRC/18/L.34`) voted on: the one resolution or decision of the same body,
    /// session and title, which the draft (or the amendment to it) led to. `None` when there
    /// is none, or more than one, to choose from.
    pub adopted_as: Option<ResolutionSummary>,
}

/// The session a draft's symbol names: `A/HRC/18/L.34` → 18 (drafts of special sessions,
/// `A/HRC/S-1/L.1`, have no number here).
fn draft_session(symbol: &str) -> Option<u32> {
    let rest = symbol.strip_prefix("A/HRC/")?;
    let (session, draft) = rest.split_once('/')?;
    draft
        .starts_with("L.")
        .then(|| session.parse().ok())
        .flatten()
}

/// The record a draft led to: same body and session, the same title (as the voting records
/// write both), and not itself a draft.
async fn adopted_as(
    app: &AppState,
    symbol: &str,
    recorded_votes: &[taawun_store::RollCallVotes],
) -> Result<Option<ResolutionSummary>, StoreError> {
    let (Some(session), Some(principal)) = (draft_session(symbol), recorded_votes.first()) else {
        return Ok(None);
    };
    let filter = taawun_store::ResolutionFilter {
        body: Some(principal.body),
        session: Some(session),
        ..taawun_store::ResolutionFilter::default()
    };
    let records = listing::listing(app, &filter).await?;
    let title = principal.title.trim();
    let mut same = records.iter().filter(|r| {
        draft_session(&r.symbol).is_none()
            && r.symbol != symbol
            && r.title.trim().eq_ignore_ascii_case(title)
    });
    Ok(match (same.next(), same.next()) {
        (Some(one), None) => Some(ResolutionSummary::clone(one)),
        _ => None,
    })
}

pub type ResolutionCache = moka::future::Cache<String, Arc<ResolutionBundle>>;

/// A resolution page as sent: the HTML and its gzip encoding, made once per cache period.
/// The page is large (the whole text, the vote's map and tables: about 200 kB), and
/// compressing it on every request would cost more than everything else the request does.
pub struct RenderedPage {
    pub html: axum::body::Bytes,
    pub gzip: axum::body::Bytes,
}

pub type PageCache = moka::future::Cache<(String, crate::Lang), Arc<RenderedPage>>;

pub fn new_page_cache() -> PageCache {
    moka::future::Cache::builder()
        .max_capacity(1_000)
        .time_to_live(Duration::from_secs(CACHE_SECONDS))
        .build()
}

pub fn new_cache() -> ResolutionCache {
    moka::future::Cache::builder()
        .max_capacity(2_000)
        .time_to_live(Duration::from_secs(CACHE_SECONDS))
        .build()
}

/// The bundle for `symbol` from the cache, or read from the store (`None`: no such record).
pub async fn bundle(
    app: &AppState,
    symbol: &str,
) -> Result<Option<Arc<ResolutionBundle>>, StoreError> {
    if let Some(hit) = app.resolution_cache.get(symbol).await {
        return Ok(Some(hit));
    }
    let stored = app.store.get_resolution(symbol).await?;
    let cited: Vec<String> = stored
        .iter()
        .flat_map(|s| s.record.references.iter().map(|r| r.symbol.clone()))
        .collect();
    // Statuses are read against the calendar on the day (a mandate turns late when its session
    // closes); the bundle is kept a few seconds only.
    let today = crate::council::Today::read(app).await?;
    let filter = MandateFilter {
        symbol: Some(symbol.to_owned()),
        last_closed: today.last_closed,
        ..MandateFilter::default()
    };
    let all = Paging {
        page: 1,
        per_page: Paging::MAX_PER_PAGE,
    };
    let (known, cited_by, mandates, recorded_votes) = tokio::try_join!(
        app.store.known_symbols(&cited),
        app.store.cited_by(symbol),
        app.store.list_mandates(&filter, all),
        app.store.votes_for_symbol(symbol),
    )?;
    if stored.is_none() && recorded_votes.is_empty() {
        return Ok(None);
    }
    let adopted_as = adopted_as(app, symbol, &recorded_votes).await?;
    let bundle = Arc::new(ResolutionBundle {
        symbol: symbol.to_owned(),
        stored,
        known,
        cited_by,
        mandates: mandates.items,
        recorded_votes,
        adopted_as,
    });
    app.resolution_cache
        .insert(symbol.to_owned(), bundle.clone())
        .await;
    Ok(Some(bundle))
}

pub use api::{
    __path_get_resolution, __path_get_resolution_votes, __path_list_mandates,
    __path_list_resolutions,
};

pub fn routes() -> crate::auth::Routes {
    crate::auth::Routes::new()
        .public("/resolutions", pages::list)
        .public("/resolutions/{*symbol}", pages::show)
        .public("/mandates", pages::mandates)
        .public("/api/v1/resolutions", api::list_resolutions)
        .public("/api/v1/resolutions/{*symbol}", api::get_resolution)
        .public("/api/v1/mandates", api::list_mandates)
}
