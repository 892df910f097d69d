//! A search document as the SQL engines of the benchmark store it.

use chrono::Datelike;
use taawun_search::analysis::{AnalyzerChoice, FieldKind, Stage, analyze, analyzer};
use taawun_search::{Language, SearchDocument};
use tantivy::tokenizer::TextAnalyzer;

/// One row: the judgement id (to compute recall), the filter columns and the text.
pub struct Row {
    pub id: i64,
    pub judge: String,
    pub language: Language,
    pub body: String,
    pub session: i32,
    pub year: i32,
    /// The text as the engine's full-text index sees it: Chinese is segmented by jieba and
    /// joined with spaces (neither PostgreSQL nor SQLite can split Chinese into words, and
    /// their Chinese recall would be zero otherwise); the other languages are as written.
    pub text: String,
}

/// Segments Chinese text into space-separated words (jieba's default mode, as queries are).
pub struct Segmenter {
    chinese: TextAnalyzer,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter {
            chinese: analyzer(
                AnalyzerChoice::Taawun,
                Language::Zh,
                FieldKind::Stemmed,
                Stage::Query,
            ),
        }
    }
}

impl Segmenter {
    pub fn text(&mut self, language: Language, text: &str) -> String {
        if language != Language::Zh {
            return text.to_string();
        }
        analyze(&mut self.chinese, text)
            .into_iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The judgement id of a document, as `judgements::hit_id` computes it for a hit.
pub fn judge_id(document: &SearchDocument) -> String {
    if let Some(rest) = document.record_key.strip_prefix("unpc:") {
        return format!("unpc:{}", rest.split(':').next().unwrap_or(""));
    }
    if document.record_key.starts_with("resolution:") {
        return format!("seed:{}", document.anchor.as_deref().unwrap_or(""));
    }
    String::new()
}

impl Row {
    pub fn new(id: i64, document: &SearchDocument, segmenter: &mut Segmenter) -> Row {
        Row {
            id,
            judge: judge_id(document),
            language: document.language,
            body: document.body.clone().unwrap_or_default(),
            session: document.session.map_or(0, |s| s as i32),
            year: document.date.map_or(0, |d| d.year()),
            text: segmenter.text(document.language, &document.text),
        }
    }
}
