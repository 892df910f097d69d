//! The `taawun` binary, run as a user runs it.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::helpers::{seed_vote_names, taawun};

/// Standard error of a failed run: exactly one line, starting "error:", no backtrace.
fn one_error_line(output: &std::process::Output) -> String {
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line expected, got: {stderr}");
    assert!(lines[0].starts_with("error:"), "{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"));
    lines[0].to_owned()
}

#[test]
fn states_list_json_has_every_state_with_the_documented_fields() {
    let output = taawun()
        .args(["states", "list", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let states: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(states.len(), taawun_states::all().count());
    let statuses = ["member", "observer", "territory", "historic"];
    for state in &states {
        assert_eq!(state["iso3"].as_str().unwrap().len(), 3);
        assert!(statuses.contains(&state["un_status"].as_str().unwrap()));
        for lang in ["ar", "en", "fr", "es", "ru", "zh"] {
            assert!(!state["names"][lang].as_str().unwrap().is_empty());
        }
        assert!(
            state.get("iso2").is_some()
                && state.get("m49").is_some()
                && state.get("regional_group").is_some()
        );
    }
    let members = taawun()
        .args([
            "states", "list", "--json", "--status", "member", "--group", "african",
        ])
        .output()
        .unwrap();
    let members: Vec<serde_json::Value> = serde_json::from_slice(&members.stdout).unwrap();
    assert!(
        members
            .iter()
            .all(|s| s["regional_group"] == "african" && s["un_status"] == "member")
    );
}

#[test]
fn states_resolve_json_resolves_the_seed_vote_lists() {
    taawun_testdata::require_shared!();
    let names = seed_vote_names();
    let output = taawun()
        .args(["states", "resolve", "--json"])
        .args(&names)
        .output()
        .unwrap();
    assert!(output.status.success());
    let answers: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answers.len(), names.len());
    for (answer, name) in answers.iter().zip(&names) {
        assert_eq!(answer["input"], name.as_str());
        assert!(answer["iso3"].is_string(), "{answer}");
    }
    let cameroon = answers.iter().find(|a| a["input"] == "الكامبيون").unwrap();
    assert_eq!(cameroon["iso3"], "CMR");
    assert_eq!(cameroon["match"], "fuzzy");
}

#[test]
fn unknown_subcommands_and_flags_are_refused() {
    let output = taawun().arg("frobnicate").output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("frobnicate"));
    let output = taawun()
        .args(["serve", "--colour", "blue"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--colour"));
}

#[test]
fn an_unsupported_or_unreachable_database_is_one_clear_line() {
    let line = one_error_line(
        &taawun()
            .args(["migrate", "--database-url", "mysql://root@localhost/x"])
            .output()
            .unwrap(),
    );
    assert!(line.contains("unsupported database URL"), "{line}");
    // Port 1 on loopback: nothing listens there.
    let line = one_error_line(
        &taawun()
            .args([
                "migrate",
                "--database-url",
                "postgres://nobody:secret@127.0.0.1:1/taawun",
            ])
            .output()
            .unwrap(),
    );
    assert!(
        line.contains("PostgreSQL") && !line.contains("secret"),
        "{line}"
    );
}

#[test]
fn a_data_directory_that_cannot_be_created_is_reported_and_nothing_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"").unwrap();
    let bad = file.join("data");
    let line = one_error_line(
        &taawun()
            .args(["migrate", "--data-dir"])
            .arg(&bad)
            .output()
            .unwrap(),
    );
    assert!(line.contains("data directory"), "{line}");
    assert!(!bad.exists());
}

