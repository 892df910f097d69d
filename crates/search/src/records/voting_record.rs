//! A roll call of the voting records as a search document: the registry lists every symbol
//! with a recorded vote, most of them known only from the voting datasets (a title and a
//! description, in English), and each must be found by its title and its symbol. A symbol
//! held as text is found by its text as well; its roll calls add the dataset's English title
//! beside an Arabic-only text.

use chrono::NaiveDate;

use crate::document::{ParagraphKind, RecordType, SearchDocument, Searchable};
use crate::language::Language;

/// One roll call, as the platform reads it from its store.
#[derive(Clone, Debug, PartialEq)]
pub struct VotingRecord {
    /// `hrc` or `unga`.
    pub body: String,
    /// The dataset's own id of the roll call, unique within the body.
    pub source_id: String,
    /// The registry record the roll call belongs to.
    pub symbol: String,
    pub date: Option<NaiveDate>,
    pub session: Option<u32>,
    /// The dataset's title, in English.
    pub title: String,
    /// The dataset's longer description, when it has one beside the title.
    pub description: Option<String>,
    /// ISO3 codes of the States that voted yes, no or abstained.
    pub states: Vec<String>,
}

impl Searchable for VotingRecord {
    /// One key per roll call, apart from the text's key: importing a text does not remove its
    /// roll calls from the index, nor a vote import the text.
    fn record_key(&self) -> String {
        format!("voting-record:{}:{}", self.body, self.source_id)
    }

    fn search_documents(&self) -> Vec<SearchDocument> {
        let unit = |kind: ParagraphKind, anchor: &str, text: &str| SearchDocument {
            record_key: self.record_key(),
            record_type: RecordType::Resolution,
            kind,
            anchor: Some(anchor.to_owned()),
            symbol: Some(self.symbol.clone()),
            title: self.title.clone(),
            language: Language::En,
            text: text.to_owned(),
            body: Some(self.body.clone()),
            session: self.session,
            date: self.date,
            states: self.states.clone(),
            review: Default::default(),
            labels: Vec::new(),
            practice: Default::default(),
        };
        let mut documents = Vec::with_capacity(2);
        if !self.title.trim().is_empty() {
            documents.push(unit(ParagraphKind::Title, "vote", &self.title));
        }
        if let Some(description) = &self.description
            && !description.trim().is_empty()
            && description.trim() != self.title.trim()
        {
            documents.push(unit(ParagraphKind::Text, "vote", description));
        }
        documents
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_description_under_one_key() {
        let record = VotingRecord {
            body: "unga".into(),
            source_id: "3".into(),
            symbol: "A/RES/1/79".into(),
            date: NaiveDate::from_ymd_opt(1946, 1, 30),
            session: Some(1),
            title: "AMENDMENTS, RULES".into(),
            description: Some("TO ADOPT A CUBAN AMENDMENT".into()),
            states: vec!["CUB".into()],
        };
        let documents = record.search_documents();
        assert_eq!(documents.len(), 2);
        assert!(
            documents
                .iter()
                .all(|d| d.record_key == "voting-record:unga:3")
        );
        assert_eq!(documents[0].kind, ParagraphKind::Title);
        assert_eq!(documents[1].kind, ParagraphKind::Text);
        let same = VotingRecord {
            description: Some("AMENDMENTS, RULES".into()),
            ..record
        };
        assert_eq!(same.search_documents().len(), 1);
    }
}
