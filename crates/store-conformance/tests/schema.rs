//! The two engines' migrations are written twice (their SQL differs); this checks that, once
//! applied, they describe the same schema: the same tables and views, the same columns in the
//! same order with corresponding types and the same nullability, the same primary keys and the
//! same named indexes.

use std::collections::BTreeMap;

use taawun_store::Store;
use taawun_store_conformance::postgres_url;

/// A column as both engines can be compared on it.
#[derive(Debug, PartialEq, Eq)]
struct Column {
    name: String,
    /// The type family: how the value is kept, across the engines' spellings.
    family: &'static str,
    not_null: bool,
    primary_key: bool,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Schema {
    tables: BTreeMap<String, Vec<Column>>,
    views: Vec<String>,
    indexes: Vec<String>,
}

/// What each declared type keeps. SQLite has no BOOLEAN, DATE, TIMESTAMPTZ or JSONB: the
/// platform keeps booleans as integers, dates and times as ISO 8601 text, JSON as text there.
fn sqlite_family(declared: &str) -> &'static str {
    match declared.to_ascii_uppercase().as_str() {
        "INTEGER" | "BIGINT" => "integer",
        "TEXT" => "text",
        "REAL" | "DOUBLE" => "real",
        other => panic!("SQLite column type {other} has no family here; add it"),
    }
}

fn postgres_family(declared: &str) -> &'static str {
    match declared {
        "integer" | "bigint" | "smallint" => "integer",
        "boolean" => "integer",
        "text" | "date" | "timestamp with time zone" | "jsonb" => "text",
        "double precision" | "real" => "real",
        other => panic!("PostgreSQL column type {other} has no family here; add it"),
    }
}

async fn sqlite_schema(dir: &std::path::Path) -> Schema {
    let url = format!("sqlite://{}", dir.join("schema.db").display());
    let store = taawun_store_sqlite::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    let pool = store.pool();
    let mut schema = Schema::default();
    let objects: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT type, name, sql FROM sqlite_master
         WHERE name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (kind, name, sql) in objects {
        match kind.as_str() {
            "table" => {
                let columns: Vec<(String, String, bool, i64)> = sqlx::query_as(
                    "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid",
                )
                .bind(&name)
                .fetch_all(pool)
                .await
                .unwrap();
                let columns = columns
                    .into_iter()
                    .map(|(column, declared, not_null, pk)| Column {
                        family: sqlite_family(&declared),
                        not_null: not_null || pk > 0,
                        primary_key: pk > 0,
                        name: column,
                    })
                    .collect();
                schema.tables.insert(name, columns);
            }
            "view" => schema.views.push(name),
            // Indexes the schema names (SQLite's own, for keys, have no SQL).
            "index" if sql.is_some() => schema.indexes.push(name),
            _ => {}
        }
    }
    schema
}

async fn postgres_schema(url: &str) -> (Schema, taawun_store_postgres::PostgresStore, String) {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let name = format!("schema_check_{}_{nanos}", std::process::id());
    let store = taawun_store_postgres::connect(url, Some(&name))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let pool = store.pool();
    let mut schema = Schema::default();
    let tables: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, table_type::text FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations'
         ORDER BY table_name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, kind) in tables {
        if kind == "VIEW" {
            schema.views.push(table);
            continue;
        }
        let columns: Vec<(String, String, String, bool)> = sqlx::query_as(
            "SELECT c.column_name::text, c.data_type::text, c.is_nullable::text,
                    EXISTS (SELECT 1 FROM information_schema.table_constraints t
                            JOIN information_schema.key_column_usage k
                              ON k.constraint_schema = t.constraint_schema
                             AND k.constraint_name = t.constraint_name
                            WHERE t.constraint_type = 'PRIMARY KEY'
                              AND t.table_schema = c.table_schema AND t.table_name = c.table_name
                              AND k.column_name = c.column_name)
             FROM information_schema.columns c
             WHERE c.table_schema = current_schema() AND c.table_name = $1
             ORDER BY c.ordinal_position",
        )
        .bind(&table)
        .fetch_all(pool)
        .await
        .unwrap();
        let columns = columns
            .into_iter()
            .map(|(column, declared, nullable, primary_key)| Column {
                family: postgres_family(&declared),
                not_null: nullable == "NO",
                primary_key,
                name: column,
            })
            .collect();
        schema.tables.insert(table, columns);
    }
    // Indexes the schema names, not those PostgreSQL makes for a key or a UNIQUE constraint.
    schema.indexes = sqlx::query_scalar(
        "SELECT i.relname::text FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_namespace n ON n.oid = i.relnamespace
         WHERE n.nspname = current_schema()
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
         ORDER BY 1",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    (schema, store, name)
}

#[tokio::test]
async fn the_engines_migrated_schemas_agree() {
    let Some(url) = postgres_url() else {
        eprintln!(
            "the_engines_migrated_schemas_agree: skipped (set TAAWUN_TEST_DATABASE_URL to compare with PostgreSQL)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = sqlite_schema(dir.path()).await;
    let (postgres, store, name) = postgres_schema(&url).await;
    sqlx::query(&format!("DROP SCHEMA {name} CASCADE"))
        .execute(store.pool())
        .await
        .unwrap();

    assert!(sqlite.tables.len() > 10, "{:?}", sqlite.tables.keys());
    let sqlite_tables: Vec<&String> = sqlite.tables.keys().collect();
    let postgres_tables: Vec<&String> = postgres.tables.keys().collect();
    assert_eq!(sqlite_tables, postgres_tables, "the same tables");
    for (table, columns) in &sqlite.tables {
        assert_eq!(
            columns, &postgres.tables[table],
            "table {table}: the same columns (name, family, NOT NULL, primary key) in the same order"
        );
    }
    assert_eq!(sqlite.views, postgres.views, "the same views");
    assert_eq!(sqlite.indexes, postgres.indexes, "the same named indexes");
}
