//! Search latency with the Universal Periodic Review in the index: UPR Info's 39,862
//! recommendations and 945 voluntary pledges (with their facets and their themes' names in the
//! six languages), the SDG goals and targets in six languages, and the other real texts (the
//! seed resolution, the UN Parallel Corpus test set in six languages, the Charter). The index is
//! written to disk and searched as the server searches it; each query is the whole `search`
//! call (total, every facet, ten hits with snippets).
//!
//! ```sh
//! cargo run -p taawun-search --release --example upr_latency
//! ```
//!
//! `TAAWUN_UPR_BENCH_QUERIES` (default 200) queries per language and kind: Arabic queries of one
//! or two words from the themes' Arabic names and the SDG titles (which find English
//! recommendations) and from the parallel corpus; English queries of one to three words from
//! the recommendations; and each again filtered by a State under review and a cycle.

#[path = "../eval/corpus.rs"]
mod corpus;

use std::time::{Duration, Instant};

use taawun_search::{
    Label, Language, RecordType, ReindexOptions, SdgBook, SdgRecord, SdgTitles, SearchDocument,
    SearchIndex, SearchRequest, Searchable, UprPledge, UprRecommendation,
};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1) as u64) as usize
    }
}

fn labels(titles: &taawun_sdg::Titles) -> Vec<Label> {
    titles
        .iter()
        .filter_map(|(language, text)| {
            Some(Label {
                language: Language::from_code(language.code())?,
                text: text.to_owned(),
            })
        })
        .collect()
}

/// Words of a text that are worth searching (letters, three or more).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .map(str::to_owned)
        .collect()
}

