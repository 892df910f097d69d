//! The benchmark's corpus: the real texts of `../shared/` as they are (the judged documents
//! among them), then documents recombined from their sentences — two to four sentences of one
//! language, with random facet values — up to the size asked for. Deterministic: the same size
//! gives the same corpus, so each engine can regenerate it instead of holding it in memory.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use taawun_search::analysis::{AnalyzerChoice, FieldKind, Stage, analyze, analyzer};
use taawun_search::{Language, ParagraphKind, RecordType, SearchDocument};

use crate::corpus;
use crate::judgements::Judged;

/// xorshift64*: small, fast, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

pub const BODIES: [&str; 5] = ["hrc", "unga", "sc", "ecosoc", "upr"];
const STATES: [&str; 40] = [
    "AFG", "ARG", "AUS", "BGD", "BRA", "CAN", "CHN", "CMR", "COL", "CUB", "DEU", "DZA", "EGY",
    "ESP", "ETH", "FRA", "GBR", "IDN", "IND", "IRN", "IRQ", "JOR", "JPN", "KEN", "MAR", "MEX",
    "NGA", "PAK", "PHL", "QAT", "RUS", "SAU", "SDN", "SYR", "TUN", "TUR", "UKR", "USA", "VEN",
    "ZAF",
];
const KINDS: [ParagraphKind; 4] = [
    ParagraphKind::Preambular,
    ParagraphKind::Operative,
    ParagraphKind::Recommendation,
    ParagraphKind::Text,
];
/// The seed is the only document of this session, so that judged seed queries can be
/// restricted to it in every engine.
pub const SEED_SESSION: u32 = 56;

/// Sentences per language that recombined documents are made of. Judged sentences (and the
/// seed's paragraphs) are left out, so that the judged documents stay the only relevant ones.
pub struct Pools {
    pub sentences: Vec<(Language, Vec<String>)>,
}

impl Pools {
    pub fn load(judged: &[Judged]) -> Pools {
        let relevant: HashSet<&str> = judged
            .iter()
            .flat_map(|j| j.relevant.iter().map(String::as_str))
            .collect();
        let upr: Vec<String> = corpus::upr_recommendations()
            .into_iter()
            .map(|r| r.text)
            .collect();
        let sentences = Language::ALL
            .into_iter()
            .map(|language| {
                let mut pool: Vec<String> = corpus::unpc_sentences(language)
                    .into_iter()
                    .enumerate()
                    .filter(|(i, s)| {
                        !relevant.contains(format!("unpc:{}", i + 1).as_str()) && s.len() > 20
                    })
                    .map(|(_, s)| s)
                    .collect();
                pool.extend(corpus::charter_sentences(language));
                if language == Language::En {
                    pool.extend(upr.iter().cloned());
                }
                (language, pool)
            })
            .collect();
        Pools { sentences }
    }

    pub fn of(&self, language: Language) -> &[String] {
        &self
            .sentences
            .iter()
            .find(|(l, _)| *l == language)
            .expect("every language has a pool")
            .1
    }
}

fn random_date(rng: &mut Rng) -> Option<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(1990, 1, 1)?;
    start.checked_add_days(chrono::Days::new(rng.below(35 * 365) as u64))
}

/// The judged documents first (the seed, the 24,000 parallel-corpus sentences), then the UPR
/// recommendations and the Charter's sentences, then recombined documents up to `total`.
pub struct Corpus<'p> {
    pools: &'p Pools,
    originals: std::vec::IntoIter<SearchDocument>,
    rng: Rng,
    produced: usize,
    total: usize,
}

