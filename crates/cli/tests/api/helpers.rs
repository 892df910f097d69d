use std::path::PathBuf;
use std::sync::Arc;

use taawun::server::Application;
use taawun_store::Store;
use tempfile::TempDir;

/// A database of the test's own: PostgreSQL (a new schema) when `TAAWUN_TEST_DATABASE_URL` is
/// set, otherwise a SQLite file in a temporary directory (kept alive by the returned guard).
pub async fn test_store() -> (Arc<dyn Store>, Option<TempDir>) {
    let (store, _, dir) = test_store_with_sql().await;
    (store, dir)
}

/// The database under a test's store, for tests that play someone with direct access to it.
pub enum RawDatabase {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

impl RawDatabase {
    /// Runs one statement (written so that both engines accept it); the rows it changed, or the
    /// database's error text.
    pub async fn execute(&self, sql: &str) -> Result<u64, String> {
        match self {
            RawDatabase::Sqlite(pool) => sqlx::query(sql)
                .execute(pool)
                .await
                .map(|done| done.rows_affected()),
            RawDatabase::Postgres(pool) => sqlx::query(sql)
                .execute(pool)
                .await
                .map(|done| done.rows_affected()),
        }
        .map_err(|e| e.to_string())
    }

    /// The first column of every row of a query that selects text.
    pub async fn strings(&self, sql: &str) -> Vec<String> {
        match self {
            RawDatabase::Sqlite(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
            RawDatabase::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
        }
        .expect("the query runs")
    }
}

/// `test_store`, with a handle on the database itself.
pub async fn test_store_with_sql() -> (Arc<dyn Store>, RawDatabase, Option<TempDir>) {
    match std::env::var("TAAWUN_TEST_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => {
            let schema = format!("test_{}", uuid::Uuid::new_v4().simple());
            let store = taawun_store_postgres::connect(&url, Some(&schema))
                .await
                .expect("TAAWUN_TEST_DATABASE_URL names a reachable PostgreSQL");
            let raw = RawDatabase::Postgres(store.pool().clone());
            (Arc::new(store), raw, None)
        }
        _ => {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let url = format!("sqlite://{}", dir.path().join("taawun.db").display());
            let store = taawun_store_sqlite::connect(&url)
                .await
                .expect("a new SQLite database");
            let raw = RawDatabase::Sqlite(store.pool().clone());
            (Arc::new(store), raw, Some(dir))
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub store: Arc<dyn Store>,
    /// The server's search index, for tests that import records behind its back.
    pub search: Arc<taawun_search::SearchIndex>,
    pub sql: RawDatabase,
    _dir: Option<TempDir>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("the server answers")
    }

    pub async fn get_with(&self, path: &str, header: &str, value: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header(header, value)
            .send()
            .await
            .expect("the server answers")
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("a JSON body"))
    }
}

/// Starts the whole application on a free port, as `taawun serve` does (with fast password
/// hashing, no API rate limit, and e-mail left in the outbox for the test to read).
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The same, with the account settings adjusted first.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut taawun_web::auth::AuthConfig)) -> TestApp {
    let (store, sql, dir) = test_store_with_sql().await;
    spawn_on(store, sql, dir, adjust, None).await
}

/// Two servers on one database, as behind a load balancer: each with its own search index,
/// each checking every `follow` that its index holds what the database holds.
pub async fn spawn_two_servers(follow: std::time::Duration) -> (TestApp, TestApp) {
    let (first, second, sql, second_sql, dir) = match std::env::var("TAAWUN_TEST_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => {
            let schema = format!("test_{}", uuid::Uuid::new_v4().simple());
            let open = || async {
                taawun_store_postgres::connect(&url, Some(&schema))
                    .await
                    .expect("TAAWUN_TEST_DATABASE_URL names a reachable PostgreSQL")
            };
            let (first, second) = (open().await, open().await);
            let sql = RawDatabase::Postgres(first.pool().clone());
            let second_sql = RawDatabase::Postgres(second.pool().clone());
            let first: Arc<dyn Store> = Arc::new(first);
            let second: Arc<dyn Store> = Arc::new(second);
            (first, second, sql, second_sql, None)
        }
        _ => {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let url = format!("sqlite://{}", dir.path().join("taawun.db").display());
            let open = || async {
                taawun_store_sqlite::connect(&url)
                    .await
                    .expect("a SQLite database")
            };
            let (first, second) = (open().await, open().await);
            let sql = RawDatabase::Sqlite(first.pool().clone());
            let second_sql = RawDatabase::Sqlite(second.pool().clone());
            let first: Arc<dyn Store> = Arc::new(first);
            let second: Arc<dyn Store> = Arc::new(second);
            (first, second, sql, second_sql, Some(dir))
        }
    };
    let first = spawn_on(first, sql, dir, |_| {}, Some(follow)).await;
    let second = spawn_on(second, second_sql, None, |_| {}, Some(follow)).await;
    (first, second)
}

