//! Malformed files, written into a temporary directory: every error names the file, the row
//! (the header being row 1) and the column or value, and `skip_unknown` lists what it skipped.

use std::fs;

use taawun_votes::{ImportError, ReadOptions, hrc, unga};

const HRC_DATA: &str = "Resolution,Date,Summary\n\
    A/HRC/RES/1/1,2006/06/29,One :resolution /adopted by the Human Rights Council at its 1st session\n\
    A/HRC/RES/1/2,2006/06/30,Two :resolution /adopted by the Human Rights Council at its 1st session\n";
const HRC_LEGIS: &str =
    "Country,Country Long,party\nFRA,France,GLOBAL_NORTH\nNAM,Namibia,GLOBAL_SOUTH\n";
const UNGA_ROLL_CALLS: &str = "rcid,session,importantvote,date,unres,amend,para,short,descr\n\
    3,1.0,0,-8766.0,R/1/66,1,0,RULES,TO ADOPT\n\
    4,1.0,0,-8765.0,R/1/79,0,0,ELECTIONS,TO ADJOURN\n";
const UNGA_ISSUES: &str = "rcid,short_name,issue\n3,hr,Human rights\n";

fn hrc_dir(votes: &str, data: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(hrc::VOTE_DATA), data).unwrap();
    fs::write(dir.path().join(hrc::VOTES), votes).unwrap();
    fs::write(dir.path().join(hrc::LEGIS), HRC_LEGIS).unwrap();
    dir
}

fn unga_dir(votes: &str, roll_calls: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(unga::VOTES), votes).unwrap();
    fs::write(dir.path().join(unga::ROLL_CALLS), roll_calls).unwrap();
    fs::write(dir.path().join(unga::ISSUES), UNGA_ISSUES).unwrap();
    dir
}

fn hrc_error(votes: &str) -> ImportError {
    let dir = hrc_dir(votes, HRC_DATA);
    hrc::read_dir(dir.path(), &ReadOptions::default(), None).unwrap_err()
}

fn unga_error(votes: &str) -> ImportError {
    let dir = unga_dir(votes, UNGA_ROLL_CALLS);
    unga::read_dir(dir.path(), &ReadOptions::default(), None).unwrap_err()
}

#[test]
fn well_formed_files_read() {
    let dir = hrc_dir(
        "Country,A/HRC/RES/1/1,A/HRC/RES/1/2\nFRA,1,0\nNAM,2,4\n",
        HRC_DATA,
    );
    let data = hrc::read_dir(dir.path(), &ReadOptions::default(), None).unwrap();
    assert_eq!((data.roll_calls.len(), data.votes.len()), (2, 4));
    let dir = unga_dir(
        "rcid,country,country_code,vote\n3.0,Namibia,NA,yes\n4.0,France,FR,no\n",
        UNGA_ROLL_CALLS,
    );
    let data = unga::read_dir(dir.path(), &ReadOptions::default(), None).unwrap();
    assert_eq!((data.roll_calls.len(), data.votes.len()), (2, 2));
}

#[test]
fn wrong_column_count() {
    let error = hrc_error("Country,A/HRC/RES/1/1,A/HRC/RES/1/2\nFRA,1,0\nNAM,2\n");
    assert_eq!(
        error.to_string(),
        "all-votes.csv row 3: expected 3 columns, found 2"
    );
    assert_eq!((error.file(), error.row()), ("all-votes.csv", Some(3)));
    let error = unga_error("rcid,country,country_code,vote\n3.0,Namibia,NA,yes,extra\n");
    assert_eq!(
        error.to_string(),
        "un_votes.csv row 2: expected 4 columns, found 5"
    );
}

#[test]
fn unknown_vote_code_or_word() {
    let error = hrc_error("Country,A/HRC/RES/1/1,A/HRC/RES/1/2\nFRA,1,0\nNAM,2,7\n");
    assert_eq!(
        error.to_string(),
        "all-votes.csv row 3, column A/HRC/RES/1/2: unknown vote code \"7\" (expected 0 no, 1 yes, 2 abstain, 3 present not voting or 4 not a member)"
    );
    match error {
        ImportError::InvalidValue {
            row, column, value, ..
        } => {
            assert_eq!(
                (row, column.as_str(), value.as_str()),
                (3, "A/HRC/RES/1/2", "7")
            );
        }
        other => panic!("{other:?}"),
    }
    let error =
        unga_error("rcid,country,country_code,vote\n3.0,Namibia,NA,yes\n3.0,France,FR,maybe\n");
    assert_eq!(
        error.to_string(),
        "un_votes.csv row 3, column vote: unknown vote \"maybe\" (expected yes, no or abstain)"
    );
}

