//! Times Argon2id sign-in with the production parameters, to tune them for the machine:
//! `cargo bench -p taawun-accounts --bench password`.
//!
//! `ARGON2_PARAMS=m_kib,t,p` times other parameters instead, to find ones for other hardware.

use std::time::Instant;

use taawun_accounts::PasswordHasher;

const RUNS: usize = 20;

fn main() {
    let hasher = match std::env::var("ARGON2_PARAMS") {
        Ok(spec) => {
            let numbers: Vec<u32> = spec
                .split(',')
                .map(|n| n.trim().parse().expect("ARGON2_PARAMS=m_kib,t,p"))
                .collect();
            let [m, t, p] = numbers[..] else {
                panic!("ARGON2_PARAMS=m_kib,t,p");
            };
            PasswordHasher::with_params(m, t, p).expect("valid Argon2 parameters")
        }
        Err(_) => PasswordHasher::production(),
    };
    let phc = hasher.hash("violet kettle harbour");
    // One warm-up run, so the first allocation of the memory blocks is not counted.
    assert!(hasher.verify("violet kettle harbour", &phc));

    let mut ms: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            assert!(hasher.verify("violet kettle harbour", &phc));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let median = (ms[RUNS / 2 - 1] + ms[RUNS / 2]) / 2.0;
    println!(
        "argon2id sign-in (verify): median {median:.1} ms (min {:.1}, max {:.1}) — {}",
        ms[0],
        ms[RUNS - 1],
        hasher.describe()
    );

    let start = Instant::now();
    hasher.dummy_verify("violet kettle harbour");
    println!(
        "argon2id dummy verify (no account): {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
}
