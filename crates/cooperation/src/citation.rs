//! How a published practice is identified and cited.
//!
//! A practice's number is `P-` the year of its first publication, `-` and its sequence within
//! that year, four digits at least: `P-2026-0042`. It is given once, at first publication (so
//! declined and returned submissions leave no gaps in the published series), and never changes:
//! a citation that names it and a version finds that version for as long as the compendium
//! exists.
//!
//! Citations are plain strings in English and Arabic. The Arabic one gives the month as UN
//! Arabic documents do ("كانون الأول/ديسمبر": the Levantine name and the one used in Egypt and
//! the Gulf, so every reader knows it) and keeps Latin digits, which UN Arabic documents also
//! use; the number and the address stay left-to-right runs that the web layer isolates.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::vocab::vocabulary;

vocabulary! {
    /// The languages a citation is written in.
    pub enum Language {
        En => "en",
        Ar => "ar",
    }
}

/// A practice's number: the year of first publication and the sequence within the year (from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PracticeNumber {
    pub year: i32,
    pub sequence: u32,
}

impl PracticeNumber {
    /// The number the next practice first published in `year` gets, after `existing` (the
    /// numbers given so far, of any year). A store may equally ask its database for the
    /// year's largest sequence; this is the same rule.
    pub fn next(year: i32, existing: impl IntoIterator<Item = PracticeNumber>) -> PracticeNumber {
        let last = existing
            .into_iter()
            .filter(|n| n.year == year)
            .map(|n| n.sequence)
            .max()
            .unwrap_or(0);
        PracticeNumber {
            year,
            sequence: last.saturating_add(1),
        }
    }

    /// `P-2026-0042` exactly as [`fmt::Display`] writes it (so one practice has one spelling):
    /// a capital P, a four-digit year from 1000, and a sequence from 1 with at least four digits
    /// and no further leading zero.
    pub fn parse(text: &str) -> Option<PracticeNumber> {
        let rest = text.trim().strip_prefix("P-")?;
        let (year, sequence) = rest.split_once('-')?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if sequence.len() < 4 || !sequence.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let number = PracticeNumber {
            year: year.parse().ok()?,
            sequence: sequence.parse().ok()?,
        };
        (number.year >= 1000 && number.sequence >= 1 && number.to_string() == text.trim())
            .then_some(number)
    }
}

impl fmt::Display for PracticeNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "P-{:04}-{:04}", self.year, self.sequence)
    }
}

impl From<PracticeNumber> for String {
    fn from(number: PracticeNumber) -> String {
        number.to_string()
    }
}

impl TryFrom<String> for PracticeNumber {
    type Error = String;

    fn try_from(value: String) -> Result<Self, String> {
        PracticeNumber::parse(&value).ok_or_else(|| format!("\"{value}\" is not a practice number"))
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months as UN Arabic documents write them.
const MONTHS_AR: [&str; 12] = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
];

/// A date as the citation in `language` writes it: "7 December 2026", "7 كانون الأول/ديسمبر 2026".
pub fn long_date(language: Language, date: NaiveDate) -> String {
    let months = match language {
        Language::En => &MONTHS_EN,
        Language::Ar => &MONTHS_AR,
    };
    // month0() is 0..=11 for every date chrono can hold.
    let month = months.get(date.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", date.day(), date.year())
}

/// The title followed by a full stop, unless it already ends a sentence.
fn sentence(title: &str) -> String {
    let title = title.trim();
    if title.ends_with(['.', '!', '?', '؟']) {
        title.to_owned()
    } else {
        format!("{title}.")
    }
}

/// The citation of a practice's version:
///
/// - en: `Title. Taawun best-practice compendium, practice P-2026-0042 (version 3, published
///   7 December 2026). <url>`
/// - ar: `Title. مجموعة أفضل الممارسات في منصة تعاون، الممارسة P-2026-0042 (الإصدار 3، المنشور
///   في 7 كانون الأول/ديسمبر 2026). <url>`
///
/// The date is that of the version's publication: the text cited is the text of that day.
pub fn cite(
    language: Language,
    title: &str,
    number: PracticeNumber,
    version: u32,
    published: NaiveDate,
    url: &str,
) -> String {
    let title = sentence(title);
    let date = long_date(language, published);
    let url = url.trim();
    match language {
        Language::En => format!(
            "{title} Taawun best-practice compendium, practice {number} (version {version}, published {date}). {url}"
        ),
        Language::Ar => format!(
            "{title} مجموعة أفضل الممارسات في منصة تعاون، الممارسة {number} (الإصدار {version}، المنشور في {date}). {url}"
        ),
    }
    .trim_end()
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn n(year: i32, sequence: u32) -> PracticeNumber {
        PracticeNumber { year, sequence }
    }

    #[test]
    fn numbers_are_written_and_read_one_way() {
        assert_eq!(n(2026, 42).to_string(), "P-2026-0042");
        assert_eq!(n(2026, 12345).to_string(), "P-2026-12345");
        assert_eq!(PracticeNumber::parse("P-2026-0042"), Some(n(2026, 42)));
        assert_eq!(PracticeNumber::parse("P-2026-12345"), Some(n(2026, 12345)));
        for wrong in [
            "P-2026-42",
            "p-2026-0042",
            "P-2026-00042",
            "P-26-0042",
            "P-2026-0000",
            "P-0999-0001",
            "P-2026-+042",
        ] {
            assert_eq!(PracticeNumber::parse(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn the_next_number_follows_the_years_last() {
        let given = [n(2025, 9), n(2026, 1), n(2026, 3)];
        assert_eq!(PracticeNumber::next(2026, given), n(2026, 4));
        assert_eq!(PracticeNumber::next(2027, given), n(2027, 1));
    }

    #[test]
    fn citations_in_english_and_arabic() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let url = "https://taawun.example/practices/P-2026-0042/3";
        assert_eq!(
            cite(Language::En, "Mobile courts", n(2026, 42), 3, day, url),
            "Mobile courts. Taawun best-practice compendium, practice P-2026-0042 (version 3, published 7 December 2026). https://taawun.example/practices/P-2026-0042/3"
        );
        assert_eq!(
            cite(Language::Ar, "المحاكم المتنقلة", n(2026, 42), 3, day, url),
            "المحاكم المتنقلة. مجموعة أفضل الممارسات في منصة تعاون، الممارسة P-2026-0042 (الإصدار 3، المنشور في 7 كانون الأول/ديسمبر 2026). https://taawun.example/practices/P-2026-0042/3"
        );
        assert!(
            cite(Language::En, "Why courts?", n(2026, 1), 1, day, "")
                .starts_with("Why courts? Taawun")
        );
        assert_eq!(
            long_date(Language::Ar, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()),
            "1 حزيران/يونيه 2026"
        );
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_round_trips(s in "\\PC{0,16}", year in 1000i32..=9999, seq in 1u32..) {
            if let Some(number) = PracticeNumber::parse(&s) {
                prop_assert_eq!(number.to_string(), s.trim());
            }
            prop_assert_eq!(PracticeNumber::parse(&n(year, seq).to_string()), Some(n(year, seq)));
        }
    }
}
