//! What a valid action is. A form (or an API body) gives text; [`validate_action`] turns it into
//! an [`ActionInput`] or names every field that is wrong, with a code the interface words in
//! the user's language.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// At most this many indicators per action.
pub const MAX_INDICATORS: usize = 10;

const SHORT: usize = 300;
const LONG: usize = 2000;

/// An action as submitted, every field as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionDraft {
    pub title: String,
    pub lead_institution: String,
    pub partners: String,
    pub start_date: String,
    pub due_date: String,
    pub indicators: Vec<IndicatorDraft>,
    pub budget_amount: String,
    pub budget_currency: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndicatorDraft {
    pub name: String,
    pub baseline: String,
    pub target: String,
}

/// A valid action's fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ActionInput {
    pub title: String,
    pub lead_institution: String,
    pub partners: Option<String>,
    /// `YYYY-MM-DD`.
    pub start_date: Option<String>,
    pub due_date: Option<String>,
    pub indicators: Vec<IndicatorInput>,
    /// In hundredths of the currency's unit (12.50 is 1250); never negative.
    pub budget_hundredths: Option<i64>,
    /// ISO 4217 code, upper case; present exactly when an amount is.
    pub budget_currency: Option<String>,
}

/// An indicator: what is measured, where it stood and where it should get to (free text: "42 %",
/// "no law", "a law in force").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorInput {
    pub name: String,
    pub baseline: String,
    pub target: String,
}

/// A field that is wrong: the field's name as the form has it (`due_date`, `indicator_2_name`)
/// and what is wrong (`required`, `too-long`, `date`, `due-before-start`, `amount`, `currency`,
/// `currency-without-amount`, `link`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub field: String,
    pub code: &'static str,
}

impl Problem {
    pub fn new(field: impl Into<String>, code: &'static str) -> Problem {
        Problem {
            field: field.into(),
            code,
        }
    }
}

/// A `YYYY-MM-DD` date that exists.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// A date as `YYYY-MM-DD`.
pub fn date_text(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// An amount as people type it ("1500", "1500.5", "1 500.50", "1,500.50"): hundredths, or
/// `None` when it is not a non-negative number with at most two decimals.
pub fn parse_amount(text: &str) -> Option<i64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (whole, fraction) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    if whole.is_empty()
        || whole.len() > 13
        || fraction.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    whole.checked_mul(100)?.checked_add(fraction)
}

/// Hundredths as `1234.50`.
pub fn format_amount(hundredths: i64) -> String {
    format!("{}.{:02}", hundredths / 100, (hundredths % 100).abs())
}

/// A link given as evidence: an absolute `http` or `https` address with a host, without spaces
/// (a `javascript:` or `file:` link is refused: it would run or open something on the reader's
/// machine).
pub fn validate_link(text: &str) -> Result<String, &'static str> {
    let link = text.trim();
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or("link")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let host_name = host.split(':').next().unwrap_or("");
    if host_name.is_empty()
        || link.chars().count() > LONG
        || link.chars().any(|c| c.is_whitespace() || c.is_control())
        || !host_name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '[' | ']'))
    {
        return Err("link");
    }
    Ok(link.to_owned())
}

/// A status change's note: optional, at most 2000 characters.
pub fn validate_note(text: &str) -> Result<Option<String>, &'static str> {
    let note = text.trim();
    if note.chars().count() > LONG {
        Err("too-long")
    } else {
        Ok((!note.is_empty()).then(|| note.to_owned()))
    }
}

fn text_field(
    problems: &mut Vec<Problem>,
    field: &str,
    value: &str,
    required: bool,
    max: usize,
) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        if required {
            problems.push(Problem::new(field, "required"));
        }
        return None;
    }
    if value.chars().count() > max {
        problems.push(Problem::new(field, "too-long"));
        return None;
    }
    Some(value.to_owned())
}

