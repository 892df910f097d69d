//! Facet counts: for every document matching a search, the values of its facet fields are
//! counted from the column store (fast fields), segment by segment, in the same pass that
//! ranks the hits.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::schema::names;

/// One facet value with the number of matching documents that have it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// The most frequent values of each facet among the matching documents, most frequent first
/// (ties by value). Counts are over all matching documents, not only the page shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub record_type: Vec<FacetCount>,
    pub body: Vec<FacetCount>,
    pub session: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
    pub paragraph_kind: Vec<FacetCount>,
    pub language: Vec<FacetCount>,
    /// ISO3 codes. A document lists several States, so these counts add up to more than the
    /// total. For the review's records: the State under review and the recommending States.
    pub state: Vec<FacetCount>,
    /// The review's records: ISO3 of the State under review (a pledge's State).
    pub reviewed: Vec<FacetCount>,
    /// ISO3 of the recommending States (several per recommendation).
    pub recommending: Vec<FacetCount>,
    /// The review cycle (1-4).
    pub cycle: Vec<FacetCount>,
    /// `supported`, `noted`, `not-recorded`.
    pub response: Vec<FacetCount>,
    /// Themes as the source names them (UPR Info's English issue names).
    pub theme: Vec<FacetCount>,
    /// SDG goals ("16") and targets ("16.3"): a record linked to a target counts under its goal
    /// too.
    pub sdg: Vec<FacetCount>,
    /// The compendium's practices: `south-south`, `north-south`, `triangular`, `regional`.
    pub modality: Vec<FacetCount>,
    /// The compendium's practices: a regional group's slug (`african`, `asia-pacific`,
    /// `eastern-european`, `latin-american-caribbean`, `western-european-others`), `global` or
    /// `other`.
    pub region: Vec<FacetCount>,
    /// The compendium's practices: the rights concerned, as slugs (`right-to-education`); a
    /// practice concerns several, so these counts add up to more than the total.
    pub right: Vec<FacetCount>,
}

/// How many string facets there are.
const STRINGS: usize = 13;
/// How many numeric facets there are.
const NUMBERS: usize = 3;

/// The string facets, in the order of [`Tally::strings`].
const STRING_FACETS: [&str; STRINGS] = [
    names::RECORD_TYPE,
    names::BODY,
    names::KIND,
    names::LANGUAGE,
    names::STATES,
    names::REVIEWED,
    names::RECOMMENDING,
    names::RESPONSE,
    names::THEMES,
    names::SDGS,
    names::MODALITY,
    names::REGION,
    names::RIGHTS,
];
/// The numeric facets, in the order of [`Tally::numbers`].
const NUMBER_FACETS: [&str; NUMBERS] = [names::SESSION, names::YEAR, names::CYCLE];

/// Raw counts: string facets by value, numeric facets by number; `total` matching documents.
#[derive(Default)]
pub struct Tally {
    pub total: u64,
    strings: [HashMap<String, u64>; STRINGS],
    numbers: [HashMap<u64, u64>; NUMBERS],
}

fn top(counts: impl IntoIterator<Item = (String, u64)>, limit: usize) -> Vec<FacetCount> {
    let mut values: Vec<FacetCount> = counts
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values.truncate(limit);
    values
}

impl Tally {
    pub fn into_facets(self, limit: usize) -> Facets {
        let [
            record_type,
            body,
            kind,
            language,
            states,
            reviewed,
            recommending,
            response,
            themes,
            sdgs,
            modality,
            region,
            rights,
        ] = self.strings;
        let [session, year, cycle] = self.numbers;
        let numbers = |counts: HashMap<u64, u64>| {
            // Numbers sort as numbers among equal counts: 9 before 10.
            let mut values: Vec<(u64, u64)> = counts.into_iter().filter(|(_, c)| *c > 0).collect();
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            values.truncate(limit);
            values
                .into_iter()
                .map(|(value, count)| FacetCount {
                    value: value.to_string(),
                    count,
                })
                .collect()
        };
        Facets {
            record_type: top(record_type, limit),
            body: top(body, limit),
            session: numbers(session),
            year: numbers(year),
            paragraph_kind: top(kind, limit),
            language: top(language, limit),
            state: top(states, limit),
            reviewed: top(reviewed, limit),
            recommending: top(recommending, limit),
            cycle: numbers(cycle),
            response: top(response, limit),
            theme: top(themes, limit),
            sdg: top(sdgs, limit),
            modality: top(modality, limit),
            region: top(region, limit),
            right: top(rights, limit),
        }
    }
}

