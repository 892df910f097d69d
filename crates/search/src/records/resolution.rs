//! A resolution as search documents: its title, and each preambular and operative paragraph,
//! anchored as the resolution page anchors them (`title`, `pp-3`, `op-22`).

use taawun_documents::{Body, Resolution};

use crate::document::{ParagraphKind, RecordType, SearchDocument, Searchable};
use crate::language::Language;

/// The body code used in the `body` facet and filter.
pub fn body_code(body: Body) -> &'static str {
    match body {
        Body::HumanRightsCouncil => "hrc",
        Body::GeneralAssembly => "unga",
    }
}

impl Searchable for Resolution {
    /// `resolution:<symbol>`: the registry keeps one current text per symbol, so a new
    /// version (or a text in another language) replaces the documents of the old one.
    fn record_key(&self) -> String {
        format!("resolution:{}", self.symbol)
    }

    fn search_documents(&self) -> Vec<SearchDocument> {
        let record_key = self.record_key();
        let language = Language::from_code(&self.language).unwrap_or(Language::En);
        let mut states: Vec<String> = self
            .vote
            .iter()
            .flat_map(|vote| {
                vote.states
                    .yes
                    .iter()
                    .chain(&vote.states.no)
                    .chain(&vote.states.abstain)
            })
            .cloned()
            .collect();
        states.sort_unstable();
        states.dedup();
        let unit = |kind: ParagraphKind, anchor: String, text: &str| SearchDocument {
            record_key: record_key.clone(),
            record_type: RecordType::Resolution,
            kind,
            anchor: Some(anchor),
            symbol: Some(self.symbol.clone()),
            title: self.title.clone(),
            language,
            text: text.to_string(),
            body: Some(body_code(self.body).to_string()),
            session: self.session,
            date: self.adoption_date.or(self.distribution_date),
            states: states.clone(),
            review: Default::default(),
            labels: Vec::new(),
            practice: Default::default(),
        };
        let mut documents = Vec::with_capacity(1 + self.preambular.len() + self.operative.len());
        if !self.title.trim().is_empty() {
            documents.push(unit(ParagraphKind::Title, "title".into(), &self.title));
        }
        for paragraph in &self.preambular {
            documents.push(unit(
                ParagraphKind::Preambular,
                format!("pp-{}", paragraph.number),
                &paragraph.text,
            ));
        }
        for paragraph in &self.operative {
            documents.push(unit(
                ParagraphKind::Operative,
                format!("op-{}", paragraph.number),
                &paragraph.text,
            ));
        }
        documents
    }
}
