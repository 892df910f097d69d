//! The Council's sessions and the calendar they make.
//!
//! Regular sessions are numbered in the order they are held (three a year since 2007: the
//! fifty-ninth opened in June 2025), special sessions separately ("S-30"). A session's
//! `closing` is its last day of meetings: a session suspended and resumed (the second, resumed
//! in November 2006) closes on the last day of its resumed part.
//!
//! The calendar is the built-in table ([`crate::table`]) with the secretariat's amendments laid
//! over it: an amendment replaces the dates of a session the table knows or adds one it does not
//! (the next sessions, announced a year ahead). A calendar is always consistent — every session
//! opens on or before it closes, and regular sessions follow each other without overlapping (one may open the day the one before
//! it closes) —
//! so an amendment that would break that is refused with the sessions it conflicts with.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Regular sessions (three a year) or special sessions (called by a third of the members).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionKind {
    Regular,
    Special,
}

impl SessionKind {
    pub const ALL: [SessionKind; 2] = [SessionKind::Regular, SessionKind::Special];

    pub fn slug(self) -> &'static str {
        match self {
            SessionKind::Regular => "regular",
            SessionKind::Special => "special",
        }
    }

    pub fn parse(slug: &str) -> Option<SessionKind> {
        Self::ALL.into_iter().find(|k| k.slug() == slug.trim())
    }
}

impl fmt::Display for SessionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// One session: which, and the days it met.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub kind: SessionKind,
    pub number: u32,
    pub opening: NaiveDate,
    pub closing: NaiveDate,
}

impl Session {
    /// How the Council writes it: "56" for a regular session, "S-30" for a special one.
    pub fn label(&self) -> String {
        match self.kind {
            SessionKind::Regular => self.number.to_string(),
            SessionKind::Special => format!("S-{}", self.number),
        }
    }

    /// Whether the session met on `day`.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.opening <= day && day <= self.closing
    }

    /// Whether it had closed before `today` began.
    pub fn closed_before(&self, today: NaiveDate) -> bool {
        self.closing < today
    }
}

/// Why a calendar cannot be made as asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("session {label}: number must be 1 or more")]
    NumberZero { label: String },
    #[error("session {label}: opening {opening} is after closing {closing}")]
    ClosesBeforeOpening {
        label: String,
        opening: NaiveDate,
        closing: NaiveDate,
    },
    #[error(
        "session {label} ({opening} to {closing}) does not follow session {previous} ({previous_opening} to {previous_closing}): regular sessions are held one after another"
    )]
    OutOfOrder {
        label: String,
        opening: NaiveDate,
        closing: NaiveDate,
        previous: String,
        previous_opening: NaiveDate,
        previous_closing: NaiveDate,
    },
}

/// Every session the platform knows, in order of kind and number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    sessions: BTreeMap<(SessionKind, u32), Session>,
}

impl Calendar {
    /// The built-in table alone.
    pub fn builtin() -> Calendar {
        // The table is checked by this crate's tests; it cannot fail to make a calendar.
        Self::from_sessions(crate::table::sessions()).unwrap_or_else(|_| Calendar {
            sessions: BTreeMap::new(),
        })
    }

    /// A calendar of exactly these sessions, if they are consistent.
    pub fn from_sessions(
        sessions: impl IntoIterator<Item = Session>,
    ) -> Result<Calendar, CalendarError> {
        let mut calendar = Calendar {
            sessions: BTreeMap::new(),
        };
        for session in sessions {
            calendar
                .sessions
                .insert((session.kind, session.number), session);
        }
        calendar.check()?;
        Ok(calendar)
    }

    /// The built-in table with `amendments` laid over it (later ones win for the same session).
    pub fn amended(
        amendments: impl IntoIterator<Item = Session>,
    ) -> Result<Calendar, CalendarError> {
        Self::from_sessions(crate::table::sessions().into_iter().chain(amendments))
    }

    /// This calendar with one session replaced or added, if the result is consistent.
    pub fn with(&self, session: Session) -> Result<Calendar, CalendarError> {
        let mut next = self.clone();
        next.sessions
            .insert((session.kind, session.number), session);
        next.check()?;
        Ok(next)
    }

