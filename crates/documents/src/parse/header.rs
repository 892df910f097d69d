//! The header: everything above "إن مجلس حقوق الإنسان،" / "The Human Rights Council,".
//!
//! An Arabic resolution's header mixes languages (the distribution block is in English), so each
//! line is tried against both languages' conventions. Lines are recognised one by one; an agenda
//! item's title and the resolution's title run over the following lines until the next
//! recognised line.

use chrono::NaiveDate;

use super::{arabic, english, warning};
use crate::dates;
use crate::model::{AgendaItem, Body, DateRange, Warning};
use crate::normalize::normalize_for_search;
use crate::symbols::{self, Issuer};

#[derive(Debug, Default)]
pub(crate) struct Header {
    /// A full symbol printed in the header ("United Nations A/HRC/RES/56/2").
    pub symbol: Option<String>,
    pub body: Option<Body>,
    /// "General Assembly" / "الجمعية العامة": the document series (Council documents carry it
    /// too, the Council being a subsidiary organ of the Assembly).
    pub assembly_series: bool,
    pub session: Option<u32>,
    pub session_dates: Option<DateRange>,
    pub agenda: Option<AgendaItem>,
    pub original_language: Option<String>,
    /// The resolution's number as its title line writes it: ("2", "56") for "2/56 - …".
    pub number: Option<(u32, u32)>,
    pub title: Option<String>,
    pub distribution_date: Option<NaiveDate>,
    pub adoption_date: Option<NaiveDate>,
    /// The header says the text is a decision ("A/HRC/DEC/59/112", "Decision adopted by …").
    pub decision: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Nothing,
    DistributionDate,
    /// "Decision adopted by the Human Rights Council" without its date, which the next line
    /// gives ("on 2 July 2025").
    AdoptionDate,
    AgendaTitle,
    Title,
}

pub(crate) fn parse(lines: &[(usize, &str)], warnings: &mut Vec<Warning>) -> Header {
    let mut header = Header::default();
    let mut expect = Expect::Nothing;
    for (number, line) in lines {
        let folded = normalize_for_search(line);
        match recognise(&mut header, line, &folded, expect) {
            Some(next) => expect = next,
            None => match expect {
                Expect::AgendaTitle => {
                    if let Some(agenda) = &mut header.agenda {
                        append(&mut agenda.title, line);
                    }
                }
                Expect::Title => append(header.title.get_or_insert_with(String::new), line),
                _ => warnings.push(warning(
                    "unknown-line",
                    "header",
                    format!(
                        "line {number} fits nowhere in the header: {}",
                        super::shorten(line)
                    ),
                )),
            },
        }
    }
    header
}

fn append(text: &mut String, line: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(line.trim());
}

/// Recognises one header line; returns what the next lines may be.
fn recognise(header: &mut Header, line: &str, folded: &str, expect: Expect) -> Option<Expect> {
    if folded.starts_with("distr") || folded.starts_with("التوزيع") {
        header.distribution_date = dates::find_first(line).map(|(_, r)| r.from);
        return Some(if header.distribution_date.is_some() {
            Expect::Nothing
        } else {
            Expect::DistributionDate
        });
    }
    if let Some(language) =
        english::original_language(folded).or_else(|| arabic::original_language(folded))
    {
        header.original_language = Some(language.to_owned());
        return Some(Expect::Nothing);
    }
    if matches!(
        folded,
        "arabic" | "english" | "french" | "spanish" | "russian" | "chinese" | "عربي"
    ) {
        return Some(expect);
    }
    if let Some(symbol) = resolution_symbol_in(line, folded) {
        header.decision |= symbol.to_ascii_lowercase().contains("/dec/");
        header.symbol = Some(symbol);
        return Some(Expect::Nothing);
    }
    match folded {
        "general assembly" | "الجمعيه العامه" => {
            header.assembly_series = true;
            return Some(Expect::Nothing);
        }
        "human rights council" | "مجلس حقوق الانسان" => {
            header.body = Some(Body::HumanRightsCouncil);
            return Some(Expect::Nothing);
        }
        "united nations" | "الامم المتحده" => return Some(Expect::Nothing),
        _ => {}
    }
    if let Some(session) = arabic::session(folded).or_else(|| english::session(folded)) {
        header.session = Some(session);
        return Some(Expect::Nothing);
    }
    if let Some(range) = dates::parse_range(line) {
        if expect == Expect::DistributionDate {
            header.distribution_date = Some(range.from);
        } else if range.from != range.to || header.session_dates.is_none() {
            header.session_dates = Some(range);
        }
        return Some(Expect::Nothing);
    }
    if let Some(number) =
        arabic::agenda_item(line, folded).or_else(|| english::agenda_item(line, folded))
    {
        header.agenda = Some(AgendaItem {
            number,
            title: String::new(),
        });
        return Some(Expect::AgendaTitle);
    }
    if arabic::adoption_line(folded) || english::adoption_line(folded) {
        header.decision |= english::decision_line(folded);
        header.adoption_date = dates::find_first(line).map(|(_, r)| r.from);
        if let Some(issuer) = symbols::issuer_of(folded) {
            header.body = body_of(issuer).or(header.body);
        }
        return Some(if header.adoption_date.is_some() {
            Expect::Nothing
        } else {
            Expect::AdoptionDate
        });
    }
    if expect == Expect::AdoptionDate
        && folded.starts_with("on ")
        && let Some(date) = line.trim().get(3..).and_then(dates::parse_date)
    {
        header.adoption_date = Some(date);
        return Some(Expect::Nothing);
    }
    if folded.starts_with("[on the report")
        || folded.starts_with("[without reference")
        || folded.starts_with("[بناء علي")
        || folded.starts_with("[دون الاحاله")
    {
        return Some(Expect::Nothing);
    }
    if let Some((a, b, title)) = number_and_title(line) {
        header.number = Some((a, b));
        header.title = Some(title.to_owned());
        return Some(Expect::Title);
    }
    None
}

