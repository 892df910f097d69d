//! Resolver throughput on real names: 10,000 State names drawn from the voting records and the
//! UPR recommendations in `../shared/data/` (read in place), and the 47 names of the seed
//! resolution's vote lists. Prints names/s, latency and the share resolved.
//!
//! Run: `cargo bench -p taawun-states --bench resolve`

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use taawun_states::Resolver;

fn shared(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(path)
}

fn csv_column(path: &str, column: &str, bytes: Vec<u8>) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
    let index = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h.trim() == column)
        .unwrap_or_else(|| panic!("{path}: no column {column}"));
    reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| r.get(index).map(|v| v.trim().to_owned()))
        .filter(|v| !v.is_empty())
        .collect()
}

/// The UPR files are Mac Roman with CR line endings.
fn upr_names() -> Vec<String> {
    let mut names = Vec::new();
    let dir = shared("data/upr");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files.iter().filter(|f| {
        f.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("sessions-")
    }) {
        let raw = std::fs::read(file).unwrap();
        let (text, _, _) = encoding_rs::MACINTOSH.decode(&raw);
        let text = text.replace('\r', "\n");
        let path = file.display().to_string();
        names.extend(csv_column(&path, "To", text.clone().into_bytes()));
        names.extend(csv_column(&path, "From", text.into_bytes()));
    }
    names
}

fn every_nth(names: Vec<String>, wanted: usize) -> Vec<String> {
    let step = (names.len() / wanted).max(1);
    names.into_iter().step_by(step).take(wanted).collect()
}

fn seed_names() -> Vec<String> {
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
                    .map(|n| n.trim().to_owned()),
            );
        }
    }
    names
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let started = Instant::now();
    let resolver = Resolver::builtin();
    println!(
        "resolver built in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    // The seed's 47 names, as one batch: median of 200 runs.
    let seed = seed_names();
    let mut batches: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            let resolved = seed
                .iter()
                .filter(|n| resolver.resolve(n).is_resolved())
                .count();
            assert_eq!(resolved, seed.len());
            t.elapsed()
        })
        .collect();
    batches.sort();
    println!(
        "seed vote lists: {} names, all resolved; batch median {:.3} ms, max {:.3} ms",
        seed.len(),
        percentile(&batches, 0.5).as_secs_f64() * 1e3,
        batches.last().unwrap().as_secs_f64() * 1e3
    );

    // 10,000 names from three sources, a third each.
    let unga = csv_column(
        "votes/unga/un_votes.csv",
        "country",
        std::fs::read(shared("data/votes/unga/un_votes.csv")).unwrap(),
    );
    let hrc = csv_column(
        "votes/hrc/all-legis-data.csv",
        "Country Long",
        std::fs::read(shared("data/votes/hrc/all-legis-data.csv")).unwrap(),
    );
    let hrc: Vec<String> = hrc.iter().cycle().take(3_333).cloned().collect();
    let mut names = every_nth(unga, 3_334);
    names.extend(hrc);
    names.extend(every_nth(upr_names(), 3_333));

    let mut latencies = Vec::with_capacity(names.len());
    let mut unresolved: BTreeMap<String, usize> = BTreeMap::new();
    let mut fuzzy = 0;
    let t = Instant::now();
    for name in &names {
        let one = Instant::now();
        let answer = resolver.resolve(name);
        latencies.push(one.elapsed());
        match answer.match_kind {
            None => *unresolved.entry(name.clone()).or_default() += 1,
            Some(taawun_states::MatchKind::Fuzzy) => fuzzy += 1,
            _ => {}
        }
    }
    let total = t.elapsed();
    latencies.sort();
    let resolved = names.len() - unresolved.values().sum::<usize>();
    println!(
        "{} names from votes (UNGA, HRC) and UPR: {:.0} names/s; p50 {:.1} µs, p99 {:.1} µs; resolved {:.2}% ({} fuzzy)",
        names.len(),
        names.len() as f64 / total.as_secs_f64(),
        percentile(&latencies, 0.5).as_secs_f64() * 1e6,
        percentile(&latencies, 0.99).as_secs_f64() * 1e6,
        100.0 * resolved as f64 / names.len() as f64,
        fuzzy
    );
    if !unresolved.is_empty() {
        println!("unresolved: {unresolved:?}");
    }
}
