//! The search benchmark: Taawun's index against PostgreSQL full-text search and SQLite FTS5 on
//! the same corpus, the same queries and the same judged topics. Prints tables; times nothing
//! against a threshold.
//!
//! ```sh
//! cargo bench -p taawun-search --bench search                      # 1,000,000 documents
//! TAAWUN_BENCH_DOCS=10000 cargo bench -p taawun-search --bench search
//! ```
//!
//! | variable | default | |
//! |---|---|---|
//! | `TAAWUN_BENCH_DOCS` | 1000000 | corpus size (the real texts, then recombined documents) |
//! | `TAAWUN_BENCH_QUERIES` | 200 | latency queries per language |
//! | `TAAWUN_BENCH_DATABASE_URL` | `postgres://postgres@127.0.0.1:5432/test` | `off` skips PostgreSQL |
//! | `TAAWUN_BENCH_SQLITE` | `on` | `off` skips SQLite |
//! | `TAAWUN_BENCH_DIR` | a temporary directory | where the index and the SQLite file go |
//! | `TAAWUN_BENCH_MEMORY` | 1000000000 | tantivy's indexing memory, bytes |
//! | `TAAWUN_BENCH_VERBOSE` | unset | set: also print each judged query's first ten in every engine |
//! | `TAAWUN_SHARED_DIR` | `<workspace>/../shared` | the real texts |
//!
//! Phases: (1) the index is built (1 GB of indexing memory, 2 threads) and closed; (2) a child
//! process opens it memory-mapped, runs the queries and reports latency, recall and its
//! resident memory — measured apart from the build, whose allocations would otherwise still
//! count; (3) PostgreSQL and (4) SQLite load the same corpus and run the same queries:
//! the top 10 ids alone, and on PostgreSQL also a search page's whole work (the number of
//! matches, facet counts and snippets of the top 10), which is what Taawun's timed `search`
//! call does.

#[path = "../eval/corpus.rs"]
mod corpus;
#[path = "../eval/generate.rs"]
mod generate;
#[path = "../eval/judgements.rs"]
mod judgements;
#[path = "../eval/postgres.rs"]
mod postgres;
#[path = "../eval/rows.rs"]
mod rows;
#[path = "../eval/sqlite.rs"]
mod sqlite;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use generate::{BenchQuery, Corpus, Pools, bench_queries};
use judgements::{Corpus as JudgedCorpus, Judged, hit_id, mean, score};
use serde::{Deserialize, Serialize};
use taawun_search::{DateBound, Language, ReindexOptions, SearchIndex, SearchRequest};

const PHASE: &str = "TAAWUN_BENCH_PHASE";
const INDEX_DIR: &str = "TAAWUN_BENCH_INDEX_DIR";

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// Resident memory from /proc/self/status, in kB: (VmRSS, RssAnon, RssFile).
fn rss() -> (u64, u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("RssAnon:"), field("RssFile:"))
}

