//! Reading single cells: numbers written as decimals, dates in the two encodings the sources
//! use, flags. Byte-level and allocation-free, because the UNGA vote file has 870,000 rows.

use chrono::{Days, NaiveDate};

/// An integer written either plainly ("3") or as a decimal whose fraction is zero ("3.0",
/// "-8766.0"): the UNGA files were decoded from R, where every number is a double.
/// `None` for anything else, including a non-zero fraction ("3.5") and numbers beyond ±10^18.
pub fn integral(bytes: &[u8]) -> Option<i64> {
    let (negative, rest) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, bytes),
    };
    let digits_end = rest
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, fraction) = rest.split_at(digits_end);
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    match fraction {
        [] => {}
        [b'.', zeros @ ..] if zeros.iter().all(|b| *b == b'0') => {}
        _ => return None,
    }
    let value = digits
        .iter()
        .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
    Some(if negative { -value } else { value })
}

/// A 0/1 flag as the UNGA roll-call file writes it: "0", "1", their decimal forms, or empty
/// (the R data's NA: the coders did not say, which we read as "not flagged").
pub fn flag(bytes: &[u8]) -> Option<bool> {
    if bytes.is_empty() || bytes.eq_ignore_ascii_case(b"NA") {
        return Some(false);
    }
    match integral(bytes)? {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

/// The day `days` after 1970-01-01 (negative: before), as R stores a `Date`.
pub fn epoch_days(days: i64) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    if days >= 0 {
        epoch.checked_add_days(Days::new(days as u64))
    } else {
        epoch.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// A date written year first, separated by slashes (HRC: "2006/06/29") or hyphens (ISO 8601).
pub fn ymd(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split(['/', '-']);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.is_empty() || m.len() > 2 || d.len() > 2 {
        return None;
    }
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Runs of whitespace to one space, ends trimmed: the HRC titles were scraped from a catalogue
/// and carry doubled spaces ("other  occupied Arab territories").
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integral_numbers_as_r_writes_them() {
        assert_eq!(integral(b"3.0"), Some(3));
        assert_eq!(integral(b"3"), Some(3));
        assert_eq!(integral(b"-8766.0"), Some(-8766));
        assert_eq!(integral(b"18275.00"), Some(18275));
        assert_eq!(integral(b"3."), Some(3));
        assert_eq!(integral(b"3.5"), None);
        assert_eq!(integral(b""), None);
        assert_eq!(integral(b"-"), None);
        assert_eq!(integral(b".0"), None);
        assert_eq!(integral(b"1e3"), None);
        assert_eq!(integral(b"99999999999999999999"), None);
    }

    #[test]
    fn flags() {
        assert_eq!(flag(b""), Some(false));
        assert_eq!(flag(b"0"), Some(false));
        assert_eq!(flag(b"1.0"), Some(true));
        assert_eq!(flag(b"2"), None);
        assert_eq!(flag(b"yes"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(epoch_days(-8766), NaiveDate::from_ymd_opt(1946, 1, 1));
        assert_eq!(epoch_days(0), NaiveDate::from_ymd_opt(1970, 1, 1));
        assert_eq!(epoch_days(18275), NaiveDate::from_ymd_opt(2020, 1, 14));
        assert_eq!(epoch_days(i64::MAX), None);
        assert_eq!(epoch_days(i64::MIN), None);
        assert_eq!(ymd("2006/06/29"), NaiveDate::from_ymd_opt(2006, 6, 29));
        assert_eq!(ymd("2024-10-11"), NaiveDate::from_ymd_opt(2024, 10, 11));
        assert_eq!(ymd("2006/02/30"), None);
        assert_eq!(ymd("06/29/2006"), None);
        assert_eq!(ymd("2006/+6/29"), None);
    }

    #[test]
    fn whitespace() {
        assert_eq!(collapse_whitespace("  a \t b  c "), "a b c");
    }
}
