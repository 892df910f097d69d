//! PostgreSQL full-text search on the benchmark corpus, in a schema of its own
//! (`search_bench`, dropped at the end; nothing else is touched).
//!
//! Each row's `tsvector` is computed with its language's text-search configuration (`arabic`,
//! `english`, `french`, `spanish`, `russian`; `simple` for the pre-segmented Chinese), stored in
//! a generated column with a GIN index. Queries use `websearch_to_tsquery` (all words required)
//! and rank with `ts_rank`, top 10.

use std::time::{Duration, Instant};

use sqlx::{Connection, PgConnection, Row as _};
use taawun_search::{Language, SearchDocument};

use crate::generate::BenchQuery;
use crate::rows::{Row, Segmenter};

pub const SCHEMA: &str = "search_bench";

pub fn config(language: Language) -> &'static str {
    match language {
        Language::Ar => "arabic",
        Language::En => "english",
        Language::Fr => "french",
        Language::Es => "spanish",
        Language::Ru => "russian",
        Language::Zh => "simple",
    }
}

pub struct Loaded {
    pub rows: u64,
    pub copy: Duration,
    pub index: Duration,
    pub bytes: i64,
}

/// Escapes a value for COPY's text format.
fn copy_escape(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
}

pub async fn load(
    connection: &mut PgConnection,
    documents: impl Iterator<Item = SearchDocument>,
) -> Result<Loaded, sqlx::Error> {
    for statement in [
        format!("DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"),
        format!("CREATE SCHEMA {SCHEMA}"),
        format!(
            "CREATE TABLE {SCHEMA}.docs (id bigint, judge text, lang text, cfg regconfig, \
             body text, session int, year int, text text, \
             tsv tsvector GENERATED ALWAYS AS (to_tsvector(cfg, text)) STORED)"
        ),
    ] {
        sqlx::query(&statement).execute(&mut *connection).await?;
    }
    let started = Instant::now();
    let mut copy = connection
        .copy_in_raw(&format!(
            "COPY {SCHEMA}.docs (id, judge, lang, cfg, body, session, year, text) FROM STDIN"
        ))
        .await?;
    let mut segmenter = Segmenter::default();
    let mut buffer = String::with_capacity(1 << 21);
    let mut rows = 0u64;
    for (id, document) in documents.enumerate() {
        let row = Row::new(id as i64, &document, &mut segmenter);
        buffer.push_str(&format!("{}\t", row.id));
        copy_escape(&mut buffer, &row.judge);
        buffer.push_str(&format!(
            "\t{}\t{}\t",
            row.language.code(),
            config(row.language)
        ));
        copy_escape(&mut buffer, &row.body);
        buffer.push_str(&format!("\t{}\t{}\t", row.session, row.year));
        copy_escape(&mut buffer, &row.text);
        buffer.push('\n');
        rows += 1;
        if buffer.len() > 1 << 20 {
            copy.send(std::mem::take(&mut buffer).into_bytes()).await?;
        }
    }
    if !buffer.is_empty() {
        copy.send(buffer.into_bytes()).await?;
    }
    copy.finish().await?;
    let copy_time = started.elapsed();
    let started = Instant::now();
    for statement in [
        format!("CREATE INDEX docs_tsv ON {SCHEMA}.docs USING gin (tsv)"),
        format!("CREATE INDEX docs_filters ON {SCHEMA}.docs (lang, body, year)"),
        format!("ANALYZE {SCHEMA}.docs"),
    ] {
        sqlx::query(&statement).execute(&mut *connection).await?;
    }
    let index = started.elapsed();
    let bytes: i64 = sqlx::query_scalar(&format!("SELECT pg_total_relation_size('{SCHEMA}.docs')"))
        .fetch_one(&mut *connection)
        .await?;
    Ok(Loaded {
        rows,
        copy: copy_time,
        index,
        bytes,
    })
}