/// The facet columns of one segment, opened once: opening a string column parses its
/// dictionary, which costs more than counting the few thousand documents of a typical search.
/// Segments never change, so the columns (and each string column's values) are kept until the
/// segment is merged away.
pub struct SegmentColumns {
    strings: [Option<(StrColumn, Vec<String>)>; STRINGS],
    numbers: [Option<Column<u64>>; NUMBERS],
    pub date: Option<Column<i64>>,
}

impl SegmentColumns {
    fn open(segment: &SegmentReader) -> tantivy::Result<SegmentColumns> {
        let fast_fields = segment.fast_fields();
        let mut strings: [Option<(StrColumn, Vec<String>)>; STRINGS] = Default::default();
        for (slot, name) in strings.iter_mut().zip(STRING_FACETS) {
            if let Some(column) = fast_fields.str(name)? {
                let mut values = Vec::with_capacity(column.num_terms());
                let mut value = String::new();
                for ord in 0..column.num_terms() as u64 {
                    value.clear();
                    column.ord_to_str(ord, &mut value)?;
                    values.push(value.clone());
                }
                *slot = Some((column, values));
            }
        }
        let mut numbers: [Option<Column<u64>>; NUMBERS] = Default::default();
        for (slot, name) in numbers.iter_mut().zip(NUMBER_FACETS) {
            *slot = fast_fields.column_opt::<u64>(name)?;
        }
        Ok(SegmentColumns {
            strings,
            numbers,
            date: fast_fields.column_opt::<i64>(names::DATE)?,
        })
    }
}

/// [`SegmentColumns`] by segment, shared by the searches of an index.
#[derive(Default)]
pub struct ColumnCache {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentColumns>>>,
}

impl ColumnCache {
    pub fn get(&self, segment: &SegmentReader) -> tantivy::Result<Arc<SegmentColumns>> {
        let id = segment.segment_id();
        let mut segments = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(columns) = segments.get(&id) {
            return Ok(Arc::clone(columns));
        }
        let columns = Arc::new(SegmentColumns::open(segment)?);
        segments.insert(id, Arc::clone(&columns));
        Ok(columns)
    }

    /// Forgets the segments that are no longer searched (merged or deleted).
    pub fn retain(&self, live: &[SegmentId]) {
        let mut segments = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        segments.retain(|id, _| live.contains(id));
    }
}

/// Counts facets and matching documents.
pub struct FacetCollector {
    pub cache: Arc<ColumnCache>,
}

pub struct SegmentFacets {
    total: u64,
    columns: Arc<SegmentColumns>,
    strings: [Vec<u64>; STRINGS],
    numbers: [HashMap<u64, u64>; NUMBERS],
}

impl Collector for FacetCollector {
    type Fruit = Tally;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let columns = self.cache.get(segment)?;
        let strings = std::array::from_fn(|i| {
            vec![
                0;
                columns.strings[i]
                    .as_ref()
                    .map_or(0, |(_, values)| values.len())
            ]
        });
        Ok(SegmentFacets {
            total: 0,
            columns,
            strings,
            numbers: Default::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segment_fruits: Vec<Tally>) -> tantivy::Result<Tally> {
        let mut merged = Tally::default();
        for fruit in segment_fruits {
            merged.total += fruit.total;
            for (into, from) in merged.strings.iter_mut().zip(fruit.strings) {
                for (value, count) in from {
                    *into.entry(value).or_default() += count;
                }
            }
            for (into, from) in merged.numbers.iter_mut().zip(fruit.numbers) {
                for (value, count) in from {
                    *into.entry(value).or_default() += count;
                }
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Tally;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.total += 1;
        for (column, counts) in self.columns.strings.iter().zip(&mut self.strings) {
            if let Some((column, _)) = column {
                for ord in column.term_ords(doc) {
                    if let Some(count) = counts.get_mut(ord as usize) {
                        *count += 1;
                    }
                }
            }
        }
        for (column, counts) in self.columns.numbers.iter().zip(&mut self.numbers) {
            if let Some(value) = column.as_ref().and_then(|c| c.first(doc)) {
                *counts.entry(value).or_default() += 1;
            }
        }
    }

    fn harvest(self) -> Tally {
        let mut strings: [HashMap<String, u64>; STRINGS] = Default::default();
        for ((column, counts), into) in self
            .columns
            .strings
            .iter()
            .zip(self.strings)
            .zip(strings.iter_mut())
        {
            let Some((_, values)) = column else { continue };
            for (value, count) in values.iter().zip(counts) {
                if count > 0 {
                    into.insert(value.clone(), count);
                }
            }
        }
        Tally {
            total: self.total,
            strings,
            numbers: self.numbers,
        }
    }
}