    fn check(&self) -> Result<(), CalendarError> {
        let mut previous: Option<&Session> = None;
        for session in self.sessions.values() {
            if session.number == 0 {
                return Err(CalendarError::NumberZero {
                    label: session.label(),
                });
            }
            if session.opening > session.closing {
                return Err(CalendarError::ClosesBeforeOpening {
                    label: session.label(),
                    opening: session.opening,
                    closing: session.closing,
                });
            }
            if session.kind == SessionKind::Regular {
                if let Some(before) = previous
                    && before.closing > session.opening
                {
                    return Err(CalendarError::OutOfOrder {
                        label: session.label(),
                        opening: session.opening,
                        closing: session.closing,
                        previous: before.label(),
                        previous_opening: before.opening,
                        previous_closing: before.closing,
                    });
                }
                previous = Some(session);
            }
        }
        Ok(())
    }

    pub fn get(&self, kind: SessionKind, number: u32) -> Option<&Session> {
        self.sessions.get(&(kind, number))
    }

    pub fn regular(&self, number: u32) -> Option<&Session> {
        self.get(SessionKind::Regular, number)
    }

    /// Every session, regular ones first, each kind by number.
    pub fn sessions(&self) -> impl DoubleEndedIterator<Item = &Session> + ExactSizeIterator {
        self.sessions.values()
    }

    /// Sessions of one kind, by number.
    pub fn of_kind(&self, kind: SessionKind) -> impl DoubleEndedIterator<Item = &Session> {
        self.sessions
            .range((kind, 0)..=(kind, u32::MAX))
            .map(|(_, s)| s)
    }

    /// The sessions meeting on `day` (a special session may sit inside a regular one).
    pub fn on(&self, day: NaiveDate) -> impl Iterator<Item = &Session> {
        self.sessions.values().filter(move |s| s.contains(day))
    }

    /// The highest-numbered regular session that had closed before `today`: a mandate due at it
    /// or earlier and not delivered is late.
    pub fn last_closed_regular(&self, today: NaiveDate) -> Option<u32> {
        self.of_kind(SessionKind::Regular)
            .rev()
            .find(|s| s.closed_before(today))
            .map(|s| s.number)
    }

    /// The regular session meeting on `today`, or else the next one the calendar knows.
    pub fn current_or_next_regular(&self, today: NaiveDate) -> Option<&Session> {
        self.of_kind(SessionKind::Regular)
            .find(|s| s.closing >= today)
    }

    /// A fingerprint of the sessions and their dates, for caches that depend on the calendar.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for s in self.sessions.values() {
            (s.kind, s.number, s.opening, s.closing).hash(&mut hasher);
        }
        hasher.finish()
    }
}

