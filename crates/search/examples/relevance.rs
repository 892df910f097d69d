//! Measures search quality on the relevance test set (`relevance/topics.json`): recall@10
//! and MRR for each analyser choice — plain (words, lower case), tantivy's Snowball, and
//! Taawun's — per language.
//!
//! ```sh
//! cargo run -p taawun-search --release --example relevance            # the table
//! cargo run -p taawun-search --release --example relevance -- --verbose  # and every query
//! ```
//!
//! The seed's queries run on an index of the seed alone; the parallel corpus's on an index of
//! its 24,000 sentences (4,000 in each language). Each query is restricted to its language.

#[path = "../eval/corpus.rs"]
mod corpus;
#[path = "../eval/judgements.rs"]
mod judgements;

use std::collections::BTreeMap;

use judgements::{Corpus, Judged, hit_id, mean, score};
use taawun_search::analysis::AnalyzerChoice;
use taawun_search::{ReindexOptions, SearchDocument, SearchIndex, SearchRequest};

fn build(choice: AnalyzerChoice, documents: &[SearchDocument]) -> SearchIndex {
    let index = SearchIndex::in_memory_with(choice).expect("an index in memory");
    index
        .reindex(documents.iter().cloned(), ReindexOptions::default())
        .expect("indexing");
    index
}

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let judged = judgements::load();
    let seed = corpus::seed_documents();
    let unpc = corpus::unpc_documents();
    // (row label, analyser) → scores
    let mut table: BTreeMap<(String, &str), Vec<(f64, f64)>> = BTreeMap::new();
    let rows = |query: &Judged| {
        let label = match query.corpus {
            Corpus::Seed => "ar (seed)".to_string(),
            Corpus::Unpc => format!("{} (unpc)", query.language),
        };
        [label, "all".to_string()]
    };
    for choice in AnalyzerChoice::ALL {
        let indexes = [
            (Corpus::Seed, build(choice, &seed)),
            (Corpus::Unpc, build(choice, &unpc)),
        ];
        for query in &judged {
            let index = &indexes
                .iter()
                .find(|(c, _)| *c == query.corpus)
                .expect("built")
                .1;
            let request = SearchRequest {
                q: query.query.clone(),
                lang: Some(query.language),
                per_page: 10,
                ..SearchRequest::default()
            };
            let results = index.search(&request).expect("a valid query");
            let ranked: Vec<String> = results.hits.iter().map(hit_id).collect();
            let (recall, rr) = score(&ranked, &query.relevant);
            if verbose {
                println!(
                    "{:<9} {:<34} {:<2} {:<40} R@10 {:.2}  RR {:.2}  ({} hits)",
                    choice.name(),
                    query.topic,
                    query.language.code(),
                    query.query,
                    recall,
                    rr,
                    results.total
                );
            }
            for row in rows(query) {
                table
                    .entry((row, choice.name()))
                    .or_default()
                    .push((recall, rr));
            }
        }
    }
    println!();
    println!(
        "{} queries on {} topics (recall@10 over at most 10 relevant; MRR of the first 10)",
        judged.len(),
        judged
            .iter()
            .map(|q| q.topic.as_str())
            .collect::<std::collections::HashSet<_>>()
            .len()
    );
    println!();
    println!(
        "| queries | n | plain R@10 | plain MRR | snowball R@10 | snowball MRR | taawun R@10 | taawun MRR |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mut labels: Vec<String> = table.keys().map(|(label, _)| label.clone()).collect();
    labels.dedup();
    labels.sort_by_key(|label| (label == "all", label.clone()));
    for label in labels {
        let mut line = format!("| {label} |");
        let n = table.get(&(label.clone(), "taawun")).map_or(0, Vec::len);
        line.push_str(&format!(" {n} |"));
        for choice in AnalyzerChoice::ALL {
            let (recall, mrr) = mean(
                table
                    .get(&(label.clone(), choice.name()))
                    .map_or(&[][..], Vec::as_slice),
            );
            line.push_str(&format!(" {recall:.3} | {mrr:.3} |"));
        }
        println!("{line}");
    }
}
