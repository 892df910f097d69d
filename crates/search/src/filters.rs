//! The request's filters: keyword filters as queries that restrict without scoring, and the
//! date range as a collector that drops documents outside it.
//!
//! The date range is checked on the matching documents only (one column read each) rather
//! than run as a range query: tantivy's fast-field range query scans the date column in
//! windows as the intersection seeks through it, which cost more than the rest of a typical
//! search together.

use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{ConstScoreQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use crate::document::day_number;
use crate::facets::{ColumnCache, SegmentColumns};
use crate::records::right_slug;
use crate::request::SearchRequest;
use crate::schema::Fields;

fn keyword(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// One query per filter present. A value no document has simply matches nothing.
///
/// The language is a filter only when browsing: words are searched in the fields of the
/// request's language alone, which only its documents have, and intersecting with the
/// language's postings (a sixth of the index) would only slow the search.
pub fn filters(request: &SearchRequest, fields: &Fields, browsing: bool) -> Vec<Box<dyn Query>> {
    let mut filters: Vec<Box<dyn Query>> = Vec::new();
    if let Some(record_type) = request.record_type {
        filters.push(keyword(fields.record_type, record_type.as_str()));
    }
    if let Some(body) = &request.body {
        filters.push(keyword(fields.body, &body.trim().to_lowercase()));
    }
    if let Some(session) = request.session {
        filters.push(Box::new(TermQuery::new(
            Term::from_field_u64(fields.session, u64::from(session)),
            IndexRecordOption::Basic,
        )));
    }
    if let Some(state) = &request.state {
        filters.push(keyword(fields.states, &state.trim().to_uppercase()));
    }
    if let Some(reviewed) = &request.reviewed {
        filters.push(keyword(fields.reviewed, &reviewed.trim().to_uppercase()));
    }
    if let Some(recommending) = &request.recommending {
        filters.push(keyword(
            fields.recommending,
            &recommending.trim().to_uppercase(),
        ));
    }
    if let Some(cycle) = request.cycle {
        filters.push(Box::new(TermQuery::new(
            Term::from_field_u64(fields.cycle, u64::from(cycle)),
            IndexRecordOption::Basic,
        )));
    }
    if let Some(response) = &request.response {
        filters.push(keyword(fields.response, &response.trim().to_lowercase()));
    }
    if let Some(theme) = &request.theme {
        filters.push(keyword(fields.themes, theme.trim()));
    }
    if let Some(sdg) = &request.sdg {
        filters.push(keyword(fields.sdgs, sdg.trim()));
    }
    if let Some(modality) = &request.modality {
        filters.push(keyword(fields.modality, &modality.trim().to_lowercase()));
    }
    if let Some(region) = &request.region {
        filters.push(keyword(fields.region, &region.trim().to_lowercase()));
    }
    if let Some(right) = &request.right {
        filters.push(keyword(fields.rights, &right_slug(right)));
    }
    if let Some(kind) = request.paragraph_kind {
        filters.push(keyword(fields.kind, kind.as_str()));
    }
    if let Some(language) = request.lang.filter(|_| browsing) {
        filters.push(keyword(fields.language, language.code()));
    }
    filters
        .into_iter()
        .map(|filter| Box::new(ConstScoreQuery::new(filter, 0.0)) as Box<dyn Query>)
        .collect()
}

/// The request's date range as day numbers (inclusive), if it has one.
pub fn date_range(request: &SearchRequest) -> Option<(i64, i64)> {
    let from = request.from.and_then(|bound| bound.first_day());
    let to = request.to.and_then(|bound| bound.last_day());
    if from.is_none() && to.is_none() {
        return None;
    }
    Some((
        from.map_or(i64::MIN, day_number),
        to.map_or(i64::MAX, day_number),
    ))
}

/// Passes to `inner` only the documents dated within `range` (documents without a date are
/// left out when there is a range).
pub struct DateFiltered<C> {
    pub range: Option<(i64, i64)>,
    pub cache: Arc<ColumnCache>,
    pub inner: C,
}

pub struct DateFilteredSegment<S> {
    /// Kept alive for `dates`, which it owns.
    columns: Option<Arc<SegmentColumns>>,
    range: (i64, i64),
    inner: S,
}

impl<C: Collector> Collector for DateFiltered<C> {
    type Fruit = C::Fruit;
    type Child = DateFilteredSegment<C::Child>;

    fn for_segment(
        &self,
        segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let columns = match self.range {
            Some(_) => Some(self.cache.get(segment)?),
            None => None,
        };
        Ok(DateFilteredSegment {
            columns,
            range: self.range.unwrap_or((i64::MIN, i64::MAX)),
            inner: self.inner.for_segment(segment_local_id, segment)?,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        segment_fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        self.inner.merge_fruits(segment_fruits)
    }
}

impl<S: SegmentCollector> SegmentCollector for DateFilteredSegment<S> {
    type Fruit = S::Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(columns) = &self.columns {
            match columns.date.as_ref().and_then(|dates| dates.first(doc)) {
                Some(day) if day >= self.range.0 && day <= self.range.1 => {}
                _ => return,
            }
        }
        self.inner.collect(doc, score);
    }

    fn harvest(self) -> Self::Fruit {
        self.inner.harvest()
    }
}
