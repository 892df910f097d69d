//! UPR Info's files (`../shared/data/upr/`) through the reader, its figures checked against the
//! files read here another way.

use proptest::prelude::*;
use taawun_states::Resolver;
use taawun_upr::upr_info::{self, ReadError};
use taawun_upr::{ActionCategory, Response};

fn folder() -> std::path::PathBuf {
    taawun_testdata::shared("data/upr")
}

/// The files' records, counted without the reader: Mac Roman decoded by hand for the ASCII it
/// mostly is, split on carriage returns outside quotes.
fn raw_records(name: &str) -> Vec<Vec<String>> {
    let bytes = std::fs::read(folder().join(name)).unwrap();
    let text: String = bytes
        .iter()
        .map(|&b| if b < 0x80 { b as char } else { '\u{fffd}' })
        .collect();
    let mut records = Vec::new();
    let (mut field, mut fields, mut quoted) = (String::new(), Vec::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            '\r' | '\n' if !quoted => {
                fields.push(std::mem::take(&mut field));
                if fields.iter().any(|f| !f.is_empty()) {
                    records.push(std::mem::take(&mut fields));
                }
                fields.clear();
            }
            c => field.push(c),
        }
    }
    if fields.iter().any(|f| !f.is_empty()) || !field.is_empty() {
        fields.push(field);
        records.push(fields);
    }
    records.remove(0); // the header line
    records
}

#[test]
fn every_recommendation_and_pledge_is_read_once() {
    taawun_testdata::require_shared!();
    let info = upr_info::read_dir(&folder(), Resolver::builtin()).unwrap();
    let mut rows = 0;
    let mut distinct = std::collections::HashSet::new();
    for file in &info.files {
        if file == "sessions-voluntary.csv" {
            continue;
        }
        for record in raw_records(file) {
            rows += 1;
            distinct.insert(
                record
                    .iter()
                    .map(|f| f.trim().to_owned())
                    .collect::<Vec<_>>(),
            );
        }
    }
    assert_eq!(info.rows, rows, "recommendation rows");
    assert_eq!(info.exact_repeats, rows - distinct.len(), "exact repeats");
    assert!(info.exact_repeats > 0, "the files repeat some rows");
    let pledges = raw_records("sessions-voluntary.csv");
    let distinct_pledges: std::collections::HashSet<Vec<String>> = pledges
        .iter()
        .map(|r| r.iter().map(|f| f.trim().to_owned()).collect())
        .collect();
    assert_eq!(info.pledge_repeats, pledges.len() - distinct_pledges.len());
    assert_eq!(
        info.pledges.len() + info.pledges_unresolved,
        distinct_pledges.len()
    );
    // Each distinct row is a recommendation, joined to another, or left out with its name.
    assert_eq!(
        info.recommendations.len() + info.joined_rows + info.rows_unresolved,
        distinct.len()
    );
    let recommending: usize = info
        .recommendations
        .iter()
        .map(|r| r.recommending.len())
        .sum();
    assert!(
        recommending > info.recommendations.len(),
        "some have several recommending States"
    );
    // Every name left out is listed with where it was first met.
    assert!(info.unresolved.iter().map(|u| u.rows).sum::<usize>() >= info.rows_unresolved);
    for name in &info.unresolved {
        assert!(name.first.line > 0, "{name:?}");
    }
    // What the rows say, kept: every response, category 1-5, sessions 1-20 of cycles 1-2.
    for r in &info.recommendations {
        assert!(r.response.is_some(), "{r:?}");
        assert!(r.action.is_some());
        assert!(
            (1..=20).contains(&r.session) && (1..=2).contains(&r.cycle),
            "{r:?}"
        );
        assert!(!r.text.ends_with(' '), "trailing spaces trimmed");
    }
    let supported = info
        .recommendations
        .iter()
        .filter(|r| r.response == Some(Response::Supported))
        .count();
    assert!(supported > info.recommendations.len() / 2);
    assert!(
        info.recommendations
            .iter()
            .any(|r| r.action == Some(ActionCategory::Minimal))
    );
    // Mac Roman decoded: no replacement character in any text.
    assert!(
        info.recommendations
            .iter()
            .all(|r| !r.text.contains('\u{fffd}'))
    );
    eprintln!(
        "{} rows, {} repeats, {} joined, {} left out ({} names: {:?}), {} recommendations, {} pledges",
        info.rows,
        info.exact_repeats,
        info.joined_rows,
        info.rows_unresolved,
        info.unresolved.len(),
        info.unresolved
            .iter()
            .map(|u| (&u.name, u.rows))
            .collect::<Vec<_>>(),
        info.recommendations.len(),
        info.pledges.len()
    );
}

