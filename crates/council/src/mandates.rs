//! A mandate followed to what it produced.
//!
//! The registry reads mandates out of resolution texts (who is asked to do what, what it is to
//! produce and at which session). The secretariat records each mandate's outputs — a report with
//! its document symbol, a seminar held, a compilation, a consultation — and the mandate's status
//! follows them:
//!
//! - **delivered** once an output of the kind the mandate asks for is delivered (a mandate to
//!   "hold seminars and present a summary report" is delivered by the report, not by a seminar;
//!   one that names no kind, by any delivered output);
//! - **in preparation** while it has outputs and none of them delivers it;
//! - **pending** while it has none;
//! - **late** when it is pending or in preparation and the session it was due at has closed;
//! - **discontinued** when the secretariat records that it will not be carried out (the Council
//!   ended it, or a later resolution replaced it), with the reason.
//!
//! What is stored is the [`Progress`] (it changes only when someone writes); [`Status`] adds
//! lateness, which changes with the day, and is read against the calendar each time.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;

macro_rules! slugs {
    ($name:ident { $($variant:ident = $slug:literal),+ $(,)? }) => {
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const SLUGS: &'static [&'static str] = &[$($slug),+];

            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            pub fn parse(slug: &str) -> Option<$name> {
                match slug.trim() { $($slug => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.slug())
            }
        }
    };
}

/// What a mandate is stored as, between writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    Pending,
    InPreparation,
    Delivered,
    Discontinued,
}

slugs!(Progress {
    Pending = "pending",
    InPreparation = "in-preparation",
    Delivered = "delivered",
    Discontinued = "discontinued",
});

/// Where a mandate stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Pending,
    InPreparation,
    Delivered,
    Late,
    Discontinued,
}

slugs!(Status {
    Pending = "pending",
    InPreparation = "in-preparation",
    Delivered = "delivered",
    Late = "late",
    Discontinued = "discontinued",
});

/// What an output is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputKind {
    Report,
    Seminar,
    Compilation,
    Consultation,
    Study,
    Other,
}

slugs!(OutputKind {
    Report = "report",
    Seminar = "seminar",
    Compilation = "compilation",
    Consultation = "consultation",
    Study = "study",
    Other = "other",
});

impl OutputKind {
    /// Whether a delivered output of this kind is a document with a UN symbol.
    pub fn is_document(self) -> bool {
        matches!(
            self,
            OutputKind::Report | OutputKind::Compilation | OutputKind::Study
        )
    }
}

/// Where one output stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputState {
    Planned,
    InPreparation,
    Delivered,
}

slugs!(OutputState {
    Planned = "planned",
    InPreparation = "in-preparation",
    Delivered = "delivered",
});

/// An output as checked: what the store writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Output {
    pub kind: OutputKind,
    pub title: String,
    pub state: OutputState,
    /// The document's UN symbol (`A/HRC/63/21`), required of a delivered report, compilation or
    /// study.
    pub document_symbol: Option<String>,
    /// The day it was delivered (issued, held, published).
    pub delivered_on: Option<NaiveDate>,
    /// Where it can be read or seen (an address on this platform or the UN's).
    pub link: Option<String>,
}

/// An output as a form or the API sends it: text fields, checked together.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct OutputDraft {
    pub kind: String,
    pub title: String,
    pub state: String,
    #[serde(default)]
    pub document_symbol: String,
    #[serde(default)]
    pub delivered_on: String,
    #[serde(default)]
    pub link: String,
}

/// One field of an output that is wrong, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutputError {
    pub field: &'static str,
    pub message: String,
}

const TITLE_LIMIT: usize = 500;

