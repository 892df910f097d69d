//! The command line: global options (each also read from its `TAAWUN_*` variable) and the
//! subcommands.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use taawun_states::{RegionalGroup, Resolver, UnStatus};
use taawun_store::StateRecord;

use anyhow::Context;

use crate::database::{self, DatabaseConfig};
use crate::registry;
use crate::telemetry::LogFormat;

#[derive(Debug, Parser)]
#[command(
    name = "taawun",
    version,
    about = "Taawun: international cooperation in the field of human rights, as an open platform"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOptions,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalOptions {
    /// Database URL: sqlite://PATH or postgres://USER@HOST:PORT/DATABASE [default: SQLite in the data directory]
    #[arg(long, global = true, env = "TAAWUN_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Directory for the embedded database and other local files
    #[arg(
        long,
        global = true,
        env = "TAAWUN_DATA_DIR",
        default_value = "taawun-data"
    )]
    pub data_dir: PathBuf,
    /// Directory of the search index (derived from the database; `taawun reindex` rebuilds it) [default: search/ in the data directory]
    #[arg(long, global = true, env = "TAAWUN_INDEX_DIR")]
    pub index_dir: Option<PathBuf>,
    /// The address people reach the platform at, for links in e-mails and printed by
    /// `users create-admin`; an https:// address also makes cookies Secure and turns on HSTS
    /// [default: http:// and the serve address]
    #[arg(long, global = true, env = "TAAWUN_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Log format on standard error
    #[arg(long, global = true, env = "TAAWUN_LOG_FORMAT", value_enum, default_value_t = LogFormat::Human)]
    pub log_format: LogFormat,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the platform over HTTP (creates and migrates the database on first start)
    Serve {
        /// Address to listen on, HOST:PORT
        #[arg(long, env = "TAAWUN_ADDR", default_value = "127.0.0.1:8080")]
        addr: String,
        /// Where e-mail goes: file:DIR (each message an .eml file), log (recipient and subject
        /// only), smtp://USER:PASSWORD@HOST:587 (STARTTLS), smtps://…:465, or
        /// smtp://HOST:25?tls=none for a local relay [default: file: the outbox/ folder of the data directory]
        #[arg(long, env = "TAAWUN_MAIL_URL")]
        mail: Option<String>,
        /// The sender of the platform's e-mail
        #[arg(
            long,
            env = "TAAWUN_MAIL_FROM",
            default_value = "Taawun <no-reply@taawun.invalid>"
        )]
        mail_from: String,
        /// Take the client's address from X-Forwarded-For (only behind a proxy that sets it)
        #[arg(long, env = "TAAWUN_TRUST_FORWARDED_FOR")]
        trust_forwarded_for: bool,
        /// API requests per second allowed from one address (0: no limit)
        #[arg(long, env = "TAAWUN_API_RATE_LIMIT", default_value_t = 50)]
        api_rate_limit: u32,
        /// Seconds between two checks that the search index holds what the database holds; when
        /// another process imported records (a `taawun import`, another server on the same
        /// PostgreSQL), the index is rebuilt in the background (0: never check)
        #[arg(long, env = "TAAWUN_SEARCH_FOLLOW_SECONDS", default_value_t = 5)]
        search_follow_seconds: u64,
        /// A TOML file of the assistance funds and their procedures, as the secretariat keeps
        /// them (the format of the built-in file: `taawun funds show-default`) [default: the
        /// three funds of resolution 56/2, built in]
        #[arg(long, env = "TAAWUN_FUNDS")]
        funds: Option<PathBuf>,
    },
    /// Accounts
    Users {
        #[command(subcommand)]
        command: UsersCommand,
    },
    /// The audit trail
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Apply database migrations and load the built-in reference data, then exit
    Migrate,
    /// The built-in States, territories and historic States
    States {
        #[command(subcommand)]
        command: StatesCommand,
    },
    /// Parse a document and print its structured record, without storing anything
    Parse {
        #[command(subcommand)]
        command: ParseCommand,
    },
    /// Import documents into the database
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// The assistance funds' configuration
    Funds {
        #[command(subcommand)]
        command: FundsCommand,
    },
    /// The assistance funds' ledgers
    Ledger {
        #[command(subcommand)]
        command: LedgerCommand,
    },
    /// Write records out in a standard format
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Fill an empty database with demonstration data, marked as such on every page
    Demo {
        #[command(subcommand)]
        command: DemoCommand,
    },
    /// The Universal Periodic Review
    Upr {
        #[command(subcommand)]
        command: UprCommand,
    },
    /// Rebuild the search index from the database
    Reindex,
    /// Search the records, as the search page does
    Search {
        /// Words (all must match), "a phrase", prefix*, -exclusion
        query: String,
        /// The language of the query: ar, en, fr, es, ru or zh (all languages when absent)
        #[arg(long)]
        lang: Option<String>,
        /// Only this body: hrc or unga
        #[arg(long)]
        body: Option<String>,
        /// 1-based page of 20 results
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// Print the whole answer as JSON (the API's)
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Invite the first administrator: prints a single-use link (valid 7 days) to choose a
    /// name and password
    CreateAdmin {
        /// The administrator's e-mail address
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum FundsCommand {
    /// Check a funds file (as `serve --funds` reads it) and print what it configures; every
    /// problem is named with its fund and field, and the exit code is 1
    Check {
        /// The TOML file
        file: PathBuf,
    },
    /// Print the built-in funds file: the starting point of a secretariat's own
    ShowDefault,
}

#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// Prove every fund's books balance (every entry's lines sum to zero, each reversal
    /// cancels one earlier entry, no request paid more than approved, no cash below nothing)
    /// and every entry is in the audit chain, the chain itself unbroken; exit code 1 otherwise
    Verify {
        /// The funds file the server runs with [default: the built-in funds]
        #[arg(long, env = "TAAWUN_FUNDS")]
        funds: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Every approved request of every fund as IATI 2.03 activities (with its commitment and
    /// disbursements, the donors and the recipient country)
    Iati {
        /// Where to write the XML file
        #[arg(long)]
        out: PathBuf,
        #[arg(long, env = "TAAWUN_FUNDS")]
        funds: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// Requests at every stage from States of every regional group, donors traditional and
    /// not, pledges, contributions in several currencies, approvals and disbursements; refused
    /// where the database holds real requests
    Funds {
        /// How many requests
        #[arg(long, default_value_t = 200)]
        requests: usize,
        /// About how many ledger entries in all: donors pledge and pay in as many rounds as
        /// that takes (at least one)
        #[arg(long, default_value_t = 0)]
        entries: usize,
        #[arg(long, env = "TAAWUN_FUNDS")]
        funds: Option<PathBuf>,
    },
    /// Published practices of every modality and region, in Arabic and English, some in a
    /// second version; only into an empty compendium
    Practices {
        /// How many practices
        #[arg(long, default_value_t = 200)]
        count: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum UprCommand {
    /// Send today's reminders of implementation-plan actions (due within 30 days or overdue),
    /// one e-mail per owner through the outbox, unless they were sent today already (by a
    /// server or an earlier run)
    Reminders {
        /// The day to send them for, YYYY-MM-DD [default: today, UTC]
        #[arg(long)]
        date: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain from the first entry; report the first broken entry (exit 1)
    Verify {
        /// Print the result as JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ParseCommand {
    /// Parse a resolution or decision (Arabic or English): its text as extracted from its PDF,
    /// or the UN's PDF itself (read with poppler's pdftotext)
    Resolution {
        /// The text file or PDF
        file: PathBuf,
        /// Print the whole record as JSON (otherwise a summary)
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VoteFormat {
    /// The Human Rights Council's voting records: all-vote-data.csv, all-votes.csv, all-legis-data.csv
    Hrc,
    /// The General Assembly roll calls: un_votes.csv, un_roll_calls.csv, un_roll_call_issues.csv
    Unga,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UprFormat {
    /// UPR Info's compilation of sessions 1-20: the folder holding sessions-*.csv
    UprInfo,
    /// The UN's documents of reviews: the Working Group's report and its addendum (PDF),
    /// OHCHR's thematic lists (.docx)
    Ohchr,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a voting dataset (a directory of CSV files): every roll call new to the database
    /// with its votes, in one transaction; a second run adds nothing
    Votes {
        #[arg(long, value_enum)]
        format: VoteFormat,
        /// The directory holding the dataset's files
        dir: PathBuf,
        /// Skip rows whose State is unknown (listed at the end) instead of stopping
        #[arg(long)]
        skip_unknown: bool,
    },
    /// Import resolutions and decisions into the registry (extracted texts, or the UN's PDFs
    /// themselves): all files are parsed first, and if any fails nothing is stored; the same
    /// text twice changes nothing; a changed text of a known symbol becomes its newest version
    Resolution {
        /// The text files or PDFs
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Import the Universal Periodic Review's recommendations and pledges: every file is read
    /// first, and if one fails nothing is stored; a recommendation two sources hold is one
    /// record with both sources; a second run adds nothing
    Upr {
        #[arg(long, value_enum)]
        format: UprFormat,
        /// upr-info: the folder; ohchr: the documents of one or more reviews
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Say what would change, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Import the Sustainable Development Goals, targets and indicators in the six languages
    /// (the open-sdg translation files: a folder with ar/, en/, es/, fr/, ru/, zh-Hans/); the
    /// stored framework is replaced in one transaction when it differs, and left alone when not
    Sdg {
        /// The folder holding one folder per language
        dir: PathBuf,
        /// Say what would change, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum StatesCommand {
    /// List the built-in States
    List {
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
        /// Only this regional group (african, asia-pacific, eastern-european, latin-american-caribbean, western-european-others)
        #[arg(long, value_parser = parse_group)]
        group: Option<RegionalGroup>,
        /// Only this status (member, observer, territory, historic)
        #[arg(long, value_parser = parse_status)]
        status: Option<UnStatus>,
    },
    /// Resolve State names, as documents write them, to ISO3 codes
    Resolve {
        /// Print JSON (one object per name) instead of lines
        #[arg(long)]
        json: bool,
        /// The names, in any of the six UN languages
        #[arg(required = true)]
        names: Vec<String>,
    },
}

fn parse_group(value: &str) -> Result<RegionalGroup, String> {
    RegionalGroup::from_slug(value).ok_or_else(|| {
        let known: Vec<_> = RegionalGroup::ALL.iter().map(|g| g.slug()).collect();
        format!("unknown regional group; use one of {}", known.join(", "))
    })
}

fn parse_status(value: &str) -> Result<UnStatus, String> {
    UnStatus::from_slug(value)
        .ok_or_else(|| "unknown status; use member, observer, territory or historic".to_owned())
}

impl Command {
    /// Servers log their requests; one-shot commands only warn, so their output stays readable.
    pub fn default_log_level(&self) -> &'static str {
        match self {
            Command::Serve { .. } => "info",
            _ => "warn",
        }
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let index_dir = crate::search_index::index_dir(cli.global.index_dir, &cli.global.data_dir);
    let database = DatabaseConfig {
        url: cli.global.database_url.filter(|u| !u.trim().is_empty()),
        data_dir: cli.global.data_dir,
    };
    let public_url = cli.global.public_url.clone();
    match cli.command {
        Command::Serve {
            addr,
            mail,
            mail_from,
            trust_forwarded_for,
            api_rate_limit,
            search_follow_seconds,
            funds,
        } => {
            let funds = match funds {
                Some(path) => Some(crate::funds::read_config(&path)?),
                None => None,
            };
            let mail = mail
                .unwrap_or_else(|| format!("file:{}", database.data_dir.join("outbox").display()));
            let transport = taawun_mail::transport_from_url(&mail, &mail_from)
                .with_context(|| "--mail / TAAWUN_MAIL_URL".to_owned())?;
            let public_url = public_url.unwrap_or_else(|| format!("http://{addr}"));
            let mut auth = taawun_web::auth::AuthConfig::new(
                &public_url,
                taawun_accounts::PasswordHasher::production(),
            );
            auth.trust_forwarded_for = trust_forwarded_for;
            auth.api_requests_per_second = api_rate_limit;
            auth.api_burst = api_rate_limit.saturating_mul(4);
            let config = crate::server::ServerConfig {
                auth,
                mail: Some(std::sync::Arc::from(transport)),
                search_follow: (search_follow_seconds > 0)
                    .then(|| std::time::Duration::from_secs(search_follow_seconds)),
                evidence_dir: Some(database.data_dir.join("evidence")),
                reminders: true,
                funds,
            };
            let store = database::open(&database).await?;
            let index = crate::search_index::open(&index_dir)?;
            crate::server::serve(store, index, &addr, &database.describe(), config).await?;
        }
        Command::Users {
            command: UsersCommand::CreateAdmin { email },
        } => {
            let store = database::open(&database).await?;
            crate::server::prepare(store.as_ref()).await?;
            // The link must lead to the server people use: the public URL when it is
            // configured, else the address `serve` would listen on (TAAWUN_ADDR), else the
            // default — and then the output says how to make the link right.
            let (public_url, assumed) =
                admin_link_base(public_url, std::env::var("TAAWUN_ADDR").ok());
            let link = crate::accounts::create_admin(store.as_ref(), &email, &public_url).await?;
            println!(
                "Invitation for {email} as administrator. Open this link within 7 days to choose a name and password (it works once):"
            );
            println!("{link}");
            if assumed {
                println!(
                    "(The link assumes the platform is reached at {public_url}. If it is served elsewhere, create the invitation again with --public-url URL or TAAWUN_PUBLIC_URL set to the address people open.)"
                );
            }
        }
        Command::Audit {
            command: AuditCommand::Verify { json },
        } => {
            let store = database::open(&database).await?;
            let report = crate::accounts::verify_audit(store.as_ref(), json).await?;
            if !report {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Upr {
            command: UprCommand::Reminders { date },
        } => {
            let today = match date {
                Some(text) => taawun_plans::parse_date(&text)
                    .with_context(|| format!("--date {text}: write a date as YYYY-MM-DD"))?,
                None => taawun_plans::today(),
            };
            let store = database::open(&database).await?;
            crate::server::prepare(store.as_ref()).await?;
            let public_url = public_url
                .filter(|u| !u.trim().is_empty())
                .unwrap_or_else(|| "http://127.0.0.1:8080".to_owned());
            let run = crate::reminders::run_once(store.as_ref(), &public_url, today).await?;
            println!("{}", crate::reminders::describe(&run));
        }
        Command::Reindex => {
            let store = database::open(&database).await?;
            crate::server::prepare(store.as_ref()).await?;
            let index = crate::search_index::open(&index_dir)?;
            let stats = crate::search_index::reindex(store.as_ref(), &index).await?;
            println!(
                "Indexed {} documents in {:.2} s ({}).",
                stats.documents,
                (stats.adding + stats.commit + stats.merging).as_secs_f64(),
                index_dir.display()
            );
        }
        Command::Search {
            query,
            lang,
            body,
            page,
            json,
        } => {
            let index = crate::search_index::open(&index_dir)?;
            let mut request = taawun_search::SearchRequest::query(query);
            if let Some(lang) = lang {
                request.lang = Some(taawun_search::Language::parse_param(&lang, "--lang")?);
            }
            request.body = body;
            request.page = page.max(1);
            let results = index.search(&request)?;
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &results)?;
                writeln!(out)?;
            } else {
                writeln!(
                    out,
                    "{} results, page {} of {}",
                    results.total,
                    results.page,
                    results.pages()
                )?;
                if let Some(notice) = results.notice {
                    writeln!(
                        out,
                        "({})",
                        serde_json::to_value(notice)?.as_str().unwrap_or_default()
                    )?;
                }
                for hit in &results.hits {
                    writeln!(
                        out,
                        "{}#{}\t{}",
                        hit.symbol.as_deref().unwrap_or("-"),
                        hit.anchor.as_deref().unwrap_or(""),
                        hit.snippet.text.replace('\n', " ")
                    )?;
                }
            }
        }
        Command::Funds {
            command: FundsCommand::Check { file },
        } => match crate::funds::read_config(&file) {
            Ok(funds) => print!("{}", crate::funds::describe(&funds)),
            Err(e) => {
                eprintln!("{e:#}");
                return Ok(ExitCode::from(1));
            }
        },
        Command::Funds {
            command: FundsCommand::ShowDefault,
        } => print!("{}", taawun_funds::config::DEFAULT_FUNDS),
        Command::Ledger {
            command: LedgerCommand::Verify { funds },
        } => {
            let funds = crate::funds::configured(funds.as_deref())?;
            let store = database::open(&database).await?;
            crate::server::prepare(store.as_ref()).await?;
            if !crate::funds::verify_ledgers(store.as_ref(), &funds).await? {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Export {
            command: ExportCommand::Iati { out, funds },
        } => {
            let funds = crate::funds::configured(funds.as_deref())?;
            let store = database::open(&database).await?;
            crate::server::prepare(store.as_ref()).await?;
            let bytes = taawun_web::funds_iati_file(store.as_ref(), &funds)
                .await
                .map_err(|e| anyhow::anyhow!(e))?;
            std::fs::write(&out, &bytes)
                .with_context(|| format!("cannot write {}", out.display()))?;
            println!(
                "IATI activities written to {} ({} bytes).",
                out.display(),
                bytes.len()
            );
        }
        Command::Demo {
            command:
                DemoCommand::Funds {
                    requests,
                    entries,
                    funds,
                },
        } => {
            let funds = crate::funds::configured(funds.as_deref())?;
            let store = database::open(&database).await?;
            crate::server::prepare(store.as_ref()).await?;
            let set =
                crate::demo::build(&funds, requests, entries, chrono::Utc::now().date_naive());
            let report = store
                .funds()
                .insert_demonstration(&taawun_audit::ChangeContext::command_line(), &set)
                .await?;
            println!(
                "Demonstration data written: {} donors, {} requests with {} steps, {} ledger entries.",
                report.donors, report.requests, report.events, report.entries
            );
        }
        Command::Demo {
            command: DemoCommand::Practices { count },
        } => {
            let store = database::open(&database).await?;
            crate::server::prepare(store.as_ref()).await?;
            let set = crate::demo_practices::build(count, chrono::Utc::now().date_naive());
            let written = store
                .practices()
                .insert_demonstration(&taawun_audit::ChangeContext::command_line(), &set)
                .await?;
            println!(
                "Demonstration data written: {written} published practices. Rebuild the search index (`taawun reindex`) for the search to find them; a running server does so within seconds."
            );
        }
        Command::Migrate => {
            let store = database::open(&database).await?;
            let prepared = crate::server::prepare(store.as_ref()).await?;
            println!("{prepared} ({}).", database.describe());
        }
        Command::States { command } => states(command)?,
        Command::Parse {
            command: ParseCommand::Resolution { file, json },
        } => {
            let name = file.display().to_string();
            let text = registry::read_text(&file)?;
            let parsed = registry::parse_text(&name, &text, Resolver::builtin())?;
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &parsed.record)?;
                writeln!(out)?;
            } else {
                writeln!(out, "{}", registry::record_summary(&parsed.record))?;
                for warning in &parsed.record.warnings {
                    writeln!(
                        out,
                        "  warning [{}] {}: {}",
                        warning.code, warning.location, warning.message
                    )?;
                }
            }
        }
        Command::Import {
            command:
                ImportCommand::Votes {
                    format,
                    dir,
                    skip_unknown,
                },
        } => crate::vote_import::run(&database, format, &dir, skip_unknown, &index_dir).await?,
        Command::Import {
            command:
                ImportCommand::Upr {
                    format,
                    paths,
                    dry_run,
                },
        } => crate::upr_import::run(&database, format, &paths, dry_run).await?,
        Command::Import {
            command: ImportCommand::Sdg { dir, dry_run },
        } => crate::upr_import::run_sdg(&database, &dir, dry_run).await?,
        Command::Import {
            command: ImportCommand::Resolution { files },
        } => {
            let parsed = registry::parse_files(&files, Resolver::builtin())?;
            let store = database::open(&database).await?;
            crate::server::prepare(store.as_ref()).await?;
            let before = store.votes_stamp().await?;
            let mut out = std::io::stdout().lock();
            let mut changed = Vec::new();
            for file in &parsed {
                let outcome = store
                    .import_resolution(&taawun_store::ChangeContext::command_line(), &file.version)
                    .await
                    .with_context(|| {
                        format!("{}: cannot store the resolution", file.path.display())
                    })?;
                if !matches!(outcome, taawun_store::ImportOutcome::Unchanged { .. }) {
                    changed.push(&file.version.record);
                }
                writeln!(
                    out,
                    "{}",
                    registry::summary_line(&file.version.record, outcome)
                )?;
            }
            // The database holds the texts now; the index follows. If it cannot (another
            // process is writing it), the texts are safe and `taawun reindex` catches up.
            if !changed.is_empty() {
                // Each stored text raised its body's generation once.
                let mut own = taawun_store::VotesStamp::default();
                for record in &changed {
                    match taawun_store::SummaryColumns::of(record).body {
                        taawun_votes::Body::Hrc => own.hrc += 1,
                        taawun_votes::Body::Unga => own.unga += 1,
                    }
                }
                let updated = match crate::search_index::open(&index_dir) {
                    // A new index (or one of an older format, emptied) is filled whole.
                    Ok(index) if index.status() != taawun_search::OpenStatus::Opened => {
                        crate::search_index::reindex(store.as_ref(), &index)
                            .await
                            .map(|_| ())
                    }
                    Ok(index) => {
                        let was = index.built_from();
                        match changed
                            .iter()
                            .try_for_each(|record| index.upsert(*record))
                            .context("cannot update the search index")
                        {
                            Ok(()) => {
                                crate::search_index::keep_current(
                                    store.as_ref(),
                                    &index,
                                    was,
                                    before,
                                    own,
                                )
                                .await
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Err(e) => Err(e),
                };
                if let Err(e) = updated {
                    eprintln!(
                        "warning: {e:#}; run `taawun reindex` to bring the search index up to date"
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The address an administrator's invitation link starts with, and whether it was assumed
/// (neither `--public-url` nor the serve address was configured).
fn admin_link_base(public_url: Option<String>, serve_addr: Option<String>) -> (String, bool) {
    if let Some(url) = public_url.filter(|u| !u.trim().is_empty()) {
        return (url.trim().trim_end_matches('/').to_owned(), false);
    }
    if let Some(addr) = serve_addr.filter(|a| !a.trim().is_empty()) {
        return (format!("http://{}", addr.trim()), false);
    }
    ("http://127.0.0.1:8080".to_owned(), true)
}

fn states(command: StatesCommand) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match command {
        StatesCommand::List {
            json,
            group,
            status,
        } => {
            let records: Vec<StateRecord> = taawun_states::all()
                .filter(|s| group.is_none_or(|g| s.regional_group == Some(g)))
                .filter(|s| status.is_none_or(|st| s.status == st))
                .map(StateRecord::from_builtin)
                .collect();
            if json {
                serde_json::to_writer_pretty(&mut out, &records)?;
                writeln!(out)?;
            } else {
                for s in &records {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        s.iso3,
                        s.iso2.as_deref().unwrap_or("-"),
                        s.m49.map_or("-".to_owned(), |n| format!("{n:03}")),
                        s.un_status,
                        s.regional_group.as_deref().unwrap_or("-"),
                        s.names.en
                    )?;
                }
            }
        }
        StatesCommand::Resolve { json, names } => {
            let resolver = Resolver::builtin();
            let answers: Vec<_> = names.iter().map(|n| resolver.resolve(n)).collect();
            if json {
                serde_json::to_writer_pretty(&mut out, &answers)?;
                writeln!(out)?;
            } else {
                for a in &answers {
                    let how = match (a.match_kind, a.distance) {
                        (Some(kind), Some(d)) => format!("{kind:?} (distance {d})").to_lowercase(),
                        (Some(kind), None) => format!("{kind:?}").to_lowercase(),
                        (None, _) => "unresolved".to_owned(),
                    };
                    let candidates: Vec<_> = a.candidates.iter().map(|c| c.iso3).collect();
                    let candidates = if candidates.is_empty() {
                        String::new()
                    } else {
                        format!("\tcandidates: {}", candidates.join(", "))
                    };
                    writeln!(
                        out,
                        "{}\t{}\t{how}{candidates}",
                        a.input,
                        a.iso3.unwrap_or("-")
                    )?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::admin_link_base;

    #[test]
    fn the_admin_link_follows_the_configured_address() {
        assert_eq!(
            admin_link_base(
                Some("https://taawun.example.org/".into()),
                Some("0.0.0.0:9000".into())
            ),
            ("https://taawun.example.org".to_owned(), false)
        );
        assert_eq!(
            admin_link_base(None, Some("127.0.0.1:9000".into())),
            ("http://127.0.0.1:9000".to_owned(), false)
        );
        assert_eq!(
            admin_link_base(None, None),
            ("http://127.0.0.1:8080".to_owned(), true)
        );
    }
}