#[test]
fn a_bad_field_is_named_with_its_file_and_line() {
    let header = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r";
    let file = |row: &str| {
        vec![(
            "sessions-x.csv".to_owned(),
            format!("{header}{row}\r").into_bytes(),
        )]
    };
    let cases = [
        (
            "France,WEOG,EU,Ratify it.,Egypt,African,OIC,Maybe,5,Torture,5",
            "Response",
        ),
        (
            "France,WEOG,EU,Ratify it.,Egypt,African,OIC,Accepted,9,Torture,5",
            "Action",
        ),
        (
            "France,WEOG,EU,Ratify it.,Egypt,African,OIC,Accepted,5,Torture,x",
            "Session",
        ),
        (
            "France,WEOG,EU,,Egypt,African,OIC,Accepted,5,Torture,5",
            "Text",
        ),
    ];
    for (row, column) in cases {
        match upr_info::read_files(&file(row), Resolver::builtin()) {
            Err(ReadError::Field {
                file,
                line,
                column: c,
                ..
            }) => {
                assert_eq!(
                    (file.as_str(), line, c),
                    ("sessions-x.csv", 2, column),
                    "{row}"
                );
            }
            other => panic!("{row}: {other:?}"),
        }
    }
    let missing = vec![("sessions-y.csv".to_owned(), b"To,Text\rFrance,x\r".to_vec())];
    assert!(matches!(
        upr_info::read_files(&missing, Resolver::builtin()),
        Err(ReadError::File { .. })
    ));
}

#[test]
fn two_rows_of_one_recommendation_are_one_record_and_a_guess_is_never_made() {
    let text = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r\
        France,WEOG,EU,Ratify the Convention. ,Egypt,African,OIC,Accepted,5,\"Torture,Women's rights\",5\r\
        France,WEOG,EU,ratify the convention,Brazil,GRULAC,,Accepted,5,Torture,5\r\
        France,WEOG,EU,Ratify the Convention. ,Egypt,African,OIC,Accepted,5,\"Torture,Women's rights\",5\r\
        France,WEOG,EU,Abolish it.,Korea,Asia,,Noted,4,Death penalty,5\r";
    let info = upr_info::read_files(
        &[("sessions-1-5.csv".to_owned(), text.as_bytes().to_vec())],
        Resolver::builtin(),
    )
    .unwrap();
    assert_eq!((info.rows, info.exact_repeats, info.joined_rows), (4, 1, 1));
    assert_eq!(info.recommendations.len(), 1);
    let r = &info.recommendations[0];
    assert_eq!((r.reviewed.as_str(), r.session, r.cycle), ("FRA", 5, 1));
    assert_eq!(r.recommending, ["EGY", "BRA"]);
    assert_eq!(r.issues, ["Torture", "Women's rights"]);
    assert_eq!(r.sources.len(), 2);
    // "Korea" is two States: the row is left out and the name listed, with its candidates.
    assert_eq!(info.rows_unresolved, 1);
    assert_eq!(info.unresolved[0].name, "Korea");
    assert!(info.unresolved[0].candidates.len() >= 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the bytes, the reader answers with records or an error, and never panics.
    #[test]
    fn any_bytes_give_an_answer(body in proptest::collection::vec(any::<u8>(), 0..600)) {
        let mut bytes = b"To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r".to_vec();
        bytes.extend(body);
        let _ = upr_info::read_files(&[("sessions-p.csv".to_owned(), bytes)], Resolver::builtin());
    }

    #[test]
    fn rows_of_any_text_give_an_answer(cells in proptest::collection::vec("[A-Za-z ,\"\r\n0-9.-]{0,20}", 11)) {
        let header = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r";
        let row = cells.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(",");
        let _ = upr_info::read_files(&[("sessions-q.csv".to_owned(), format!("{header}{row}\r").into_bytes())], Resolver::builtin());
    }
}
