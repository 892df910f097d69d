//! The checks every form of this crate shares: what a State code, an SDG target, a language, an
//! e-mail address, a link and a date look like, and [`FieldError`], which names the field that is
//! wrong and says what is wrong with it.
//!
//! The checks take any text and never panic: forms and API bodies give whatever people type.
//! Each returns the value as it is stored (trimmed, with its case normalised) or a message that
//! quotes what was given, so that a list of errors can be shown next to the form unchanged.

use std::collections::HashSet;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use taawun_states::UnStatus;

/// Short texts: titles, names, organisations, themes.
pub const SHORT: usize = 300;
/// Long texts: summaries, answers, inputs, notes.
pub const LONG: usize = 10_000;

/// The six official languages of the United Nations, which the platform's interface speaks.
pub const OFFICIAL_LANGUAGES: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];

/// One thing wrong with one field of a form.
///
/// `field` is the field's path as the form names it (`partners[2]`, `period.end`,
/// `results[0].urls[1]`), so the web layer can put the message next to the field; `code` is a
/// stable identifier for translation (`required`, `not-a-state`, …); `message` says in English
/// what is wrong, quoting what was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for FieldError {}

/// A problem found by one of the checks below, before it is tied to a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub code: &'static str,
    pub message: String,
}

impl Problem {
    fn new(code: &'static str, message: impl Into<String>) -> Problem {
        Problem {
            code,
            message: message.into(),
        }
    }

    /// This problem as the error of `field`.
    pub fn at(self, field: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            code: self.code,
            message: self.message,
        }
    }
}

/// Text quoted in a message: at most 40 characters of it, so that a pasted page does not fill
/// the error list.
pub(crate) fn quoted(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() > 40 {
        format!("\"{}…\"", text.chars().take(40).collect::<String>())
    } else {
        format!("\"{text}\"")
    }
}

/// A required text: trimmed, not empty, at most `max` characters.
pub fn text(value: &str, max: usize) -> Result<String, Problem> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Problem::new("required", "is required"));
    }
    let len = value.chars().count();
    if len > max {
        return Err(Problem::new(
            "too-long",
            format!("is {len} characters long; at most {max} are accepted"),
        ));
    }
    Ok(value.to_owned())
}

/// An optional text: `None` when blank, otherwise as [`text`].
pub fn optional_text(value: &str, max: usize) -> Result<Option<String>, Problem> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        text(value, max).map(Some)
    }
}

/// An optional value: `None` when the text is blank, otherwise what `check` makes of it.
pub fn optional<T>(
    value: &str,
    check: impl Fn(&str) -> Result<T, Problem>,
) -> Result<Option<T>, Problem> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        check(value).map(Some)
    }
}

/// The ISO 3166-1 alpha-3 code of a State, upper case. A State is a Member or observer State of
/// the United Nations, or a territory the platform's table knows; a historic State (the Soviet
/// Union, Yugoslavia) cannot take part in cooperation today and is refused.
pub fn state_code(value: &str) -> Result<&'static str, Problem> {
    let code = value.trim();
    let not_a_state = || {
        Problem::new(
            "not-a-state",
            format!("{} is not a State code", quoted(value)),
        )
    };
    if code.is_empty() {
        return Err(Problem::new("required", "is required"));
    }
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(not_a_state());
    }
    match taawun_states::by_iso3(code) {
        Some(state) if state.status != UnStatus::Historic => Ok(state.iso3),
        Some(_) => Err(Problem::new(
            "historic-state",
            format!("{} is a State that no longer exists", quoted(value)),
        )),
        None => Err(not_a_state()),
    }
}

/// An ISO 639-1 language code: two letters, stored lower case ("EN" is taken as "en"). Any
/// two-letter code is accepted, not only the six official languages: good practices are written
/// in the languages of the people who carried them out.
pub fn language(value: &str) -> Result<String, Problem> {
    let code = value.trim().to_ascii_lowercase();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(code)
    } else {
        Err(Problem::new(
            "not-a-language",
            format!(
                "{} is not a two-letter ISO 639-1 language code (such as ar, en, es, fr, ru, zh)",
                quoted(value)
            ),
        ))
    }
}