#[test]
fn migrate_creates_the_embedded_database_in_the_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let output = taawun()
        .args(["migrate", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(data.join("taawun.db").is_file());
    // The environment variable works as the flag does.
    let again = taawun()
        .arg("migrate")
        .env("TAAWUN_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(again.status.success());
}

#[test]
fn a_port_in_use_is_one_clear_line() {
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = busy.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let output = taawun()
        .args(["serve", "--addr", &addr, "--data-dir"])
        .arg(dir.path())
        .env("RUST_LOG", "error")
        .output()
        .unwrap();
    let line = one_error_line(&output);
    assert!(line.contains(&addr) && line.contains("--addr"), "{line}");
}

#[test]
fn serve_prints_its_address_and_serves() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = taawun()
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the address is printed")
        .trim_end_matches('/')
        .to_owned();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let status = runtime.block_on(async {
        reqwest::get(format!("{url}/healthz"))
            .await
            .map(|r| r.status().as_u16())
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(status.unwrap(), 200);
    assert!(dir.path().join("taawun.db").is_file());
}

#[test]
fn the_administrators_link_leads_to_the_configured_address_or_says_how_to_fix_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let assumed = taawun()
        .args([
            "--data-dir",
            data,
            "users",
            "create-admin",
            "one@example.org",
        ])
        .output()
        .unwrap();
    assert!(assumed.status.success());
    let out = String::from_utf8_lossy(&assumed.stdout);
    assert!(out.contains("http://127.0.0.1:8080/invitations/"), "{out}");
    assert!(
        out.contains("--public-url"),
        "says how to make the link right: {out}"
    );

    let configured = taawun()
        .args([
            "--data-dir",
            data,
            "--public-url",
            "https://taawun.example.org",
        ])
        .args(["users", "create-admin", "two@example.org"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&configured.stdout);
    assert!(
        out.contains("https://taawun.example.org/invitations/"),
        "{out}"
    );
    assert!(!out.contains("assumes"), "{out}");

    let served = taawun()
        .env("TAAWUN_ADDR", "127.0.0.1:9099")
        .args([
            "--data-dir",
            data,
            "users",
            "create-admin",
            "three@example.org",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&served.stdout);
    assert!(out.contains("http://127.0.0.1:9099/invitations/"), "{out}");
}

/// A server's request log shows single-use links' paths with their secret replaced.
#[test]
fn request_logs_redact_single_use_links() {
    let dir = tempfile::tempdir().unwrap();
    let created = taawun()
        .args(["users", "create-admin", "first@example.org", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(created.status.success());
    let printed = String::from_utf8_lossy(&created.stdout).into_owned();
    let secret = regex::Regex::new(r"/invitations/(\S+)")
        .unwrap()
        .captures(&printed)
        .expect("the link is printed")[1]
        .to_owned();
    let log_path = dir.path().join("serve.log");
    let mut child = taawun()
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the address is printed")
        .trim_end_matches('/')
        .to_owned();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let statuses = runtime.block_on(async {
        let mut statuses = Vec::new();
        for path in [
            format!("/invitations/{secret}"),
            format!("/password/reset/{secret}"),
        ] {
            let status = reqwest::get(format!("{url}{path}"))
                .await
                .map(|r| r.status().as_u16());
            statuses.push(status.unwrap());
        }
        statuses
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(statuses[0], 200, "the invitation opens");
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(log.contains("/invitations/[redacted]"), "{log}");
    assert!(log.contains("/password/reset/[redacted]"), "{log}");
    assert!(!log.contains(&secret), "{log}");
}

/// A file that reports no size and never ends is refused at the limit, while reading.
#[test]
fn a_never_ending_file_is_refused_at_the_size_limit() {
    if !std::path::Path::new("/dev/zero").exists() {
        eprintln!("skipped: this system has no /dev/zero");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let limit = taawun_documents::MAX_DOCUMENT_BYTES.to_string();
    for args in [
        vec!["parse", "resolution", "/dev/zero"],
        vec!["import", "resolution", "/dev/zero"],
    ] {
        let output = taawun()
            .args(&args)
            .arg("--data-dir")
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("/dev/zero") && stderr.contains(&limit),
            "{args:?}: {stderr}"
        );
    }
}

/// `taawun migrate` says what it did: on a new database, that it created it, how many
/// migrations it applied and that it loaded the States; then that there was nothing to do.
#[test]
fn migrate_says_what_it_did() {
    let dir = tempfile::tempdir().unwrap();
    let migrate = || {
        let output = taawun()
            .args(["migrate", "--data-dir"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let states = taawun_store::state_records_from_builtin().len();
    let first = migrate();
    assert!(first.starts_with("Created the database: "), "{first}");
    assert!(first.contains("migrations applied"), "{first}");
    assert!(
        first.contains(&format!("{states} built-in States loaded")),
        "{first}"
    );
    let second = migrate();
    assert!(second.starts_with("The database is up to date"), "{second}");
    assert!(second.contains("already loaded"), "{second}");
}
