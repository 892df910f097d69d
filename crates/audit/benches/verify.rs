//! How long `Verifier` takes over a million entries (the hashing alone; reading them from the
//! database is measured by `taawun audit verify`, see the README).
//!
//! `cargo bench -p taawun-audit --bench verify`

use std::time::Instant;

use taawun_audit::{Actor, Change, ChangeContext, Entry, GENESIS, Verifier};

fn main() {
    let n: i64 = std::env::var("ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let started = Instant::now();
    let mut entries = Vec::with_capacity(n as usize);
    let mut prev = GENESIS.to_owned();
    for seq in 1..=n {
        let context = ChangeContext {
            actor: Actor::user(seq % 50, "secretariat"),
            request_id: Some(format!("0b7c2f4e-8d1a-4c3b-9e6f-{seq:012}")),
        };
        let change = Change::new("update", "organisation", (seq % 5000).to_string())
            .before(&serde_json::json!({"name_en": "National Human Rights Commission", "name_ar": "اللجنة الوطنية لحقوق الإنسان", "kind": "nhri", "seat": "QAT"}))
            .after(&serde_json::json!({"name_en": "National Human Rights Committee", "name_ar": "اللجنة الوطنية لحقوق الإنسان", "kind": "nhri", "seat": "QAT"}));
        let entry = Entry::seal(seq, 1_764_000_000_000_000 + seq, &context, change, &prev);
        prev.clone_from(&entry.hash);
        entries.push(entry);
    }
    println!(
        "sealed {n} entries in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let mut verifier = Verifier::new();
    for entry in &entries {
        verifier.push(entry);
    }
    let result = verifier.finish();
    let seconds = started.elapsed().as_secs_f64();
    assert!(result.is_intact());
    println!(
        "verified {} entries in {seconds:.2} s ({:.0} entries/s)",
        result.checked,
        result.checked as f64 / seconds
    );
}
