//! Dates as UN resolutions write them, in Arabic and English.
//!
//! Arabic UN texts name each month twice, Levantine then Egyptian: "10 تموز/يوليه 2024",
//! "كانون الثاني/يناير". Either half alone is accepted, with or without hamza ("أيلول",
//! "ايلول") and both spellings of June and July (يونيه/يونيو, يوليه/يوليو). Ranges share the
//! month or the year of their second date: "18 حزيران/يونيه - 12 تموز/يوليه 2024", "يومي 19
//! و20 كانون الثاني/يناير 2024", "من 20 إلى 24 نيسان/أبريل 2009", "18 June–12 July 2024",
//! "28 December 2023 – 3 January 2024".

use std::ops::Range;

use chrono::NaiveDate;

use crate::lex::{self, Kind, Token};
use crate::model::DateRange;
use crate::normalize::fold_word;

/// Months by folded name: Levantine and Egyptian Arabic (one- and two-word), English.
const MONTHS: &[(&str, u32)] = &[
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيه", 6),
    ("يونيو", 6),
    ("يوليه", 7),
    ("يوليو", 7),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// كانون الثاني (January), تشرين الأول (October)…: the Levantine months of two words.
const TWO_WORD_MONTHS: &[(&str, &str, u32)] = &[
    ("كانون", "الثاني", 1),
    ("تشرين", "الاول", 10),
    ("تشرين", "الثاني", 11),
    ("كانون", "الاول", 12),
];

/// Words and marks that join the two ends of a range.
fn is_range_separator(token: &Token, source: &str) -> bool {
    match token.kind {
        Kind::Punct => matches!(token.text(source), "-" | "–" | "—" | "‐" | "‑" | "−"),
        Kind::Word => matches!(
            fold_word(token.text(source)).as_str(),
            "الي" | "و" | "حتي" | "to" | "and" | "until" | "till" | "through"
        ),
        Kind::Number => false,
    }
}

/// A date or a range of dates at the start of `text` (after leading spaces): the range (a single
/// date gives `from == to`) and the number of bytes it took.
pub fn parse_at(text: &str) -> Option<(DateRange, usize)> {
    let tokens = lex::tokens(text);
    let (range, next) = parse_tokens(&tokens, 0, text)?;
    let end = tokens[next - 1].end;
    Some((range, end))
}

/// The whole of `text` (trailing punctuation aside) as one date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_range(text).filter(|r| r.from == r.to).map(|r| r.from)
}

/// The whole of `text` (trailing punctuation aside) as a date or a range.
pub fn parse_range(text: &str) -> Option<DateRange> {
    let (range, used) = parse_at(text)?;
    let rest = text[used..].trim_matches(|c: char| c.is_whitespace() || ".,،;؛:".contains(c));
    rest.is_empty().then_some(range)
}

/// The first date or range anywhere in `text`, with its byte range.
pub fn find_first(text: &str) -> Option<(Range<usize>, DateRange)> {
    let tokens = lex::tokens(text);
    (0..tokens.len()).find_map(|i| {
        let (range, next) = parse_tokens(&tokens, i, text)?;
        Some((tokens[i].start..tokens[next - 1].end, range))
    })
}

/// Parses from token `i`; returns the range and the index of the first token after it.
pub(crate) fn parse_tokens(tokens: &[Token], i: usize, source: &str) -> Option<(DateRange, usize)> {
    let (d1, mut j) = day(tokens, i, source)?;
    let m1 = month(tokens, j, source).map(|(m, next)| {
        j = next;
        m
    });
    let y1 = year(tokens, j, source).inspect(|_y| {
        j += 1;
    });
    let single = match (m1, y1) {
        (Some(m), Some(y)) => NaiveDate::from_ymd_opt(y, m, d1),
        _ => None,
    };
    if let Some(range) = range_end(tokens, j, source, (d1, m1, y1)) {
        return Some(range);
    }
    single.map(|d| (DateRange { from: d, to: d }, j))
}