impl OutputDraft {
    /// The output, or every field that is wrong. `today` bounds the delivery day: an output
    /// cannot have been delivered tomorrow.
    pub fn check(&self, today: NaiveDate) -> Result<Output, Vec<OutputError>> {
        let mut errors = Vec::new();
        macro_rules! error {
            ($field:expr, $message:expr $(,)?) => {
                errors.push(OutputError {
                    field: $field,
                    message: $message,
                })
            };
        }
        let kind = OutputKind::parse(&self.kind);
        if kind.is_none() {
            error!(
                "kind",
                format!(
                    "kind must be one of {}, not {:?}",
                    OutputKind::SLUGS.join(", "),
                    self.kind.trim()
                ),
            );
        }
        let state = OutputState::parse(&self.state);
        if state.is_none() {
            error!(
                "state",
                format!(
                    "state must be one of {}, not {:?}",
                    OutputState::SLUGS.join(", "),
                    self.state.trim()
                ),
            );
        }
        let title = self.title.trim();
        if title.is_empty() {
            error!("title", "title: required".to_owned());
        } else if title.chars().count() > TITLE_LIMIT {
            error!(
                "title",
                format!("title is longer than {TITLE_LIMIT} characters"),
            );
        }
        let symbol = self.document_symbol.trim();
        let document_symbol = if symbol.is_empty() {
            None
        } else if is_un_symbol(symbol) {
            Some(symbol.to_owned())
        } else {
            error!(
                "document_symbol",
                format!(
                    "document_symbol must be a UN document symbol such as A/HRC/63/21, not {symbol:?}"
                ),
            );
            None
        };
        let raw_day = self.delivered_on.trim();
        let delivered_on = if raw_day.is_empty() {
            None
        } else {
            match NaiveDate::parse_from_str(raw_day, "%Y-%m-%d") {
                Ok(day) if day > today => {
                    error!(
                        "delivered_on",
                        format!("delivered_on {day} is after today ({today})"),
                    );
                    None
                }
                Ok(day) => Some(day),
                Err(_) => {
                    error!(
                        "delivered_on",
                        format!("delivered_on must be a date written YYYY-MM-DD, not {raw_day:?}"),
                    );
                    None
                }
            }
        };
        let link = self.link.trim();
        let link = if link.is_empty() {
            None
        } else if (link.starts_with("https://")
            || link.starts_with("http://")
            || link.starts_with('/'))
            && !link.chars().any(char::is_whitespace)
            && link.len() <= 2000
        {
            Some(link.to_owned())
        } else {
            error!(
                "link",
                format!("link must be an http(s) address or a path on this platform, not {link:?}"),
            );
            None
        };
        if state == Some(OutputState::Delivered) {
            if delivered_on.is_none() && !errors.iter().any(|e| e.field == "delivered_on") {
                error!(
                    "delivered_on",
                    "delivered_on: a delivered output needs the day it was delivered".to_owned(),
                );
            }
            if let Some(kind) = kind
                && kind.is_document()
                && document_symbol.is_none()
                && !errors.iter().any(|e| e.field == "document_symbol")
            {
                error!(
                    "document_symbol",
                    format!("document_symbol: a delivered {kind} needs its document symbol"),
                );
            }
        }
        match (kind, state) {
            (Some(kind), Some(state)) if errors.is_empty() => Ok(Output {
                kind,
                title: title.to_owned(),
                state,
                document_symbol,
                delivered_on,
                link,
            }),
            _ => Err(errors),
        }
    }
}

/// The shape of a UN document symbol: parts separated by slashes, the first a series letter or
/// body (`A`, `E`, `CCPR`), of letters, digits, dots and hyphens only.
pub fn is_un_symbol(symbol: &str) -> bool {
    let parts: Vec<&str> = symbol.split('/').collect();
    parts.len() >= 2
        && symbol.len() <= 80
        && parts[0].chars().all(|c| c.is_ascii_uppercase())
        && !parts[0].is_empty()
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '(' | ')'))
        })
}

/// A mandate's progress from its outputs: `asks_for` is the kind of output the resolution names
/// (when it names one), `discontinued` whether the secretariat ended it.
pub fn progress(
    asks_for: Option<OutputKind>,
    outputs: impl IntoIterator<Item = (OutputKind, OutputState)>,
    discontinued: bool,
) -> Progress {
    if discontinued {
        return Progress::Discontinued;
    }
    let mut any = false;
    for (kind, state) in outputs {
        any = true;
        if state == OutputState::Delivered && asks_for.is_none_or(|wanted| wanted == kind) {
            return Progress::Delivered;
        }
    }
    if any {
        Progress::InPreparation
    } else {
        Progress::Pending
    }
}

