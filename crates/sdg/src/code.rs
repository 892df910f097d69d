//! The codes of goals (`16`), targets (`16.3`, `16.a`) and indicators (`16.3.1`), and the parser
//! of the ways people write them: `Goal 16`, `SDG 16.3`, `Target 16.a`, `Indicator 16.3.1`,
//! `SDG16`, and with Arabic-Indic digits (`١٦٫٣`, `۱۶.۳`) as Arabic and Persian keyboards type them.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// The number of Sustainable Development Goals (fixed by General Assembly resolution 70/1).
pub const GOAL_COUNT: u8 = 17;

/// A goal's number, 1 to 17.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GoalCode(u8);

/// What follows a target's goal number: a number (`16.3`) or a letter (`16.a`, a "means of
/// implementation" target). Numbers sort before letters, as the official lists order them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TargetId {
    Number(u8),
    /// Always a lower-case ASCII letter.
    Letter(char),
}

/// A target's code: `16.3`, `16.a`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TargetCode {
    goal: GoalCode,
    id: TargetId,
}

/// An indicator's code: `16.3.1`, `16.a.1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IndicatorCode {
    target: TargetCode,
    number: u8,
}

/// Any of the three, as [`SdgCode::from_str`] finds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SdgCode {
    Goal(GoalCode),
    Target(TargetCode),
    Indicator(IndicatorCode),
}

/// Why a code was not understood; the message quotes the input and names the part at fault.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("empty SDG code (expected e.g. 16, 16.3, 16.a or 16.3.1)")]
    Empty,
    #[error("`{input}`: no goal number (expected e.g. 16, 16.3, 16.a or 16.3.1)")]
    NoGoal { input: String },
    #[error("`{input}`: `{found}` is not a goal (the goals are numbered 1 to 17)")]
    BadGoal { input: String, found: String },
    #[error(
        "`{input}`: `{found}` is not a target (a number from 1 to 99 or one letter, as in 16.3 or 16.a)"
    )]
    BadTarget { input: String, found: String },
    #[error("`{input}`: `{found}` is not an indicator's number (1 to 99, as in 16.3.1)")]
    BadIndicator { input: String, found: String },
    #[error("`{input}`: too many parts (an indicator's code has three, as in 16.3.1)")]
    TooManyParts { input: String },
    #[error("`{input}` is {found}'s code, not {expected}'s")]
    WrongKind {
        input: String,
        expected: &'static str,
        found: &'static str,
    },
}

impl GoalCode {
    /// `Some` for 1 to 17.
    pub fn new(number: u8) -> Option<GoalCode> {
        (1..=GOAL_COUNT)
            .contains(&number)
            .then_some(GoalCode(number))
    }
    pub fn number(self) -> u8 {
        self.0
    }
    /// The seventeen goals in order.
    pub fn all() -> impl Iterator<Item = GoalCode> {
        (1..=GOAL_COUNT).map(GoalCode)
    }
}

impl TargetId {
    /// `Some` for 1 to 99 or an ASCII letter (upper case is lowered).
    pub fn number(n: u8) -> Option<TargetId> {
        (1..=99).contains(&n).then_some(TargetId::Number(n))
    }
    pub fn letter(c: char) -> Option<TargetId> {
        c.is_ascii_alphabetic()
            .then(|| TargetId::Letter(c.to_ascii_lowercase()))
    }
}

impl TargetCode {
    pub fn new(goal: GoalCode, id: TargetId) -> TargetCode {
        TargetCode { goal, id }
    }
    /// The goal's number.
    pub fn goal(self) -> u8 {
        self.goal.0
    }
    pub fn goal_code(self) -> GoalCode {
        self.goal
    }
    pub fn id(self) -> TargetId {
        self.id
    }
}

impl IndicatorCode {
    /// `None` unless `number` is 1 to 99.
    pub fn new(target: TargetCode, number: u8) -> Option<IndicatorCode> {
        (1..=99)
            .contains(&number)
            .then_some(IndicatorCode { target, number })
    }
    pub fn target(self) -> TargetCode {
        self.target
    }
    pub fn goal(self) -> u8 {
        self.target.goal()
    }
    pub fn number(self) -> u8 {
        self.number
    }
}

impl SdgCode {
    fn kind(self) -> &'static str {
        match self {
            SdgCode::Goal(_) => "a goal",
            SdgCode::Target(_) => "a target",
            SdgCode::Indicator(_) => "an indicator",
        }
    }
}