/// The second half of a range after the first date's parts, when there is one.
fn range_end(
    tokens: &[Token],
    j: usize,
    source: &str,
    (d1, m1, y1): (u32, Option<u32>, Option<i32>),
) -> Option<(DateRange, usize)> {
    let separator = tokens.get(j)?;
    if !is_range_separator(separator, source) {
        return None;
    }
    // "31 August 2001 and 20 April 2009" are two dates, not a range.
    let complete = m1.is_some() && y1.is_some();
    if complete
        && separator.is_word()
        && matches!(fold_word(separator.text(source)).as_str(), "و" | "and")
    {
        return None;
    }
    let (d2, k) = day(tokens, j + 1, source)?;
    let (m2, k) = month(tokens, k, source)?;
    let y2 = year(tokens, k, source)?;
    let m1 = m1.unwrap_or(m2);
    let y1_given = y1;
    // "28 December – 3 January 2024": the first date is in the year before.
    let y1 = y1.unwrap_or(if m1 > m2 { y2 - 1 } else { y2 });
    let from = NaiveDate::from_ymd_opt(y1, m1, d1)?;
    let to = NaiveDate::from_ymd_opt(y2, m2, d2)?;
    // An inferred year must give a short span: "12 July – 18 June 2024" is not a range.
    let inferred = y1_given.is_none() && y1 != y2;
    let plausible = from <= to && !(inferred && (to - from).num_days() > 92);
    plausible.then_some((DateRange { from, to }, k + 1))
}

fn day(tokens: &[Token], i: usize, source: &str) -> Option<(u32, usize)> {
    let token = tokens.get(i)?;
    if token.kind != Kind::Number || token.text(source).chars().count() > 2 {
        return None;
    }
    let value = lex::number_value(token.text(source))?;
    (1..=31).contains(&value).then_some((value, i + 1))
}

fn year(tokens: &[Token], i: usize, source: &str) -> Option<i32> {
    let token = tokens.get(i)?;
    if token.kind != Kind::Number || token.text(source).chars().count() != 4 {
        return None;
    }
    let value = lex::number_value(token.text(source))?;
    (1900..=2200).contains(&value).then_some(value as i32)
}

/// A month at token `i`: a name, or a Levantine/Egyptian pair joined by "/". Returns the month
/// and the index after it. Two halves naming different months are not a month.
fn month(tokens: &[Token], i: usize, source: &str) -> Option<(u32, usize)> {
    let (first, mut next) = month_name(tokens, i, source)?;
    if tokens.get(next).is_some_and(|t| t.is_punct(source, '/'))
        && let Some((second, after)) = month_name(tokens, next + 1, source)
    {
        if second != first {
            return None;
        }
        next = after;
    }
    Some((first, next))
}

