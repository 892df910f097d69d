//! Typesetting a mid-term report of the size a State's plan reaches: 12 clusters, 250
//! recommendations quoted in English, 60 actions, the chart — in Arabic and in English. Prints
//! the time of the first PDF, and per PDF when the same report is typeset again.
//!
//! Run: `cargo bench -p taawun-report --bench typeset`

use criterion::{Criterion, criterion_group, criterion_main};
use taawun_charts::{BarRow, BarSpec, Category, Dir, Pattern};
use taawun_report::{Block, Column, Language, Masthead, Report};

const RECOMMENDATION: &str = "Continue its efforts to strengthen the national human rights institution \
in line with the Paris Principles, and ensure that it has adequate human and financial resources \
to carry out its mandate effectively and independently";

fn report(language: Language) -> Report {
    let arabic = language.rtl;
    let t = |ar: &str, en: &str| if arabic { ar.to_owned() } else { en.to_owned() };
    let mut blocks = vec![Block::Bars(BarSpec {
        id_prefix: "b".into(),
        title: t(
            "الإجراءات حسب المجموعة والحالة",
            "Actions by cluster and status",
        ),
        description: String::new(),
        dir: if arabic { Dir::Rtl } else { Dir::Ltr },
        categories: ["#bbbbbb", "#e69f00", "#56b4e9", "#009e73", "#cc79a7"]
            .iter()
            .enumerate()
            .map(|(i, c)| Category::new(format!("s{i}"), format!("{i}"), *c, Pattern::Solid))
            .collect(),
        rows: (0..12)
            .map(|i| BarRow {
                label: t(&format!("المجموعة {i}"), &format!("Cluster {i}")),
                counts: vec![1, 2, i % 3, 1, 0],
            })
            .collect(),
    })];
    for cluster in 0..12 {
        blocks.push(Block::Heading {
            level: 2,
            text: t(
                &format!("حقوق المرأة {cluster}"),
                &format!("Women's rights {cluster}"),
            ),
        });
        blocks.push(Block::Table {
            caption: None,
            columns: vec![
                Column::number(t("الفقرة", "Paragraph")),
                Column::foreign(t("التوصية", "Recommendation"), Language::ENGLISH),
                Column::text(t("الرد", "Response")),
            ],
            rows: (0..21)
                .map(|i| {
                    vec![
                        format!("140.{}", cluster * 21 + i),
                        RECOMMENDATION.to_owned(),
                        t("مؤيدة", "Supported"),
                    ]
                })
                .collect(),
        });
        blocks.push(Block::Table {
            caption: None,
            columns: vec![
                Column::text(t("الإجراء", "Action")),
                Column::text(t("المؤسسة الرائدة", "Lead institution")),
                Column::number(t("الموعد", "Due")),
            ],
            rows: (0..5)
                .map(|i| {
                    vec![
                        t(&format!("اعتماد قانون {i}"), &format!("Adopt a law {i}")),
                        t("وزارة العدل", "Ministry of Justice"),
                        "2027-06-30".into(),
                    ]
                })
                .collect(),
        });
    }
    Report {
        language,
        masthead: Masthead {
            issuer: t("قطر", "Qatar"),
            symbol: None,
            distribution: None,
            date: "7 December 2026".into(),
            lines: vec![t("مجلس حقوق الإنسان", "Human Rights Council")],
        },
        title: t("تقرير منتصف المدة", "Mid-term report"),
        subtitle: None,
        blocks,
        colophon: None,
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("mid-term report PDF, 250 recommendations, 60 actions");
    group.sample_size(10);
    for language in [Language::ARABIC, Language::ENGLISH] {
        let report = report(language);
        // The first typesetting of a report; the iterations below typeset the same report
        // again, which Typst's memoisation makes cheaper.
        let started = std::time::Instant::now();
        let bytes = taawun_report::pdf(&report).expect("typesets");
        println!(
            "{}: {} KiB, first typesetting {:.1} ms",
            language.code,
            bytes.len() / 1024,
            started.elapsed().as_secs_f64() * 1e3
        );
        group.bench_function(language.code, |b| {
            b.iter(|| taawun_report::pdf(&report).expect("typesets"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
