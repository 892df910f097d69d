//! The summary report at the scale of a mandate: five regional seminars (one per regional
//! group) with 2,000 inputs in Arabic and English on about 40 themes, half of them quotable with
//! attribution, and 3 calls for inputs with 200 submissions — all made with the cooperation
//! crate's functions. Measures drawing up the content (`build_report`), writing it as a
//! document in each language (`document`), typesetting each document (`taawun_report::pdf`),
//! and the whole: content, both documents and both PDFs. The target is the whole under 3 s.
//!
//! Typst memoises layout across compilations, so typesetting the same report again costs a
//! fraction of the first time; a summary report is typeset once after its records change, so
//! the cache is emptied before each measured typesetting.
//!
//! Run: `cargo bench -p taawun-summary --bench summary`

// The tests' smaller sizes and helpers are not used here.
#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use taawun_cooperation::build_report;
use taawun_summary::{Lang, document};

use support::{MANDATE, Records, as_of, mandate, masthead};

/// Empties Typst's memoisation cache: the next typesetting starts from nothing.
fn cold() {
    typst::comemo::evict(0);
}

fn bench(c: &mut Criterion) {
    let records = Records::generate(MANDATE, 2026);
    let seminars = records.seminar_data();
    let consultations = records.consultation_data();
    let practices = records.practice_links();
    let head = masthead();
    let report = build_report(&mandate(), &seminars, &consultations, &practices, as_of())
        .expect("seminars were held");
    let inputs = records.input_count() as u64;
    let themes = report.challenges.len() + report.gaps.len() + report.good_practices.len();
    let quoted: usize = [&report.challenges, &report.gaps, &report.good_practices]
        .into_iter()
        .flatten()
        .map(|g| g.quotations.len() + g.excerpts.len())
        .sum();
    println!(
        "records: {} seminars, {} participants, {inputs} inputs in {themes} theme sections \
         ({quoted} published, at most three a theme quoted), {} calls with {} submissions, {} practices cited",
        report.seminars.len(),
        report.participation.total,
        report.consultations.len(),
        report
            .consultations
            .iter()
            .map(|c| c.submissions)
            .sum::<u32>(),
        report.practices.len(),
    );
    let documents: Vec<_> = Lang::ALL
        .iter()
        .map(|&l| (l, document(&report, l, &head)))
        .collect();
    for (lang, doc) in &documents {
        cold();
        let started = Instant::now();
        let pdf = taawun_report::pdf(doc).expect("typesets");
        println!(
            "{}: {} blocks, {} KiB of Typst source, PDF {} KiB, typeset in {:.0} ms",
            lang.code(),
            doc.blocks.len(),
            taawun_report::typst_source(doc).len() / 1024,
            pdf.len() / 1024,
            started.elapsed().as_secs_f64() * 1e3
        );
    }

    let mut group = c.benchmark_group("summary report, 2,000 inputs");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .throughput(Throughput::Elements(inputs));

    group.bench_function("build_report", |b| {
        b.iter(|| {
            build_report(
                black_box(&mandate()),
                black_box(&seminars),
                &consultations,
                &practices,
                as_of(),
            )
        })
    });
    for lang in Lang::ALL {
        group.bench_function(format!("document/{}", lang.code()), |b| {
            b.iter(|| document(black_box(&report), lang, &head))
        });
    }
    for (lang, doc) in &documents {
        group.bench_function(format!("pdf/{}", lang.code()), |b| {
            b.iter_batched(cold, |()| taawun_report::pdf(doc), BatchSize::PerIteration)
        });
    }
    group.bench_function("whole: content, ar and en documents and PDFs", |b| {
        b.iter_batched(
            cold,
            |()| {
                let report =
                    build_report(&mandate(), &seminars, &consultations, &practices, as_of())
                        .expect("seminars were held");
                Lang::ALL.map(|l| taawun_report::pdf(&document(&report, l, &head)))
            },
            BatchSize::PerIteration,
        )
    });
    // The two languages are independent: a server with two cores typesets them side by side.
    group.bench_function("whole, one thread per language", |b| {
        b.iter_batched(
            cold,
            |()| {
                let report =
                    build_report(&mandate(), &seminars, &consultations, &practices, as_of())
                        .expect("seminars were held");
                std::thread::scope(|s| {
                    Lang::ALL
                        .map(|l| {
                            let (report, head) = (&report, &head);
                            s.spawn(move || taawun_report::pdf(&document(report, l, head)))
                        })
                        .map(|t| t.join().map(|r| r.map(|pdf| pdf.len())))
                })
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
