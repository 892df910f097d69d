//! The Universal Periodic Review's records as search documents — each recommendation and each
//! voluntary pledge as one document in its language (English, as the sources write them), with
//! its facets (the State under review, the recommending States, the cycle, the response, the
//! themes, the SDGs) and, as labels in the six languages, the names of its themes and the titles
//! of its SDG goals and targets: an Arabic search for التعذيب finds the English recommendations
//! tagged "Torture and other CID treatment", and القضاء على الفقر those linked to SDG 1's
//! targets. And the SDG goals and targets themselves, one document per language.

use std::collections::BTreeMap;

use crate::document::{Label, ParagraphKind, RecordType, ReviewFields, SearchDocument, Searchable};
use crate::language::Language;

/// Joins the labels of one language.
const LABEL_SEPARATOR: &str = " · ";

/// An SDG goal ("16") or target ("16.3") with its titles in the languages it has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SdgTitles {
    pub code: String,
    pub titles: Vec<Label>,
}

/// The titles of the SDG framework's goals and targets, by code: what a recommendation's links
/// are labelled with.
#[derive(Clone, Debug, Default)]
pub struct SdgBook {
    by_code: BTreeMap<String, SdgTitles>,
}

impl SdgBook {
    pub fn new(entries: impl IntoIterator<Item = SdgTitles>) -> SdgBook {
        SdgBook {
            by_code: entries
                .into_iter()
                .map(|entry| (entry.code.clone(), entry))
                .collect(),
        }
    }

    /// What a link to `code` is labelled with: a target's titles and its goal's; a goal's
    /// titles. A code the framework does not hold still counts in the facet, unlabelled.
    pub fn for_link(&self, code: &str) -> Vec<SdgTitles> {
        let code = code.trim();
        let mut found = Vec::with_capacity(2);
        found.push(
            self.by_code
                .get(code)
                .cloned()
                .unwrap_or_else(|| SdgTitles {
                    code: code.to_owned(),
                    titles: Vec::new(),
                }),
        );
        if let Some((goal, _)) = code.split_once('.')
            && let Some(entry) = self.by_code.get(goal)
        {
            found.push(entry.clone());
        }
        found
    }

    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }
}

/// A stored recommendation, as the index takes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UprRecommendation {
    /// The store's id: the record's page is `/upr/recommendations/{id}`.
    pub id: i64,
    pub reviewed: String,
    pub session: u32,
    pub cycle: u8,
    /// Its paragraph in the Working Group's report ("115.1"), when known.
    pub paragraph: Option<String>,
    /// As the source writes it, in English.
    pub text: String,
    pub recommending: Vec<String>,
    /// `supported` or `noted`; `None` when no source records it.
    pub response: Option<String>,
    /// UPR Info's issue names.
    pub themes: Vec<String>,
    /// Its SDG links with their titles ([`SdgBook::for_link`] of each).
    pub sdgs: Vec<SdgTitles>,
}

/// A stored voluntary pledge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UprPledge {
    pub id: i64,
    /// ISO3 of the State that pledged: the pledge is on `/upr/states/{iso3}`.
    pub state: String,
    pub session: u32,
    pub cycle: u8,
    pub text: String,
    pub themes: Vec<String>,
}

/// An SDG goal or target, with its titles (and, for a goal, its short titles).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SdgRecord {
    /// "16" or "16.3".
    pub code: String,
    pub titles: Vec<Label>,
    pub short_titles: Vec<Label>,
}

/// The theme's name in a language: UPR Info's English, or the platform's table.
fn theme_name(theme: &str, language: Language) -> Option<&'static str> {
    taawun_upr::themes::label(theme, language.code())
}

/// One label per language: the themes' names and the SDGs' titles in it.
fn labels(themes: &[String], sdgs: &[SdgTitles]) -> Vec<Label> {
    let mut labels = Vec::new();
    for language in Language::ALL {
        let mut parts: Vec<&str> = Vec::new();
        for theme in themes {
            if let Some(name) = theme_name(theme, language)
                && !parts.contains(&name)
            {
                parts.push(name);
            }
        }
        for sdg in sdgs {
            for title in sdg.titles.iter().filter(|t| t.language == language) {
                let text = title.text.trim();
                if !text.is_empty() && !parts.contains(&text) {
                    parts.push(text);
                }
            }
        }
        if !parts.is_empty() {
            labels.push(Label {
                language,
                text: parts.join(LABEL_SEPARATOR),
            });
        }
    }
    labels
}

/// A goal's code for a target's ("16.3" → "16"); a goal's is itself.
fn goal_of(code: &str) -> &str {
    code.split_once('.').map_or(code, |(goal, _)| goal)
}

