//! The built-in calendar against the days the Council voted: every recorded vote of a session
//! (OHCHR's voting records, sessions 1 to 57) was taken between that session's opening and
//! closing days.

use chrono::NaiveDate;
use taawun_council::{Calendar, SessionKind};

/// "A/HRC/RES/56/2", "A/HRC/DEC/1/106", "A/HRC/RES/S-30/1", "A/HRC/25/L.1" → the session.
fn session_of(symbol: &str) -> Option<(SessionKind, u32)> {
    let parts: Vec<&str> = symbol.trim().split('/').collect();
    let part = match parts.get(2) {
        Some(&"RES" | &"DEC") => parts.get(3)?,
        // The dataset writes one decision "A/HRC/DEC22/117".
        Some(other) => other
            .strip_prefix("DEC")
            .or_else(|| other.strip_prefix("RES"))
            .unwrap_or(other),
        None => return None,
    };
    match part.strip_prefix("S-") {
        Some(special) => Some((SessionKind::Special, special.parse().ok()?)),
        None => Some((SessionKind::Regular, part.parse().ok()?)),
    }
}

#[test]
fn every_recorded_vote_falls_within_its_session() {
    taawun_testdata::require_shared!();
    let path = taawun_testdata::shared_dir().join("data/votes/hrc/all-vote-data.csv");
    let mut reader = csv::Reader::from_path(&path).expect("the voting records");
    let calendar = Calendar::builtin();
    let (mut checked, mut problems, mut unchecked) = (0, Vec::new(), Vec::new());
    let mut sessions_seen = std::collections::BTreeSet::new();
    for (line, row) in reader.records().enumerate() {
        let row = row.expect("a CSV row");
        let (symbol, date) = (&row[0], &row[1]);
        let Some(key) = session_of(symbol) else {
            problems.push(format!("row {}: no session in {symbol:?}", line + 2));
            continue;
        };
        let day = NaiveDate::parse_from_str(date, "%Y/%m/%d").expect("dates are YYYY/MM/DD");
        sessions_seen.insert(key);
        match calendar.get(key.0, key.1) {
            Some(session) if session.contains(day) => checked += 1,
            Some(session) => problems.push(format!(
                "{symbol} voted {day}, outside session {} ({} to {})",
                session.label(),
                session.opening,
                session.closing
            )),
            None if key.0 == SessionKind::Regular => problems.push(format!(
                "{symbol} voted {day}: the calendar lacks its session"
            )),
            // Special sessions whose dates the table does not have yet (its module says which).
            None => unchecked.push(format!("{symbol} ({day})")),
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(checked > 900, "only {checked} votes checked");
    if !unchecked.is_empty() {
        eprintln!(
            "{} votes of special sessions the table lacks: {}",
            unchecked.len(),
            unchecked.join(", ")
        );
    }
    // Every regular session of the records, 1 to 57, is in the calendar.
    let regular = sessions_seen
        .iter()
        .filter(|k| k.0 == SessionKind::Regular)
        .count();
    assert!(
        regular >= 50,
        "{regular} regular sessions seen in the records"
    );
}

#[test]
fn the_calendar_runs_from_june_2006_through_the_sixty_first_session() {
    let calendar = Calendar::builtin();
    let first = calendar.regular(1).expect("the first session");
    assert_eq!(first.opening.to_string().get(..7), Some("2006-06"));
    for number in 1..=61 {
        let session = calendar.regular(number);
        assert!(session.is_some(), "regular session {number} is missing");
        assert!(
            taawun_council::table::source(SessionKind::Regular, number)
                .is_some_and(|s| s.starts_with("http")),
            "regular session {number} names no source"
        );
    }
    // Three regular sessions a year since 2007: the session numbers follow the years.
    for session in calendar
        .of_kind(SessionKind::Regular)
        .filter(|s| s.number >= 4)
    {
        let year = session
            .opening
            .format("%Y")
            .to_string()
            .parse::<u32>()
            .unwrap();
        assert_eq!(
            year,
            2007 + (session.number - 4) / 3,
            "session {}",
            session.number
        );
    }
}
