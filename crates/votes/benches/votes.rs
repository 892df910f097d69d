//! Reads both shared datasets in place, then times the analytics on them. Prints throughput and
//! timings; it asserts nothing (the tests do).
//!
//! `cargo bench -p taawun-votes --bench votes`

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use taawun_votes::{
    Dataset, Definition, MdsOptions, ReadOptions, VoteChoice, VoteMatrix, agreement_matrix,
    cohesion, hrc, majority_shares, mds_from_agreement, unga,
};

const RUNS: usize = 5;

fn data_dir(body: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/votes")
        .join(body)
}

/// The fastest of `RUNS` runs, and the last result.
fn time<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut result = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let value = black_box(f());
        best = best.min(start.elapsed());
        result = Some(value);
    }
    (best, result.expect("at least one run"))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn read(name: &str, read: impl Fn() -> Dataset) -> Dataset {
    let (elapsed, data) = time(read);
    let rows = data.votes.len() as f64;
    println!(
        "{name}: read {} roll calls, {} votes in {:.1} ms ({:.2} M vote rows/s)",
        data.roll_calls.len(),
        data.votes.len(),
        ms(elapsed),
        rows / elapsed.as_secs_f64() / 1e6
    );
    data
}

fn analyse(name: &str, matrix: &VoteMatrix, mds_options: &MdsOptions, show: &[&str]) {
    let (elapsed, _) = time(|| VoteMatrix::clone(matrix));
    println!(
        "{name}: matrix {} States x {} roll calls (clone {:.2} ms)",
        matrix.states().len(),
        matrix.roll_calls().len(),
        ms(elapsed)
    );
    for definition in [
        Definition::IdenticalVotes,
        Definition::YesNoOnly,
        Definition::HalfAbstain,
    ] {
        let (elapsed, _) = time(|| agreement_matrix(matrix, definition));
        println!(
            "{name}:   agreement matrix ({definition:?}) {:.2} ms",
            ms(elapsed)
        );
    }
    let agreement = agreement_matrix(matrix, Definition::HalfAbstain);
    let (elapsed, map) = time(|| mds_from_agreement(&agreement, mds_options));
    println!(
        "{name}:   MDS of {} States ({} dropped, min {} common roll calls) {:.2} ms; eigenvalues {:.3}, {:.3}",
        map.states.len(),
        map.dropped.len(),
        mds_options.min_common,
        ms(elapsed),
        map.eigenvalues[0],
        map.eigenvalues[1]
    );
    if !map.dropped.is_empty() {
        let codes: Vec<&str> = map.dropped.iter().map(|(code, _)| code.as_str()).collect();
        println!("{name}:     dropped: {}", codes.join(" "));
    }
    for code in show {
        if let Some(i) = map.states.iter().position(|s| s == code) {
            let [x, y] = map.coordinates[i];
            println!("{name}:     {code} ({x:+.3}, {y:+.3})");
        }
    }
    let (elapsed, _) = time(|| majority_shares(matrix));
    println!(
        "{name}:   majority shares of all States {:.2} ms",
        ms(elapsed)
    );
    let all: Vec<usize> = (0..matrix.states().len()).collect();
    let (elapsed, _) = time(|| cohesion(matrix, &all));
    println!("{name}:   cohesion of all States {:.2} ms", ms(elapsed));
}

/// The matrix with only the States at `rows` (non-members of the Council dropped).
fn restrict_states(matrix: &VoteMatrix, rows: &[usize]) -> VoteMatrix {
    let mut out = VoteMatrix::new(
        matrix.roll_calls().to_vec(),
        rows.iter().map(|&s| matrix.states()[s].clone()).collect(),
    );
    for (i, &s) in rows.iter().enumerate() {
        for r in 0..matrix.roll_calls().len() {
            out.set(i, r, matrix.get(s, r));
        }
    }
    out
}

fn main() {
    let options = ReadOptions::default();
    let hrc_data = read("HRC", || {
        hrc::read_dir(&data_dir("hrc"), &options, None).expect("HRC reads")
    });
    let unga_data = read("UNGA", || {
        unga::read_dir(&data_dir("unga"), &options, None).expect("UNGA reads")
    });

    let show = [
        "USA", "GBR", "FRA", "ISR", "RUS", "CHN", "CUB", "IND", "BRA", "ZAF",
    ];
    let (elapsed, hrc_matrix) = time(|| VoteMatrix::from_dataset(&hrc_data));
    println!(
        "HRC: matrix built from the dataset in {:.2} ms",
        ms(elapsed)
    );
    analyse("HRC", &hrc_matrix, &MdsOptions::default(), &show);
    // One membership year: 47 States, all comparable.
    let year = VoteMatrix::from_dataset_where(&hrc_data, |r| {
        r.session.is_some_and(|s| (55..=57).contains(&s))
    });
    let members: Vec<usize> = (0..year.states().len())
        .filter(|&s| {
            year.state_codes(s)
                .iter()
                .any(|c| *c != VoteChoice::NotMember.code())
        })
        .collect();
    let year = restrict_states(&year, &members);
    analyse("HRC sessions 55-57", &year, &MdsOptions::default(), &show);

    let (elapsed, unga_matrix) = time(|| VoteMatrix::from_dataset(&unga_data));
    println!(
        "UNGA: matrix built from the dataset in {:.2} ms",
        ms(elapsed)
    );
    analyse(
        "UNGA 1946-2019",
        &unga_matrix,
        &MdsOptions::default(),
        &show,
    );

    let recent = VoteMatrix::from_dataset_where(&unga_data, |r| r.session.is_some_and(|s| s >= 70));
    analyse(
        "UNGA sessions 70-74",
        &recent,
        &MdsOptions::default(),
        &show,
    );
}