/// Where a mandate stands on `today`: its progress, or late when the regular session it was due
/// at has closed and it is neither delivered nor discontinued.
pub fn status(
    progress: Progress,
    due_session: Option<u32>,
    calendar: &Calendar,
    today: NaiveDate,
) -> Status {
    match progress {
        Progress::Delivered => Status::Delivered,
        Progress::Discontinued => Status::Discontinued,
        Progress::Pending | Progress::InPreparation => {
            let late = due_session
                .zip(calendar.last_closed_regular(today))
                .is_some_and(|(due, closed)| due <= closed);
            match (late, progress) {
                (true, _) => Status::Late,
                (false, Progress::Pending) => Status::Pending,
                (false, _) => Status::InPreparation,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{Session, SessionKind};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn draft(kind: &str, state: &str, symbol: &str, on: &str) -> OutputDraft {
        OutputDraft {
            kind: kind.into(),
            title: "Summary report of the regional seminars".into(),
            state: state.into(),
            document_symbol: symbol.into(),
            delivered_on: on.into(),
            link: String::new(),
        }
    }

    #[test]
    fn a_delivered_report_needs_its_symbol_and_day() {
        let today = day(2026, 12, 7);
        let errors = draft("report", "delivered", "", "")
            .check(today)
            .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["delivered_on", "document_symbol"]);
        let errors = draft("report", "delivered", "A/HRC/63/21", "2027-01-01")
            .check(today)
            .unwrap_err();
        assert_eq!(errors[0].field, "delivered_on");
        assert!(
            errors[0].message.contains("after today"),
            "{}",
            errors[0].message
        );
        let output = draft("report", "delivered", " A/HRC/63/21 ", "2026-09-15")
            .check(today)
            .unwrap();
        assert_eq!(output.document_symbol.as_deref(), Some("A/HRC/63/21"));
        // A seminar is delivered when it is held; it has no symbol.
        assert!(
            draft("seminar", "delivered", "", "2026-05-04")
                .check(today)
                .is_ok()
        );
    }

    #[test]
    fn every_wrong_field_is_named() {
        let errors = OutputDraft {
            kind: "memo".into(),
            title: " ".into(),
            state: "done".into(),
            document_symbol: "hrc 63".into(),
            delivered_on: "15/09/2026".into(),
            link: "javascript:alert(1)".into(),
        }
        .check(day(2026, 12, 7))
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "kind",
                "state",
                "title",
                "document_symbol",
                "delivered_on",
                "link"
            ]
        );
        assert!(
            errors[0].message.contains("report, seminar"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn un_symbols() {
        for good in [
            "A/HRC/63/21",
            "A/HRC/RES/56/2",
            "A/HRC/WG.6/48/SVN/1",
            "A/HRC/59/15/Add.1",
            "E/CN.4/2006/84",
        ] {
            assert!(is_un_symbol(good), "{good}");
        }
        for bad in ["", "A", "a/hrc/1", "A//1", "A/HRC/ 63", "A/HRC/63/<b>"] {
            assert!(!is_un_symbol(bad), "{bad}");
        }
    }

    #[test]
    fn progress_follows_the_output_the_mandate_asks_for() {
        use OutputKind::*;
        use OutputState::*;
        assert_eq!(progress(Some(Report), [], false), Progress::Pending);
        assert_eq!(
            progress(Some(Report), [(Seminar, Delivered)], false),
            Progress::InPreparation
        );
        assert_eq!(
            progress(
                Some(Report),
                [(Seminar, Delivered), (Report, Delivered)],
                false
            ),
            Progress::Delivered
        );
        assert_eq!(
            progress(None, [(Seminar, Delivered)], false),
            Progress::Delivered
        );
        assert_eq!(
            progress(None, [(Report, Planned)], false),
            Progress::InPreparation
        );
        assert_eq!(
            progress(None, [(Report, Delivered)], true),
            Progress::Discontinued
        );
    }

    #[test]
    fn late_is_read_against_the_calendar_on_the_day() {
        let calendar = Calendar::from_sessions([
            Session {
                kind: SessionKind::Regular,
                number: 59,
                opening: day(2030, 6, 1),
                closing: day(2030, 6, 30),
            },
            Session {
                kind: SessionKind::Regular,
                number: 60,
                opening: day(2030, 9, 1),
                closing: day(2030, 9, 30),
            },
        ])
        .unwrap();
        let on = |p, due, today| status(p, due, &calendar, today);
        assert_eq!(
            on(Progress::Pending, Some(59), day(2030, 6, 30)),
            Status::Pending
        );
        assert_eq!(
            on(Progress::Pending, Some(59), day(2030, 7, 1)),
            Status::Late
        );
        assert_eq!(
            on(Progress::InPreparation, Some(59), day(2030, 7, 1)),
            Status::Late
        );
        assert_eq!(
            on(Progress::InPreparation, Some(60), day(2030, 7, 1)),
            Status::InPreparation
        );
        assert_eq!(
            on(Progress::Delivered, Some(59), day(2031, 1, 1)),
            Status::Delivered
        );
        assert_eq!(
            on(Progress::Discontinued, Some(59), day(2031, 1, 1)),
            Status::Discontinued
        );
        // No due session, or one beyond the calendar: never late.
        assert_eq!(
            on(Progress::Pending, None, day(2031, 1, 1)),
            Status::Pending
        );
        assert_eq!(
            on(Progress::Pending, Some(70), day(2031, 1, 1)),
            Status::Pending
        );
    }

    proptest::proptest! {
        #[test]
        fn checking_an_output_never_panics(
            kind in ".{0,12}", title in ".{0,40}", state in ".{0,12}",
            symbol in ".{0,20}", on in ".{0,12}", link in ".{0,30}",
        ) {
            let draft = OutputDraft { kind, title, state, document_symbol: symbol, delivered_on: on, link };
            if let Ok(output) = draft.check(day(2026, 12, 7))
                && output.state == OutputState::Delivered
            {
                proptest::prop_assert!(output.delivered_on.is_some());
            }
        }
    }
}
