//! Property test: whatever bytes stand in any of the files, an import returns a dataset or an
//! error; it never panics.

use proptest::prelude::*;
use taawun_votes::{ReadOptions, hrc, unga};

const HRC_DATA: &str = "Resolution,Date,Summary\n\
    A/HRC/RES/1/1,2006/06/29,One :resolution /adopted by the Human Rights Council at its 1st session\n\
    A/HRC/1/L.2,2006/06/30,Two :amendment /Human Rights Council at its 1st session\n";
const HRC_VOTES: &str = "Country,A/HRC/RES/1/1,A/HRC/1/L.2\nFRA,1,0\nNAM,3,4\n";
const HRC_LEGIS: &str = "Country,Country Long,party\nFRA,France,GLOBAL_NORTH\n";
const UNGA_VOTES: &str =
    "rcid,country,country_code,vote\n3.0,Namibia,NA,yes\n3.0,Zanzibar,,no\n4.0,France,FR,abstain\n";
const UNGA_ROLL_CALLS: &str = "rcid,session,importantvote,date,unres,amend,para,short,descr\n\
    3,1.0,0,-8766.0,R/1/66,1,0,\"RULES, OF\",TO ADOPT\n\
    4,1.0,,-8765.0,,0,,,LONG\n";
const UNGA_ISSUES: &str = "rcid,short_name,issue\n3,hr,Human rights\n4,co,Colonialism\n";

/// Bytes of three kinds: anything at all; CSV-looking text made of the characters that matter
/// (separators, quotes, digits, codes, vote words); and a valid file with a few bytes changed.
fn contents(valid: &'static str) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        "[a-zA-Z0-9,\"\n\r ./:-]{0,200}".prop_map(String::into_bytes),
        (
            proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
            Just(valid)
        )
            .prop_map(|(edits, valid)| {
                let mut bytes = valid.as_bytes().to_vec();
                for (at, byte) in edits {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
                bytes
            }),
        (0..valid.len()).prop_map(move |cut| valid.as_bytes()[..cut].to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn hrc_never_panics(
        which in 0..3usize,
        bytes in prop_oneof![contents(HRC_DATA), contents(HRC_VOTES), contents(HRC_LEGIS)],
        skip_unknown in any::<bool>(),
    ) {
        let mut files = hrc::HrcFiles {
            vote_data: HRC_DATA.as_bytes(),
            votes: HRC_VOTES.as_bytes(),
            legis: Some(HRC_LEGIS.as_bytes()),
        };
        match which {
            0 => files.vote_data = &bytes,
            1 => files.votes = &bytes,
            _ => files.legis = Some(&bytes),
        }
        let mut calls = 0;
        let mut progress = |_| calls += 1;
        let _ = hrc::read(files, &ReadOptions { skip_unknown }, Some(&mut progress));
    }

    #[test]
    fn unga_never_panics(
        which in 0..3usize,
        bytes in prop_oneof![contents(UNGA_VOTES), contents(UNGA_ROLL_CALLS), contents(UNGA_ISSUES)],
        skip_unknown in any::<bool>(),
    ) {
        let mut files = unga::UngaFiles {
            votes: UNGA_VOTES.as_bytes(),
            roll_calls: UNGA_ROLL_CALLS.as_bytes(),
            issues: Some(UNGA_ISSUES.as_bytes()),
        };
        match which {
            0 => files.votes = &bytes,
            1 => files.roll_calls = &bytes,
            _ => files.issues = Some(&bytes),
        }
        let _ = unga::read(files, &ReadOptions { skip_unknown }, None);
    }

    #[test]
    fn errors_name_a_row_within_the_file(bytes in contents(UNGA_VOTES)) {
        let files = unga::UngaFiles {
            votes: &bytes,
            roll_calls: UNGA_ROLL_CALLS.as_bytes(),
            issues: None,
        };
        if let Err(error) = unga::read(files, &ReadOptions::default(), None)
            && let Some(row) = error.row()
        {
            let lines = bytes.iter().filter(|b| **b == b'\n' || **b == b'\r').count() as u64;
            prop_assert!(row >= 1 && row <= lines + 2, "{error} ({lines} line breaks)");
        }
    }
}