/// Dates as a form or an API sends them, checked field by field.
pub fn parse_dates(
    opening: &str,
    closing: &str,
) -> Result<(NaiveDate, NaiveDate), Vec<(&'static str, String)>> {
    let mut errors = Vec::new();
    let mut read =
        |field: &'static str, raw: &str| match NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d") {
            Ok(day) => Some(day),
            Err(_) => {
                errors.push((
                    field,
                    format!(
                        "{field} must be a date written YYYY-MM-DD, not {:?}",
                        raw.trim()
                    ),
                ));
                None
            }
        };
    let (opening, closing) = (read("opening", opening), read("closing", closing));
    match (opening, closing) {
        (Some(o), Some(c)) if o <= c => Ok((o, c)),
        (Some(o), Some(c)) => Err(vec![(
            "closing",
            format!("closing {c} is before opening {o}"),
        )]),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn regular(number: u32, opening: NaiveDate, closing: NaiveDate) -> Session {
        Session {
            kind: SessionKind::Regular,
            number,
            opening,
            closing,
        }
    }

    #[test]
    fn the_builtin_table_makes_a_consistent_calendar() {
        let table = crate::table::sessions();
        let calendar = Calendar::from_sessions(table.clone()).expect("the table is consistent");
        assert_eq!(
            calendar.sessions().count(),
            table.len(),
            "no session listed twice"
        );
        assert_eq!(Calendar::builtin(), calendar);
    }

    #[test]
    fn late_means_the_due_session_has_closed() {
        let calendar = Calendar::from_sessions([
            regular(1, day(2030, 3, 1), day(2030, 3, 20)),
            regular(2, day(2030, 6, 1), day(2030, 6, 20)),
        ])
        .unwrap();
        assert_eq!(
            calendar.last_closed_regular(day(2030, 3, 20)),
            None,
            "closing day still open"
        );
        assert_eq!(calendar.last_closed_regular(day(2030, 3, 21)), Some(1));
        assert_eq!(calendar.last_closed_regular(day(2031, 1, 1)), Some(2));
        assert_eq!(
            calendar
                .current_or_next_regular(day(2030, 4, 1))
                .map(|s| s.number),
            Some(2)
        );
        assert_eq!(
            calendar
                .current_or_next_regular(day(2030, 6, 5))
                .map(|s| s.number),
            Some(2)
        );
        assert!(calendar.current_or_next_regular(day(2030, 7, 1)).is_none());
    }

    #[test]
    fn an_amendment_that_breaks_the_order_is_refused_and_changes_nothing() {
        let calendar = Calendar::from_sessions([
            regular(1, day(2030, 3, 1), day(2030, 3, 20)),
            regular(2, day(2030, 6, 1), day(2030, 6, 20)),
        ])
        .unwrap();
        let err = calendar
            .with(regular(2, day(2030, 3, 15), day(2030, 6, 20)))
            .unwrap_err();
        assert!(
            matches!(err, CalendarError::OutOfOrder { ref previous, .. } if previous == "1"),
            "{err}"
        );
        // A session may open the day the one before it closes (the third opened the day the
        // second's resumed part ended, 29 November 2006).
        assert!(
            calendar
                .with(regular(2, day(2030, 3, 20), day(2030, 6, 20)))
                .is_ok()
        );
        assert!(err.to_string().contains("2030-03-15"), "{err}");
        let err = calendar
            .with(regular(3, day(2030, 9, 20), day(2030, 9, 1)))
            .unwrap_err();
        assert!(
            matches!(err, CalendarError::ClosesBeforeOpening { .. }),
            "{err}"
        );
        assert_eq!(calendar.regular(2).unwrap().opening, day(2030, 6, 1));
        let added = calendar
            .with(regular(3, day(2030, 9, 1), day(2030, 9, 30)))
            .unwrap();
        assert_eq!(added.regular(3).unwrap().closing, day(2030, 9, 30));
        // A special session may meet between or inside regular ones.
        let special = Session {
            kind: SessionKind::Special,
            number: 1,
            opening: day(2030, 3, 10),
            closing: day(2030, 3, 10),
        };
        let with_special = added.with(special).unwrap();
        assert_eq!(with_special.on(day(2030, 3, 10)).count(), 2);
    }

    #[test]
    fn dates_are_read_field_by_field() {
        assert_eq!(
            parse_dates("2030-01-02", " 2030-01-03 "),
            Ok((day(2030, 1, 2), day(2030, 1, 3)))
        );
        let errors = parse_dates("2 January", "2030-13-01").unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.0).collect::<Vec<_>>(),
            ["opening", "closing"]
        );
        let errors = parse_dates("2030-01-05", "2030-01-03").unwrap_err();
        assert_eq!(errors[0].0, "closing");
    }

    proptest::proptest! {
        #[test]
        fn reading_dates_never_panics(opening in ".{0,20}", closing in ".{0,20}") {
            let _ = parse_dates(&opening, &closing);
        }

        #[test]
        fn any_amendment_either_keeps_the_calendar_consistent_or_is_refused(
            number in 0u32..80,
            special in proptest::bool::ANY,
            start in 0i64..8000,
            length in -5i64..60,
        ) {
            let base = day(2006, 1, 1);
            let opening = base + chrono::Duration::days(start);
            let closing = opening + chrono::Duration::days(length);
            let kind = if special { SessionKind::Special } else { SessionKind::Regular };
            let calendar = Calendar::builtin();
            if let Ok(next) = calendar.with(Session { kind, number, opening, closing }) {
                proptest::prop_assert!(next.check().is_ok());
                proptest::prop_assert_eq!(next.get(kind, number).map(|s| s.opening), Some(opening));
            }
        }
    }
}