impl fmt::Display for GoalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for TargetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetId::Number(n) => write!(f, "{n}"),
            TargetId::Letter(c) => write!(f, "{c}"),
        }
    }
}

impl fmt::Display for TargetCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.goal, self.id)
    }
}

impl fmt::Display for IndicatorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.target, self.number)
    }
}

impl fmt::Display for SdgCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SdgCode::Goal(c) => c.fmt(f),
            SdgCode::Target(c) => c.fmt(f),
            SdgCode::Indicator(c) => c.fmt(f),
        }
    }
}

macro_rules! serialize_as_text {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}
serialize_as_text!(GoalCode, TargetCode, IndicatorCode, SdgCode);

/// Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (Persian, U+06F0–06F9) digits as ASCII
/// digits, and the Arabic decimal separator (U+066B) as a full stop: `١٦٫٣` is `16.3`.
fn ascii_digits(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '\u{066B}' => '.',
        c => c,
    }
}

/// Marks that copying from right-to-left text leaves around a code and that mean nothing in it.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// The words that may stand before the number, and the kind each one announces.
const PREFIXES: &[(&str, Option<&str>)] = &[
    ("sdgs", None),
    ("sdg", None),
    ("goal", Some("a goal")),
    ("target", Some("a target")),
    ("indicator", Some("an indicator")),
];

fn parse(input: &str) -> Result<SdgCode, CodeError> {
    let cleaned: String = input
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(ascii_digits)
        .collect();
    let mut rest = cleaned.trim();
    if rest.is_empty() {
        return Err(CodeError::Empty);
    }
    let shown = rest.to_string();
    let mut announced: Option<&'static str> = None;
    'words: loop {
        for &(word, kind) in PREFIXES {
            let Some(head) = rest.get(..word.len()) else {
                continue;
            };
            if !head.eq_ignore_ascii_case(word) {
                continue;
            }
            let after = &rest[word.len()..];
            // A prefix is a whole word: "goal16" and "SDG 16" yes, "goals" only as listed.
            if after.starts_with(|c: char| c.is_alphabetic()) {
                continue;
            }
            if kind.is_some() && announced.is_some() {
                continue;
            }
            announced = announced.or(kind);
            rest = after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '#'));
            continue 'words;
        }
        break;
    }
    let body = rest.trim_end();
    // A code ending a sentence ("… target 16.3.") keeps its full stop.
    let body = body.strip_suffix('.').unwrap_or(body);
    if body.is_empty() {
        return Err(CodeError::NoGoal { input: shown });
    }
    let parts: Vec<&str> = body.split('.').collect();
    if parts.len() > 3 {
        return Err(CodeError::TooManyParts { input: shown });
    }
    let goal = goal_part(parts[0]).ok_or_else(|| {
        if parts[0].is_empty() || !parts[0].starts_with(|c: char| c.is_ascii_digit()) {
            CodeError::NoGoal {
                input: shown.clone(),
            }
        } else {
            CodeError::BadGoal {
                input: shown.clone(),
                found: parts[0].to_string(),
            }
        }
    })?;
    let code = match parts.get(1) {
        None => SdgCode::Goal(goal),
        Some(t) => {
            let id = target_part(t).ok_or_else(|| CodeError::BadTarget {
                input: shown.clone(),
                found: t.to_string(),
            })?;
            let target = TargetCode::new(goal, id);
            match parts.get(2) {
                None => SdgCode::Target(target),
                Some(i) => SdgCode::Indicator(
                    number_part(i)
                        .and_then(|n| IndicatorCode::new(target, n))
                        .ok_or_else(|| CodeError::BadIndicator {
                            input: shown.clone(),
                            found: i.to_string(),
                        })?,
                ),
            }
        }
    };
    match announced {
        Some(expected) if expected != code.kind() => Err(CodeError::WrongKind {
            input: shown,
            expected,
            found: code.kind(),
        }),
        _ => Ok(code),
    }
}

/// One or two ASCII digits without a leading zero.
fn number_part(s: &str) -> Option<u8> {
    if s.is_empty() || s.len() > 2 || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

pub(crate) fn goal_part(s: &str) -> Option<GoalCode> {
    number_part(s).and_then(GoalCode::new)
}

pub(crate) fn target_part(s: &str) -> Option<TargetId> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => TargetId::letter(c),
        _ => number_part(s).and_then(TargetId::number),
    }
}

