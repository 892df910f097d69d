//! The real texts in `../shared/` (read in place, never copied) as search documents, for the
//! relevance command and the benchmark.
//!
//! `TAAWUN_SHARED_DIR` points elsewhere than `<workspace>/../shared`.

#![allow(dead_code)] // Each of the relevance command and the benchmark uses a part.

use std::path::PathBuf;

use chrono::NaiveDate;
use taawun_search::{Language, ParagraphKind, RecordType, SearchDocument, Searchable};

pub fn shared_dir() -> PathBuf {
    std::env::var_os("TAAWUN_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

fn read(path: PathBuf) -> Vec<u8> {
    std::fs::read(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read {} ({error}); set TAAWUN_SHARED_DIR to the shared data folder",
            path.display()
        )
    })
}

/// The seed resolution (A/HRC/RES/56/2, Arabic), parsed: its title and paragraphs.
pub fn seed_documents() -> Vec<SearchDocument> {
    let bytes = read(shared_dir().join("seeds/000_b863d33a48876efe.txt"));
    let text = taawun_documents::decode(&bytes).expect("the seed decodes");
    let resolution = taawun_documents::parse_resolution(&text, taawun_states::Resolver::builtin())
        .expect("the seed parses");
    resolution.search_documents()
}

/// The seed's judgement id of a hit: its anchor.
pub fn seed_id(anchor: &str) -> String {
    format!("seed:{anchor}")
}

/// The UN Parallel Corpus test set: 4,000 sentences, line `n` the same sentence in all six
/// languages.
pub fn unpc_sentences(language: Language) -> Vec<String> {
    let path = shared_dir().join(format!(
        "data/corpus/un-parallel-testset/UNv1.0.testset.{}",
        language.code()
    ));
    String::from_utf8_lossy(&read(path))
        .lines()
        .map(str::to_string)
        .collect()
}

/// The body of each test-set sentence, from the document symbol in the `.ids` file
/// (`2015/s/2015/305` → Security Council).
pub fn unpc_bodies() -> Vec<String> {
    let path = shared_dir().join("data/corpus/un-parallel-testset/UNv1.0.testset.ids");
    String::from_utf8_lossy(&read(path))
        .lines()
        .map(|line| {
            let organ = line.split('/').nth(1).unwrap_or("");
            match organ {
                "a" => "unga",
                "s" | "s_" => "sc",
                "e" => "ecosoc",
                "npt" => "npt",
                _ => "other",
            }
            .to_string()
        })
        .collect()
}

pub fn unpc_key(line: usize, language: Language) -> String {
    format!("unpc:{line}:{}", language.code())
}

/// The judgement id of a hit from its record key (`unpc:123:ar` → `unpc:123`).
pub fn unpc_id(record_key: &str) -> Option<String> {
    let mut parts = record_key.split(':');
    match (parts.next(), parts.next()) {
        (Some("unpc"), Some(line)) => Some(format!("unpc:{line}")),
        _ => None,
    }
}

/// Every test-set sentence in every language as a document (`unpc:<line>:<lang>`).
pub fn unpc_documents() -> Vec<SearchDocument> {
    let bodies = unpc_bodies();
    let mut documents = Vec::with_capacity(6 * 4000);
    for language in Language::ALL {
        for (i, sentence) in unpc_sentences(language).into_iter().enumerate() {
            let line = i + 1;
            documents.push(SearchDocument {
                record_key: unpc_key(line, language),
                record_type: RecordType::Resolution,
                kind: ParagraphKind::Text,
                anchor: Some(line.to_string()),
                symbol: None,
                title: format!("UNv1.0 test set, line {line}"),
                language,
                text: sentence,
                body: bodies.get(i).cloned(),
                session: None,
                date: NaiveDate::from_ymd_opt(2015, 1 + (line % 12) as u32, 1 + (line % 28) as u32),
                states: Vec::new(),
                review: Default::default(),
                labels: Vec::new(),
                practice: Default::default(),
            });
        }
    }
    documents
}

/// The Charter in one language, cut into sentences.
pub fn charter_sentences(language: Language) -> Vec<String> {
    let path = shared_dir().join(format!(
        "data/corpus/un-charter/un-charter.{}.txt",
        language.code()
    ));
    let text = String::from_utf8_lossy(&read(path)).into_owned();
    let mut sentences = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if matches!(c, '.' | '。' | '؛' | ';') {
            let sentence = current.trim();
            if sentence.chars().count() > 20 {
                sentences.push(sentence.to_string());
            }
            current.clear();
        }
    }
    if current.trim().chars().count() > 20 {
        sentences.push(current.trim().to_string());
    }
    sentences
}

/// A UPR recommendation: its text (English), the reviewed and recommending States, session.
pub struct UprRecommendation {
    pub text: String,
    pub to: String,
    pub from: String,
    pub session: Option<u32>,
}

/// Splits one CSV record (RFC 4180 quoting).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// The UPR recommendations of sessions 1–20 (`upr/sessions-*.csv`: CR line ends, Mac Roman
/// bytes, quoted fields that may hold line breaks).
pub fn upr_recommendations() -> Vec<UprRecommendation> {
    let mut recommendations = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(shared_dir().join("data/upr"))
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    for path in paths {
        if path.extension().and_then(|e| e.to_str()) != Some("csv") {
            continue;
        }
        // Mac Roman: the bytes above 0x7F are rare here; the ones that occur are quotes and
        // accents, which do not matter for a benchmark corpus.
        let text: String = read(path)
            .into_iter()
            .map(|b| if b < 0x80 { b as char } else { ' ' })
            .collect();
        let mut record = String::new();
        let mut header: Option<Vec<String>> = None;
        for line in text.split(['\r', '\n']) {
            if !record.is_empty() {
                record.push(' ');
            }
            record.push_str(line);
            if record.matches('"').count() % 2 == 1 {
                continue; // a quoted field goes on
            }
            let fields = csv_fields(&std::mem::take(&mut record));
            let Some(names) = &header else {
                header = Some(fields);
                continue;
            };
            let get = |name: &str| {
                names
                    .iter()
                    .position(|n| n.trim() == name)
                    .and_then(|i| fields.get(i))
                    .map(|v| v.trim().to_string())
                    .unwrap_or_default()
            };
            let text = get("Text");
            if text.len() < 20 {
                continue;
            }
            recommendations.push(UprRecommendation {
                text,
                to: get("To"),
                from: get("From"),
                session: get("Session").parse().ok(),
            });
        }
    }
    recommendations
}
