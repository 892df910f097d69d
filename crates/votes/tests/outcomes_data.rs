//! Outcomes of the real roll calls: what the tallies and the bodies' rules decide.

mod common;

use std::collections::HashMap;

use taawun_votes::{Body, Dataset, Outcome, VoteChoice, outcome};

use common::{hrc_dataset, unga_dataset};

/// (yes, no, abstain) of every roll call, counted from the votes.
fn tallies(data: &Dataset) -> HashMap<&str, (u32, u32, u32)> {
    let mut out: HashMap<&str, (u32, u32, u32)> = HashMap::new();
    for roll_call in &data.roll_calls {
        out.insert(roll_call.id.as_str(), (0, 0, 0));
    }
    for vote in &data.votes {
        let t = out.get_mut(vote.roll_call_id.as_str()).unwrap();
        match vote.choice {
            VoteChoice::Yes => t.0 += 1,
            VoteChoice::No => t.1 += 1,
            VoteChoice::Abstain => t.2 += 1,
            _ => {}
        }
    }
    out
}

fn present() -> bool {
    taawun_testdata::available("the outcomes of the real voting records")
}

#[test]
fn the_failed_votes_of_the_issue_are_rejected() {
    if !present() {
        return;
    }
    let hrc = hrc_dataset();
    let counts = tallies(hrc);
    let l43 = hrc
        .roll_calls
        .iter()
        .find(|r| r.symbol.as_deref() == Some("A/HRC/57/L.43"))
        .expect("A/HRC/57/L.43 is in the Council's data");
    assert!(l43.amendment || l43.draft);
    let (yes, no, abstain) = counts[l43.id.as_str()];
    assert_eq!((yes, no, abstain), (8, 21, 18));
    assert_eq!(outcome(Body::Hrc, yes, no, abstain), Outcome::Rejected);

    let unga = unga_dataset();
    let counts = tallies(unga);
    let r179 = unga
        .roll_calls
        .iter()
        .find(|r| r.symbol.as_deref() == Some("A/RES/1/79"))
        .expect("A/RES/1/79 is in the Assembly's data");
    let (yes, no, abstain) = counts[r179.id.as_str()];
    assert_eq!((yes, no, abstain), (9, 34, 8));
    assert_eq!(outcome(Body::Unga, yes, no, abstain), Outcome::Rejected);
}

#[test]
fn every_assembly_roll_call_gets_the_outcome_its_tally_allows() {
    if !present() {
        return;
    }
    let unga = unga_dataset();
    let counts = tallies(unga);
    let mut by: HashMap<Outcome, usize> = HashMap::new();
    for roll_call in &unga.roll_calls {
        let (yes, no, abstain) = counts[roll_call.id.as_str()];
        let result = outcome(Body::Unga, yes, no, abstain);
        *by.entry(result).or_default() += 1;
        match result {
            Outcome::Adopted => assert!(yes > no && yes >= 2 * no, "{}", roll_call.id),
            Outcome::Rejected => assert!(yes <= no, "{}", roll_call.id),
            Outcome::NotRecorded => {
                assert!(
                    yes > no && yes < 2 * no || yes + no == 0,
                    "{}",
                    roll_call.id
                )
            }
        }
    }
    let total: usize = by.values().sum();
    assert_eq!(total, unga.roll_calls.len());
    // Every roll call with as many votes against as for is rejected, and they are not a handful
    // (the issue counted 349 of them shown as "adopted").
    let as_many_against = unga
        .roll_calls
        .iter()
        .filter(|r| {
            let (yes, no, _) = counts[r.id.as_str()];
            no >= yes && yes + no > 0
        })
        .count();
    assert_eq!(
        by.get(&Outcome::Rejected).copied().unwrap_or(0),
        as_many_against
    );
    assert!(as_many_against > 100, "{as_many_against}");
    // Most roll calls carried, and some are not decided by the data.
    assert!(by[&Outcome::Adopted] > total / 2);
    assert!(by.get(&Outcome::NotRecorded).copied().unwrap_or(0) > 0);
    eprintln!(
        "General Assembly: {} adopted, {} rejected, {} not recorded",
        by[&Outcome::Adopted],
        by[&Outcome::Rejected],
        by.get(&Outcome::NotRecorded).copied().unwrap_or(0)
    );
}

#[test]
fn every_council_roll_call_with_votes_is_decided() {
    if !present() {
        return;
    }
    let hrc = hrc_dataset();
    let counts = tallies(hrc);
    for roll_call in &hrc.roll_calls {
        let (yes, no, abstain) = counts[roll_call.id.as_str()];
        let result = outcome(Body::Hrc, yes, no, abstain);
        assert_eq!(
            result == Outcome::NotRecorded,
            yes + no == 0,
            "{}",
            roll_call.id
        );
        assert_eq!(result == Outcome::Adopted, yes > no, "{}", roll_call.id);
    }
    // Council resolutions adopted by a vote are the great majority; rejected amendments exist.
    let rejected = hrc
        .roll_calls
        .iter()
        .filter(|r| {
            let (yes, no, abstain) = counts[r.id.as_str()];
            outcome(Body::Hrc, yes, no, abstain) == Outcome::Rejected
        })
        .count();
    assert!(
        rejected > 0 && rejected < hrc.roll_calls.len() / 2,
        "{rejected}"
    );
}
