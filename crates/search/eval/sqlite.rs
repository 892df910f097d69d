//! SQLite FTS5 on the benchmark corpus, in a temporary file.
//!
//! A plain table holds the rows and their filter columns (indexed); one external-content FTS5
//! table per language holds the text: `porter unicode61` for English, `unicode61
//! remove_diacritics 2` for the others (FTS5 has no Arabic, French, Spanish or Russian
//! stemmer). Queries quote each word (all required) and rank by `bm25`, top 10.

use std::path::Path;
use std::time::{Duration, Instant};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Row as _, SqliteConnection};
use taawun_search::{Language, SearchDocument};

use crate::generate::BenchQuery;
use crate::rows::{Row, Segmenter};

/// Rows per INSERT statement (7 parameters each, under SQLite's 32,766).
const BATCH: usize = 500;

pub struct Loaded {
    pub rows: u64,
    pub insert: Duration,
    pub index: Duration,
    pub bytes: u64,
}

fn tokenizer(language: Language) -> &'static str {
    match language {
        Language::En => "porter unicode61 remove_diacritics 2",
        _ => "unicode61 remove_diacritics 2",
    }
}

pub async fn connect(path: &Path) -> Result<SqliteConnection, sqlx::Error> {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Off)
        .synchronous(SqliteSynchronous::Off)
        .connect()
        .await
}

async fn insert(connection: &mut SqliteConnection, rows: &[Row]) -> Result<(), sqlx::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut sql =
        String::from("INSERT INTO docs (id, judge, lang, body, session, year, text) VALUES ");
    for i in 0..rows.len() {
        sql.push_str(if i == 0 {
            "(?,?,?,?,?,?,?)"
        } else {
            ",(?,?,?,?,?,?,?)"
        });
    }
    let mut query = sqlx::query(&sql);
    for row in rows {
        query = query
            .bind(row.id)
            .bind(&row.judge)
            .bind(row.language.code())
            .bind(&row.body)
            .bind(row.session)
            .bind(row.year)
            .bind(&row.text);
    }
    query.execute(&mut *connection).await?;
    Ok(())
}

pub async fn load(
    connection: &mut SqliteConnection,
    path: &Path,
    documents: impl Iterator<Item = SearchDocument>,
) -> Result<Loaded, sqlx::Error> {
    sqlx::query(
        "CREATE TABLE docs (id INTEGER PRIMARY KEY, judge TEXT, lang TEXT, body TEXT, \
         session INTEGER, year INTEGER, text TEXT)",
    )
    .execute(&mut *connection)
    .await?;
    let started = Instant::now();
    let mut segmenter = Segmenter::default();
    let mut batch = Vec::with_capacity(BATCH);
    let mut rows = 0u64;
    sqlx::query("BEGIN").execute(&mut *connection).await?;
    for (id, document) in documents.enumerate() {
        batch.push(Row::new(id as i64, &document, &mut segmenter));
        rows += 1;
        if batch.len() == BATCH {
            insert(connection, &batch).await?;
            batch.clear();
        }
    }
    insert(connection, &batch).await?;
    sqlx::query("COMMIT").execute(&mut *connection).await?;
    let insert_time = started.elapsed();
    let started = Instant::now();
    for language in Language::ALL {
        let code = language.code();
        sqlx::query(&format!(
            "CREATE VIRTUAL TABLE fts_{code} USING fts5(text, content='docs', \
             content_rowid='id', tokenize='{}')",
            tokenizer(language)
        ))
        .execute(&mut *connection)
        .await?;
        sqlx::query(&format!(
            "INSERT INTO fts_{code} (rowid, text) SELECT id, text FROM docs WHERE lang = '{code}'"
        ))
        .execute(&mut *connection)
        .await?;
    }
    sqlx::query("CREATE INDEX docs_filters ON docs (body, year)")
        .execute(&mut *connection)
        .await?;
    sqlx::query("ANALYZE").execute(&mut *connection).await?;
    let index = started.elapsed();
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(Loaded {
        rows,
        insert: insert_time,
        index,
        bytes,
    })
}

/// FTS5 query syntax: every word quoted (so that no word is read as an operator), all
/// required; a query in double quotes is one phrase.
pub fn match_expression(text: &str) -> String {
    let trimmed = text.trim();
    if let Some(phrase) = trimmed.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        return format!("\"{}\"", phrase.replace('"', ""));
    }
    trimmed
        .split_whitespace()
        .map(|word| format!("\"{}\"", word.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The judgement ids of the top 10 for a query with its two filters; `text` as the index
/// sees it (Chinese segmented).
pub async fn search(
    connection: &mut SqliteConnection,
    query: &BenchQuery,
    text: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let code = query.language.code();
    let sql = format!(
        "SELECT d.judge FROM fts_{code} f JOIN docs d ON d.id = f.rowid \
         WHERE fts_{code} MATCH ?1 AND d.body = ?2 AND d.year BETWEEN ?3 AND ?4 \
         ORDER BY f.rank LIMIT 10"
    );
    let rows = sqlx::query(&sql)
        .bind(match_expression(text))
        .bind(&query.body)
        .bind(query.from_year)
        .bind(query.to_year)
        .fetch_all(&mut *connection)
        .await?;
    Ok(rows.iter().map(|r| r.get::<String, _>(0)).collect())
}

/// The judgement ids of the top 10 for a judged query (the seed alone for the seed's topics).
pub async fn judged(
    connection: &mut SqliteConnection,
    language: Language,
    text: &str,
    seed_only: bool,
) -> Result<Vec<String>, sqlx::Error> {
    let code = language.code();
    let sql = format!(
        "SELECT d.judge FROM fts_{code} f JOIN docs d ON d.id = f.rowid \
         WHERE fts_{code} MATCH ?1 AND (?2 = 0 OR d.session = {seed}) \
         ORDER BY f.rank LIMIT 10",
        seed = crate::generate::SEED_SESSION
    );
    let rows = sqlx::query(&sql)
        .bind(match_expression(text))
        .bind(seed_only)
        .fetch_all(&mut *connection)
        .await?;
    Ok(rows.iter().map(|r| r.get::<String, _>(0)).collect())
}
