//! Every document a paragraph cites: symbols and numbers (see [`crate::symbols`]) and the
//! declarations, conferences and instruments that have no symbol and are cited by name.
//!
//! Names are matched on folded text in one pass (Aho-Corasick over all names), never inside a
//! quoted title ("والمعنون "إعلان الحق في التنمية"" is the title of resolution 41/128, not a
//! citation of the Declaration). A named document takes the first date that follows it before
//! the next citation ("إعلان الأمم المتحدة بشأن الألفية المعتمد في 8 أيلول/سبتمبر 2000"),
//! reaching past the next one only when that one adopted it ("Vienna Declaration …, adopted by
//! the World Conference on Human Rights on 25 June 1993").

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::dates;
use crate::lex::Token;
use crate::model::{Reference, ReferenceKind};
use crate::normalize::{Folded, normalize_for_search};
use crate::ordinals;
use crate::symbols::{self, Context, Found, floor_char_boundary};

/// A document cited by name: how it is written (any language; folded before matching) and the
/// name the platform files it under.
struct Named {
    written: &'static [&'static str],
    name: &'static str,
    kind: ReferenceKind,
    /// The summit of the Non-Aligned Movement: its number is read from the text.
    summit: bool,
}

const NAMED: &[Named] = &[
    Named {
        written: &[
            "إعلان وبرنامج عمل فيينا",
            "Vienna Declaration and Programme of Action",
        ],
        name: "Vienna Declaration and Programme of Action",
        kind: ReferenceKind::Declaration,
        summit: false,
    },
    Named {
        written: &[
            "المؤتمر العالمي لحقوق الإنسان",
            "World Conference on Human Rights",
        ],
        name: "World Conference on Human Rights",
        kind: ReferenceKind::Conference,
        summit: false,
    },
    Named {
        written: &[
            "إعلان الأمم المتحدة بشأن الألفية",
            "United Nations Millennium Declaration",
        ],
        name: "United Nations Millennium Declaration",
        kind: ReferenceKind::Declaration,
        summit: false,
    },
    Named {
        written: &[
            "المؤتمر العالمي لمكافحة العنصرية",
            "World Conference against Racism",
        ],
        name: "World Conference against Racism, Racial Discrimination, Xenophobia and Related Intolerance",
        kind: ReferenceKind::Conference,
        summit: false,
    },
    Named {
        written: &["مؤتمر استعراض نتائج ديربان", "Durban Review Conference"],
        name: "Durban Review Conference",
        kind: ReferenceKind::Conference,
        summit: false,
    },
    Named {
        written: &[
            "إعلان وبرنامج عمل ديربان",
            "Durban Declaration and Programme of Action",
        ],
        name: "Durban Declaration and Programme of Action",
        kind: ReferenceKind::Declaration,
        summit: false,
    },
    Named {
        written: &[
            "الإعلان العالمي لحقوق الإنسان",
            "Universal Declaration of Human Rights",
        ],
        name: "Universal Declaration of Human Rights",
        kind: ReferenceKind::Declaration,
        summit: false,
    },
    Named {
        written: &[
            "إعلان الحق في التنمية",
            "Declaration on the Right to Development",
        ],
        name: "Declaration on the Right to Development",
        kind: ReferenceKind::Declaration,
        summit: false,
    },
    Named {
        written: &["إعلان كمبالا", "Kampala Declaration"],
        name: "Kampala Declaration",
        kind: ReferenceKind::Declaration,
        summit: false,
    },
    Named {
        written: &["اتفاق باريس", "Paris Agreement"],
        name: "Paris Agreement",
        kind: ReferenceKind::Other,
        summit: false,
    },
    Named {
        written: &["ميثاق الأمم المتحدة", "Charter of the United Nations"],
        name: "Charter of the United Nations",
        kind: ReferenceKind::Other,
        summit: false,
    },
    Named {
        written: &[
            "مؤتمر القمة",
            "Summit of Heads of State and Government of the Non-Aligned Movement",
            "Summit of Heads of State and Government of the Movement of Non-Aligned Countries",
        ],
        name: "Summit of Heads of State and Government of the Non-Aligned Movement",
        kind: ReferenceKind::Conference,
        summit: true,
    },
];