pub(crate) fn indicator_part(target: TargetCode, s: &str) -> Option<IndicatorCode> {
    number_part(s).and_then(|n| IndicatorCode::new(target, n))
}

impl FromStr for SdgCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

impl FromStr for GoalCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match parse(s)? {
            SdgCode::Goal(c) => Ok(c),
            other => Err(wrong_kind(s, "a goal", other)),
        }
    }
}

impl FromStr for TargetCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match parse(s)? {
            SdgCode::Target(c) => Ok(c),
            other => Err(wrong_kind(s, "a target", other)),
        }
    }
}

impl FromStr for IndicatorCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match parse(s)? {
            SdgCode::Indicator(c) => Ok(c),
            other => Err(wrong_kind(s, "an indicator", other)),
        }
    }
}

fn wrong_kind(input: &str, expected: &'static str, found: SdgCode) -> CodeError {
    CodeError::WrongKind {
        input: input.trim().to_string(),
        expected,
        found: found.kind(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(s: &str) -> String {
        s.parse::<TargetCode>().unwrap().to_string()
    }

    #[test]
    fn the_written_forms() {
        assert_eq!("16".parse::<GoalCode>().unwrap().number(), 16);
        assert_eq!("Goal 16".parse::<GoalCode>().unwrap().number(), 16);
        assert_eq!("SDG 16".parse::<GoalCode>().unwrap().number(), 16);
        assert_eq!("sdg16".parse::<GoalCode>().unwrap().number(), 16);
        assert_eq!("SDG Goal 5".parse::<GoalCode>().unwrap().number(), 5);
        assert_eq!(target("16.3"), "16.3");
        assert_eq!(target("16.a"), "16.a");
        assert_eq!(target("16.A"), "16.a");
        assert_eq!(target("SDG 16.3"), "16.3");
        assert_eq!(target("Target 16.3"), "16.3");
        assert_eq!(target("SDG target 8.10"), "8.10");
        assert_eq!(target("target: 16.3."), "16.3");
        assert_eq!(target("  ١٦٫٣ "), "16.3");
        assert_eq!(target("۱۶.۹"), "16.9");
        assert_eq!(target("\u{200F}16.3\u{200E}"), "16.3");
        let i: IndicatorCode = "Indicator 16.a.1".parse().unwrap();
        assert_eq!(i.to_string(), "16.a.1");
        assert_eq!(i.target().to_string(), "16.a");
        let goal = GoalCode::new(16).unwrap();
        let expected = IndicatorCode::new(TargetCode::new(goal, TargetId::Number(3)), 1).unwrap();
        assert_eq!(
            "16.3.1".parse::<SdgCode>().unwrap(),
            SdgCode::Indicator(expected)
        );
    }

    #[test]
    fn errors_name_the_fault() {
        let e = |s: &str| s.parse::<SdgCode>().unwrap_err().to_string();
        assert_eq!(
            e(""),
            "empty SDG code (expected e.g. 16, 16.3, 16.a or 16.3.1)"
        );
        assert!(e("18").contains("`18` is not a goal"), "{}", e("18"));
        assert!(e("0.1").contains("`0` is not a goal"));
        assert!(e("Goal").contains("no goal number"));
        assert!(e("SDG x").contains("no goal number"));
        assert!(e("16.ab").contains("`ab` is not a target"));
        assert!(e("16.0").contains("`0` is not a target"));
        assert_eq!(target("16.3."), "16.3");
        assert!(e("16.3.x").contains("`x` is not an indicator"));
        assert!(e("16.3.1.2").contains("too many parts"));
        assert!(e("16..3").contains("`` is not a target"));
        assert_eq!(
            e("Goal 16.3"),
            "`Goal 16.3` is a target's code, not a goal's"
        );
        assert_eq!(
            "16".parse::<TargetCode>().unwrap_err().to_string(),
            "`16` is a goal's code, not a target's"
        );
        assert!(e("Target 16.3.1").contains("an indicator's code, not a target's"));
    }

    #[test]
    fn order_is_the_official_one() {
        let mut codes: Vec<TargetCode> = ["1.a", "1.10", "1.2", "10.1", "1.b", "2.1"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        codes.sort();
        let shown: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        assert_eq!(shown, ["1.2", "1.10", "1.a", "1.b", "2.1", "10.1"]);
    }
}