/// Checks an action: a title and a lead institution are required; dates are `YYYY-MM-DD` with
/// the due date not before the start; each indicator that has anything has a name (baseline and
/// target are free text); a budget is a non-negative amount with a three-letter currency.
pub fn validate_action(draft: &ActionDraft) -> Result<ActionInput, Vec<Problem>> {
    let mut problems = Vec::new();
    let title = text_field(&mut problems, "title", &draft.title, true, SHORT);
    let lead = text_field(
        &mut problems,
        "lead_institution",
        &draft.lead_institution,
        true,
        SHORT,
    );
    let partners = text_field(&mut problems, "partners", &draft.partners, false, LONG);
    let date = |problems: &mut Vec<Problem>, field: &str, text: &str| {
        if text.trim().is_empty() {
            return None;
        }
        let parsed = parse_date(text);
        if parsed.is_none() {
            problems.push(Problem::new(field, "date"));
        }
        parsed
    };
    let start = date(&mut problems, "start_date", &draft.start_date);
    let due = date(&mut problems, "due_date", &draft.due_date);
    if let (Some(start), Some(due)) = (start, due)
        && due < start
    {
        problems.push(Problem::new("due_date", "due-before-start"));
    }
    let mut indicators = Vec::new();
    for (i, indicator) in draft.indicators.iter().enumerate() {
        let n = i + 1;
        let empty = indicator.name.trim().is_empty()
            && indicator.baseline.trim().is_empty()
            && indicator.target.trim().is_empty();
        if empty {
            continue;
        }
        if indicators.len() == MAX_INDICATORS {
            problems.push(Problem::new(format!("indicator_{n}_name"), "too-many"));
            break;
        }
        let name = text_field(
            &mut problems,
            &format!("indicator_{n}_name"),
            &indicator.name,
            true,
            SHORT,
        );
        let baseline = text_field(
            &mut problems,
            &format!("indicator_{n}_baseline"),
            &indicator.baseline,
            false,
            SHORT,
        );
        let target = text_field(
            &mut problems,
            &format!("indicator_{n}_target"),
            &indicator.target,
            false,
            SHORT,
        );
        if let Some(name) = name {
            indicators.push(IndicatorInput {
                name,
                baseline: baseline.unwrap_or_default(),
                target: target.unwrap_or_default(),
            });
        }
    }
    let amount_text = draft.budget_amount.trim();
    let currency_text = draft.budget_currency.trim().to_ascii_uppercase();
    let (budget_hundredths, budget_currency) = if amount_text.is_empty() {
        if !currency_text.is_empty() {
            problems.push(Problem::new("budget_amount", "currency-without-amount"));
        }
        (None, None)
    } else {
        let amount = parse_amount(amount_text);
        if amount.is_none() {
            problems.push(Problem::new("budget_amount", "amount"));
        }
        let currency_ok =
            currency_text.len() == 3 && currency_text.bytes().all(|b| b.is_ascii_uppercase());
        if !currency_ok {
            problems.push(Problem::new("budget_currency", "currency"));
        }
        (amount, currency_ok.then_some(currency_text))
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ActionInput {
        title: title.unwrap_or_default(),
        lead_institution: lead.unwrap_or_default(),
        partners,
        start_date: start.map(date_text),
        due_date: due.map(date_text),
        indicators,
        budget_hundredths,
        budget_currency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ActionDraft {
        ActionDraft {
            title: "Adopt a law against domestic violence".into(),
            lead_institution: "Ministry of Justice".into(),
            start_date: "2026-01-01".into(),
            due_date: "2026-12-31".into(),
            budget_amount: "1,500.5".into(),
            budget_currency: "qar".into(),
            indicators: vec![IndicatorDraft {
                name: "Law in force".into(),
                baseline: "No law".into(),
                target: "Law adopted".into(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_action_is_accepted() {
        let input = validate_action(&draft()).unwrap();
        assert_eq!(input.budget_hundredths, Some(150_050));
        assert_eq!(input.budget_currency.as_deref(), Some("QAR"));
        assert_eq!(input.indicators.len(), 1);
        assert_eq!(input.partners, None);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let problems = validate_action(&ActionDraft {
            title: " ".into(),
            start_date: "2026-05-01".into(),
            due_date: "2026-04-30".into(),
            budget_amount: "-5".into(),
            indicators: vec![IndicatorDraft {
                baseline: "3".into(),
                ..Default::default()
            }],
            ..Default::default()
        })
        .unwrap_err();
        let named: Vec<_> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.code))
            .collect();
        assert_eq!(
            named,
            [
                ("title", "required"),
                ("lead_institution", "required"),
                ("due_date", "due-before-start"),
                ("indicator_1_name", "required"),
                ("budget_amount", "amount"),
                ("budget_currency", "currency"),
            ]
        );
    }

    #[test]
    fn dates_must_exist() {
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("2023-02-29").is_none());
        assert!(parse_date("2023-2-28").is_none());
        assert!(parse_date("+202-02-28").is_none());
    }

    #[test]
    fn only_web_links_are_evidence() {
        assert!(validate_link("https://example.org/report.pdf").is_ok());
        assert!(validate_link("HTTP://example.org").is_ok());
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https:// example.org",
            "ftp://example.org",
            "example.org",
        ] {
            assert_eq!(validate_link(bad), Err("link"), "{bad}");
        }
    }

    #[test]
    fn amounts_keep_two_decimals() {
        assert_eq!(parse_amount("0"), Some(0));
        assert_eq!(parse_amount("12.5"), Some(1250));
        assert_eq!(parse_amount("12.345"), None);
        assert_eq!(parse_amount("1e3"), None);
        assert_eq!(format_amount(150_050), "1500.50");
    }
}
