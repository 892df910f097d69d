//! A published practice of the best-practice compendium: one document holding its title,
//! summary and results, labelled with the rights it concerns, filed under its partner States
//! and SDG targets (so the `state` and `sdg` facets find it).

use chrono::NaiveDate;

use crate::document::{Label, ParagraphKind, RecordType, ReviewFields, SearchDocument, Searchable};
use crate::language::{Language, candidate_languages};

/// What the index keeps of a published practice (its latest version).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeDocument {
    /// `P-2026-0042`: the key and the address.
    pub number: String,
    pub title: String,
    pub summary: String,
    pub results: Vec<String>,
    /// The rights concerned, as tagged.
    pub rights: Vec<String>,
    /// SDG targets ("16.3").
    pub sdg_targets: Vec<String>,
    /// ISO3 codes of the partner States.
    pub partners: Vec<String>,
    pub published: NaiveDate,
}

/// The language a text is written in, judged from its letters: Arabic script → Arabic,
/// otherwise the first the script allows (Latin → English).
fn written_in(text: &str) -> Language {
    candidate_languages(text)
        .into_iter()
        .next()
        .unwrap_or(Language::En)
}

impl Searchable for PracticeDocument {
    fn record_key(&self) -> String {
        format!("best-practice:{}", self.number)
    }

    fn search_documents(&self) -> Vec<SearchDocument> {
        let mut text = self.summary.clone();
        for result in &self.results {
            text.push('\n');
            text.push_str(result);
        }
        let language = written_in(&format!("{} {}", self.title, self.summary));
        let labels = self
            .rights
            .iter()
            .map(|right| Label {
                language: written_in(right),
                text: right.clone(),
            })
            .collect();
        vec![SearchDocument {
            record_key: self.record_key(),
            record_type: RecordType::BestPractice,
            kind: ParagraphKind::Text,
            anchor: None,
            symbol: None,
            title: self.title.clone(),
            language,
            text,
            body: None,
            session: None,
            date: Some(self.published),
            states: self.partners.clone(),
            review: ReviewFields {
                sdgs: self.sdg_targets.clone(),
                ..ReviewFields::default()
            },
            labels,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_practice_is_one_document_in_its_language_under_its_states_and_targets() {
        let practice = PracticeDocument {
            number: "P-2026-0001".into(),
            title: "المحاكم المتنقلة".into(),
            summary: "تبادلت دولتان تصميم محاكم متنقلة.".into(),
            results: vec!["4000 قضية".into()],
            rights: vec!["الحق في محاكمة عادلة".into(), "Access to justice".into()],
            sdg_targets: vec!["16.3".into()],
            partners: vec!["KEN".into(), "MAR".into()],
            published: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        };
        let documents = practice.search_documents();
        assert_eq!(documents.len(), 1);
        let document = &documents[0];
        assert_eq!(document.record_key, "best-practice:P-2026-0001");
        assert_eq!(document.language, Language::Ar);
        assert!(document.text.contains("4000 قضية"));
        assert_eq!(document.states, ["KEN", "MAR"]);
        assert_eq!(document.review.sdgs, ["16.3"]);
        assert_eq!(document.labels[1].language, Language::En);
    }
}
