//! Start-up: open the store, migrate, bring the reference data in line, bind, serve until
//! Ctrl-C or SIGTERM. `Application::build` binds first and serves later, so tests can ask for
//! port 0 and learn the port.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use taawun_store::Store;
use taawun_web::AppState;
use tokio::net::TcpListener;

/// Migrates and loads the built-in reference data (writes only when the table changed).
pub async fn prepare(store: &dyn Store) -> anyhow::Result<Prepared> {
    // A database that does not answer is reported by `migrate` below, with its cause.
    let applied_before = store.readiness().await.map_or(0, |r| r.migrations_applied);
    store
        .migrate()
        .await
        .context("cannot migrate the database")?;
    let readiness = store
        .readiness()
        .await
        .context("cannot read the database's migrations")?;
    let records = taawun_store::state_records_from_builtin();
    let fingerprint = taawun_store::table_fingerprint(&records);
    let report = store
        .sync_states(
            &taawun_store::ChangeContext::system(),
            &records,
            &fingerprint,
        )
        .await
        .context("cannot load the built-in States into the database")?;
    if report.changed {
        tracing::info!(
            states = report.states,
            "built-in States written to the database"
        );
    }
    Ok(Prepared {
        created: applied_before == 0,
        migrations_applied: readiness.migrations_applied.saturating_sub(applied_before),
        migrations_total: readiness.migrations_applied,
        states_loaded: report.changed.then_some(report.states),
    })
}

/// What [`prepare`] did to the database.
#[derive(Clone, Copy, Debug)]
pub struct Prepared {
    /// The database had no migration applied: it was created now.
    pub created: bool,
    /// Migrations applied now, and in all.
    pub migrations_applied: usize,
    pub migrations_total: usize,
    /// The built-in States written, when the table had changed (or was empty).
    pub states_loaded: Option<usize>,
}

impl std::fmt::Display for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        if self.created {
            write!(f, "Created the database")?;
        } else if self.migrations_applied > 0 {
            write!(f, "Migrated the database")?;
        } else {
            write!(f, "The database is up to date")?;
        }
        if self.migrations_applied > 0 {
            write!(
                f,
                ": {} migration{} applied ({} in all)",
                self.migrations_applied,
                plural(self.migrations_applied),
                self.migrations_total
            )?;
        } else {
            write!(
                f,
                ": all {} migrations applied before",
                self.migrations_total
            )?;
        }
        match self.states_loaded {
            Some(n) => write!(f, "; {n} built-in States loaded"),
            None => write!(f, "; the built-in States were already loaded"),
        }
    }
}

/// What the server needs besides the database and the index.
pub struct ServerConfig {
    pub auth: taawun_web::auth::AuthConfig,
    /// Where e-mail goes; `None` leaves messages in the outbox (tests read them there).
    pub mail: Option<Arc<dyn taawun_mail::Transport>>,
    /// How often the search index is compared with the database and rebuilt when the database
    /// changed behind this server ([`crate::search_index::spawn_follower`]); `None`: never.
    pub search_follow: Option<std::time::Duration>,
    /// Where evidence files of implementation plans are kept (`evidence/` in the data
    /// directory); `None`: a folder in the system's temporary directory (tests).
    pub evidence_dir: Option<std::path::PathBuf>,
    /// Whether this server sends the daily reminders of plan actions (checked hourly; the day's
    /// row in the database makes them go once, whichever server gets there first).
    pub reminders: bool,
    /// The assistance funds as configured; `None`: the built-in three.
    pub funds: Option<Vec<taawun_funds::Fund>>,
}

pub struct Application {
    listener: TcpListener,
    store: Arc<dyn Store>,
    search: Arc<taawun_search::SearchIndex>,
    config: ServerConfig,
}

impl Application {
    /// Prepares the store and binds `addr`; nothing is served until [`Application::run`].
    pub async fn build(
        store: Arc<dyn Store>,
        search: Arc<taawun_search::SearchIndex>,
        addr: &str,
        config: ServerConfig,
    ) -> anyhow::Result<Self> {
        prepare(store.as_ref()).await?;
        let seed = crate::registry::import_seed_if_empty(store.as_ref())
            .await
            .context("cannot import the example resolution")?;
        crate::search_index::ensure_filled(store.as_ref(), &search).await?;
        // An index filled before the seed came in (by a vote import) lacks it.
        if let Some(seed) = seed {
            search
                .upsert(&seed)
                .context("cannot add the example resolution to the search index")?;
        }
        let listener = TcpListener::bind(addr).await.map_err(|error| {
            let advice = match error.kind() {
                std::io::ErrorKind::AddrInUse => {
                    "another program already listens there; stop it or choose another address with --addr or TAAWUN_ADDR"
                }
                std::io::ErrorKind::PermissionDenied => "choose a port above 1023 with --addr or TAAWUN_ADDR",
                _ => "check the address given with --addr or TAAWUN_ADDR (HOST:PORT)",
            };
            anyhow::anyhow!("cannot listen on {addr}: {error}; {advice}")
        })?;
        Ok(Application {
            listener,
            store,
            search,
            config,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until the process is asked to stop.
    pub async fn run(self) -> anyhow::Result<()> {
        if let Some(transport) = self.config.mail.clone() {
            crate::mail::spawn_sender(
                self.store.clone(),
                transport,
                self.config.auth.session_times,
            );
        }
        if let Some(interval) = self.config.search_follow {
            crate::search_index::spawn_follower(self.store.clone(), self.search.clone(), interval);
        }
        if self.config.reminders {
            crate::reminders::spawn_daily(self.store.clone(), self.config.auth.public_url.clone());
        }
        let mut state = AppState::new(self.store, self.search, self.config.auth);
        if let Some(funds) = self.config.funds {
            state = state.with_funds(funds);
        }
        if let Some(dir) = self.config.evidence_dir {
            state = state.with_evidence_dir(dir);
        }
        // The vote matrices are read while the server already answers: the first visitors of
        // the home page or a State's record then find them ready.
        tokio::spawn(taawun_web::warm_up_vote_figures(state.clone()));
        let router = taawun_web::router(state);
        // The peer's address reaches handlers, for sign-in and API rate limits.
        let service = router.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("the server stopped with an error")
    }
}

/// `taawun serve`.
pub async fn serve(
    store: Arc<dyn Store>,
    search: Arc<taawun_search::SearchIndex>,
    addr: &str,
    database: &str,
    config: ServerConfig,
) -> anyhow::Result<()> {
    let started = Instant::now();
    if let Some(mail) = &config.mail {
        tracing::info!(transport = %mail.describe(), "e-mail");
    }
    tracing::info!(hashing = %config.auth.hasher.describe(), public_url = %config.auth.public_url, "accounts");
    let app = Application::build(store, search, addr, config).await?;
    let address = app.local_addr();
    tracing::info!(%address, database, startup_ms = started.elapsed().as_millis() as u64, "ready");
    println!("Taawun is serving on http://{address}/ ({database}); press Ctrl-C to stop.");
    app.run().await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