/// The automaton over every folded name, and for each pattern the entry it belongs to.
static NAMES: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut owners = Vec::new();
    for (index, named) in NAMED.iter().enumerate() {
        for written in named.written {
            patterns.push(normalize_for_search(written));
            owners.push(index);
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("the names of cited documents build an automaton");
    (automaton, owners)
});

/// Collects the references of one paragraph (or footnote) into `out`, once per symbol and
/// location.
pub(crate) fn collect(
    folded: &Folded,
    tokens: &[Token],
    location: &str,
    ctx: &Context,
    seen: &mut HashSet<(String, String)>,
    out: &mut Vec<Reference>,
) {
    let mut found = symbols::scan_folded(folded, tokens, ctx);
    let named_from = found.len();
    found.extend(named(folded));
    // Dates for the named ones, knowing where every citation starts.
    let mut starts: Vec<usize> = found.iter().map(|f| f.range.start).collect();
    starts.sort_unstable();
    for f in &mut found[named_from..] {
        f.date = date_after(&folded.text, f.range.clone(), &starts);
    }
    found.sort_by_key(|f| f.range.start);
    for f in found {
        if seen.insert((f.symbol.clone(), location.to_owned())) {
            out.push(Reference {
                symbol: f.symbol,
                kind: f.kind,
                date: f.date,
                paragraph: location.to_owned(),
                as_written: f.as_written,
            });
        }
    }
}

fn named(folded: &Folded) -> Vec<Found> {
    let text = folded.text.as_str();
    let mut quoted: Option<Vec<Range<usize>>> = None;
    let (automaton, owners) = &*NAMES;
    let mut out = Vec::new();
    for m in automaton.find_iter(text) {
        // Most paragraphs name no document: find the quotes only when one does.
        let quoted = quoted.get_or_insert_with(|| quoted_ranges(text));
        if quoted
            .iter()
            .any(|q| q.start <= m.start() && m.end() <= q.end)
            || !starts_a_word(text, m.start())
        {
            continue;
        }
        let named = &NAMED[owners[m.pattern().as_usize()]];
        let (name, range) = if named.summit {
            match summit(text, m.range()) {
                Some(found) => found,
                None => continue,
            }
        } else {
            (named.name.to_owned(), m.range())
        };
        out.push(Found {
            as_written: folded.source_slice(range.clone()).to_owned(),
            range,
            symbol: name,
            kind: named.kind,
            date: None,
        });
    }
    out
}

/// "مؤتمر القمة التاسع عشر لرؤساء دول وحكومات حركة بلدان عدم الانحياز", "the Nineteenth Summit
/// of Heads of State and Government of the Non-Aligned Movement": the summit's name with its
/// number, and the range of the whole phrase.
fn summit(text: &str, matched: Range<usize>) -> Option<(String, Range<usize>)> {
    let phrase = &text[matched.clone()];
    let (number, range) = if phrase == "موتمر القمه" {
        let end = floor_char_boundary(text, (matched.end + 200).min(text.len()));
        let window = &text[matched.end..end];
        let movement = "عدم الانحياز";
        let at = window.find(movement)?;
        let words: Vec<&str> = window[..at].split_whitespace().collect();
        let number = ordinals::arabic_ordinal(&words).map(|(n, _)| n);
        (number, matched.start..matched.end + at + movement.len())
    } else {
        let before = text[..matched.start].trim_end();
        let previous = before.rsplit(' ').next().unwrap_or("");
        match ordinals::english_ordinal(previous) {
            Some(n) => (Some(n), before.len() - previous.len()..matched.end),
            None => (None, matched),
        }
    };
    let name = "Summit of Heads of State and Government of the Non-Aligned Movement";
    Some((
        match number {
            Some(n) => format!("{} {name}", ordinal_suffix(n)),
            None => name.to_owned(),
        },
        range,
    ))
}