#[test]
fn unknown_state_fails_by_default_and_is_listed_when_skipped() {
    let votes = "Country,A/HRC/RES/1/1,A/HRC/RES/1/2\nFRA,1,0\nXYZ,2,1\nNAM,2,4\n";
    assert_eq!(
        hrc_error(votes).to_string(),
        "all-votes.csv row 3, column Country: unknown State \"XYZ\""
    );
    let dir = hrc_dir(votes, HRC_DATA);
    let data = hrc::read_dir(dir.path(), &ReadOptions { skip_unknown: true }, None).unwrap();
    assert_eq!(data.votes.len(), 4);
    assert_eq!(data.skipped.len(), 1);
    assert_eq!(
        (
            data.skipped[0].file.as_str(),
            data.skipped[0].row,
            data.skipped[0].value.as_str()
        ),
        ("all-votes.csv", 3, "XYZ")
    );

    let votes = "rcid,country,country_code,vote\n3.0,Namibia,NA,yes\n3.0,Atlantis,,no\n4.0,Atlantis,,yes\n4.0,France,FR,no\n";
    assert_eq!(
        unga_error(votes).to_string(),
        "un_votes.csv row 3, column country: unknown State \"Atlantis\" (no country_code)"
    );
    let dir = unga_dir(votes, UNGA_ROLL_CALLS);
    let data = unga::read_dir(dir.path(), &ReadOptions { skip_unknown: true }, None).unwrap();
    assert_eq!(data.votes.len(), 2);
    let skipped: Vec<(u64, &str)> = data
        .skipped
        .iter()
        .map(|s| (s.row, s.value.as_str()))
        .collect();
    assert_eq!(skipped, [(3, "Atlantis"), (4, "Atlantis")]);
}

#[test]
fn bad_numbers_and_dates() {
    let roll_calls = "rcid,session,importantvote,date,unres,amend,para,short,descr\n\
        3,1.0,0,-8766.0,R/1/66,1,0,RULES,TO ADOPT\n\
        4,1.0,0,yesterday,R/1/79,0,0,ELECTIONS,TO ADJOURN\n";
    let dir = unga_dir("rcid,country,country_code,vote\n", roll_calls);
    let error = unga::read_dir(dir.path(), &ReadOptions::default(), None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "un_roll_calls.csv row 3, column date: bad date (expected a number of days since 1970-01-01, such as -8766.0)"
    );
    let error = unga_error("rcid,country,country_code,vote\n3.5,Namibia,NA,yes\n");
    assert_eq!(
        error.to_string(),
        "un_votes.csv row 2, column rcid: bad roll-call id (expected a whole number, such as 3 or 3.0)"
    );
    let data = HRC_DATA.replace("2006/06/30", "30 June 2006");
    let dir = hrc_dir("Country,A/HRC/RES/1/1,A/HRC/RES/1/2\nFRA,1,0\n", &data);
    let error = hrc::read_dir(dir.path(), &ReadOptions::default(), None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "all-vote-data.csv row 3, column Date: bad date \"30 June 2006\" (expected year/month/day, like 2006/06/29)"
    );
}

#[test]
fn missing_files_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let error = unga::read_dir(dir.path(), &ReadOptions::default(), None).unwrap_err();
    assert!(matches!(error, ImportError::Io { .. }));
    assert!(
        error
            .to_string()
            .starts_with("un_roll_calls.csv: cannot read")
    );

    let error = unga_error("rcid,country,vote\n3.0,Namibia,yes\n");
    assert_eq!(
        error.to_string(),
        "un_votes.csv: no column country_code in the header"
    );
    // The optional files may be missing.
    let dir = hrc_dir("Country,A/HRC/RES/1/1,A/HRC/RES/1/2\nFRA,1,0\n", HRC_DATA);
    fs::remove_file(dir.path().join(hrc::LEGIS)).unwrap();
    assert!(hrc::read_dir(dir.path(), &ReadOptions::default(), None).is_ok());
    let dir = unga_dir("rcid,country,country_code,vote\n", UNGA_ROLL_CALLS);
    fs::remove_file(dir.path().join(unga::ISSUES)).unwrap();
    assert!(unga::read_dir(dir.path(), &ReadOptions::default(), None).is_ok());
}

#[test]
fn legis_names_that_disagree_are_noted() {
    let dir = hrc_dir("Country,A/HRC/RES/1/1,A/HRC/RES/1/2\nFRA,1,0\n", HRC_DATA);
    fs::write(
        dir.path().join(hrc::LEGIS),
        "Country,Country Long,party\nFRA,Germany,GLOBAL_NORTH\n",
    )
    .unwrap();
    let data = hrc::read_dir(dir.path(), &ReadOptions::default(), None).unwrap();
    assert_eq!(data.notes.len(), 1);
    assert_eq!(data.notes[0].row, 2);
    assert!(data.notes[0].message.contains("DEU"));
}

#[test]
fn issues_of_unknown_roll_calls() {
    let dir = unga_dir("rcid,country,country_code,vote\n", UNGA_ROLL_CALLS);
    fs::write(
        dir.path().join(unga::ISSUES),
        "rcid,short_name,issue\n3,hr,Human rights\n99,hr,Human rights\n",
    )
    .unwrap();
    let error = unga::read_dir(dir.path(), &ReadOptions::default(), None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "un_roll_call_issues.csv row 3, column rcid: no roll call \"99\" in un_roll_calls.csv"
    );
}