/// The facet values of SDG codes: each code, and each target's goal.
pub(crate) fn sdg_values<'a>(codes: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for code in codes {
        for value in [goal_of(code), code] {
            let value = value.trim();
            if !value.is_empty() && !values.iter().any(|v| v == value) {
                values.push(value.to_owned());
            }
        }
    }
    values
}

fn dedup(values: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let value = value.trim().to_owned();
        if !value.is_empty() && !out.contains(&value) {
            out.push(value);
        }
    }
    out
}

impl Searchable for UprRecommendation {
    fn record_key(&self) -> String {
        format!("upr-recommendation:{}", self.id)
    }

    fn search_documents(&self) -> Vec<SearchDocument> {
        let recommending = dedup(self.recommending.iter().map(|s| s.to_uppercase()));
        let mut states = vec![self.reviewed.to_uppercase()];
        states.extend(recommending.iter().cloned());
        let states = dedup(states);
        let themes = dedup(self.themes.iter().cloned());
        let title = match &self.paragraph {
            Some(paragraph) => format!(
                "Recommendation {paragraph} to {}, session {}",
                self.reviewed, self.session
            ),
            None => format!(
                "Recommendation to {}, session {}",
                self.reviewed, self.session
            ),
        };
        vec![SearchDocument {
            record_key: self.record_key(),
            record_type: RecordType::UprRecommendation,
            kind: ParagraphKind::Recommendation,
            anchor: None,
            symbol: None,
            title,
            language: Language::En,
            text: self.text.clone(),
            body: Some("upr".into()),
            session: Some(self.session),
            date: None,
            states,
            review: ReviewFields {
                reviewed: Some(self.reviewed.to_uppercase()),
                recommending,
                cycle: Some(self.cycle),
                response: Some(
                    self.response
                        .clone()
                        .unwrap_or_else(|| "not-recorded".into()),
                ),
                sdgs: sdg_values(self.sdgs.iter().map(|s| s.code.as_str())),
                themes: themes.clone(),
            },
            labels: labels(&themes, &self.sdgs),
            practice: Default::default(),
        }]
    }
}

impl Searchable for UprPledge {
    fn record_key(&self) -> String {
        format!("upr-pledge:{}", self.id)
    }

    fn search_documents(&self) -> Vec<SearchDocument> {
        let themes = dedup(self.themes.iter().cloned());
        let state = self.state.to_uppercase();
        vec![SearchDocument {
            record_key: self.record_key(),
            record_type: RecordType::UprPledge,
            kind: ParagraphKind::Pledge,
            anchor: Some(format!("pledge-{}", self.id)),
            symbol: None,
            title: format!("Voluntary pledge of {state}, session {}", self.session),
            language: Language::En,
            text: self.text.clone(),
            body: Some("upr".into()),
            session: Some(self.session),
            date: None,
            states: vec![state.clone()],
            review: ReviewFields {
                reviewed: Some(state),
                cycle: Some(self.cycle),
                themes: themes.clone(),
                ..ReviewFields::default()
            },
            labels: labels(&themes, &[]),
            practice: Default::default(),
        }]
    }
}

impl Searchable for SdgRecord {
    /// `sdg-target:16.3` or `sdg-goal:16`.
    fn record_key(&self) -> String {
        if self.code.contains('.') {
            format!("sdg-target:{}", self.code)
        } else {
            format!("sdg-goal:{}", self.code)
        }
    }

