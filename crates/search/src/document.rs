//! What the index holds: [`SearchDocument`]s, each a searchable unit of a record, and the
//! [`Searchable`] trait through which each record type says what its units are.
//!
//! # Adding a record type
//!
//! 1. Add a variant to [`RecordType`] (its kebab-case name is the facet value and the filter
//!    value of `record_type`).
//! 2. Implement [`Searchable`] for the record in `src/records/<type>.rs`: a stable
//!    `record_key` (`"upr-recommendation:<id>"`), and one [`SearchDocument`] per unit a
//!    reader would want to land on (a recommendation, a practice's summary and body, an
//!    event's description), with its `anchor` for the page's fragment and the facet values
//!    it has (body, session, date, States, language).
//! 3. Nothing else changes: the schema, the analysers, the facets and the query are shared.
//!    `SearchIndex::upsert` replaces every document of the record key in one commit.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;

use crate::language::Language;
use crate::schema::Fields;

/// The kinds of record the platform searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordType {
    Resolution,
    UprRecommendation,
    /// A voluntary pledge a State made in its review.
    UprPledge,
    /// A target of the Sustainable Development Goals ("16.3").
    SdgTarget,
    /// A goal of the Sustainable Development Goals ("16").
    SdgGoal,
    BestPractice,
    AssistanceRequest,
    Event,
}

impl RecordType {
    pub const ALL: [RecordType; 8] = [
        RecordType::Resolution,
        RecordType::UprRecommendation,
        RecordType::UprPledge,
        RecordType::SdgTarget,
        RecordType::SdgGoal,
        RecordType::BestPractice,
        RecordType::AssistanceRequest,
        RecordType::Event,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecordType::Resolution => "resolution",
            RecordType::UprRecommendation => "upr-recommendation",
            RecordType::UprPledge => "upr-pledge",
            RecordType::SdgTarget => "sdg-target",
            RecordType::SdgGoal => "sdg-goal",
            RecordType::BestPractice => "best-practice",
            RecordType::AssistanceRequest => "assistance-request",
            RecordType::Event => "event",
        }
    }

    pub fn from_str_opt(value: &str) -> Option<RecordType> {
        RecordType::ALL.into_iter().find(|t| t.as_str() == value)
    }
}

/// What part of a record a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParagraphKind {
    Title,
    Preambular,
    Operative,
    Footnote,
    Recommendation,
    /// A voluntary pledge's text.
    Pledge,
    /// An SDG goal's or target's title.
    Goal,
    Target,
    /// The body of a record that is not divided into paragraphs.
    Text,
}

impl ParagraphKind {
    pub const ALL: [ParagraphKind; 9] = [
        ParagraphKind::Title,
        ParagraphKind::Preambular,
        ParagraphKind::Operative,
        ParagraphKind::Footnote,
        ParagraphKind::Recommendation,
        ParagraphKind::Pledge,
        ParagraphKind::Goal,
        ParagraphKind::Target,
        ParagraphKind::Text,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Title => "title",
            ParagraphKind::Preambular => "preambular",
            ParagraphKind::Operative => "operative",
            ParagraphKind::Footnote => "footnote",
            ParagraphKind::Recommendation => "recommendation",
            ParagraphKind::Pledge => "pledge",
            ParagraphKind::Goal => "goal",
            ParagraphKind::Target => "target",
            ParagraphKind::Text => "text",
        }
    }

    pub fn from_str_opt(value: &str) -> Option<ParagraphKind> {
        ParagraphKind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// One searchable unit of a record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchDocument {
    /// The record this unit belongs to, unique across record types
    /// (`resolution:A/HRC/RES/56/2`). Replacing or deleting a record acts on this key.
    pub record_key: String,
    pub record_type: RecordType,
    pub kind: ParagraphKind,
    /// Where in the record's page the unit is (`pp-3`, `op-22`, `title`): the URL fragment.
    pub anchor: Option<String>,
    /// The record's UN symbol, when it has one.
    pub symbol: Option<String>,
    /// The record's title, shown with every hit.
    pub title: String,
    pub language: Language,
    /// The unit's text as written; analysed in its language's fields and kept for snippets.
    pub text: String,
    /// The UN body, as a lower-case code: `hrc`, `unga`, `sc`, `ecosoc`, `upr`…
    pub body: Option<String>,
    pub session: Option<u32>,
    pub date: Option<NaiveDate>,
    /// ISO 3166-1 alpha-3 codes of the States concerned (that voted, are reviewed, recommend,
    /// are addressed).
    pub states: Vec<String>,
    /// The Universal Periodic Review's facets, for its recommendations and pledges (and the SDG
    /// codes of goals and targets); empty for other records.
    pub review: ReviewFields,
    /// Texts searched besides `text`, each in its own language's fields: what the record is
    /// labelled with, named in the other languages (a recommendation written in English is
    /// found by its themes' and SDGs' names in Arabic). Kept for snippets, which are cut from a
    /// label when the text itself holds none of the words searched.
    pub labels: Vec<Label>,
    /// The best-practice compendium's facets, for a published practice; empty for other
    /// records.
    #[serde(default)]
    pub practice: PracticeFields,
}