/// An e-mail address, trimmed and lower-cased (the same address typed twice with different case
/// is one address: see the duplicate check of seminar registrations). The check is loose on
/// purpose, catching typing mistakes only: one `@`, something before it, a domain with a dot and
/// no empty part, no space.
pub fn email(value: &str) -> Result<String, Problem> {
    let email = value.trim().to_lowercase();
    let wrong = |why: &str| {
        Problem::new(
            "not-an-email",
            format!("{} is not an e-mail address: {why}", quoted(value)),
        )
    };
    if email.is_empty() {
        return Err(Problem::new("required", "is required"));
    }
    if email.chars().count() > 254 {
        return Err(wrong("it is longer than 254 characters"));
    }
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(wrong("it contains a space"));
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(wrong("it has no \"@\""));
    };
    if domain.contains('@') {
        return Err(wrong("it has more than one \"@\""));
    }
    if local.is_empty() {
        return Err(wrong("nothing comes before the \"@\""));
    }
    if !domain.contains('.') || domain.split('.').any(str::is_empty) {
        return Err(wrong("the part after the \"@\" is not a domain"));
    }
    Ok(email)
}

/// A link: an absolute `http` or `https` address with a host and no space. Other schemes are
/// refused: a `javascript:` or `file:` link in a published practice would run or open something
/// on the reader's machine.
pub fn url(value: &str) -> Result<String, Problem> {
    let link = value.trim();
    let wrong = || {
        Problem::new(
            "not-a-link",
            format!(
                "{} is not a link (an address starting with https:// or http://)",
                quoted(value)
            ),
        )
    };
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or_else(wrong)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    if host.is_empty()
        || link.chars().count() > 2000
        || link.chars().any(|c| c.is_whitespace() || c.is_control())
        || !host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
    {
        return Err(wrong());
    }
    Ok(link.to_owned())
}

/// A date as `YYYY-MM-DD` that exists in the calendar.
pub fn date(value: &str) -> Result<NaiveDate, Problem> {
    let text = value.trim();
    let wrong = || {
        Problem::new(
            "not-a-date",
            format!("{} is not a date (YYYY-MM-DD)", quoted(value)),
        )
    };
    if text.is_empty() {
        return Err(Problem::new("required", "is required"));
    }
    let bytes = text.as_bytes();
    if bytes.len() != 10
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
    {
        return Err(wrong());
    }
    // All ten bytes are ASCII, so these slices fall on character boundaries.
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return Err(wrong());
    };
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(wrong)
}

/// A theme as people type it, and the key it is grouped by.
///
/// "Access to justice", " access to  JUSTICE " and "Access to Justice" are one theme: the key is
/// the label trimmed, its inner spaces collapsed to one and case-folded. The label keeps what
/// the person wrote (trimmed), so the report can show a theme as people wrote it.
///
/// Read back from storage, the key is computed again from the label, so a stored key can never
/// disagree with its label.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "StoredTheme")]
pub struct Theme {
    pub label: String,
    pub key: String,
}

#[derive(Deserialize)]
struct StoredTheme {
    label: String,
}

impl From<StoredTheme> for Theme {
    fn from(stored: StoredTheme) -> Theme {
        let label = stored.label.trim().to_owned();
        Theme {
            key: theme_key(&label),
            label,
        }
    }
}

impl Theme {
    /// The theme of `value`, or why it is not one (blank, or too long).
    pub fn parse(value: &str) -> Result<Theme, Problem> {
        let label = text(value, SHORT)?;
        Ok(Theme {
            key: theme_key(&label),
            label,
        })
    }
}

/// The grouping key of a theme label (see [`Theme`]).
pub fn theme_key(label: &str) -> String {
    let mut key = String::with_capacity(label.len());
    for word in label.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// The most entries any list of a form takes (partner States, tags, results, agenda items,
/// questions): more is a sign of a pasted document, not of a form filled in.
pub const MAX_ITEMS: usize = 100;

/// Collects the errors of one form; each check records its problem under the field's path and
/// gives the value or `None`.
#[derive(Default)]
pub(crate) struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn check<T>(&mut self, field: impl Into<String>, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.0.push(problem.at(field));
                None
            }
        }
    }

    pub fn push(
        &mut self,
        field: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) {
        self.0.push(FieldError::new(field, code, message));
    }

    /// A list field: at most [`MAX_ITEMS`] items, each checked, repeats (by their checked
    /// value) dropped. `min` says how many it needs at least.
    pub fn list<T: Clone + Eq + std::hash::Hash>(
        &mut self,
        name: &str,
        items: &[String],
        min: usize,
        check: impl Fn(&str) -> Result<T, Problem>,
    ) -> Vec<T> {
        if items.len() > MAX_ITEMS {
            self.push(
                name,
                "too-many",
                format!(
                    "has {} items; at most {MAX_ITEMS} are accepted",
                    items.len()
                ),
            );
            return Vec::new();
        }
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if let Some(value) = self.check(format!("{name}[{i}]"), check(item))
                && seen.insert(value.clone())
            {
                out.push(value);
            }
        }
        if out.len() < min && self.0.iter().all(|e| !e.field.starts_with(name)) {
            let message = if min == 1 {
                "needs at least one entry".to_owned()
            } else {
                format!("needs at least {min} entries")
            };
            self.push(name, "required", message);
        }
        out
    }

    pub fn finish<T>(self, value: Option<T>) -> Result<T, Vec<FieldError>> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => Err(self.0),
        }
    }
}

