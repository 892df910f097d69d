//! The Human Rights Council's recorded votes 2006-2024, read in place from the shared data.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use taawun_states::Resolver;
use taawun_votes::{Definition, VoteChoice, VoteMatrix, agreement_matrix, agreement_of, cohesion};

use common::{hrc_dataset, shared};

#[test]
fn every_roll_call_and_state() {
    taawun_testdata::require_shared!();
    let data = hrc_dataset();
    assert_eq!(data.roll_calls.len(), 974);
    let states: BTreeSet<&str> = data.votes.iter().map(|v| v.state.as_str()).collect();
    assert_eq!(states.len(), 125);
    // One cell per State and roll call, non-members included.
    assert_eq!(data.votes.len(), 974 * 125);
    assert!(data.skipped.is_empty());

    let mut counts: BTreeMap<VoteChoice, usize> = BTreeMap::new();
    for vote in &data.votes {
        *counts.entry(vote.choice).or_default() += 1;
    }
    assert_eq!(counts[&VoteChoice::Yes], 21_605);
    assert_eq!(counts[&VoteChoice::No], 13_608);
    assert_eq!(counts[&VoteChoice::Abstain], 9_465);
    assert_eq!(counts[&VoteChoice::NonVoting], 709);
    assert_eq!(counts[&VoteChoice::NotMember], 76_363);
    assert!(!counts.contains_key(&VoteChoice::Absent));
}

#[test]
fn symbols_sessions_dates_and_kinds() {
    taawun_testdata::require_shared!();
    let data = hrc_dataset();
    let first = &data.roll_calls[0];
    assert_eq!(first.id, "A/HRC/RES/1/2");
    assert_eq!(first.date, NaiveDate::from_ymd_opt(2006, 6, 29).unwrap());
    assert_eq!(first.session, Some(1));
    assert!(
        first
            .title
            .starts_with("Working group of the Commission on Human Rights")
    );
    assert!(!first.title.contains(":resolution"));
    let last_date = data.roll_calls.iter().map(|r| r.date).max().unwrap();
    assert_eq!(last_date, NaiveDate::from_ymd_opt(2024, 10, 11).unwrap());

    let special: Vec<_> = data
        .roll_calls
        .iter()
        .filter(|r| r.session.is_none())
        .collect();
    assert_eq!(special.len(), 21);
    assert!(special.iter().all(|r| r.special_session().is_some()));
    let s1 = data.roll_call("A/HRC/RES/S-1/1").unwrap();
    assert_eq!((s1.session, s1.special_session()), (None, Some(1)));

    assert_eq!(data.roll_calls.iter().filter(|r| r.draft).count(), 441);
    assert_eq!(data.roll_calls.iter().filter(|r| r.amendment).count(), 439);

    // Repaired symbols keep their original id (the column name) and are noted.
    let dec = data.roll_call("A/HRC/DEC22/117").unwrap();
    assert_eq!(dec.symbol.as_deref(), Some("A/HRC/DEC/22/117"));
    assert_eq!(dec.session, Some(22));
    let revised = data.roll_call("A/HRC/50/L.37 as orally revised").unwrap();
    assert_eq!(revised.symbol.as_deref(), Some("A/HRC/50/L.37"));
    assert!(revised.draft);
    let amendment = data.roll_call("A/HRC/RES/56/L.35").unwrap();
    assert_eq!(amendment.symbol.as_deref(), Some("A/HRC/56/L.35"));
    assert!(amendment.draft && amendment.amendment);
    assert_eq!(data.notes.len(), 9);
}

/// The counts of resolution 56/2 computed from the data must be those its text states:
/// "adopted by a recorded vote of 31 to 14, with 2 abstentions", and the States named in the
/// text (Arabic, as extracted from the PDF) must be those the data has voting each way.
#[test]
fn resolution_56_2_matches_its_text() {
    taawun_testdata::require_shared!();
    let data = hrc_dataset();
    let votes: Vec<_> = data.votes_on("A/HRC/RES/56/2").collect();
    let count = |c| votes.iter().filter(|v| v.choice == c).count();
    let computed = (
        count(VoteChoice::Yes),
        count(VoteChoice::No),
        count(VoteChoice::Abstain),
    );
    assert_eq!(computed, (31, 14, 2));
    assert_eq!(count(VoteChoice::NotMember), 125 - 47);

    let text = std::fs::read_to_string(shared().join("seeds/000_b863d33a48876efe.txt")).unwrap();
    let (stated, lists) = stated_vote(&text);
    assert_eq!(stated, computed);
    let resolver = Resolver::builtin();
    for (choice, names) in [VoteChoice::Yes, VoteChoice::No, VoteChoice::Abstain]
        .into_iter()
        .zip(lists)
    {
        let from_text: BTreeSet<&str> = names
            .iter()
            .map(|name| {
                resolver
                    .resolve(name)
                    .iso3
                    .unwrap_or_else(|| panic!("{name} resolves"))
            })
            .collect();
        let from_data: BTreeSet<&str> = votes
            .iter()
            .filter(|v| v.choice == choice)
            .map(|v| v.state.as_str())
            .collect();
        assert_eq!(from_text, from_data, "{choice:?}");
    }
}

