//! The General Assembly's roll calls 1946-2019 (Voeten), read in place from the shared data.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use taawun_states::UnStatus;
use taawun_votes::{Progress, ReadOptions, VoteChoice, unga};

use common::{unga_dataset, votes_dir};

fn per_state() -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for vote in &unga_dataset().votes {
        *counts.entry(vote.state.as_str()).or_default() += 1;
    }
    counts
}

#[test]
fn every_roll_call_and_vote() {
    taawun_testdata::require_shared!();
    let data = unga_dataset();
    assert_eq!(data.roll_calls.len(), 6_203);
    assert_eq!(data.votes.len(), 870_109);
    assert!(data.skipped.is_empty());
    // 200 names in the file; the two Germanies of the file are one State.
    assert_eq!(per_state().len(), 199);
    let mut counts: BTreeMap<VoteChoice, usize> = BTreeMap::new();
    for vote in &data.votes {
        *counts.entry(vote.choice).or_default() += 1;
    }
    // Absences are not in the source: only yes, no and abstain.
    assert_eq!(counts.len(), 3);
    assert_eq!(counts[&VoteChoice::Yes], 693_664);
    assert_eq!(counts[&VoteChoice::No], 65_548);
    assert_eq!(counts[&VoteChoice::Abstain], 110_897);
}

#[test]
fn ids_dates_and_symbols_decode() {
    taawun_testdata::require_shared!();
    let data = unga_dataset();
    let first = data.roll_call("3").unwrap();
    // -8766 days before 1970-01-01: 24 years of 365 days and 6 leap days.
    assert_eq!(first.date, NaiveDate::from_ymd_opt(1946, 1, 1).unwrap());
    assert_eq!(first.session, Some(1));
    assert_eq!(first.symbol.as_deref(), Some("A/RES/1/66"));
    assert!(first.amendment && !first.paragraph_vote && !first.important);
    assert_eq!(first.title, "AMENDMENTS, RULES OF PROCEDURE");
    assert!(data.roll_call("3.0").is_none(), "ids are integers");

    let dates: Vec<NaiveDate> = data.roll_calls.iter().map(|r| r.date).collect();
    assert_eq!(
        dates.iter().max(),
        NaiveDate::from_ymd_opt(2020, 1, 14).as_ref()
    );
    let sessions: BTreeSet<u32> = data.roll_calls.iter().filter_map(|r| r.session).collect();
    assert_eq!(sessions.len(), 74);
    assert_eq!((sessions.first(), sessions.last()), (Some(&1), Some(&74)));
    assert_eq!(
        data.roll_calls
            .iter()
            .filter(|r| r.symbol.is_none())
            .count(),
        159
    );
    assert_eq!(data.roll_calls.iter().filter(|r| r.important).count(), 411);
    assert_eq!(data.roll_calls.iter().filter(|r| r.amendment).count(), 311);
    assert_eq!(
        data.roll_calls.iter().filter(|r| r.paragraph_vote).count(),
        991
    );
    let symbols: BTreeSet<&str> = data
        .roll_calls
        .iter()
        .filter_map(|r| r.symbol.as_deref())
        .collect();
    assert!(symbols.contains("A/RES/ES-10/19"));
    assert!(symbols.iter().any(|s| s.starts_with("A/RES/S-")));
    assert!(!symbols.iter().any(|s| s.starts_with("R/1/")));
}

#[test]
fn issues_attach_to_their_roll_calls() {
    taawun_testdata::require_shared!();
    let data = unga_dataset();
    let labels: usize = data.roll_calls.iter().map(|r| r.issues.len()).sum();
    assert_eq!(labels, 5_745);
    assert_eq!(
        data.roll_calls
            .iter()
            .filter(|r| !r.issues.is_empty())
            .count(),
        4_099
    );
    assert_eq!(
        data.roll_call("77").unwrap().issues,
        ["Palestinian conflict", "Economic development"]
    );
    let themes: BTreeSet<&str> = data
        .roll_calls
        .iter()
        .flat_map(|r| r.issues.iter().map(String::as_str))
        .collect();
    assert_eq!(
        themes,
        BTreeSet::from([
            "Arms control and disarmament",
            "Colonialism",
            "Economic development",
            "Human rights",
            "Nuclear weapons and nuclear material",
            "Palestinian conflict"
        ])
    );
}

#[test]
fn namibia_is_not_a_missing_value() {
    taawun_testdata::require_shared!();
    let counts = per_state();
    assert_eq!(counts["NAM"], 2_455);
}