fn ordinal_suffix(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The first date after a named document, before the next citation (or past it when that one
/// adopted it), within the sentence.
fn date_after(text: &str, range: Range<usize>, starts: &[usize]) -> Option<chrono::NaiveDate> {
    let from = range.end;
    let mut limit = floor_char_boundary(text, (from + 700).min(text.len()));
    if let Some(stop) = text[from..limit].find([';', '؛']) {
        limit = from + stop;
    }
    let mut next = starts[starts.partition_point(|s| *s < from)..]
        .iter()
        .copied();
    if let Some(first) = next.next().filter(|s| *s < limit) {
        let between = &text[from..first];
        limit = if between.contains("اعتمد") || between.contains("adopted by") {
            next.next().map_or(limit, |second| second.min(limit))
        } else {
            first
        };
    }
    dates::find_first(&text[from..limit]).map(|(_, range)| range.from)
}

/// Quoted stretches: titles, never citations.
fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        match (open, c) {
            (None, '"' | '“' | '«') => open = Some((at, c)),
            (Some((start, '"')), '"') | (Some((start, '“')), '”') | (Some((start, '«')), '»') =>
            {
                out.push(start..at + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// A name starts a word, or follows one of the letters Arabic glues to words (و ب ل ف).
fn starts_a_word(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        None => true,
        Some(c) if !c.is_alphanumeric() => true,
        Some('و' | 'ب' | 'ل' | 'ف') => before.next().is_none_or(|c| !c.is_alphanumeric()),
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::tokens;
    use crate::symbols::{Direction, Issuer};

    const CTX: Context = Context {
        direction: Direction::RightToLeft,
        own_issuer: Some(Issuer::HumanRightsCouncil),
        own_number: Some((56, 2)),
    };

    fn references(text: &str) -> Vec<(String, ReferenceKind, Option<String>)> {
        let folded = Folded::new(text);
        let mut out = Vec::new();
        collect(
            &folded,
            &tokens(&folded.text),
            "pp-1",
            &CTX,
            &mut HashSet::new(),
            &mut out,
        );
        out.into_iter()
            .map(|r| (r.symbol, r.kind, r.date.map(|d| d.to_string())))
            .collect()
    }

    #[test]
    fn vienna_takes_the_date_of_the_conference_that_adopted_it() {
        let got = references(
            "في ميثاق الأمم المتحدة، وفي الأحكام الواردة في إعلان وبرنامج عمل فيينا اللذين اعتمدهما المؤتمر العالمي لحقوق الإنسان في 25 حزيران/يونيه 1993 من أجل",
        );
        let date = Some("1993-06-25".to_owned());
        assert_eq!(
            got,
            [
                (
                    "Charter of the United Nations".to_owned(),
                    ReferenceKind::Other,
                    None
                ),
                (
                    "Vienna Declaration and Programme of Action".to_owned(),
                    ReferenceKind::Declaration,
                    date.clone()
                ),
                (
                    "World Conference on Human Rights".to_owned(),
                    ReferenceKind::Conference,
                    date
                ),
            ]
        );
    }

    #[test]
    fn quoted_titles_are_not_citations() {
        let got = references(
            "قرار الجمعية العامة 128/41 المؤرخ 4 كانون الأول/ديسمبر 1986 والمعنون \"إعلان الحق في التنمية\"، الذي",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "A/RES/41/128");
    }

    #[test]
    fn the_summit_with_its_number_and_dates() {
        let got = references(
            "اللذين اعتمدهما مؤتمر القمة التاسع عشر لرؤساء دول وحكومات حركة بلدان عدم الانحياز، المعقود في كمبالا يومي 19 و20 كانون الثاني/يناير 2024، حيث",
        );
        assert_eq!(
            got,
            [(
                "19th Summit of Heads of State and Government of the Non-Aligned Movement"
                    .to_owned(),
                ReferenceKind::Conference,
                Some("2024-01-19".to_owned())
            )]
        );
        let folded = Folded::new(
            "the Nineteenth Summit of Heads of State and Government of the Non-Aligned Movement, held in Kampala on 19 and 20 January 2024",
        );
        let mut out = Vec::new();
        collect(
            &folded,
            &tokens(&folded.text),
            "pp-9",
            &CTX,
            &mut HashSet::new(),
            &mut out,
        );
        assert_eq!(
            out[0].as_written,
            "Nineteenth Summit of Heads of State and Government of the Non-Aligned Movement"
        );
        assert_eq!(out[0].date.unwrap().to_string(), "2024-01-19");
    }

    #[test]
    fn glued_conjunctions_and_word_boundaries() {
        let got = references("وفقاً لميثاق الأمم المتحدة والإعلان العالمي لحقوق الإنسان؛");
        assert_eq!(got.len(), 2);
        assert!(references("بالميثاق الأمم المتحدة").is_empty());
    }
}