pub(crate) fn body_of(issuer: Issuer) -> Option<Body> {
    match issuer {
        Issuer::HumanRightsCouncil => Some(Body::HumanRightsCouncil),
        Issuer::GeneralAssembly => Some(Body::GeneralAssembly),
        _ => None,
    }
}

/// A resolution's own symbol in a header line: "United Nations A/HRC/RES/56/2", "A/RES/78/199".
fn resolution_symbol_in(line: &str, folded: &str) -> Option<String> {
    let rest = folded
        .strip_prefix("united nations")
        .or_else(|| folded.strip_prefix("الامم المتحده"))
        .unwrap_or(folded)
        .trim();
    let is_symbol = |s: &str| {
        (s.starts_with("a/res/") || s.starts_with("a/hrc/res/") || s.starts_with("a/hrc/dec/"))
            && !s.contains(' ')
            && s.bytes().any(|b| b.is_ascii_digit())
    };
    if !is_symbol(rest) {
        return None;
    }
    line.split_whitespace()
        .find(|w| is_symbol(&w.to_ascii_lowercase()))
        .map(|w| w.trim_end_matches('.').to_owned())
}

/// "2/56 - تعزيز التعاون الدولي …", "56/2. Enhancement of …": the two numbers and the title.
pub(crate) fn number_and_title(line: &str) -> Option<(u32, u32, &str)> {
    let line = line.trim();
    let digits = |s: &str| {
        s.find(|c: char| crate::lex::digit(c).is_none())
            .unwrap_or(s.len())
    };
    let first_end = digits(line);
    let rest = line[first_end..].strip_prefix('/')?;
    let second_end = digits(rest);
    let (first, second) = (&line[..first_end], &rest[..second_end]);
    let after = rest[second_end..].trim_start();
    let mut chars = after.chars();
    let separator = chars.next()?;
    if !matches!(separator, '-' | '–' | '—' | '.' | ')') {
        return None;
    }
    let title = chars.as_str().trim();
    if title.is_empty() || !after[separator.len_utf8()..].starts_with(char::is_whitespace) {
        return None;
    }
    Some((
        crate::lex::number_value(first)?,
        crate::lex::number_value(second)?,
        title,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_header() {
        let lines = [
            "Distr.: General",
            "11 July 2024",
            "Arabic",
            "Original: English",
            "الجمعية العامة",
            "مجلس حقوق الإنسان",
            "الدورة السادسة والخمسون",
            "18 حزيران/يونيه - 12 تموز/يوليه 2024",
            "البند 3 من جدول الأعمال",
            "تعزيز وحماية جميع حقوق الإنسان، المدنية والسياسية والاقتصادية والاجتماعية والثقافية، بما في ذلك الحق في التنمية",
            "قرار اعتمده مجلس حقوق الإنسان في 10 تموز/يوليه 2024",
            "2/56 - تعزيز التعاون الدولي في ميدان حقوق الإنسان",
        ];
        let numbered: Vec<(usize, &str)> = lines.iter().copied().enumerate().collect();
        let mut warnings = Vec::new();
        let header = parse(&numbered, &mut warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(header.distribution_date.unwrap().to_string(), "2024-07-11");
        assert_eq!(header.original_language.as_deref(), Some("en"));
        assert!(header.assembly_series);
        assert_eq!(header.body, Some(Body::HumanRightsCouncil));
        assert_eq!(header.session, Some(56));
        let dates = header.session_dates.unwrap();
        assert_eq!(
            (dates.from.to_string(), dates.to.to_string()),
            ("2024-06-18".into(), "2024-07-12".into())
        );
        let agenda = header.agenda.unwrap();
        assert_eq!(agenda.number, "3");
        assert!(agenda.title.starts_with("تعزيز وحماية"));
        assert_eq!(header.adoption_date.unwrap().to_string(), "2024-07-10");
        assert_eq!(header.number, Some((2, 56)));
        assert_eq!(
            header.title.as_deref(),
            Some("تعزيز التعاون الدولي في ميدان حقوق الإنسان")
        );
    }

    #[test]
    fn number_lines() {
        assert_eq!(
            number_and_title("56/2. Enhancement of international cooperation"),
            Some((56, 2, "Enhancement of international cooperation"))
        );
        assert_eq!(number_and_title("2/56 - تعزيز"), Some((2, 56, "تعزيز")));
        assert_eq!(number_and_title("2/56"), None);
        assert_eq!(number_and_title("1/70 المؤرخ"), None);
        assert_eq!(number_and_title("2.5/3 - x"), None);
        assert_eq!(
            resolution_symbol_in(
                "United Nations A/HRC/RES/56/2",
                "united nations a/hrc/res/56/2"
            ),
            Some("A/HRC/RES/56/2".into())
        );
    }
}