fn percentile(sorted: &[Duration], p: usize) -> f64 {
    let i = ((sorted.len() * p).div_ceil(100)).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

fn main() {
    let per_kind: usize = std::env::var("TAAWUN_UPR_BENCH_QUERIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let shared = corpus::shared_dir();
    let info = taawun_upr::upr_info::read_dir(
        &shared.join("data/upr"),
        taawun_states::Resolver::builtin(),
    )
    .expect("UPR Info's files");
    let sdgs = taawun_sdg::read_dir(shared.join("data/sdg")).expect("the SDG files");

    let mut sdg_records = Vec::new();
    for goal in &sdgs.goals {
        sdg_records.push(SdgRecord {
            code: goal.number.to_string(),
            titles: labels(&goal.titles),
            short_titles: labels(&goal.short_titles),
        });
    }
    for target in &sdgs.targets {
        sdg_records.push(SdgRecord {
            code: target.code.to_string(),
            titles: labels(&target.titles),
            short_titles: Vec::new(),
        });
    }
    let book = SdgBook::new(sdg_records.iter().map(|r| SdgTitles {
        code: r.code.clone(),
        titles: r.titles.clone(),
    }));

    let mut documents: Vec<SearchDocument> = Vec::new();
    let mut english_texts = Vec::new();
    let mut reviewed = Vec::new();
    for (id, r) in info.recommendations.iter().enumerate() {
        english_texts.push(r.text.clone());
        reviewed.push(r.reviewed.clone());
        let record = UprRecommendation {
            id: id as i64 + 1,
            reviewed: r.reviewed.clone(),
            session: r.session,
            cycle: r.cycle,
            paragraph: r.paragraph.clone(),
            text: r.text.clone(),
            recommending: r.recommending.clone(),
            response: r.response.map(|x| x.slug().to_owned()),
            themes: r.issues.clone(),
            sdgs: r.sdgs.iter().flat_map(|s| book.for_link(s)).collect(),
        };
        documents.extend(record.search_documents());
    }
    for (id, p) in info.pledges.iter().enumerate() {
        let record = UprPledge {
            id: id as i64 + 1,
            state: p.state.clone(),
            session: p.session,
            cycle: p.cycle,
            text: p.text.clone(),
            themes: p.issues.clone(),
        };
        documents.extend(record.search_documents());
    }
    for record in &sdg_records {
        documents.extend(record.search_documents());
    }
    let upr_documents = documents.len();
    documents.extend(corpus::seed_documents());
    let unpc = corpus::unpc_documents();
    let arabic_sentences: Vec<String> = unpc
        .iter()
        .filter(|d| d.language == Language::Ar)
        .map(|d| d.text.clone())
        .collect();
    documents.extend(unpc);
    for language in Language::ALL {
        for (i, sentence) in corpus::charter_sentences(language).into_iter().enumerate() {
            documents.push(SearchDocument {
                record_key: format!("charter:{}:{i}", language.code()),
                record_type: RecordType::Resolution,
                kind: taawun_search::ParagraphKind::Text,
                anchor: Some(i.to_string()),
                symbol: None,
                title: "Charter of the United Nations".into(),
                language,
                text: sentence,
                body: Some("unga".into()),
                session: Some(1),
                date: chrono::NaiveDate::from_ymd_opt(1945, 6, 26),
                states: Vec::new(),
                review: Default::default(),
                labels: Vec::new(),
                practice: Default::default(),
            });
        }
    }

    let dir = tempfile::tempdir().expect("a temporary directory");
    let total = documents.len();
    let started = Instant::now();
    {
        let index = SearchIndex::open_or_create(dir.path()).expect("the index");
        index
            .reindex(documents, ReindexOptions::default())
            .expect("indexing");
    }
    let build = started.elapsed();
    let index = SearchIndex::open_or_create(dir.path()).expect("the index, reopened");
    println!(
        "{total} documents ({upr_documents} of the review and the SDGs), indexed in {:.1} s, {} segments",
        build.as_secs_f64(),
        index.num_segments()
    );

    // Queries.
    let mut rng = Rng(0x7570_725f_6c61_7465);
    let mut arabic_labels: Vec<String> = taawun_upr::themes::THEMES
        .iter()
        .flat_map(|t| words(t.ar))
        .collect();
    for record in &sdg_records {
        for title in record.titles.iter().filter(|t| t.language == Language::Ar) {
            arabic_labels.extend(words(&title.text));
        }
    }
    let arabic_corpus: Vec<String> = arabic_sentences.iter().flat_map(|s| words(s)).collect();
    let english: Vec<Vec<String>> = english_texts.iter().map(|t| words(t)).collect();
    let mut queries: Vec<(&str, SearchRequest)> = Vec::new();
    for filtered in [false, true] {
        for _ in 0..per_kind {
            let filters = |request: SearchRequest, rng: &mut Rng| {
                if filtered {
                    SearchRequest {
                        reviewed: Some(reviewed[rng.below(reviewed.len())].clone()),
                        cycle: Some(1 + rng.below(2) as u8),
                        ..request
                    }
                } else {
                    request
                }
            };
            // Arabic: one or two words of the labels, or of the corpus.
            let pool = if rng.below(2) == 0 {
                &arabic_labels
            } else {
                &arabic_corpus
            };
            let n = 1 + rng.below(2);
            let q: Vec<&str> = (0..n)
                .map(|_| pool[rng.below(pool.len())].as_str())
                .collect();
            let request = filters(SearchRequest::query(q.join(" ")), &mut rng);
            queries.push((if filtered { "ar + filters" } else { "ar" }, request));
            // English: one to three words of one recommendation.
            let text = loop {
                let text = &english[rng.below(english.len())];
                if !text.is_empty() {
                    break text;
                }
            };
            let n = 1 + rng.below(3);
            let start = rng.below(text.len());
            let q: Vec<&str> = text[start..(start + n).min(text.len())]
                .iter()
                .map(String::as_str)
                .collect();
            let request = filters(SearchRequest::query(q.join(" ")), &mut rng);
            queries.push((if filtered { "en + filters" } else { "en" }, request));
        }
    }
    // Warm-up, then measured.
    for (_, request) in &queries {
        index.search(request).expect("a search");
    }
    let mut by_kind: std::collections::BTreeMap<&str, (Vec<Duration>, u64)> = Default::default();
    for (kind, request) in &queries {
        let started = Instant::now();
        let results = index.search(request).expect("a search");
        let took = started.elapsed();
        let entry = by_kind.entry(kind).or_default();
        entry.0.push(took);
        entry.1 += results.total;
    }
    println!("| queries | n | mean hits | p50 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|---|");
    for (kind, (mut times, hits)) in by_kind {
        times.sort();
        println!(
            "| {kind} | {} | {:.0} | {:.2} | {:.2} | {:.2} |",
            times.len(),
            hits as f64 / times.len() as f64,
            percentile(&times, 50),
            percentile(&times, 99),
            times.last().unwrap().as_secs_f64() * 1000.0
        );
    }
}
