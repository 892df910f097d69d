//! The relevance test set (`relevance/topics.json`) and its metrics.

#![allow(dead_code)] // Each of the relevance command and the benchmark uses a part.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use taawun_search::{Hit, Language};

#[derive(Deserialize)]
struct File {
    topics: Vec<Topic>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Corpus {
    Seed,
    Unpc,
}

#[derive(Deserialize)]
struct Topic {
    id: String,
    corpus: Corpus,
    relevant: Vec<serde_json::Value>,
    queries: BTreeMap<String, String>,
}

/// One query to run: a topic in one language.
#[derive(Clone, Debug)]
pub struct Judged {
    pub topic: String,
    pub corpus: Corpus,
    pub language: Language,
    pub query: String,
    /// Judgement ids: `seed:pp-3`, `unpc:123`.
    pub relevant: HashSet<String>,
}

pub fn load() -> Vec<Judged> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/relevance/topics.json");
    let text = std::fs::read_to_string(path).expect("relevance/topics.json");
    let file: File = serde_json::from_str(&text).expect("relevance/topics.json is valid");
    let mut judged = Vec::new();
    for topic in file.topics {
        let relevant: HashSet<String> = topic
            .relevant
            .iter()
            .map(|id| match (topic.corpus, id) {
                (Corpus::Seed, serde_json::Value::String(anchor)) => format!("seed:{anchor}"),
                (Corpus::Unpc, serde_json::Value::Number(line)) => format!("unpc:{line}"),
                _ => panic!("topic {}: bad id {id}", topic.id),
            })
            .collect();
        for (code, query) in topic.queries {
            judged.push(Judged {
                topic: topic.id.clone(),
                corpus: topic.corpus,
                language: Language::from_code(&code).expect("a UN language"),
                query,
                relevant: relevant.clone(),
            });
        }
    }
    judged
}

/// The judgement id of a hit.
pub fn hit_id(hit: &Hit) -> String {
    if let Some(line) = hit.record_key.strip_prefix("unpc:") {
        return format!("unpc:{}", line.split(':').next().unwrap_or(""));
    }
    format!("seed:{}", hit.anchor.as_deref().unwrap_or(""))
}

/// recall@10 (over at most 10 relevant) and reciprocal rank of ranked judgement ids.
pub fn score(ranked: &[String], relevant: &HashSet<String>) -> (f64, f64) {
    let top: Vec<&String> = ranked.iter().take(10).collect();
    let found = top
        .iter()
        .filter(|id| relevant.contains(id.as_str()))
        .count();
    let recall = found as f64 / relevant.len().clamp(1, 10) as f64;
    let reciprocal_rank = top
        .iter()
        .position(|id| relevant.contains(id.as_str()))
        .map_or(0.0, |rank| 1.0 / (rank + 1) as f64);
    (recall, reciprocal_rank)
}

/// Averages of (recall, RR) pairs.
pub fn mean(scores: &[(f64, f64)]) -> (f64, f64) {
    if scores.is_empty() {
        return (0.0, 0.0);
    }
    let n = scores.len() as f64;
    (
        scores.iter().map(|s| s.0).sum::<f64>() / n,
        scores.iter().map(|s| s.1).sum::<f64>() / n,
    )
}
