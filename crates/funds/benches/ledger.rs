//! The ledger and the IATI export at the scale the issue names: 100,000 ledger entries (200
//! donors pledging and paying, 10,000 approved requests paid in instalments, programme support
//! and a correction now and then), every balance derived from them, the whole ledger verified; and 10,000
//! approved requests written as IATI 2.03 activities. Prints the sizes, then criterion's times.
//!
//! Run: `cargo bench -p taawun-funds --bench ledger`

use std::hint::black_box;
use std::io::Write;

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use taawun_funds::iati::{Activity, Org, Publisher, Status, Transaction, TransactionKind};
use taawun_funds::ledger::{Balances, Entry, EntryKind, Lines, reversal, verify};
use taawun_funds::{Currency, Money};

const DONORS: i64 = 200;
const REQUESTS: i64 = 10_000;
const ENTRIES: usize = 100_000;

/// A ledger made the way the fund makes one: each entry through the functions that refuse what
/// would leave it wrong, the balances carried along as the store would derive them.
fn ledger() -> Vec<Entry> {
    let usd = Currency::parse("USD").unwrap();
    let lines = Lines {
        zero: Money::zero(usd),
    };
    // Amounts in cents.
    let money = |minor: i64| Money::new(minor, usd).unwrap();
    let mut entries: Vec<Entry> = Vec::with_capacity(ENTRIES);
    let mut books = Balances::default();
    let day = |n: usize| {
        NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new((n / 40) as u64)
    };
    let post = |entries: &mut Vec<Entry>, books: &mut Balances, kind, made: Vec<_>, reverses| {
        let id = entries.len() as i64 + 1;
        for line in &made {
            let taawun_funds::ledger::Line { account, minor } = *line;
            *books.accounts.entry(account).or_default() += i128::from(minor);
        }
        entries.push(Entry {
            id,
            date: day(entries.len()),
            kind,
            lines: made,
            memo: String::new(),
            original: None,
            earmark: None,
            reverses,
        });
    };
    let mut request = 0;
    let mut step = 0u64;
    while entries.len() < ENTRIES {
        step += 1;
        let donor = (step as i64 * 7919) % DONORS + 1;
        let made = match step % 10 {
            0 => lines
                .pledge(donor, money(5_000_000))
                .map(|l| (EntryKind::Pledge, l, None)),
            1 | 2 => lines
                .contribution(donor, money(4_000_000 + (step % 97) as i64 * 100), &books)
                .map(|l| (EntryKind::Contribution, l, None)),
            3 => lines
                .programme_support(money(100_000), &books)
                .map(|l| (EntryKind::ProgrammeSupport, l, None)),
            4 if request < REQUESTS => {
                request += 1;
                lines
                    .commitment(request, money(3_000_000), &books)
                    .map(|l| (EntryKind::Commitment, l, None))
            }
            9 if step % 100 == 9 => {
                // Now and then a correction: the latest pledge, reversed where the books allow.
                let target = entries
                    .iter()
                    .rev()
                    .find(|e| e.kind == EntryKind::Pledge)
                    .cloned();
                match target {
                    Some(t) => reversal(&t, &entries).map(|l| (EntryKind::Reversal, l, Some(t.id))),
                    None => continue,
                }
            }
            _ if request > 0 => {
                let r = (step as i64 * 104_729) % request + 1;
                lines
                    .disbursement(r, money(1_000_000), &books)
                    .map(|l| (EntryKind::Disbursement, l, None))
            }
            _ => continue,
        };
        if let Ok((kind, made, reverses)) = made {
            post(&mut entries, &mut books, kind, made, reverses);
        }
    }
    entries
}

fn activities() -> Vec<Activity> {
    let usd = Currency::parse("USD").unwrap();
    let ohchr = Org {
        reference: Some("XM-DAC-41313".into()),
        kind: "40",
        name: "OHCHR".into(),
    };
    let countries = ["FJ", "TN", "PE", "KH", "MW", "JO", "HT", "NP"];
    (0..REQUESTS)
        .map(|i| {
            let state = Org {
                reference: None,
                kind: "10",
                name: format!("حكومة الدولة {i}"),
            };
            let date = NaiveDate::from_ymd_opt(2024, 1 + (i % 12) as u32, 1 + (i % 28) as u32).unwrap();
            let transaction = |kind, minor| Transaction {
                kind,
                date,
                amount: Money::new(minor, usd).unwrap(),
                provider: Some(ohchr.clone()),
                receiver: Some(state.clone()),
            };
            Activity {
                local_id: format!("upr-implementation-{i}"),
                title: format!("تنفيذ توصيات الاستعراض الدوري الشامل، الطلب {i}"),
                description: "Training of judges and prosecutors on the recommendations on fair trial".into(),
                lang: "ar".into(),
                currency: taawun_funds::Currency::parse("USD").unwrap(),
                status: Status::Implementation,
                last_updated: Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
                planned_start: Some(date),
                planned_end: None,
                actual_start: Some(date),
                actual_end: None,
                recipient_country: countries[i as usize % countries.len()].into(),
                funders: vec![],
                extending: ohchr.clone(),
                implementing: state.clone(),
                sdg_targets: vec!["16.3".into(), "16.10".into()],
                humanitarian: false,
                demonstration: true,
                transactions: vec![
                    transaction(TransactionKind::Commitment, 3_000_000),
                    transaction(TransactionKind::Disbursement, 1_000_000),
                    transaction(TransactionKind::Disbursement, 1_000_000),
                ],
            }
        })
        .collect()
}

/// Counts the bytes written, to report the file's size without keeping it.
struct Counter(usize);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn benches(c: &mut Criterion) {
    let entries = ledger();
    let problems = verify(&entries);
    assert!(
        problems.is_empty(),
        "the bench's ledger verifies: {problems:?}"
    );
    let books = Balances::derive(&entries);
    println!(
        "ledger: {} entries, {} accounts with a balance, {} reversals",
        entries.len(),
        books.accounts.len(),
        entries.iter().filter(|e| e.reverses.is_some()).count()
    );
    c.bench_function("derive every balance of 100,000 entries", |b| {
        b.iter(|| black_box(Balances::derive(black_box(&entries))))
    });
    c.bench_function("verify 100,000 entries", |b| {
        b.iter(|| black_box(verify(black_box(&entries))))
    });

    let publisher = Publisher {
        reference: "XM-DAC-41313".into(),
        kind: "40",
        name: "OHCHR".into(),
    };
    let generated = Utc.with_ymd_and_hms(2026, 12, 7, 0, 0, 0).unwrap();
    let list = activities();
    let size =
        taawun_funds::iati::write_activities(Counter(0), &publisher, generated, list.clone())
            .unwrap()
            .0;
    println!(
        "IATI: {} activities, {:.1} MB",
        list.len(),
        size as f64 / 1e6
    );
    let mut group = c.benchmark_group("iati");
    group.sample_size(10);
    group.bench_function("write 10,000 activities", |b| {
        b.iter_batched(
            || list.clone(),
            |list| {
                black_box(
                    taawun_funds::iati::write_activities(
                        std::io::BufWriter::new(Counter(0)),
                        &publisher,
                        generated,
                        list,
                    )
                    .unwrap(),
                )
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(ledger_benches, benches);
criterion_main!(ledger_benches);
