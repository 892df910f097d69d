//! The IATI export checked against the standard's own XML Schema (IATI 2.03, in the public
//! datasets), with xmllint, on activities in every status, with and without optional parts, and
//! with texts in Arabic and with markup characters.

use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use taawun_funds::iati::{
    Activity, Org, Publisher, Status, Transaction, TransactionKind, write_activities,
};
use taawun_funds::{Currency, Money};

fn xmllint() -> Result<String, String> {
    Command::new("xmllint")
        .arg("--version")
        .output()
        .map_err(|e| format!("xmllint (Debian's libxml2-utils) cannot run: {e}"))
        .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
}

fn activities() -> Vec<Activity> {
    let usd = Currency::parse("USD").unwrap();
    let chf = Currency::parse("CHF").unwrap();
    let ohchr = Org {
        reference: Some("XM-DAC-41313".into()),
        kind: "40",
        name: "مفوضية الأمم المتحدة السامية لحقوق الإنسان".into(),
    };
    let statuses = [
        Status::Pipeline,
        Status::Implementation,
        Status::Finalisation,
        Status::Closed,
    ];
    (0..12)
        .map(|i| {
            let state = Org {
                reference: None,
                kind: "10",
                name: format!("حكومة الدولة {i} <&>"),
            };
            let donor = Org {
                reference: (i % 2 == 0).then(|| format!("XM-DAC-{i}")),
                kind: if i % 3 == 0 { "21" } else { "10" },
                name: format!("Donor \"{i}\""),
            };
            let day = |d: u32| NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, d).unwrap();
            let mut transactions = vec![Transaction {
                kind: TransactionKind::Commitment,
                date: day(1),
                amount: Money::new(1_000_000 + i64::from(i), usd).unwrap(),
                provider: Some(ohchr.clone()),
                receiver: Some(state.clone()),
            }];
            if i % 2 == 1 {
                transactions.push(Transaction {
                    kind: TransactionKind::IncomingFunds,
                    date: day(2),
                    amount: Money::new(500_000, chf).unwrap(),
                    provider: Some(donor.clone()),
                    receiver: None,
                });
                transactions.push(Transaction {
                    kind: TransactionKind::Disbursement,
                    date: day(3),
                    amount: Money::new(400_000, usd).unwrap(),
                    provider: None,
                    receiver: Some(state.clone()),
                });
                transactions.push(Transaction {
                    kind: TransactionKind::Expenditure,
                    date: day(4),
                    amount: Money::new(1, usd).unwrap(),
                    provider: None,
                    receiver: None,
                });
            }
            Activity {
                local_id: format!("upr-implementation-2026-{i}"),
                title: format!("تنفيذ توصيات الاستعراض {i}"),
                description: "<b>not markup</b> & \u{1} a control character".into(),
                lang: "ar".into(),
                currency: taawun_funds::Currency::parse("USD").unwrap(),
                status: statuses[i as usize % 4],
                last_updated: Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
                planned_start: Some(day(1)),
                planned_end: (i % 2 == 0).then(|| day(28)),
                actual_start: (i % 3 == 0).then(|| day(5)),
                actual_end: (i % 4 == 3).then(|| day(27)),
                recipient_country: ["FJ", "TN", "PE", "KH"][i as usize % 4].into(),
                funders: if i % 2 == 1 { vec![donor] } else { vec![] },
                extending: ohchr.clone(),
                implementing: state,
                sdg_targets: if i % 2 == 0 {
                    vec!["16.10".into(), "5.1".into()]
                } else {
                    vec![]
                },
                humanitarian: i % 5 == 0,
                demonstration: i % 2 == 0,
                transactions,
            }
        })
        .collect()
}

#[test]
fn the_export_is_valid_iati_2_03() {
    if !taawun_testdata::available("IATI schema validation")
        || !taawun_testdata::tool_available("IATI schema validation", xmllint())
    {
        return;
    }
    let schema = taawun_testdata::shared("data/iati/iati-activities-schema.xsd");
    let publisher = Publisher {
        reference: "XM-DAC-41313".into(),
        kind: "40",
        name: "OHCHR".into(),
    };
    let generated = Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap();
    let bytes = write_activities(Vec::new(), &publisher, generated, activities()).unwrap();
    let dir = std::env::temp_dir().join(format!("taawun-iati-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("activities.xml");
    std::fs::write(&file, &bytes).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&file)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "xmllint refused the export:\n{said}");
    assert!(said.contains("validates"), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}