/// The judgement ids of the top 10 for a query with its two filters; `text` is the query's
/// words as the index sees them (Chinese segmented).
pub async fn search(
    connection: &mut PgConnection,
    query: &BenchQuery,
    text: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let sql = format!(
        "SELECT judge FROM {SCHEMA}.docs \
         WHERE lang = $1 AND tsv @@ websearch_to_tsquery($2::regconfig, $3) \
           AND body = $4 AND year BETWEEN $5 AND $6 \
         ORDER BY ts_rank(tsv, websearch_to_tsquery($2::regconfig, $3)) DESC LIMIT 10"
    );
    let rows = sqlx::query(&sql)
        .bind(query.language.code())
        .bind(config(query.language))
        .bind(text)
        .bind(&query.body)
        .bind(query.from_year)
        .bind(query.to_year)
        .fetch_all(&mut *connection)
        .await?;
    Ok(rows.iter().map(|r| r.get::<String, _>(0)).collect())
}

/// A search page's work, as the platform would ask PostgreSQL for it: the number of matches,
/// the counts of the facets the table has (session and year; body and language are filtered
/// on), and the top 10 with a highlighted snippet each (`ts_headline`, on those ten only).
/// Returns the number of rows answered, so that nothing is optimised away.
pub async fn page(
    connection: &mut PgConnection,
    query: &BenchQuery,
    text: &str,
) -> Result<usize, sqlx::Error> {
    let sql = format!(
        "WITH q AS (SELECT websearch_to_tsquery($2::regconfig, $3) AS q), \
         m AS MATERIALIZED (SELECT d.judge, d.session, d.year, d.text, ts_rank(d.tsv, q.q) AS rank \
             FROM {SCHEMA}.docs d, q \
             WHERE d.lang = $1 AND d.tsv @@ q.q AND d.body = $4 AND d.year BETWEEN $5 AND $6), \
         top AS (SELECT judge, text, rank FROM m ORDER BY rank DESC LIMIT 10) \
         SELECT 'hit' AS part, judge AS value, \
             ts_headline($2::regconfig, text, (SELECT q FROM q)) AS snippet, 0::bigint AS n FROM top \
         UNION ALL SELECT 'total', NULL, NULL, count(*) FROM m \
         UNION ALL SELECT 'session', session::text, NULL, count(*) FROM m GROUP BY session \
         UNION ALL SELECT 'year', year::text, NULL, count(*) FROM m GROUP BY year"
    );
    let rows = sqlx::query(&sql)
        .bind(query.language.code())
        .bind(config(query.language))
        .bind(text)
        .bind(&query.body)
        .bind(query.from_year)
        .bind(query.to_year)
        .fetch_all(&mut *connection)
        .await?;
    Ok(rows.len())
}

/// The judgement ids of the top 10 for a judged query (its language; the seed alone for the
/// seed's topics); `text` as for [`search`].
pub async fn judged(
    connection: &mut PgConnection,
    language: Language,
    text: &str,
    seed_only: bool,
) -> Result<Vec<String>, sqlx::Error> {
    let sql = format!(
        "SELECT judge FROM {SCHEMA}.docs \
         WHERE lang = $1 AND tsv @@ websearch_to_tsquery($2::regconfig, $3) \
           AND ($4 = false OR session = {seed}) \
         ORDER BY ts_rank(tsv, websearch_to_tsquery($2::regconfig, $3)) DESC LIMIT 10",
        seed = crate::generate::SEED_SESSION
    );
    let rows = sqlx::query(&sql)
        .bind(language.code())
        .bind(config(language))
        .bind(text)
        .bind(seed_only)
        .fetch_all(&mut *connection)
        .await?;
    Ok(rows.iter().map(|r| r.get::<String, _>(0)).collect())
}

pub async fn drop_schema(connection: &mut PgConnection) -> Result<(), sqlx::Error> {
    sqlx::query(&format!("DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        .execute(&mut *connection)
        .await?;
    Ok(())
}

pub async fn connect(url: &str) -> Result<PgConnection, sqlx::Error> {
    PgConnection::connect(url).await
}
