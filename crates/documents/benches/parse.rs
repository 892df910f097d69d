//! Parser throughput on the real seed (HRC resolution 56/2 in Arabic, read in place from
//! `../shared/seeds/`) and on the English fixture: the first parse (cold: the State resolver's
//! tables, the automata and the memo of State names are built then), then the median and
//! 90th-percentile time of N parses, parses per second and MB/s. A calibration line (the
//! standard library lowercasing the seed) lets figures from different machines be compared.
//! Not a timed test: it prints.
//!
//! Run: `cargo bench -p taawun-documents --bench parse` (`PARSE_BENCH_ITERATIONS` to change N).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use taawun_documents::{decode, parse_resolution};
use taawun_states::Resolver;

fn read_bytes(relative: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn bench(name: &str, text: &str, iterations: usize) {
    let resolver = Resolver::builtin();
    let start = Instant::now();
    std::hint::black_box(parse_resolution(text, resolver).expect("parses"));
    let cold = start.elapsed();
    for _ in 0..iterations.min(50) {
        std::hint::black_box(parse_resolution(text, resolver).expect("parses"));
    }
    let mut times: Vec<Duration> = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let start = Instant::now();
        let parsed = parse_resolution(std::hint::black_box(text), resolver).expect("parses");
        times.push(start.elapsed());
        std::hint::black_box(parsed);
    }
    times.sort();
    let median = times[times.len() / 2];
    let p90 = times[times.len() * 9 / 10];
    println!(
        "{name}: {} bytes; first parse {:.0} µs; {iterations} parses: median {:.1} µs, \
         p90 {:.1} µs, {:.0} parses/s, {:.1} MB/s",
        text.len(),
        micros(cold),
        micros(median),
        micros(p90),
        1.0 / median.as_secs_f64(),
        text.len() as f64 / median.as_secs_f64() / 1e6,
    );
}

fn main() {
    let iterations = std::env::var("PARSE_BENCH_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let seed_bytes = read_bytes("../../../shared/seeds/000_b863d33a48876efe.txt");
    let seed = decode(&seed_bytes).expect("decodes");
    bench("seed (Arabic, A/HRC/RES/56/2)", &seed, iterations);
    let english = decode(&read_bytes("tests/fixtures/hrc-56-2.en.txt")).expect("decodes");
    bench("English fixture (A/HRC/RES/56/2)", &english, iterations);

    let start = Instant::now();
    for _ in 0..iterations {
        std::hint::black_box(decode(std::hint::black_box(&seed_bytes)).expect("decodes"));
    }
    let each = start.elapsed() / iterations as u32;
    println!(
        "decode (seed): {:.1} µs, {:.0} MB/s",
        micros(each),
        seed_bytes.len() as f64 / each.as_secs_f64() / 1e6
    );
    let start = Instant::now();
    for _ in 0..iterations {
        std::hint::black_box(std::hint::black_box(&seed).to_lowercase());
    }
    println!(
        "calibration: str::to_lowercase of the seed: {:.1} µs",
        micros(start.elapsed() / iterations as u32)
    );
}