    /// One document per language the record has a title in.
    fn search_documents(&self) -> Vec<SearchDocument> {
        let target = self.code.contains('.');
        let (record_type, kind) = if target {
            (RecordType::SdgTarget, ParagraphKind::Target)
        } else {
            (RecordType::SdgGoal, ParagraphKind::Goal)
        };
        let record_key = self.record_key();
        self.titles
            .iter()
            .filter(|title| !title.text.trim().is_empty())
            .map(|title| {
                let short = self
                    .short_titles
                    .iter()
                    .find(|s| s.language == title.language && !s.text.trim().is_empty());
                let heading = match short {
                    Some(short) => format!("{} {}", self.code, short.text.trim()),
                    None if target => self.code.clone(),
                    None => format!("SDG {}", self.code),
                };
                SearchDocument {
                    record_key: record_key.clone(),
                    record_type,
                    kind,
                    anchor: None,
                    symbol: None,
                    title: heading,
                    language: title.language,
                    text: title.text.clone(),
                    body: None,
                    session: None,
                    date: None,
                    states: Vec::new(),
                    review: ReviewFields {
                        sdgs: sdg_values([self.code.as_str()]),
                        ..ReviewFields::default()
                    },
                    labels: Vec::new(),
                    practice: Default::default(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(language: Language, text: &str) -> Label {
        Label {
            language,
            text: text.into(),
        }
    }

    fn book() -> SdgBook {
        SdgBook::new([
            SdgTitles {
                code: "1".into(),
                titles: vec![
                    label(Language::Ar, "القضاء على الفقر بجميع أشكاله في كل مكان"),
                    label(Language::En, "End poverty in all its forms everywhere"),
                ],
            },
            SdgTitles {
                code: "1.3".into(),
                titles: vec![label(
                    Language::Ar,
                    "استحداث نظم وتدابير حماية اجتماعية ملائمة على الصعيد الوطني للجميع",
                )],
            },
        ])
    }

    fn recommendation() -> UprRecommendation {
        UprRecommendation {
            id: 7,
            reviewed: "svn".into(),
            session: 20,
            cycle: 2,
            paragraph: Some("115.1".into()),
            text: "Ratify the Optional Protocol to the Convention against Torture".into(),
            recommending: vec!["FRA".into(), "deu".into(), "FRA".into()],
            response: None,
            themes: vec![
                "Torture and other CID treatment".into(),
                "An issue of another source".into(),
            ],
            sdgs: book().for_link("1.3"),
        }
    }

    #[test]
    fn a_recommendation_is_one_english_document_with_its_facets_and_labels() {
        let documents = recommendation().search_documents();
        assert_eq!(documents.len(), 1);
        let d = &documents[0];
        assert_eq!(d.record_key, "upr-recommendation:7");
        assert_eq!(d.record_type, RecordType::UprRecommendation);
        assert_eq!(d.language, Language::En);
        assert_eq!(d.states, ["SVN", "FRA", "DEU"]);
        assert_eq!(d.review.reviewed.as_deref(), Some("SVN"));
        assert_eq!(d.review.recommending, ["FRA", "DEU"]);
        assert_eq!(d.review.cycle, Some(2));
        assert_eq!(d.review.response.as_deref(), Some("not-recorded"));
        assert_eq!(
            d.review.sdgs,
            ["1", "1.3"],
            "a target counts under its goal"
        );
        let arabic = d
            .labels
            .iter()
            .find(|l| l.language == Language::Ar)
            .unwrap();
        assert!(arabic.text.contains("التعذيب"), "{}", arabic.text);
        assert!(arabic.text.contains("القضاء على الفقر"), "the goal's title");
        assert!(arabic.text.contains("حماية اجتماعية"), "the target's title");
        let english = d
            .labels
            .iter()
            .find(|l| l.language == Language::En)
            .unwrap();
        assert!(english.text.contains("Torture and other CID treatment"));
        assert!(
            !english.text.contains("another source"),
            "a theme without names is a facet value only"
        );
        assert_eq!(
            d.labels.len(),
            6,
            "a label in every language: {:?}",
            d.labels
        );
    }

    #[test]
    fn a_pledge_and_an_sdg_target_are_found_where_their_pages_are() {
        let pledge = UprPledge {
            id: 3,
            state: "SVN".into(),
            session: 20,
            cycle: 2,
            text: "Slovenia pledges to…".into(),
            themes: vec!["Women's rights".into()],
        };
        let documents = pledge.search_documents();
        assert_eq!(documents[0].record_key, "upr-pledge:3");
        assert_eq!(documents[0].review.reviewed.as_deref(), Some("SVN"));
        assert_eq!(documents[0].review.response, None);
        assert!(
            documents[0]
                .labels
                .iter()
                .any(|l| l.language == Language::Ar && l.text == "حقوق المرأة")
        );
        let target = SdgRecord {
            code: "16.3".into(),
            titles: vec![
                label(Language::En, "Promote the rule of law"),
                label(Language::Ar, "تعزيز سيادة القانون"),
                label(Language::Zh, ""),
            ],
            short_titles: vec![],
        };
        let documents = target.search_documents();
        assert_eq!(documents.len(), 2, "no document for an empty title");
        assert!(documents.iter().all(|d| d.record_key == "sdg-target:16.3"));
        assert!(
            documents
                .iter()
                .all(|d| d.record_type == RecordType::SdgTarget)
        );
        assert_eq!(documents[0].review.sdgs, ["16", "16.3"]);
        let goal = SdgRecord {
            code: "16".into(),
            titles: vec![label(
                Language::En,
                "Peace, justice and strong institutions",
            )],
            short_titles: vec![label(Language::En, "Peace and justice")],
        };
        let documents = goal.search_documents();
        assert_eq!(documents[0].record_key, "sdg-goal:16");
        assert_eq!(documents[0].title, "16 Peace and justice");
        assert_eq!(documents[0].review.sdgs, ["16"]);
    }

    #[test]
    fn an_unknown_link_still_counts_in_its_facet() {
        let links = book().for_link("17.1");
        assert_eq!(links.len(), 1);
        assert!(links[0].titles.is_empty());
        assert_eq!(sdg_values(["17.1", "17"]), ["17", "17.1"]);
    }
}