/// A vocabulary value from its slug, or a problem listing the accepted slugs.
pub(crate) fn parse_vocabulary<T>(
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    slugs: impl Fn() -> String,
) -> Result<T, Problem> {
    if value.trim().is_empty() {
        return Err(Problem {
            code: "required",
            message: "is required".into(),
        });
    }
    parse(value).ok_or_else(|| Problem {
        code: "unknown-value",
        message: format!("{} is not one of {}", quoted(value), slugs()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn state_codes_are_checked_against_the_table() {
        assert_eq!(state_code(" mar "), Ok("MAR"));
        assert_eq!(state_code("BRA"), Ok("BRA"));
        let e = state_code("XYZ").unwrap_err();
        assert_eq!(e.code, "not-a-state");
        assert_eq!(e.message, "\"XYZ\" is not a State code");
        assert_eq!(state_code("SUN").unwrap_err().code, "historic-state");
        assert_eq!(state_code("MA").unwrap_err().code, "not-a-state");
        assert_eq!(state_code("MÂR").unwrap_err().code, "not-a-state");
    }

    #[test]
    fn languages_are_two_letters() {
        assert_eq!(language("EN").as_deref(), Ok("en"));
        assert_eq!(language("sw").as_deref(), Ok("sw"));
        for wrong in ["eng", "e", "", "e1", "é n", "en-GB"] {
            assert_eq!(
                language(wrong).unwrap_err().code,
                "not-a-language",
                "{wrong}"
            );
        }
    }

    #[test]
    fn emails_catch_typing_mistakes() {
        assert_eq!(email(" Amina@OHCHR.org ").as_deref(), Ok("amina@ohchr.org"));
        assert_eq!(email("").unwrap_err().code, "required");
        for wrong in [
            "amina",
            "@ohchr.org",
            "a@b@c.org",
            "a@ohchr",
            "a@ohchr..org",
            "a b@c.org",
        ] {
            assert_eq!(email(wrong).unwrap_err().code, "not-an-email", "{wrong}");
        }
    }

    #[test]
    fn links_are_http_or_https_with_a_host() {
        assert!(url("https://example.org/report.pdf").is_ok());
        assert!(url("http://example.org").is_ok());
        for wrong in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https://a b",
            "example.org",
        ] {
            assert_eq!(url(wrong).unwrap_err().code, "not-a-link", "{wrong}");
        }
    }

    #[test]
    fn dates_are_iso_and_exist() {
        assert_eq!(
            date("2026-02-28"),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap())
        );
        assert_eq!(date("").unwrap_err().code, "required");
        let e = date("2026-02-30").unwrap_err();
        assert_eq!(e.message, "\"2026-02-30\" is not a date (YYYY-MM-DD)");
        for wrong in ["2026-2-28", "28/02/2026", "2026-02-2x", "+026-02-28"] {
            assert_eq!(date(wrong).unwrap_err().code, "not-a-date", "{wrong}");
        }
    }

    #[test]
    fn themes_group_by_a_folded_key_and_keep_their_label() {
        let a = Theme::parse("  Access to  JUSTICE ").unwrap();
        let b = Theme::parse("access to justice").unwrap();
        assert_eq!(a.key, b.key);
        assert_eq!(a.label, "Access to  JUSTICE");
        assert_eq!(Theme::parse("  ").unwrap_err().code, "required");
    }

    #[test]
    fn long_texts_are_refused_and_quoted_short() {
        let long = "x".repeat(SHORT + 1);
        assert_eq!(text(&long, SHORT).unwrap_err().code, "too-long");
        assert_eq!(quoted(&long).chars().count(), 43);
    }

    proptest! {
        #[test]
        fn no_check_panics_on_any_text(s in "\\PC{0,60}") {
            let _ = state_code(&s);
            let _ = language(&s);
            let _ = email(&s);
            let _ = url(&s);
            let _ = date(&s);
            let _ = Theme::parse(&s);
            let _ = text(&s, 5);
        }

        #[test]
        fn theme_keys_are_idempotent(s in "\\PC{0,40}") {
            let key = theme_key(&s);
            prop_assert_eq!(theme_key(&key), key.clone());
            prop_assert_eq!(key.trim(), key.as_str());
        }

        #[test]
        fn dates_round_trip(y in 1i32..9999, m in 1u32..=12, d in 1u32..=28) {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            prop_assert_eq!(date(&format!("{y:04}-{m:02}-{d:02}")), Ok(day));
        }
    }
}