impl<'p> Corpus<'p> {
    pub fn new(pools: &'p Pools, total: usize) -> Corpus<'p> {
        let mut originals = corpus::seed_documents();
        for document in &mut originals {
            document.session = Some(SEED_SESSION);
        }
        originals.extend(corpus::unpc_documents());
        let resolver = taawun_states::Resolver::builtin();
        let iso3 = |name: &str| resolver.resolve(name).iso3.map(str::to_string);
        for (i, recommendation) in corpus::upr_recommendations().into_iter().enumerate() {
            let session = recommendation.session.unwrap_or(1);
            originals.push(SearchDocument {
                record_key: format!("upr:{i}"),
                record_type: RecordType::UprRecommendation,
                kind: ParagraphKind::Recommendation,
                anchor: None,
                symbol: None,
                title: format!("UPR session {session}"),
                language: Language::En,
                text: recommendation.text,
                body: Some("upr".into()),
                session: Some(session),
                date: NaiveDate::from_ymd_opt(2008 + (session as i32 * 2) / 5, 6, 1),
                states: [iso3(&recommendation.to), iso3(&recommendation.from)]
                    .into_iter()
                    .flatten()
                    .collect(),
                review: Default::default(),
                labels: Vec::new(),
                practice: Default::default(),
            });
        }
        for language in Language::ALL {
            for (i, sentence) in corpus::charter_sentences(language).into_iter().enumerate() {
                originals.push(SearchDocument {
                    record_key: format!("charter:{}:{i}", language.code()),
                    record_type: RecordType::Resolution,
                    kind: ParagraphKind::Text,
                    anchor: Some(i.to_string()),
                    symbol: None,
                    title: "Charter of the United Nations".into(),
                    language,
                    text: sentence,
                    body: Some("unga".into()),
                    session: Some(1),
                    date: NaiveDate::from_ymd_opt(1945, 6, 26),
                    states: Vec::new(),
                    review: Default::default(),
                    labels: Vec::new(),
                    practice: Default::default(),
                });
            }
        }
        originals.truncate(total);
        Corpus {
            pools,
            originals: originals.into_iter(),
            rng: Rng::new(0x7461_6177_756e),
            produced: 0,
            total,
        }
    }

    fn recombined(&mut self) -> SearchDocument {
        let rng = &mut self.rng;
        let language = match rng.below(8) {
            0 | 1 => Language::Ar,
            2 | 3 => Language::En,
            4 => Language::Fr,
            5 => Language::Es,
            6 => Language::Ru,
            _ => Language::Zh,
        };
        let pool = self.pools.of(language);
        let parts = 2 + rng.below(3);
        let separator = if language == Language::Zh { "" } else { " " };
        let mut text = String::new();
        for i in 0..parts {
            if i > 0 {
                text.push_str(separator);
            }
            text.push_str(rng.pick::<String>(pool));
        }
        let record_type = match rng.below(10) {
            0..=4 => RecordType::Resolution,
            5..=7 => RecordType::UprRecommendation,
            8 => RecordType::BestPractice,
            _ => RecordType::Event,
        };
        let states = (0..rng.below(5))
            .map(|_| rng.pick(&STATES).to_string())
            .collect();
        SearchDocument {
            record_key: format!("mix:{}", self.produced),
            record_type,
            kind: *rng.pick(&KINDS),
            anchor: Some(format!("op-{}", 1 + rng.below(40))),
            symbol: None,
            title: format!("Recombined document {}", self.produced),
            language,
            text,
            body: Some(rng.pick(&BODIES).to_string()),
            session: Some(1 + rng.below(SEED_SESSION as usize - 1) as u32),
            date: random_date(rng),
            states,
            review: Default::default(),
            labels: Vec::new(),
            practice: Default::default(),
        }
    }
}

impl Iterator for Corpus<'_> {
    type Item = SearchDocument;

    fn next(&mut self) -> Option<SearchDocument> {
        if self.produced >= self.total {
            return None;
        }
        let document = match self.originals.next() {
            Some(document) => document,
            None => self.recombined(),
        };
        self.produced += 1;
        Some(document)
    }
}

/// A latency query: 1–3 words of one language and two facet filters (body, a range of years).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BenchQuery {
    pub language: Language,
    pub words: Vec<String>,
    pub body: String,
    pub from_year: i32,
    pub to_year: i32,
}

impl BenchQuery {
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// `per_language` queries per language, their words drawn from random sentences of the pools
/// (words of at least four letters, two for Chinese, that are not stop words).
pub fn bench_queries(pools: &Pools, per_language: usize) -> Vec<BenchQuery> {
    let mut rng = Rng::new(0x0071_7565_7279);
    let mut queries = Vec::new();
    for language in Language::ALL {
        let mut stemmed = analyzer(
            AnalyzerChoice::Taawun,
            language,
            FieldKind::Stemmed,
            Stage::Query,
        );
        let pool = pools.of(language);
        while queries
            .iter()
            .filter(|q: &&BenchQuery| q.language == language)
            .count()
            < per_language
        {
            let sentence = rng.pick(pool);
            let minimum = if language == Language::Zh { 2 } else { 4 };
            let mut words: Vec<String> = sentence
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= minimum && !w.chars().all(|c| c.is_ascii_digit()))
                .filter(|w| !analyze(&mut stemmed, w).is_empty())
                .map(str::to_string)
                .collect();
            if language == Language::Zh {
                // Chinese has no spaces: take jieba's words.
                words = analyze(&mut stemmed, sentence)
                    .into_iter()
                    .map(|t| t.text)
                    .filter(|w| w.chars().count() >= minimum)
                    .collect();
            }
            if words.is_empty() {
                continue;
            }
            let count = (1 + rng.below(3)).min(words.len());
            let start = rng.below(words.len() + 1 - count);
            let from_year = 1990 + rng.below(26) as i32;
            queries.push(BenchQuery {
                language,
                words: words[start..start + count].to_vec(),
                body: rng.pick(&BODIES).to_string(),
                from_year,
                to_year: from_year + 9,
            });
        }
    }
    queries
}
