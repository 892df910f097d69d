//! The registry's listings, filtered, sorted and paged in memory.
//!
//! The registry is a few thousand records per body (7,177 with the whole voting record), and a
//! listing once asked the database to count and sort all of them on every request, then skip
//! `OFFSET` rows of them: half a second under load, and page 300 dearer than page 1. Instead
//! each body's records are read once per generation of that body ([`VotesStamp`]), and each
//! filter's sorted list once per generation of the bodies it covers: a request then reads the
//! stamp (one indexed lookup), and its page is a slice — the same cost for every page, and the
//! count is the list's length. An import changes the stamp in its own transaction, so no
//! server shows a listing older than the records; an import for one body leaves the other
//! body's lists in place.

use std::cmp::Ordering;
use std::sync::Arc;
use std::time::Duration;

use taawun_store::{
    Page, Paging, RecordContent, ResolutionFilter, ResolutionSort, ResolutionSummary, StoreError,
    VotesStamp,
};

use crate::AppState;

pub type Records = Arc<Vec<Arc<ResolutionSummary>>>;

/// A body's records, by (body, generation).
pub type BodyCache = moka::future::Cache<(taawun_votes::Body, i64), Records>;

/// A filter's sorted records, by (filter, the generations of the bodies it covers).
pub type ListingCache = moka::future::Cache<(ResolutionFilter, VotesStamp), Records>;

pub fn new_body_cache() -> BodyCache {
    // Two bodies, and the previous generation while an import is being taken up.
    moka::future::Cache::builder().max_capacity(4).build()
}

pub fn new_listing_cache() -> ListingCache {
    // Each entry is one pointer per record it lists (at most 58 kB for the whole registry).
    moka::future::Cache::builder()
        .max_capacity(512)
        .time_to_idle(Duration::from_secs(30 * 60))
        .build()
}

fn failed(e: Arc<StoreError>) -> StoreError {
    StoreError::from(e)
}

async fn body_records(
    app: &AppState,
    body: taawun_votes::Body,
    generation: i64,
) -> Result<Records, StoreError> {
    let store = app.store.clone();
    app.registry_bodies
        .try_get_with((body, generation), async move {
            let records = store.registry_records(body).await?;
            Ok::<_, StoreError>(Arc::new(records.into_iter().map(Arc::new).collect()))
        })
        .await
        .map_err(failed)
}

fn matches(record: &ResolutionSummary, filter: &ResolutionFilter) -> bool {
    let year = || {
        record
            .adoption_date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<i32>().ok())
    };
    filter.session.is_none_or(|s| record.session == Some(s))
        && filter.year.is_none_or(|y| year() == Some(y))
        && filter
            .adoption_method
            .is_none_or(|m| record.adoption_method.as_deref() == Some(m.slug()))
        && match filter.content {
            None => true,
            Some(RecordContent::Text) => record.has_text,
            Some(RecordContent::VotesOnly) => !record.has_text,
        }
}

/// The listing's order: by the sort column (records without a value last, whichever the
/// direction), then by symbol in the same direction.
fn compare(a: &ResolutionSummary, b: &ResolutionSummary, filter: &ResolutionFilter) -> Ordering {
    fn nulls_last<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) if descending => b.cmp(&a),
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    let by_column = match filter.sort {
        ResolutionSort::Date => nulls_last(
            a.adoption_date.as_deref(),
            b.adoption_date.as_deref(),
            filter.descending,
        ),
        ResolutionSort::Session => nulls_last(a.session, b.session, filter.descending),
        ResolutionSort::Symbol => Ordering::Equal,
    };
    let by_symbol = if filter.descending {
        b.symbol.cmp(&a.symbol)
    } else {
        a.symbol.cmp(&b.symbol)
    };
    by_column.then(by_symbol)
}

/// Every record under the filter, in the listing's order.
pub async fn listing(app: &AppState, filter: &ResolutionFilter) -> Result<Records, StoreError> {
    let stamp = app.store.votes_stamp().await?.scoped(filter.body);
    let bodies: Vec<taawun_votes::Body> = match filter.body {
        Some(body) => vec![body],
        None => taawun_votes::Body::ALL.to_vec(),
    };
    let key = (filter.clone(), stamp);
    let filter = filter.clone();
    app.registry_listings
        .try_get_with(key, async move {
            let mut all: Vec<Arc<ResolutionSummary>> = Vec::new();
            for body in bodies {
                let records = body_records(app, body, stamp.generation(body)).await?;
                all.extend(records.iter().filter(|r| matches(r, &filter)).cloned());
            }
            all.sort_unstable_by(|a, b| compare(a, b, &filter));
            Ok::<_, StoreError>(Arc::new(all))
        })
        .await
        .map_err(failed)
}

/// One page of the filter's listing.
pub async fn page(
    app: &AppState,
    filter: &ResolutionFilter,
    paging: Paging,
) -> Result<Page<ResolutionSummary>, StoreError> {
    let records = listing(app, filter).await?;
    let start = usize::try_from(paging.offset())
        .unwrap_or(usize::MAX)
        .min(records.len());
    let end = start
        .saturating_add(paging.per_page as usize)
        .min(records.len());
    Ok(Page {
        items: records[start..end].iter().map(|r| (**r).clone()).collect(),
        total: records.len() as u64,
        page: paging.page,
        per_page: paging.per_page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(symbol: &str, date: Option<&str>, session: Option<u32>) -> ResolutionSummary {
        ResolutionSummary {
            symbol: symbol.into(),
            body: "general-assembly".into(),
            session,
            title: String::new(),
            adoption_date: date.map(str::to_owned),
            adoption_method: Some("recorded-vote".into()),
            yes: None,
            no: None,
            abstain: None,
            language: None,
            versions: 0,
            has_text: false,
            has_votes: true,
        }
    }

    fn sorted(filter: &ResolutionFilter) -> Vec<String> {
        let mut records = vec![
            record("A/RES/2", Some("2001-05-01"), Some(55)),
            record("A/RES/1", None, None),
            record("A/RES/3", Some("2001-05-01"), Some(56)),
            record("A/RES/0", Some("1999-01-01"), Some(54)),
        ];
        records.sort_by(|a, b| compare(a, b, filter));
        records.into_iter().map(|r| r.symbol).collect()
    }

    #[test]
    fn records_without_the_sort_value_come_last_in_both_directions() {
        let newest = ResolutionFilter {
            descending: true,
            ..ResolutionFilter::default()
        };
        assert_eq!(
            sorted(&newest),
            ["A/RES/3", "A/RES/2", "A/RES/0", "A/RES/1"]
        );
        assert_eq!(
            sorted(&ResolutionFilter::default()),
            ["A/RES/0", "A/RES/2", "A/RES/3", "A/RES/1"]
        );
        let by_session = ResolutionFilter {
            sort: ResolutionSort::Session,
            ..ResolutionFilter::default()
        };
        assert_eq!(
            sorted(&by_session),
            ["A/RES/0", "A/RES/2", "A/RES/3", "A/RES/1"]
        );
    }

    #[test]
    fn the_year_filter_reads_the_adoption_date() {
        let filter = ResolutionFilter {
            year: Some(2001),
            ..ResolutionFilter::default()
        };
        assert!(matches(&record("x", Some("2001-05-01"), None), &filter));
        assert!(!matches(&record("x", Some("2002-05-01"), None), &filter));
        assert!(!matches(&record("x", None, None), &filter));
    }
}