fn directory_bytes(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn megabytes(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

/// Latencies per language and recall per judged query, for one engine.
#[derive(Default, Serialize, Deserialize)]
struct EngineReport {
    latencies_us: BTreeMap<String, Vec<u64>>,
    /// A search page's whole work (PostgreSQL only: total, facets, snippets of the top 10).
    #[serde(default)]
    page_latencies_us: BTreeMap<String, Vec<u64>>,
    /// (row label, recall, reciprocal rank)
    judged: Vec<(String, f64, f64)>,
    /// Each judged query's first ten: (topic, language, ranked judgement ids).
    #[serde(default)]
    ranked: Vec<(String, String, Vec<String>)>,
}

impl EngineReport {
    fn record_latency(&mut self, language: Language, elapsed: Duration) {
        self.latencies_us
            .entry(language.code().to_string())
            .or_default()
            .push(elapsed.as_micros() as u64);
    }

    fn record_page_latency(&mut self, language: Language, elapsed: Duration) {
        self.page_latencies_us
            .entry(language.code().to_string())
            .or_default()
            .push(elapsed.as_micros() as u64);
    }

    fn record_judged(&mut self, query: &Judged, ranked: &[String]) {
        let (recall, rr) = score(ranked, &query.relevant);
        for label in row_labels(query) {
            self.judged.push((label, recall, rr));
        }
        self.ranked.push((
            query.topic.clone(),
            query.language.code().to_string(),
            ranked.iter().take(10).cloned().collect(),
        ));
    }

    fn ranked_for(&self, query: &Judged) -> Option<&[String]> {
        self.ranked
            .iter()
            .find(|(topic, language, _)| *topic == query.topic && language == query.language.code())
            .map(|(_, _, ranked)| ranked.as_slice())
    }

    fn latency(&self, language: Language) -> (Duration, Duration, usize) {
        Self::percentiles(&self.latencies_us, language)
    }

    fn page_latency(&self, language: Language) -> Option<(Duration, Duration, usize)> {
        self.page_latencies_us
            .contains_key(language.code())
            .then(|| Self::percentiles(&self.page_latencies_us, language))
    }

    fn percentiles(
        latencies_us: &BTreeMap<String, Vec<u64>>,
        language: Language,
    ) -> (Duration, Duration, usize) {
        let mut values: Vec<Duration> = latencies_us
            .get(language.code())
            .map(|v| v.iter().map(|us| Duration::from_micros(*us)).collect())
            .unwrap_or_default();
        values.sort();
        (
            percentile(&values, 50),
            percentile(&values, 99),
            values.len(),
        )
    }

    fn recall(&self, label: &str) -> Option<(f64, f64, usize)> {
        let scores: Vec<(f64, f64)> = self
            .judged
            .iter()
            .filter(|(l, _, _)| l == label)
            .map(|(_, r, rr)| (*r, *rr))
            .collect();
        (!scores.is_empty()).then(|| {
            let (r, rr) = mean(&scores);
            (r, rr, scores.len())
        })
    }
}

fn row_labels(query: &Judged) -> [String; 2] {
    let label = match query.corpus {
        JudgedCorpus::Seed => "ar (seed)".to_string(),
        JudgedCorpus::Unpc => format!("{} (unpc)", query.language),
    };
    [label, "all".to_string()]
}

/// What the serving child reports.
#[derive(Serialize, Deserialize)]
struct ServeReport {
    open: Duration,
    rss_before_open: (u64, u64, u64),
    rss_after_open: (u64, u64, u64),
    rss_after_queries: (u64, u64, u64),
    segments: usize,
    documents: u64,
    report: EngineReport,
}

fn taawun_request(query: &BenchQuery) -> SearchRequest {
    SearchRequest {
        q: query.text(),
        lang: Some(query.language),
        body: Some(query.body.clone()),
        from: Some(DateBound::Year(query.from_year)),
        to: Some(DateBound::Year(query.to_year)),
        per_page: 10,
        ..SearchRequest::default()
    }
}

fn judged_request(query: &Judged) -> SearchRequest {
    SearchRequest {
        q: query.query.clone(),
        lang: Some(query.language),
        session: (query.corpus == JudgedCorpus::Seed).then_some(generate::SEED_SESSION),
        per_page: 10,
        ..SearchRequest::default()
    }
}

/// Phase 2, in a child process: open the index as a server would and query it.
fn serve() {
    let dir = PathBuf::from(std::env::var_os(INDEX_DIR).expect("the index directory"));
    let rss_before_open = rss();
    let started = Instant::now();
    let index = SearchIndex::open_or_create(dir.join("index")).expect("the index opens");
    let open = started.elapsed();
    let rss_after_open = rss();
    let queries: Vec<BenchQuery> =
        serde_json::from_slice(&std::fs::read(dir.join("queries.json")).expect("the queries"))
            .expect("valid queries");
    let mut report = EngineReport::default();
    // One pass to warm the page cache and the lazily loaded parts (jieba's dictionary), as
    // for the databases; then the measured pass.
    for query in &queries {
        index
            .search(&taawun_request(query))
            .expect("a valid request");
    }
    for query in &queries {
        let request = taawun_request(query);
        let started = Instant::now();
        let results = index.search(&request).expect("a valid request");
        report.record_latency(query.language, started.elapsed());
        std::hint::black_box(results);
    }
    for query in judgements::load() {
        let results = index
            .search(&judged_request(&query))
            .expect("a valid request");
        let ranked: Vec<String> = results.hits.iter().map(hit_id).collect();
        report.record_judged(&query, &ranked);
    }
    let serve_report = ServeReport {
        open,
        rss_before_open,
        rss_after_open,
        rss_after_queries: rss(),
        segments: index.num_segments(),
        documents: index.num_docs(),
        report,
    };
    println!(
        "{}",
        serde_json::to_string(&serve_report).expect("serialisable")
    );
}

struct Build {
    documents: u64,
    adding: Duration,
    commit: Duration,
    merging: Duration,
    bytes: u64,
}

struct SqlBuild {
    documents: u64,
    load: Duration,
    index: Duration,
    bytes: u64,
}

async fn run_postgres(
    url: &str,
    pools: &Pools,
    size: usize,
    queries: &[BenchQuery],
    judged: &[Judged],
) -> Result<(SqlBuild, EngineReport), sqlx::Error> {
    let mut connection = postgres::connect(url).await?;
    eprintln!(
        "PostgreSQL: loading {size} rows into schema {}…",
        postgres::SCHEMA
    );
    let loaded = postgres::load(&mut connection, Corpus::new(pools, size)).await;
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(error) => {
            postgres::drop_schema(&mut connection).await.ok();
            return Err(error);
        }
    };
    let mut segmenter = rows::Segmenter::default();
    let texts: Vec<String> = queries
        .iter()
        .map(|q| segmenter.text(q.language, &q.text()))
        .collect();
    let mut report = EngineReport::default();
    eprintln!("PostgreSQL: querying…");
    for (query, text) in queries.iter().zip(&texts) {
        postgres::search(&mut connection, query, text).await?;
    }
    for (query, text) in queries.iter().zip(&texts) {
        let started = Instant::now();
        let hits = postgres::search(&mut connection, query, text).await?;
        report.record_latency(query.language, started.elapsed());
        std::hint::black_box(hits);
    }
    for (query, text) in queries.iter().zip(&texts) {
        postgres::page(&mut connection, query, text).await?;
    }
    for (query, text) in queries.iter().zip(&texts) {
        let started = Instant::now();
        let rows = postgres::page(&mut connection, query, text).await?;
        report.record_page_latency(query.language, started.elapsed());
        std::hint::black_box(rows);
    }
    for query in judged {
        let text = segmenter.text(query.language, &query.query);
        let ranked = postgres::judged(
            &mut connection,
            query.language,
            &text,
            query.corpus == JudgedCorpus::Seed,
        )
        .await?;
        report.record_judged(query, &ranked);
    }
    postgres::drop_schema(&mut connection).await?;
    Ok((
        SqlBuild {
            documents: loaded.rows,
            load: loaded.copy,
            index: loaded.index,
            bytes: loaded.bytes.max(0) as u64,
        },
        report,
    ))
}

async fn run_sqlite(
    path: &Path,
    pools: &Pools,
    size: usize,
    queries: &[BenchQuery],
    judged: &[Judged],
) -> Result<(SqlBuild, EngineReport), sqlx::Error> {
    let mut connection = sqlite::connect(path).await?;
    eprintln!("SQLite: loading {size} rows into {}…", path.display());
    let loaded = sqlite::load(&mut connection, path, Corpus::new(pools, size)).await?;
    let mut segmenter = rows::Segmenter::default();
    let texts: Vec<String> = queries
        .iter()
        .map(|q| segmenter.text(q.language, &q.text()))
        .collect();
    let mut report = EngineReport::default();
    eprintln!("SQLite: querying…");
    for (query, text) in queries.iter().zip(&texts) {
        sqlite::search(&mut connection, query, text).await?;
    }
    for (query, text) in queries.iter().zip(&texts) {
        let started = Instant::now();
        let hits = sqlite::search(&mut connection, query, text).await?;
        report.record_latency(query.language, started.elapsed());
        std::hint::black_box(hits);
    }
    for query in judged {
        let text = segmenter.text(query.language, &query.query);
        let ranked = sqlite::judged(
            &mut connection,
            query.language,
            &text,
            query.corpus == JudgedCorpus::Seed,
        )
        .await?;
        report.record_judged(query, &ranked);
    }
    Ok((
        SqlBuild {
            documents: loaded.rows,
            load: loaded.insert,
            index: loaded.index,
            bytes: loaded.bytes,
        },
        report,
    ))
}

fn main() {
    if std::env::var_os(PHASE).is_some_and(|p| p == "serve") {
        serve();
        return;
    }
    let size = env_usize("TAAWUN_BENCH_DOCS", 1_000_000);
    let per_language = env_usize("TAAWUN_BENCH_QUERIES", 200);
    let database_url = std::env::var("TAAWUN_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let with_sqlite = std::env::var("TAAWUN_BENCH_SQLITE").map_or(true, |v| v != "off");
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let dir = std::env::var_os("TAAWUN_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| temporary.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("the benchmark directory");

    let judged = judgements::load();
    let pools = Pools::load(&judged);
    let queries = bench_queries(&pools, per_language);
    std::fs::write(
        dir.join("queries.json"),
        serde_json::to_vec(&queries).expect("serialisable"),
    )
    .expect("writing the queries");

    // Phase 1: build.
    let index_dir = dir.join("index");
    if index_dir.exists() {
        std::fs::remove_dir_all(&index_dir).expect("removing an old benchmark index");
    }
    eprintln!("Taawun: indexing {size} documents…");
    let build = {
        let index = SearchIndex::open_or_create(&index_dir).expect("the index");
        let stats = index
            .reindex(
                Corpus::new(&pools, size),
                ReindexOptions {
                    memory_bytes: env_usize("TAAWUN_BENCH_MEMORY", 1_000_000_000),
                    threads: 2,
                    wait_for_merges: true,
                    built_from: None,
                },
            )
            .expect("indexing");
        Build {
            documents: stats.documents,
            adding: stats.adding,
            commit: stats.commit,
            merging: stats.merging,
            bytes: directory_bytes(&index_dir),
        }
    };

    // Phase 2: serve, in a fresh process.
    eprintln!("Taawun: querying (child process)…");
    let output = Command::new(std::env::current_exe().expect("this benchmark's path"))
        .env(PHASE, "serve")
        .env(INDEX_DIR, &dir)
        .output()
        .expect("the serving child runs");
    if !output.status.success() {
        panic!(
            "the serving child failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let served: ServeReport = serde_json::from_slice(
        output
            .stdout
            .split(|b| *b == b'\n')
            .rfind(|line| line.starts_with(b"{"))
            .expect("the child's report"),
    )
    .expect("a valid report");

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let postgres = (database_url != "off").then(|| {
        runtime
            .block_on(run_postgres(&database_url, &pools, size, &queries, &judged))
            .map_err(|error| eprintln!("PostgreSQL skipped: {error}"))
            .ok()
    });
    let sqlite = with_sqlite.then(|| {
        let path = dir.join("bench.sqlite");
        std::fs::remove_file(&path).ok();
        let result = runtime
            .block_on(run_sqlite(&path, &pools, size, &queries, &judged))
            .map_err(|error| eprintln!("SQLite skipped: {error}"))
            .ok();
        std::fs::remove_file(&path).ok();
        result
    });
    let postgres = postgres.flatten();
    let sqlite = sqlite.flatten();

    print_report(
        &build,
        &served,
        postgres.as_ref(),
        sqlite.as_ref(),
        queries.len(),
    );
}

fn print_report(
    build: &Build,
    served: &ServeReport,
    postgres: Option<&(SqlBuild, EngineReport)>,
    sqlite: Option<&(SqlBuild, EngineReport)>,
    query_count: usize,
) {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!();
    println!(
        "## Search benchmark: {} documents, {} latency queries, {cores} cores",
        thousands(build.documents),
        query_count
    );
    println!();
    println!("| engine | load | index | documents/s | on disk |");
    println!("|---|---|---|---|---|");
    let added = build.adding + build.commit;
    println!(
        "| Taawun (tantivy, 1 GB, 2 threads) | add {:.1} s + commit {:.1} s | merges {:.1} s ({} segments) | {} (with merges {}) | {} |",
        build.adding.as_secs_f64(),
        build.commit.as_secs_f64(),
        build.merging.as_secs_f64(),
        served.segments,
        thousands((build.documents as f64 / added.as_secs_f64()) as u64),
        thousands((build.documents as f64 / (added + build.merging).as_secs_f64()) as u64),
        megabytes(build.bytes)
    );
    for (name, engine) in [("PostgreSQL (GIN)", postgres), ("SQLite FTS5", sqlite)] {
        if let Some((sql, _)) = engine {
            println!(
                "| {name} | {:.1} s | {:.1} s | {} | {} |",
                sql.load.as_secs_f64(),
                sql.index.as_secs_f64(),
                thousands((sql.documents as f64 / (sql.load + sql.index).as_secs_f64()) as u64),
                megabytes(sql.bytes)
            );
        }
    }
    println!();
    println!(
        "Query latency, ms (1–3 words, two filters: body and a ten-year range; one warm-up pass, then one measured pass). Taawun's figure is the whole `search` call: total, seven facets, ten hits with snippets; the databases return the top 10 ids."
    );
    println!();
    println!(
        "| language | n | Taawun p50 | Taawun p99 | PostgreSQL p50 | PostgreSQL p99 | SQLite p50 | SQLite p99 | PG p50 ÷ Taawun | SQLite p50 ÷ Taawun |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for language in Language::ALL {
        let (t50, t99, n) = served.report.latency(language);
        let other = |engine: Option<&(SqlBuild, EngineReport)>| {
            engine.map(|(_, report)| report.latency(language))
        };
        let cell = |value: Option<(Duration, Duration, usize)>| match value {
            Some((p50, p99, _)) => (ms(p50), ms(p99)),
            None => ("–".into(), "–".into()),
        };
        let ratio = |value: Option<(Duration, Duration, usize)>| match value {
            Some((p50, _, _)) if !t50.is_zero() => {
                format!("{:.1}×", p50.as_secs_f64() / t50.as_secs_f64())
            }
            _ => "–".into(),
        };
        let (pg50, pg99) = cell(other(postgres));
        let (sq50, sq99) = cell(other(sqlite));
        println!(
            "| {language} | {n} | {} | {} | {pg50} | {pg99} | {sq50} | {sq99} | {} | {} |",
            ms(t50),
            ms(t99),
            ratio(other(postgres)),
            ratio(other(sqlite))
        );
    }
    if let Some((_, pg)) = postgres.filter(|(_, r)| !r.page_latencies_us.is_empty()) {
        println!();
        println!(
            "The same work on both sides, ms: a search page's answer — the number of matches, facet counts, and the top 10 with highlighted snippets. Taawun: the `search` call above (seven facets); PostgreSQL: one statement counting the matches, counting the two facets its table has (session, year), and cutting `ts_headline` snippets for the top 10."
        );
        println!();
        println!(
            "| language | Taawun p50 | Taawun p99 | PostgreSQL p50 | PostgreSQL p99 | PG p50 ÷ Taawun | PG p99 ÷ Taawun |"
        );
        println!("|---|---|---|---|---|---|---|");
        for language in Language::ALL {
            let (t50, t99, _) = served.report.latency(language);
            let Some((p50, p99, _)) = pg.page_latency(language) else {
                continue;
            };
            let ratio = |a: Duration, b: Duration| {
                if b.is_zero() {
                    "–".to_string()
                } else {
                    format!("{:.1}×", a.as_secs_f64() / b.as_secs_f64())
                }
            };
            println!(
                "| {language} | {} | {} | {} | {} | {} | {} |",
                ms(t50),
                ms(t99),
                ms(p50),
                ms(p99),
                ratio(p50, t50),
                ratio(p99, t99)
            );
        }
    }
    println!();
    println!(
        "Recall@10 and MRR on the judged topics (relevance/topics.json) in this corpus; seed topics restricted to the seed (session 56) in every engine."
    );
    println!();
    println!(
        "| queries | n | Taawun R@10 | Taawun MRR | PostgreSQL R@10 | PostgreSQL MRR | SQLite R@10 | SQLite MRR |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mut labels: Vec<String> = served
        .report
        .judged
        .iter()
        .map(|(label, _, _)| label.clone())
        .collect();
    labels.sort_by_key(|label| (label == "all", label.clone()));
    labels.dedup();
    for label in labels {
        let cell = |report: Option<&EngineReport>| match report.and_then(|r| r.recall(&label)) {
            Some((r, rr, _)) => format!("{r:.3} | {rr:.3}"),
            None => "– | –".into(),
        };
        let n = served.report.recall(&label).map_or(0, |(_, _, n)| n);
        println!(
            "| {label} | {n} | {} | {} | {} |",
            cell(Some(&served.report)),
            cell(postgres.map(|(_, r)| r)),
            cell(sqlite.map(|(_, r)| r))
        );
    }
    if std::env::var_os("TAAWUN_BENCH_VERBOSE").is_some() {
        println!();
        println!(
            "Each judged query: recall@10 / reciprocal rank, and the first ten (judgement ids, * relevant)."
        );
        println!();
        for query in &judgements::load() {
            let cell =
                |report: Option<&EngineReport>| match report.and_then(|r| r.ranked_for(query)) {
                    Some(ranked) => {
                        let (r, rr) = score(ranked, &query.relevant);
                        let ids: Vec<String> = ranked
                            .iter()
                            .map(|id| {
                                let short = id.split(':').nth(1).unwrap_or(id);
                                if query.relevant.contains(id) {
                                    format!("{short}*")
                                } else {
                                    short.to_string()
                                }
                            })
                            .collect();
                        format!("{r:.2}/{rr:.2} [{}]", ids.join(" "))
                    }
                    None => "–".into(),
                };
            println!(
                "{} {} «{}» ({} relevant)\n  taawun   {}\n  postgres {}\n  sqlite   {}",
                query.topic,
                query.language.code(),
                query.query,
                query.relevant.len(),
                cell(Some(&served.report)),
                cell(postgres.map(|(_, r)| r)),
                cell(sqlite.map(|(_, r)| r))
            );
        }
    }
    println!();
    let kb = |v: (u64, u64, u64)| {
        format!(
            "{:.0} MB (anonymous {:.0} MB, file-backed {:.0} MB)",
            v.0 as f64 / 1024.0,
            v.1 as f64 / 1024.0,
            v.2 as f64 / 1024.0
        )
    };
    println!(
        "Serving process ({} documents, {} segments, opened in {} ms): RSS before opening {}; after opening {}; after the queries {}.",
        thousands(served.documents),
        served.segments,
        ms(served.open),
        kb(served.rss_before_open),
        kb(served.rss_after_open),
        kb(served.rss_after_queries)
    );
}