async fn spawn_on(
    store: Arc<dyn Store>,
    sql: RawDatabase,
    dir: Option<TempDir>,
    adjust: impl FnOnce(&mut taawun_web::auth::AuthConfig),
    search_follow: Option<std::time::Duration>,
) -> TestApp {
    let search = std::sync::Arc::new(taawun_search::SearchIndex::in_memory().unwrap());
    let mut auth = taawun_web::auth::AuthConfig::new(
        "http://taawun.test",
        taawun_accounts::PasswordHasher::for_tests(),
    );
    auth.api_requests_per_second = 0;
    adjust(&mut auth);
    let config = taawun::server::ServerConfig {
        auth,
        mail: None,
        search_follow,
        evidence_dir: dir.as_ref().map(|d| d.path().join("evidence")).or_else(|| {
            Some(
                std::env::temp_dir()
                    .join(format!("taawun-evidence-{}", uuid::Uuid::new_v4().simple())),
            )
        }),
        reminders: false,
        funds: None,
    };
    let app = Application::build(store.clone(), search.clone(), "127.0.0.1:0", config)
        .await
        .expect("the application starts");
    let address = format!("http://{}", app.local_addr());
    tokio::spawn(app.run());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    TestApp {
        address,
        client,
        store,
        search,
        sql,
        _dir: dir,
    }
}

impl TestApp {
    /// The URL of the server's database when it is a SQLite file, for a `taawun` process that
    /// works on the same database beside the server.
    pub fn sqlite_url(&self) -> Option<String> {
        let dir = self._dir.as_ref()?;
        Some(format!(
            "sqlite://{}",
            dir.path().join("taawun.db").display()
        ))
    }
}

/// A file under `../shared/` (read in place, never copied).
pub fn shared(path: &str) -> PathBuf {
    taawun_testdata::shared(path)
}

/// The State names of the seed resolution's vote lists (after المؤيدون, المعارضون and the
/// damaged المتنعون).
pub fn seed_vote_names() -> Vec<String> {
    let text = std::fs::read_to_string(shared("seeds/000_b863d33a48876efe.txt")).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut names = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if ["المؤيدون:", "المعارضون:", "المتنعون:", "الممتنعون:"].contains(line)
        {
            names.extend(
                lines[i + 1]
                    .trim_end_matches(['.', ']'])
                    .split('،')
                    .map(|n| n.trim().to_owned())
                    .filter(|n| !n.is_empty()),
            );
        }
    }
    names
}

/// Runs a `taawun` command that must succeed (its error output shown when it does not), and
/// returns what it printed.
pub fn succeeded(command: &mut std::process::Command) -> String {
    let output = command.output().expect("the command runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the command prints UTF-8")
}

/// The `taawun` binary, with the caller's configuration removed: each test chooses its own
/// database and address.
pub fn taawun() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_taawun"));
    command
        .env_remove("TAAWUN_DATABASE_URL")
        .env_remove("TAAWUN_DATA_DIR")
        .env_remove("TAAWUN_ADDR")
        .env_remove("TAAWUN_INDEX_DIR");
    command
}

/// An API token for the account of `email` (made directly in the store, as the account page
/// would).
pub async fn token_of(app: &TestApp, email: &str) -> String {
    let user = app
        .store
        .accounts()
        .credentials(email)
        .await
        .unwrap()
        .unwrap()
        .user;
    let secret = taawun_accounts::new_secret("tw_");
    app.store
        .accounts()
        .create_api_token(
            &taawun_store::ChangeContext::command_line(),
            user.id,
            "test",
            &taawun_accounts::digest(secret.expose()),
            &secret.expose().chars().take(10).collect::<String>(),
            chrono::Utc::now().timestamp(),
        )
        .await
        .unwrap();
    secret.expose().to_owned()
}

/// A JSON request with an optional bearer token: the status and the body (null when not JSON).
pub async fn send(
    app: &TestApp,
    token: Option<&str>,
    method: reqwest::Method,
    path: &str,
    body: serde_json::Value,
) -> (u16, serde_json::Value) {
    let mut request = app.client.request(method, app.url(path)).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (
        status,
        response.json().await.unwrap_or(serde_json::Value::Null),
    )
}
