//! A published practice of the best-practice compendium: one document holding its title,
//! summary and results, labelled with the rights it concerns, filed under its partner States
//! and SDG targets (so the `state` and `sdg` facets find it), and under its modality, region
//! and rights (the `modality`, `region` and `right` facets, which only practices have).

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::document::{
    Label, ParagraphKind, PracticeFields, RecordType, ReviewFields, SearchDocument, Searchable,
};
use crate::language::{Language, candidate_languages};
use crate::records::upr::sdg_values;

/// What the index keeps of a published practice (its latest version).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeDocument {
    /// `P-2026-0042`: the key and the address.
    pub number: String,
    pub title: String,
    pub summary: String,
    pub results: Vec<String>,
    /// The compendium's modality slug: `south-south`, `north-south`, `triangular`, `regional`.
    pub modality: String,
    /// The compendium's region slug: a regional group's (`african`, `asia-pacific`…),
    /// `global` or `other`.
    pub region: String,
    /// The rights concerned, as tagged (searched as written, faceted by [`right_slug`]).
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

/// Arabic diacritics (harakat, shadda, sukun, dagger alef, Quranic marks) and tatweel: they
/// vanish from a slug, as from the index's Arabic analysis.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}')
}

/// A right, as the `right` facet and filter name it: the tag's letters and digits in lower
/// case, every run of anything else one hyphen (`Right to education` → `right-to-education`,
/// `الحق في التعليم` → `الحق-في-التعليم`). Apostrophes, Arabic diacritics and tatweel, and the
/// invisible bidi marks are dropped, so the tags people write differently that way count as
/// one right. A slug is its own slug, so the filter takes either the tag or the facet's value.
/// Empty when the tag has no letter or digit.
pub fn right_slug(tag: &str) -> String {
    let mut slug = String::with_capacity(tag.len());
    let mut gap = false;
    for c in tag.nfc() {
        if taawun_text::is_bidi_control(c)
            || is_arabic_mark(c)
            || matches!(c, '\'' | '’' | '‘' | 'ʼ')
        {
            continue;
        }
        // A combining mark left after NFC belongs to the letter before it.
        let joined = is_combining_mark(c) && !gap && !slug.is_empty();
        if c.is_alphanumeric() || joined {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    slug
}

impl PracticeDocument {
    /// The `right` facet's values: each right's slug, once.
    fn right_slugs(&self) -> Vec<String> {
        let mut slugs: Vec<String> = Vec::with_capacity(self.rights.len());
        for right in &self.rights {
            let slug = right_slug(right);
            if !slug.is_empty() && !slugs.contains(&slug) {
                slugs.push(slug);
            }
        }
        slugs
    }
}

/// A vocabulary slug as the facet keeps it (`None` when blank).
fn slug_value(value: &str) -> Option<String> {
    let value = value.trim().to_lowercase();
    (!value.is_empty()).then_some(value)
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
                // Each target with its goal, as the review's records: `sdg=16` finds a practice
                // of 16.3.
                sdgs: sdg_values(self.sdg_targets.iter().map(String::as_str)),
                ..ReviewFields::default()
            },
            labels,
            practice: PracticeFields {
                modality: slug_value(&self.modality),
                region: slug_value(&self.region),
                rights: self.right_slugs(),
            },
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn practice() -> PracticeDocument {
        PracticeDocument {
            number: "P-2026-0001".into(),
            title: "المحاكم المتنقلة".into(),
            summary: "تبادلت دولتان تصميم محاكم متنقلة.".into(),
            results: vec!["4000 قضية".into()],
            modality: "south-south".into(),
            region: "african".into(),
            rights: vec![
                "الحق في محاكمة عادلة".into(),
                "Access to justice".into(),
                "access  to JUSTICE".into(),
            ],
            sdg_targets: vec!["16.3".into()],
            partners: vec!["KEN".into(), "MAR".into()],
            published: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        }
    }

    #[test]
    fn a_practice_is_one_document_in_its_language_under_its_states_and_targets() {
        let documents = practice().search_documents();
        assert_eq!(documents.len(), 1);
        let document = &documents[0];
        assert_eq!(document.record_key, "best-practice:P-2026-0001");
        assert_eq!(document.language, Language::Ar);
        assert!(document.text.contains("4000 قضية"));
        assert_eq!(document.states, ["KEN", "MAR"]);
        assert_eq!(document.review.sdgs, ["16", "16.3"]);
        assert_eq!(document.labels[1].language, Language::En);
    }

    #[test]
    fn a_practice_is_filed_under_its_modality_region_and_rights_by_slug() {
        let document = &practice().search_documents()[0];
        assert_eq!(document.practice.modality.as_deref(), Some("south-south"));
        assert_eq!(document.practice.region.as_deref(), Some("african"));
        // The same right tagged twice in other cases and spacing is one value.
        assert_eq!(
            document.practice.rights,
            ["الحق-في-محاكمة-عادلة", "access-to-justice"]
        );
        // Only practices have these.
        assert_eq!(PracticeFields::default().modality, None);
    }

    #[test]
    fn right_slugs() {
        for (tag, slug) in [
            ("Right to education", "right-to-education"),
            ("  right-to-education ", "right-to-education"),
            ("Women's rights", "womens-rights"),
            (
                "Freedom of expression / opinion",
                "freedom-of-expression-opinion",
            ),
            ("الحَقُّ في التعليـــم", "الحق-في-التعليم"),
            ("\u{2068}Droit à l'éducation\u{2069}", "droit-à-léducation"),
            ("Droit a\u{0300} l’e\u{0301}ducation", "droit-à-léducation"),
            ("SDG 4", "sdg-4"),
            ("—", ""),
            ("", ""),
        ] {
            assert_eq!(right_slug(tag), slug, "{tag:?}");
            assert_eq!(right_slug(slug), slug, "a slug is its own slug: {slug:?}");
        }
    }
}