/// The Universal Periodic Review's facet values of a document. Its States are also in
/// [`SearchDocument::states`] (the reviewed State and the recommending ones), so that the
/// `state` filter finds every record concerning a State.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFields {
    /// ISO3 of the State under review (for a pledge, the State that pledged).
    pub reviewed: Option<String>,
    /// ISO3 codes of the recommending States.
    pub recommending: Vec<String>,
    /// The review cycle (1-4).
    pub cycle: Option<u8>,
    /// `supported`, `noted` or `not-recorded` (recommendations only).
    pub response: Option<String>,
    /// Themes, as the source names them (UPR Info's English issue names).
    pub themes: Vec<String>,
    /// SDG goals ("16") and targets ("16.3"); a target's goal is listed with it, so that the
    /// goal's filter finds the records linked to its targets.
    pub sdgs: Vec<String>,
}

/// The compendium's facet values of a practice's document (its SDG targets are in
/// [`ReviewFields::sdgs`] and its partner States in [`SearchDocument::states`], which answer the
/// `sdg` and `state` filters of every record type).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeFields {
    /// Who cooperated with whom, as the compendium's slug: `south-south`, `north-south`,
    /// `triangular` or `regional`.
    pub modality: Option<String>,
    /// Where, as the compendium's slug: a regional group's (`african`, `asia-pacific`,
    /// `eastern-european`, `latin-american-caribbean`, `western-european-others`), `global` or
    /// `other`.
    pub region: Option<String>,
    /// The rights concerned, each as its [`crate::right_slug`] (`right-to-education`).
    pub rights: Vec<String>,
}

/// A text searched in a language other than (or beside) the document's own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub language: Language,
    pub text: String,
}

/// A record that can be searched: it names its key and the documents that stand for it.
pub trait Searchable {
    fn record_key(&self) -> String;
    fn search_documents(&self) -> Vec<SearchDocument>;
}

/// Days since 1970-01-01: the integer the `date` field stores.
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - 719_163
}

pub(crate) fn from_day_number(days: i64) -> Option<NaiveDate> {
    i32::try_from(days + 719_163)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

impl SearchDocument {
    pub(crate) fn to_tantivy(&self, fields: &Fields) -> TantivyDocument {
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.record_key, &self.record_key);
        doc.add_text(fields.record_type, self.record_type.as_str());
        doc.add_text(fields.kind, self.kind.as_str());
        if let Some(anchor) = &self.anchor {
            doc.add_text(fields.anchor, anchor);
        }
        if let Some(symbol) = &self.symbol {
            doc.add_text(fields.symbol, symbol);
        }
        doc.add_text(fields.title, &self.title);
        doc.add_text(fields.language, self.language.code());
        if let Some(body) = &self.body {
            doc.add_text(fields.body, body.to_lowercase());
        }
        if let Some(session) = self.session {
            doc.add_u64(fields.session, u64::from(session));
        }
        if let Some(date) = self.date {
            doc.add_i64(fields.date, day_number(date));
            doc.add_u64(fields.year, u64::try_from(date.year()).unwrap_or(0));
        }
        for state in &self.states {
            doc.add_text(fields.states, state.to_uppercase());
        }
        let review = &self.review;
        if let Some(reviewed) = &review.reviewed {
            doc.add_text(fields.reviewed, reviewed.to_uppercase());
        }
        for state in &review.recommending {
            doc.add_text(fields.recommending, state.to_uppercase());
        }
        if let Some(cycle) = review.cycle {
            doc.add_u64(fields.cycle, u64::from(cycle));
        }
        if let Some(response) = &review.response {
            doc.add_text(fields.response, response);
        }
        for theme in &review.themes {
            doc.add_text(fields.themes, theme);
        }
        for sdg in &review.sdgs {
            doc.add_text(fields.sdgs, sdg);
        }
        let practice = &self.practice;
        if let Some(modality) = &practice.modality {
            doc.add_text(fields.modality, modality);
        }
        if let Some(region) = &practice.region {
            doc.add_text(fields.region, region);
        }
        for right in &practice.rights {
            doc.add_text(fields.rights, right);
        }
        doc.add_text(fields.text, &self.text);
        let language_fields = fields.language(self.language);
        doc.add_text(language_fields.stemmed, &self.text);
        if let Some(exact) = language_fields.exact {
            doc.add_text(exact, &self.text);
        }
        for label in &self.labels {
            let label_fields = fields.language(label.language);
            doc.add_text(label_fields.stemmed, &label.text);
            if let Some(exact) = label_fields.exact {
                doc.add_text(exact, &label.text);
            }
            doc.add_text(fields.label_language, label.language.code());
            doc.add_text(fields.label_text, &label.text);
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        let date = NaiveDate::from_ymd_opt(2024, 7, 10).unwrap();
        assert_eq!(day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0);
        assert_eq!(from_day_number(day_number(date)), Some(date));
    }

    #[test]
    fn names_round_trip() {
        for t in RecordType::ALL {
            assert_eq!(RecordType::from_str_opt(t.as_str()), Some(t));
        }
        for k in ParagraphKind::ALL {
            assert_eq!(ParagraphKind::from_str_opt(k.as_str()), Some(k));
        }
    }
}