#[test]
fn historic_states_resolve() {
    taawun_testdata::require_shared!();
    let counts = per_state();
    let historic: BTreeMap<&str, usize> = counts
        .iter()
        .filter(|(s, _)| taawun_states::by_iso3(s).unwrap().status == UnStatus::Historic)
        .map(|(s, n)| (*s, *n))
        .collect();
    assert_eq!(
        historic,
        BTreeMap::from([
            ("CSK", 3_752),
            ("DDR", 2_067),
            ("YAR", 3_291),
            ("YMD", 2_378),
            ("YUG", 5_475),
            ("ZAN", 2),
        ])
    );
    assert_eq!(historic.values().sum::<usize>(), 16_965);
    // The Federal Republic of Germany (2,151 rows, no code) and Germany (2,552) are one State.
    assert_eq!(counts["DEU"], 2_151 + 2_552);
    // The source has no "Soviet Union": the USSR's votes are under "Russia" (see the notes).
    assert!(!counts.contains_key("SUN"));
    assert_eq!(counts["RUS"], 6_145);
}

#[test]
fn china_seat_before_1971_is_kept_as_taiwan() {
    taawun_testdata::require_shared!();
    let data = unga_dataset();
    let dates: BTreeMap<&str, NaiveDate> = data
        .roll_calls
        .iter()
        .map(|r| (r.id.as_str(), r.date))
        .collect();
    let taiwan: Vec<NaiveDate> = data
        .votes
        .iter()
        .filter(|v| v.state == "TWN")
        .map(|v| dates[v.roll_call_id.as_str()])
        .collect();
    assert_eq!(taiwan.len(), 1_233);
    let restoration = NaiveDate::from_ymd_opt(1971, 10, 25).unwrap();
    assert!(taiwan.iter().all(|d| *d < restoration));
    assert!(data.notes.iter().any(|n| n.value == "TWN"));
    assert!(data.notes.iter().any(|n| n.value == "YUG"));
    assert!(data.notes.iter().any(|n| n.value == "RUS"));
}

#[test]
fn progress_is_reported_every_ten_thousand_rows() {
    taawun_testdata::require_shared!();
    let mut reports: Vec<Progress> = Vec::new();
    let mut callback = |p: Progress| reports.push(p);
    unga::read_dir(
        &votes_dir("unga"),
        &ReadOptions::default(),
        Some(&mut callback),
    )
    .unwrap();
    let votes: Vec<&Progress> = reports.iter().filter(|p| p.file == unga::VOTES).collect();
    assert_eq!(votes.len(), 87 + 1);
    assert!(
        votes
            .windows(2)
            .all(|w| w[0].rows_done < w[1].rows_done && w[0].bytes_done <= w[1].bytes_done)
    );
    let last = votes.last().unwrap();
    assert_eq!(last.rows_done, 870_109);
    assert_eq!(last.bytes_done, last.bytes_total);
    assert!(reports.iter().any(|p| p.file == unga::ROLL_CALLS));
    assert!(reports.iter().any(|p| p.file == unga::ISSUES));
}

#[test]
fn days_before_2004_are_not_known_but_years_and_months_are() {
    taawun_testdata::require_shared!();
    use chrono::Datelike as _;
    let data = unga_dataset();
    let first = data.roll_call("3").unwrap();
    assert!(
        !first.day_known,
        "1 January 1946 is before the Assembly first met"
    );
    assert_eq!((first.date.year(), first.date.month()), (1946, 1));
    assert!(first.description.starts_with("TO ADOPT A CUBAN AMENDMENT"));
    // Every roll call whose day is not known is dated on the 1st to the 7th, and they come first.
    let unknown: Vec<_> = data.roll_calls.iter().filter(|r| !r.day_known).collect();
    assert!(unknown.len() >= taawun_votes::unga::UNKNOWN_DAY_RUN);
    assert!(unknown.iter().all(|r| r.date.day() <= 7));
    let last_unknown = unknown
        .iter()
        .map(|r| r.id.parse::<i64>().unwrap())
        .max()
        .unwrap();
    let first_known = data
        .roll_calls
        .iter()
        .filter(|r| r.day_known)
        .map(|r| r.id.parse::<i64>().unwrap())
        .min()
        .unwrap();
    assert!(last_unknown < first_known);
    // The first roll call with a known day is dated past the 7th (that is what ends the run),
    // and later roll calls have days all over the month.
    let known_days: BTreeSet<u32> = data
        .roll_calls
        .iter()
        .filter(|r| r.day_known)
        .map(|r| r.date.day())
        .collect();
    assert!(known_days.len() > 25, "{known_days:?}");
    // Resolution 2758 (XXVI) of 25 October 1971: the month is right.
    let r2758 = data
        .roll_calls
        .iter()
        .find(|r| {
            r.symbol
                .as_deref()
                .is_some_and(|s| s.starts_with("A/RES/26/2758"))
        })
        .unwrap();
    assert!(!r2758.day_known);
    assert_eq!((r2758.date.year(), r2758.date.month()), (1971, 10));
    assert!(
        data.notes
            .iter()
            .any(|n| n.message.contains("day is not known")),
        "the import says what it did"
    );
}
