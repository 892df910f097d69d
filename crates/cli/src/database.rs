//! Chooses and opens the storage backend from the configuration: an explicit
//! `--database-url` (`sqlite://…` or `postgres://…`), or the embedded SQLite file in the data
//! directory, created on first use.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use taawun_store::Store;

/// Where the data lives, as configured.
#[derive(Clone, Debug)]
pub struct DatabaseConfig {
    pub url: Option<String>,
    pub data_dir: PathBuf,
}

/// The file name of the embedded database inside the data directory.
pub const SQLITE_FILE: &str = "taawun.db";

impl DatabaseConfig {
    /// A description for people: the backend and where, without any password.
    pub fn describe(&self) -> String {
        match &self.url {
            Some(url) => redact(url),
            None => format!("SQLite at {}", self.data_dir.join(SQLITE_FILE).display()),
        }
    }
}

/// Opens the store; creates the data directory (and nothing else) for the embedded default.
pub async fn open(config: &DatabaseConfig) -> anyhow::Result<Arc<dyn Store>> {
    match config.url.as_deref() {
        None => {
            prepare_data_dir(&config.data_dir)?;
            let path = config.data_dir.join(SQLITE_FILE);
            let url = format!("sqlite://{}", path.display());
            let store = taawun_store_sqlite::connect(&url)
                .await
                .with_context(|| format!("cannot open the database {}", path.display()))?;
            Ok(Arc::new(store))
        }
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            let store = taawun_store_postgres::connect(url, None).await.with_context(|| {
                format!(
                    "cannot connect to PostgreSQL at {}; check that the server runs and that the URL (--database-url or TAAWUN_DATABASE_URL) names an existing database and user",
                    redact(url)
                )
            })?;
            Ok(Arc::new(store))
        }
        Some(url) if url.starts_with("sqlite:") => {
            let store = taawun_store_sqlite::connect(url)
                .await
                .with_context(|| format!("cannot open the SQLite database {url}"))?;
            Ok(Arc::new(store))
        }
        Some(url) => bail!(
            "unsupported database URL {}: use sqlite://PATH or postgres://USER@HOST:PORT/DATABASE",
            redact(url)
        ),
    }
}

/// Creates the data directory if needed and checks that it is writable, so that a read-only or
/// misplaced directory is reported as such rather than as an obscure SQLite error.
fn prepare_data_dir(dir: &Path) -> anyhow::Result<()> {
    let existed = dir.is_dir();
    std::fs::create_dir_all(dir).with_context(|| {
        format!(
            "cannot create the data directory {}; choose another with --data-dir or TAAWUN_DATA_DIR",
            dir.display()
        )
    })?;
    let probe = dir.join(".taawun-write-check");
    let writable = std::fs::write(&probe, b"").and_then(|()| std::fs::remove_file(&probe));
    if let Err(error) = writable {
        if !existed {
            // Leave nothing half-created behind.
            let _ = std::fs::remove_dir(dir);
        }
        bail!(
            "the data directory {} is not writable ({error}); fix its permissions or choose another with --data-dir or TAAWUN_DATA_DIR",
            dir.display()
        );
    }
    Ok(())
}

/// The URL with its password replaced by `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            super::redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(super::redact("postgres://u@h/db"), "postgres://u@h/db");
    }
}
