//! The review's figures and listings, read once per generation of its records: a reviewed
//! State's figures (its recommendations counted by session, theme, regional group and
//! recommending State; what it recommended to others; its pledges), the overview's counts, and
//! each page of a filtered list.
//!
//! Each is grouped counts or a count and sort over the 40,000 recommendations and their joins:
//! milliseconds to a few hundred of them, far more than a page may cost under load. They change
//! only when the records do, and every write to them (an import, an SDG link) bumps the record
//! stamp (`upr_stamp`) in its own transaction: keyed by it, an entry is never older than the
//! records, on every server.

use std::sync::Arc;
use std::time::Duration;

use taawun_store::upr::{
    GroupCount, PledgeRecord, RecommendationFilter, RecommendationPage, ReviewOverview,
    SdgFramework, StateReview,
};
use taawun_store::{Paging, StoreError};

use crate::AppState;

/// What a State's review page and `/api/v1/upr/states/{iso3}` show.
pub struct StateFigures {
    pub review: StateReview,
    pub pledges: Vec<PledgeRecord>,
}

/// By (ISO3, the review records' stamp).
pub type FiguresCache = moka::future::Cache<(String, i64), Arc<StateFigures>>;

pub fn new_figures_cache() -> FiguresCache {
    // About 200 States reviewed; an entry is a few kilobytes.
    moka::future::Cache::builder()
        .max_capacity(512)
        .time_to_idle(Duration::from_secs(30 * 60))
        .build()
}

/// The figures of `iso3` (a code the caller has checked), from the cache when the records have
/// not changed since they were read.
pub async fn state_figures(app: &AppState, iso3: &str) -> Result<Arc<StateFigures>, StoreError> {
    let stamp = app.store.upr().upr_stamp().await?;
    let store = app.store.clone();
    let code = iso3.to_owned();
    app.upr_figures
        .try_get_with((iso3.to_owned(), stamp), async move {
            let upr = store.upr();
            let review = upr.state_review(&code).await?;
            let pledges = upr.pledges_of(&code).await?;
            Ok::<_, StoreError>(Arc::new(StateFigures { review, pledges }))
        })
        .await
        .map_err(StoreError::from)
}

/// The overview's counts, by the records' stamp.
pub type OverviewCache = moka::future::Cache<i64, Arc<ReviewOverview>>;

/// A page of a filtered list, by (filter, page, the records' stamp).
pub type ListCache =
    moka::future::Cache<(RecommendationFilter, Paging, i64), Arc<RecommendationPage>>;

pub fn new_overview_cache() -> OverviewCache {
    // This generation, and the last while an import is being taken up.
    moka::future::Cache::builder().max_capacity(2).build()
}

pub fn new_list_cache() -> ListCache {
    // A page holds at most 100 recommendations (a few hundred kilobytes); the lists people
    // page through most stay, the rest go after half an hour unread.
    moka::future::Cache::builder()
        .max_capacity(256)
        .time_to_idle(Duration::from_secs(30 * 60))
        .build()
}

/// The review's overview (sessions, themes, totals).
pub async fn overview(app: &AppState) -> Result<Arc<ReviewOverview>, StoreError> {
    let stamp = app.store.upr().upr_stamp().await?;
    let store = app.store.clone();
    app.upr_overview
        .try_get_with(stamp, async move {
            Ok::<_, StoreError>(Arc::new(store.upr().review_overview().await?))
        })
        .await
        .map_err(StoreError::from)
}

/// A page of the recommendations `filter` selects, with its counts by response.
pub async fn list(
    app: &AppState,
    filter: &RecommendationFilter,
    paging: Paging,
) -> Result<Arc<RecommendationPage>, StoreError> {
    let stamp = app.store.upr().upr_stamp().await?;
    let store = app.store.clone();
    let wanted = filter.clone();
    app.upr_lists
        .try_get_with((filter.clone(), paging, stamp), async move {
            Ok::<_, StoreError>(Arc::new(
                store.upr().list_recommendations(&wanted, paging).await?,
            ))
        })
        .await
        .map_err(StoreError::from)
}

/// Counts by reviewed State of a filter (a theme's page), by (filter, the records' stamp).
pub type CountsCache = moka::future::Cache<(RecommendationFilter, i64), Arc<Vec<GroupCount>>>;

pub fn new_counts_cache() -> CountsCache {
    moka::future::Cache::builder()
        .max_capacity(256)
        .time_to_idle(Duration::from_secs(30 * 60))
        .build()
}

/// The recommendations `filter` selects, counted by reviewed State and response.
pub async fn count_by_reviewed(
    app: &AppState,
    filter: &RecommendationFilter,
) -> Result<Arc<Vec<GroupCount>>, StoreError> {
    let stamp = app.store.upr().upr_stamp().await?;
    let store = app.store.clone();
    let wanted = filter.clone();
    app.upr_counts
        .try_get_with((filter.clone(), stamp), async move {
            Ok::<_, StoreError>(Arc::new(store.upr().count_by_reviewed(&wanted).await?))
        })
        .await
        .map_err(StoreError::from)
}

/// The SDG framework (goals, targets, indicators in six languages), by the records' stamp (an
/// SDG import bumps it too).
pub type FrameworkCache = moka::future::Cache<i64, Arc<SdgFramework>>;

pub fn new_framework_cache() -> FrameworkCache {
    moka::future::Cache::builder().max_capacity(2).build()
}

pub async fn sdg_framework(app: &AppState) -> Result<Arc<SdgFramework>, StoreError> {
    let stamp = app.store.upr().upr_stamp().await?;
    let store = app.store.clone();
    app.upr_framework
        .try_get_with(stamp, async move {
            Ok::<_, StoreError>(Arc::new(store.upr().sdg_framework().await?))
        })
        .await
        .map_err(StoreError::from)
}