fn month_name(tokens: &[Token], i: usize, source: &str) -> Option<(u32, usize)> {
    let token = tokens.get(i)?;
    if token.kind != Kind::Word {
        return None;
    }
    let word = fold_word(token.text(source));
    if let Some(second) = tokens.get(i + 1).filter(|t| t.is_word()) {
        let second = fold_word(second.text(source));
        if let Some((_, _, m)) = TWO_WORD_MONTHS
            .iter()
            .find(|(a, b, _)| *a == word && *b == second)
        {
            return Some((*m, i + 2));
        }
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, m)| (*m, i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn range(from: NaiveDate, to: NaiveDate) -> DateRange {
        DateRange { from, to }
    }

    #[test]
    fn arabic_single_dates_with_both_month_names_or_one() {
        assert_eq!(parse_date("10 تموز/يوليه 2024"), Some(d(2024, 7, 10)));
        assert_eq!(parse_date("10 تموز 2024"), Some(d(2024, 7, 10)));
        assert_eq!(parse_date("10 يوليو 2024"), Some(d(2024, 7, 10)));
        assert_eq!(parse_date("25 أيلول/سبتمبر 2015"), Some(d(2015, 9, 25)));
        assert_eq!(parse_date("4 كانون الأول/ديسمبر 1986"), Some(d(1986, 12, 4)));
        assert_eq!(
            parse_date("20 كانون الثاني/يناير 2024،"),
            Some(d(2024, 1, 20))
        );
        assert_eq!(parse_date("23 آذار/مارس 2021"), Some(d(2021, 3, 23)));
        assert_eq!(parse_date("18 آب/أغسطس 2000"), Some(d(2000, 8, 18)));
        assert_eq!(parse_date("1 نيسان/أبريل 2022"), Some(d(2022, 4, 1)));
        assert_eq!(parse_date("٢٧ تموز/يوليه ٢٠١٥"), Some(d(2015, 7, 27)));
        assert_eq!(parse_date("1 تشرين الأول/أكتوبر 2023"), Some(d(2023, 10, 1)));
        assert_eq!(
            parse_date("1 تشرين الثاني/نوفمبر 2023"),
            Some(d(2023, 11, 1))
        );
        assert_eq!(parse_date("1 شباط/فبراير 2023"), Some(d(2023, 2, 1)));
        assert_eq!(parse_date("1 أيار/مايو 2023"), Some(d(2023, 5, 1)));
        assert_eq!(parse_date("1 حزيران/يونيو 2023"), Some(d(2023, 6, 1)));
    }

    #[test]
    fn every_month_in_both_arabic_systems() {
        let names = [
            ("كانون الثاني", "يناير"),
            ("شباط", "فبراير"),
            ("آذار", "مارس"),
            ("نيسان", "أبريل"),
            ("أيار", "مايو"),
            ("حزيران", "يونيه"),
            ("تموز", "يوليه"),
            ("آب", "أغسطس"),
            ("أيلول", "سبتمبر"),
            ("تشرين الأول", "أكتوبر"),
            ("تشرين الثاني", "نوفمبر"),
            ("كانون الأول", "ديسمبر"),
        ];
        for (i, (levantine, egyptian)) in names.iter().enumerate() {
            let want = Some(d(2020, i as u32 + 1, 1));
            assert_eq!(parse_date(&format!("1 {levantine}/{egyptian} 2020")), want);
            assert_eq!(parse_date(&format!("1 {levantine} 2020")), want);
            assert_eq!(parse_date(&format!("1 {egyptian} 2020")), want);
        }
    }

    #[test]
    fn arabic_ranges() {
        assert_eq!(
            parse_range("18 حزيران/يونيه - 12 تموز/يوليه 2024"),
            Some(range(d(2024, 6, 18), d(2024, 7, 12)))
        );
        assert_eq!(
            find_first("المعقود في كمبالا يومي 19 و20 كانون الثاني/يناير 2024، حيث").map(|f| f.1),
            Some(range(d(2024, 1, 19), d(2024, 1, 20)))
        );
        assert_eq!(
            find_first("في الفترة من 31 آب/أغسطس إلى 8 أيلول/سبتمبر 2001،").map(|f| f.1),
            Some(range(d(2001, 8, 31), d(2001, 9, 8)))
        );
        assert_eq!(
            find_first("في الفترة من 20 إلى 24 نيسان/أبريل 2009").map(|f| f.1),
            Some(range(d(2009, 4, 20), d(2009, 4, 24)))
        );
    }

    #[test]
    fn english_dates_and_ranges() {
        assert_eq!(parse_date("10 July 2024"), Some(d(2024, 7, 10)));
        assert_eq!(parse_date("11 JULY 2024."), Some(d(2024, 7, 11)));
        assert_eq!(
            parse_range("18 June–12 July 2024"),
            Some(range(d(2024, 6, 18), d(2024, 7, 12)))
        );
        assert_eq!(
            parse_range("18 June - 12 July 2024"),
            Some(range(d(2024, 6, 18), d(2024, 7, 12)))
        );
        assert_eq!(
            parse_range("19 and 20 January 2024"),
            Some(range(d(2024, 1, 19), d(2024, 1, 20)))
        );
        assert_eq!(
            parse_range("28 December 2023 – 3 January 2024"),
            Some(range(d(2023, 12, 28), d(2024, 1, 3)))
        );
        assert_eq!(
            parse_range("28 December – 3 January 2024"),
            Some(range(d(2023, 12, 28), d(2024, 1, 3)))
        );
        assert_eq!(
            find_first("held in Durban from 31 August to 8 September 2001,").map(|f| f.1),
            Some(range(d(2001, 8, 31), d(2001, 9, 8)))
        );
    }

    #[test]
    fn what_is_not_a_date() {
        assert_eq!(parse_date("الجلسة 34"), None);
        assert_eq!(parse_date("31 June 2024"), None);
        assert_eq!(parse_date("10 تموز/أغسطس 2024"), None);
        assert_eq!(parse_date("10 July"), None);
        assert_eq!(parse_date("10 July 2024 and more"), None);
        assert_eq!(find_first("الفقرة 3 من المادة 1 منه"), None);
        assert_eq!(parse_range("12 July – 18 June 2024"), None);
        assert_eq!(parse_at(""), None);
        assert_eq!(
            find_first("on 31 August 2001 and 20 April 2009").map(|f| f.1),
            Some(range(d(2001, 8, 31), d(2001, 8, 31)))
        );
    }

    #[test]
    fn tables_are_folded() {
        for (name, _) in MONTHS {
            assert_eq!(fold_word(name), *name);
        }
        for (a, b, _) in TWO_WORD_MONTHS {
            assert_eq!(
                (fold_word(a), fold_word(b)),
                ((*a).to_owned(), (*b).to_owned())
            );
        }
    }

    #[test]
    fn parse_at_reports_the_bytes_taken() {
        let text = "10 July 2024, the Council";
        let (found, used) = parse_at(text).unwrap();
        assert_eq!(found.from, d(2024, 7, 10));
        assert_eq!(&text[..used], "10 July 2024");
    }
}
