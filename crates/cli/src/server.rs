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
pub async fn prepare(store: &dyn Store) -> anyhow::Result<()> {
    store
        .migrate()
        .await
        .context("cannot migrate the database")?;
    let records = taawun_store::state_records_from_builtin();
    let fingerprint = taawun_store::table_fingerprint(&records);
    let report = store
        .sync_states(&records, &fingerprint)
        .await
        .context("cannot load the built-in States into the database")?;
    if report.changed {
        tracing::info!(
            states = report.states,
            "built-in States written to the database"
        );
    }
    Ok(())
}

pub struct Application {
    listener: TcpListener,
    store: Arc<dyn Store>,
    search: Arc<taawun_search::SearchIndex>,
}

impl Application {
    /// Prepares the store and binds `addr`; nothing is served until [`Application::run`].
    pub async fn build(
        store: Arc<dyn Store>,
        search: Arc<taawun_search::SearchIndex>,
        addr: &str,
    ) -> anyhow::Result<Self> {
        prepare(store.as_ref()).await?;
        crate::registry::import_seed_if_empty(store.as_ref())
            .await
            .context("cannot import the example resolution")?;
        crate::search_index::ensure_filled(store.as_ref(), &search).await?;
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
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until the process is asked to stop.
    pub async fn run(self) -> anyhow::Result<()> {
        let router = taawun_web::router(AppState::new(self.store, self.search));
        axum::serve(self.listener, router)
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
) -> anyhow::Result<()> {
    let started = Instant::now();
    let app = Application::build(store, search, addr).await?;
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