/// The figures and the three lists of States of the voting record at the end of the text:
/// "[اعتُمد بتصويت مسجل بأغلبية 31 صوتاً مقابل 14 صوتاً وامتناع عضوين عن التصويت…", then the
/// headings (in favour, against, abstaining) each followed by a line of names.
fn stated_vote(text: &str) -> ((usize, usize, usize), Vec<Vec<String>>) {
    let record = text
        .lines()
        .find(|l| l.contains("بتصويت مسجل"))
        .expect("the voting record");
    let numbers: Vec<usize> = record
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    // Two abstentions are written with the Arabic dual, "عضوين" (two members), not a digit.
    let abstentions = if record.contains("عضوين") {
        2
    } else {
        numbers[2]
    };
    let after: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("بتصويت مسجل"))
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // heading, names, heading, names, heading, names
    let lists = [after[1], after[3], after[5]]
        .iter()
        .map(|line| {
            line.trim_end_matches(['.', ']'])
                .split('،')
                .map(|name| name.trim().to_owned())
                .filter(|name| !name.is_empty())
                .collect()
        })
        .collect();
    ((numbers[0], numbers[1], abstentions), lists)
}

#[test]
fn eight_roll_calls_have_no_members_at_all() {
    taawun_testdata::require_shared!();
    // Eight columns of all-votes.csv are all code 4 (not a member): the scrape lost these votes.
    let data = hrc_dataset();
    let matrix = VoteMatrix::from_dataset(data);
    let empty: Vec<&str> = (0..matrix.roll_calls().len())
        .filter(|&r| matrix.tally(r).not_member == 125)
        .map(|r| matrix.roll_calls()[r].as_str())
        .collect();
    assert_eq!(
        empty,
        [
            "A/HRC/15/L.35",
            "A/HRC/18/L.33",
            "A/HRC/19/L.42",
            "A/HRC/29/L.39",
            "A/HRC/50/L.40",
            "A/HRC/RES/56/18",
            "A/HRC/RES/56/20",
            "A/HRC/RES/56/21"
        ]
    );
}

#[test]
fn analytics_on_the_council() {
    taawun_testdata::require_shared!();
    let data = hrc_dataset();
    let matrix = VoteMatrix::from_dataset(data);
    assert_eq!(matrix.states().len(), 125);
    let full = agreement_matrix(&matrix, Definition::IdenticalVotes);
    for (a, b) in [("FRA", "DEU"), ("CHN", "CUB"), ("USA", "CHN")] {
        let pair = agreement_of(&matrix, a, b, Definition::IdenticalVotes).unwrap();
        let (i, j) = (
            matrix.state_index(a).unwrap(),
            matrix.state_index(b).unwrap(),
        );
        assert_eq!(full.get(i, j), pair);
    }
    // Two members of the same group vote alike far more often than the two sides do.
    let france_germany = agreement_of(&matrix, "FRA", "DEU", Definition::IdenticalVotes).unwrap();
    let china_cuba = agreement_of(&matrix, "CHN", "CUB", Definition::IdenticalVotes).unwrap();
    let france_china = agreement_of(&matrix, "FRA", "CHN", Definition::IdenticalVotes).unwrap();
    assert!(france_germany.value.unwrap() > 0.9);
    assert!(china_cuba.value.unwrap() > 0.9);
    assert!(france_china.value.unwrap() < 0.3);

    let eu: Vec<usize> = ["FRA", "DEU", "NLD", "BEL", "ESP", "ITA"]
        .iter()
        .map(|s| matrix.state_index(s).unwrap())
        .collect();
    let eu_cohesion = cohesion(&matrix, &eu);
    assert!(eu_cohesion.mean.unwrap() > 0.9);
}
