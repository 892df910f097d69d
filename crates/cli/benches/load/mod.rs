//! Load through HTTP for the benches: `clients` concurrent clients asking for one address for
//! `seconds`, with throughput and nearest-rank p50 / p99 latency.

use std::time::{Duration, Instant};

pub fn percentile(sorted: &[Duration], p: usize) -> f64 {
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1].as_secs_f64() * 1e3
}

pub async fn load(client: &reqwest::Client, url: &str, clients: usize, seconds: u64) -> String {
    // Warm: the first request of a generation computes the timeliness figures.
    let first = Instant::now();
    let response = client.get(url).send().await.expect("the server answers");
    assert!(
        response.status().is_success(),
        "{url}: {}",
        response.status()
    );
    response.bytes().await.unwrap();
    let cold = first.elapsed();
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let client = client.clone();
        let url = url.to_owned();
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            while Instant::now() < until {
                let started = Instant::now();
                let response = client.get(&url).send().await.expect("the server answers");
                assert!(response.status().is_success());
                response.bytes().await.unwrap();
                times.push(started.elapsed());
            }
            times
        }));
    }
    let mut times = Vec::new();
    for task in tasks {
        times.extend(task.await.unwrap());
    }
    times.sort_unstable();
    format!(
        "{:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms (first, uncached: {:.0} ms)",
        times.len() as f64 / seconds as f64,
        percentile(&times, 50),
        percentile(&times, 99),
        cold.as_secs_f64() * 1e3
    )
}
