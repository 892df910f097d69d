//! The addendum to the Working Group's report (A/HRC/59/15/Add.1): the views of the State under
//! review on the recommendations it received.
//!
//! The State gives its positions as lists of the recommendations' numbers in numbered paragraphs
//! ("3. The Government accepts the following recommendations: 140.7, 140.8, …"; "5. The
//! Government takes note of recommendations 140.1, …"), under parts headed by what they hold
//! ("I. Accepted recommendations", "III. Noted recommendations"), and may comment on some of
//! them under a heading of their numbers ("140.11-14", "140.120, 209").
//!
//! The lists are typed by hand and read as they are: a full stop for a comma ("140.35.
//! 140.36"), ranges with a hyphen or a dash, with or without the paragraph's number at their end
//! ("140.5-7", "140.5–140.7"), a number without its paragraph after one that has it ("140.120,
//! 209"). What does not add up is reported as a [`Warning`], never settled by a choice: a number
//! listed both as supported and as noted gets no position; a number in no list, when the
//! addendum says how many recommendations there were, is named; totals the addendum states
//! ("217 are supported and 37 noted") are checked against its lists.

use std::collections::BTreeMap;

use taawun_states::Resolver;

use super::text::{self, Line, Paragraph};
use super::{OhchrError, Warning, pdf_source};
use crate::model::{Response, Source};

/// The longest range read as a range (140.1–140.254 is 254): a longer one is a typo.
const MAX_RANGE: u32 = 2000;

/// A numbered paragraph of the addendum that gives a position on a list of recommendations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionList {
    /// The addendum's paragraph number (3).
    pub paragraph: u32,
    pub response: Response,
    /// The recommendations, in the order listed, ranges expanded.
    pub listed: Vec<Paragraph>,
    pub source: Source,
}

/// The State's comment on one or more recommendations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// The heading as printed ("140.82-85, 87").
    pub heading: String,
    pub paragraphs: Vec<Paragraph>,
    /// The position of the part it stands in ("III. Noted recommendations": noted).
    pub section: Option<Response>,
    pub text: String,
    pub source: Source,
}

/// The totals the addendum states in words, if it does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatedTotals {
    pub received: Option<u32>,
    pub supported: Option<u32>,
    pub noted: Option<u32>,
}

/// The addendum, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addendum {
    pub file: String,
    /// "A/HRC/59/15/Add.1".
    pub symbol: String,
    /// The report it adds to: "A/HRC/59/15".
    pub report: String,
    /// ISO3 of the State under review.
    pub reviewed: String,
    /// Each recommendation's position, where the lists give it one and only one.
    pub positions: BTreeMap<Paragraph, Response>,
    pub lists: Vec<PositionList>,
    pub comments: Vec<Comment>,
    pub stated: StatedTotals,
    pub warnings: Vec<Warning>,
}

impl Addendum {
    pub fn count(&self, response: Response) -> usize {
        self.positions.values().filter(|r| **r == response).count()
    }
}

/// Reads the addendum from its PDF.
pub fn read(file: &str, bytes: &[u8], resolver: &Resolver) -> Result<Addendum, OhchrError> {
    let pages = super::pdf_pages(file, bytes)?;
    parse(file, &pages, resolver)
}

/// A block of lines: a numbered paragraph, or a comment under its heading.
enum Block<'a> {
    Paragraph {
        number: u32,
        lines: Vec<&'a Line<'a>>,
    },
    Comment {
        heading: &'a Line<'a>,
        list: Vec<Paragraph>,
        section: Option<Response>,
        lines: Vec<&'a Line<'a>>,
    },
}

/// Reads the addendum from its text, one string a page as `pdftotext -layout` writes them.
pub fn parse(file: &str, pages: &[String], resolver: &Resolver) -> Result<Addendum, OhchrError> {
    let missing = |message: String| OhchrError::Missing {
        file: file.to_owned(),
        message,
    };
    let lines = text::body_lines(pages);
    let symbol = text::first_symbol(pages).filter(|s| s.contains("/Add."));
    let first_page = text::join_lines(lines.iter().filter(|l| l.page == 1).map(|l| l.text));
    let (Some(symbol), true) = (symbol, first_page.contains("Addendum")) else {
        return Err(OhchrError::NotRecognised {
            file: file.to_owned(),
            message: "not an addendum to a Working Group report (no A/HRC/…/Add. symbol and \
                      \"Addendum\" on its first page)"
                .into(),
        });
    };
    let report = symbol
        .rsplit_once("/Add.")
        .map_or(symbol.as_str(), |(report, _)| report)
        .to_owned();
    let (reviewed, _) = text::title_state(&lines, resolver).ok_or_else(|| {
        missing("no State under review under the title (a State's name the resolver knows)".into())
    })?;

    let blocks = blocks(&lines);
    let mut lists = Vec::new();
    let mut comments = Vec::new();
    let mut stated = StatedTotals::default();
    let mut warnings = Vec::new();
    for block in &blocks {
        match block {
            Block::Paragraph { number, lines } => {
                let first = lines[0];
                let source = pdf_source(file, first.page, first.line);
                let body = text::join_lines(lines.iter().map(|l| l.text));
                read_totals(&body, &mut stated);
                let Some(start) = first_paragraph_number(&body) else {
                    continue;
                };
                let lead = &body[..start];
                let Some(response) = position_of(lead) else {
                    if lead.to_lowercase().contains("recommendation") {
                        warnings.push(Warning {
                            source,
                            message: format!(
                                "paragraph {number} lists recommendations without saying \
                                 whether they are supported or noted"
                            ),
                        });
                    }
                    continue;
                };
                let parsed = parse_list(&body[start..]);
                for problem in parsed.problems {
                    warnings.push(Warning {
                        source: source.clone(),
                        message: format!("paragraph {number}: {problem}"),
                    });
                }
                lists.push(PositionList {
                    paragraph: *number,
                    response,
                    listed: parsed.items,
                    source,
                });
            }
            Block::Comment {
                heading,
                list,
                section,
                lines,
            } => comments.push(Comment {
                heading: heading.trimmed().to_owned(),
                paragraphs: list.clone(),
                section: *section,
                text: text::join_lines(lines.iter().map(|l| l.text)),
                source: pdf_source(file, heading.page, heading.line),
            }),
        }
    }
    if lists.is_empty() {
        return Err(missing(
            "no paragraph listing the recommendations supported or noted".into(),
        ));
    }
    let positions = positions(&lists, &stated, &mut warnings);
    for comment in &comments {
        for paragraph in &comment.paragraphs {
            if let (Some(section), Some(position)) = (comment.section, positions.get(paragraph))
                && section != *position
            {
                warnings.push(Warning {
                    source: comment.source.clone(),
                    message: format!(
                        "the comment on {paragraph} stands in the part of the {} \
                         recommendations, but {paragraph} is listed as {}",
                        section.slug(),
                        position.slug()
                    ),
                });
            }
        }
    }
    Ok(Addendum {
        file: file.to_owned(),
        symbol,
        report,
        reviewed,
        positions,
        lists,
        comments,
        stated,
        warnings,
    })
}

/// The lines in blocks: numbered paragraphs and comments; headings of parts end a block and set
/// the position of the part.
fn blocks<'a>(lines: &'a [Line<'a>]) -> Vec<Block<'a>> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut section: Option<Response> = None;
    let mut last_number: Option<u32> = None;
    let mut previous_text = "";
    // Lines after a part's heading and before the next block belong to no block.
    let mut open = false;
    for line in lines {
        let trimmed = line.trimmed();
        if trimmed.is_empty() {
            continue;
        }
        let previous = std::mem::replace(&mut previous_text, trimmed);
        if text::is_chapter_heading(trimmed) {
            section = position_of(trimmed.split_once(". ").map_or("", |(_, t)| t));
            open = false;
            continue;
        }
        if let Some(number) = paragraph_start(trimmed)
            && last_number.is_none_or(|last| number == last + 1)
        {
            last_number = Some(number);
            blocks.push(Block::Paragraph {
                number,
                lines: vec![line],
            });
            open = true;
            continue;
        }
        let continues_list = previous.ends_with([',', '-', '–', '—']) || previous.ends_with(" and");
        if !continues_list
            && !trimmed.ends_with(['.', ','])
            && let Some(list) = whole_line_list(trimmed)
        {
            blocks.push(Block::Comment {
                heading: line,
                list,
                section,
                lines: Vec::new(),
            });
            open = true;
            continue;
        }
        if !open {
            continue;
        }
        match blocks.last_mut() {
            Some(Block::Paragraph { lines, .. }) | Some(Block::Comment { lines, .. }) => {
                lines.push(line)
            }
            None => {}
        }
    }
    blocks
}

/// "3.    The Government accepts…": the number of a paragraph that starts on this line.
fn paragraph_start(trimmed: &str) -> Option<u32> {
    let (token, rest) = trimmed.split_once(char::is_whitespace)?;
    let number = text::small_number(token.strip_suffix('.')?)?;
    (number < 1000 && rest.trim_start().starts_with(|c: char| c.is_alphabetic())).then_some(number)
}

/// The recommendations a line lists when it is nothing but a list of them ("140.82-85, 87").
fn whole_line_list(trimmed: &str) -> Option<Vec<Paragraph>> {
    let first = trimmed
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .next()?;
    first.parse::<Paragraph>().ok()?;
    let parsed = parse_list(trimmed);
    (parsed.consumed == trimmed.len() && !parsed.items.is_empty() && parsed.problems.is_empty())
        .then_some(parsed.items)
}

/// Where the first recommendation number ("140.1") of a text starts.
fn first_paragraph_number(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                return Some(start);
            }
        }
        i += 1;
    }
    None
}

/// The position a paragraph's or a part's words give: noted ("takes note", "noted", "does not
/// support") before supported ("accepts", "supports"), since "does not support" says both.
fn position_of(words: &str) -> Option<Response> {
    let words = words.to_lowercase();
    let noted = [
        "take note",
        "takes note",
        "took note",
        "noted",
        "not support",
        "not accept",
        "not enjoy",
        "reject",
    ];
    if noted.iter().any(|w| words.contains(w)) {
        return Some(Response::Noted);
    }
    let supported = ["accept", "support", "enjoy"];
    supported
        .iter()
        .any(|w| words.contains(w))
        .then_some(Response::Supported)
}

/// The totals stated in words: "received 254 recommendations", "217 are supported and 37 noted".
fn read_totals(text: &str, totals: &mut StatedTotals) {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Some(number) = text::small_number(word) else {
            continue;
        };
        let next: Vec<String> = words[i + 1..]
            .iter()
            .take(3)
            .map(|w| w.to_lowercase())
            .collect();
        let next: Vec<&str> = next.iter().map(String::as_str).collect();
        let previous = i.checked_sub(1).map(|j| words[j].to_lowercase());
        if previous.as_deref() == Some("received") && next.first() == Some(&"recommendations") {
            totals.received.get_or_insert(number);
        }
        let said = |w: &str| {
            next.first() == Some(&w)
                || (matches!(next.first(), Some(&("are" | "were"))) && next.get(1) == Some(&w))
        };
        if said("supported") || said("accepted") {
            totals.supported.get_or_insert(number);
        }
        if said("noted") {
            totals.noted.get_or_insert(number);
        }
    }
}

/// A list read: the recommendations, how much of the text it took, and what was odd in it.
pub(crate) struct ParsedList {
    pub items: Vec<Paragraph>,
    pub consumed: usize,
    pub problems: Vec<String>,
}

/// Reads a list of recommendation numbers from the start of a text, up to the first word that
/// is not part of it: numbers with their paragraph ("140.7") or without it after one that has
/// it ("209"), ranges ("140.11-14", "140.3–140.10", "140.1 to 140.6"), separated by commas,
/// semicolons, full stops or "and".
pub(crate) fn parse_list(text: &str) -> ParsedList {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let mut items = Vec::new();
    let mut problems = Vec::new();
    let mut chapeau: Option<u32> = None;
    let mut i = 0;
    let mut consumed = 0;
    // Reads "140.7" or "7" at i: (paragraph number if given, number, next index).
    let number = |mut i: usize| -> Option<(Option<u32>, u32, usize)> {
        let start = i;
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        let first = text::small_number(&text[offset(start)..offset(i)])?;
        if at(i) == Some('.') && at(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            let second_start = i + 1;
            let mut j = second_start;
            while at(j).is_some_and(|c| c.is_ascii_digit()) {
                j += 1;
            }
            let second = text::small_number(&text[offset(second_start)..offset(j)])?;
            return Some((Some(first), second, j));
        }
        Some((None, first, i))
    };
    let skip_spaces = |mut i: usize| {
        while at(i).is_some_and(char::is_whitespace) {
            i += 1;
        }
        i
    };
    let word_at = |i: usize, word: &str| {
        text[offset(i)..].starts_with(word)
            && !text[offset(i) + word.len()..].starts_with(|c: char| c.is_alphanumeric())
    };
    loop {
        // Separators.
        let mut j = i;
        loop {
            j = skip_spaces(j);
            match at(j) {
                Some(',' | ';' | '.') => j += 1,
                Some('a') if word_at(j, "and") => j += 3,
                _ => break,
            }
        }
        let Some((prefix, value, after)) = number(j) else {
            break;
        };
        let start = match (prefix, chapeau) {
            (Some(c), _) => Paragraph {
                chapeau: c,
                item: value,
            },
            (None, Some(c)) => Paragraph {
                chapeau: c,
                item: value,
            },
            // A bare number with no paragraph before it is not a recommendation's.
            (None, None) => break,
        };
        chapeau = Some(start.chapeau);
        i = after;
        consumed = offset(i);
        // A range?
        let k = skip_spaces(i);
        let dash = match at(k) {
            Some('-' | '–' | '—' | '‑' | '‐') => Some(k + 1),
            Some('t') if word_at(k, "to") => Some(k + 2),
            _ => None,
        };
        let end = dash.and_then(|d| number(skip_spaces(d)));
        match end {
            Some((end_prefix, end_value, after_end)) => {
                i = after_end;
                consumed = offset(i);
                let raw = &text[offset(j)..offset(i)];
                if end_prefix.is_some_and(|c| c != start.chapeau) {
                    problems.push(format!(
                        "the range {raw:?} runs across paragraphs: left out"
                    ));
                } else if end_value < start.item {
                    problems.push(format!("the range {raw:?} runs backwards: left out"));
                } else if end_value - start.item > MAX_RANGE {
                    problems.push(format!(
                        "the range {raw:?} is longer than {MAX_RANGE}: left out"
                    ));
                } else {
                    items.extend((start.item..=end_value).map(|item| Paragraph {
                        chapeau: start.chapeau,
                        item,
                    }));
                }
            }
            None => items.push(start),
        }
    }
    // A final full stop ends the list.
    if text[consumed..].starts_with('.') && text[consumed + 1..].trim().is_empty() {
        consumed = text.len();
    }
    ParsedList {
        items,
        consumed,
        problems,
    }
}

/// Each recommendation's one position, with warnings for those listed twice, under both
/// positions, or in no list, and for totals that differ from those stated.
fn positions(
    lists: &[PositionList],
    stated: &StatedTotals,
    warnings: &mut Vec<Warning>,
) -> BTreeMap<Paragraph, Response> {
    let mut listed: BTreeMap<Paragraph, Vec<&PositionList>> = BTreeMap::new();
    for list in lists {
        for paragraph in &list.listed {
            listed.entry(*paragraph).or_default().push(list);
        }
    }
    let mut positions = BTreeMap::new();
    for (paragraph, in_lists) in &listed {
        let first = in_lists[0];
        if let Some(other) = in_lists.iter().find(|l| l.response != first.response) {
            warnings.push(Warning {
                source: other.source.clone(),
                message: format!(
                    "{paragraph} is listed as {} (paragraph {}) and as {} (paragraph {}): no \
                     position is taken for it",
                    first.response.slug(),
                    first.paragraph,
                    other.response.slug(),
                    other.paragraph
                ),
            });
            continue;
        }
        if in_lists.len() > 1 {
            let where_: Vec<String> = in_lists.iter().map(|l| l.paragraph.to_string()).collect();
            warnings.push(Warning {
                source: in_lists[1].source.clone(),
                message: format!(
                    "{paragraph} is listed {} times as {} (paragraphs {})",
                    in_lists.len(),
                    first.response.slug(),
                    where_.join(", ")
                ),
            });
        }
        positions.insert(*paragraph, first.response);
    }
    let source = lists[0].source.clone();
    let chapeaux: std::collections::BTreeSet<u32> = listed.keys().map(|p| p.chapeau).collect();
    if let (Some(received), [chapeau]) = (
        stated.received,
        chapeaux.iter().copied().collect::<Vec<_>>().as_slice(),
    ) && received <= MAX_RANGE
    {
        for item in 1..=received {
            let paragraph = Paragraph {
                chapeau: *chapeau,
                item,
            };
            if !listed.contains_key(&paragraph) {
                warnings.push(Warning {
                    source: source.clone(),
                    message: format!(
                        "{paragraph} is in no list, though the addendum says {received} \
                         recommendations were received"
                    ),
                });
            }
        }
        for paragraph in listed.keys().filter(|p| p.item > received) {
            warnings.push(Warning {
                source: source.clone(),
                message: format!(
                    "{paragraph} is listed, though the addendum says {received} recommendations \
                     were received"
                ),
            });
        }
    }
    for (response, total) in [
        (Response::Supported, stated.supported),
        (Response::Noted, stated.noted),
    ] {
        let counted = positions.values().filter(|r| **r == response).count();
        if let Some(total) = total
            && total as usize != counted
        {
            warnings.push(Warning {
                source: source.clone(),
                message: format!(
                    "the addendum says {total} are {}, its lists give {counted}",
                    response.slug()
                ),
            });
        }
    }
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<String> {
        parse_list(text)
            .items
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn lists_read_as_typed() {
        assert_eq!(
            items("140.7, 140.8. 140.9 and 140.10."),
            ["140.7", "140.8", "140.9", "140.10"]
        );
        assert_eq!(items("140.5-7"), ["140.5", "140.6", "140.7"]);
        assert_eq!(
            items("140.3–140.5, 9"),
            ["140.3", "140.4", "140.5", "140.9"]
        );
        assert_eq!(items("140.1 to 140.2"), ["140.1", "140.2"]);
        assert_eq!(items("140.120, 209"), ["140.120", "140.209"]);
        assert_eq!(items("140.253 and wishes to provide 2 things"), ["140.253"]);
        assert!(items("12 of them").is_empty());
        let backwards = parse_list("140.9-3, 140.12");
        assert_eq!(backwards.items.len(), 1);
        assert_eq!(backwards.problems.len(), 1);
        let long = parse_list("140.1-999999");
        assert!(long.items.is_empty() && !long.problems.is_empty());
        assert!(parse_list("140.1-141.3").items.is_empty());
    }

    #[test]
    fn positions_read_from_their_words() {
        assert_eq!(
            position_of("The Government accepts the following recommendations:"),
            Some(Response::Supported)
        );
        assert_eq!(
            position_of("The Government takes note of recommendations"),
            Some(Response::Noted)
        );
        assert_eq!(
            position_of("does not support recommendations"),
            Some(Response::Noted)
        );
        assert_eq!(position_of("Slovenia received"), None);
    }

    fn addendum(body: &str) -> Vec<String> {
        vec![
            "        United Nations                        A/HRC/59/15/Add.1\n\
             \n\
                     Report of the Working Group on the Universal Periodic\n\
                     Review*\n\
             \n\
                     Slovenia\n\
             \n\
                     Addendum\n\
             \n\
             GE.25-05640 (E)\n"
                .to_owned(),
            format!("A/HRC/59/15/Add.1\n{body}\n\n2\n"),
        ]
    }

    const BODY: &str = "
        2.   Slovenia received 6 recommendations, of which 4
        are supported and 2 noted.
   I. Accepted recommendations
        3.   The Government accepts the following recommendations: 140.1, 140.2.
        140.3-4, 140.6.
        140.2, 4
               Already done.
  III. Noted recommendations
        4.   The Government takes note of recommendations 140.4, 140.5
        and wishes to provide the following information:
        140.2
               Not a priority.
";

    #[test]
    fn an_addendum_gives_positions_and_reports_what_does_not_add_up() {
        let a = parse("add.pdf", &addendum(BODY), Resolver::builtin()).unwrap();
        assert_eq!(a.symbol, "A/HRC/59/15/Add.1");
        assert_eq!(a.report, "A/HRC/59/15");
        assert_eq!(a.reviewed, "SVN");
        assert_eq!(
            a.stated,
            StatedTotals {
                received: Some(6),
                supported: Some(4),
                noted: Some(2)
            }
        );
        let p = |s: &str| s.parse::<Paragraph>().unwrap();
        // 140.4 is in both lists: no position.
        assert_eq!(a.positions.get(&p("140.4")), None);
        assert_eq!(a.positions.get(&p("140.6")), Some(&Response::Supported));
        assert_eq!(a.positions.get(&p("140.5")), Some(&Response::Noted));
        assert_eq!(a.count(Response::Supported), 4);
        let messages: Vec<String> = a.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            messages.iter().any(|m| m
                .contains("140.4 is listed as supported (paragraph 3) and as noted (paragraph 4)")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("the addendum says 2 are noted, its lists give 1"))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("add.pdf, page 2, line"))
        );
        // The comments, with the part they stand in; 140.2's second comment is in the noted part.
        assert_eq!(a.comments.len(), 2);
        assert_eq!(a.comments[0].paragraphs, [p("140.2"), p("140.4")]);
        assert_eq!(a.comments[0].text, "Already done.");
        assert!(
            messages
                .iter()
                .any(|m| m.contains("the comment on 140.2 stands in the part of the noted")),
            "{messages:?}"
        );
    }

    #[test]
    fn a_number_in_no_list_is_named() {
        let body = BODY.replace("140.6.", "140.7.");
        let a = parse("add.pdf", &addendum(&body), Resolver::builtin()).unwrap();
        let messages: Vec<String> = a.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            messages.iter().any(|m| m.contains("140.6 is in no list")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("140.7 is listed, though"))
        );
    }

    #[test]
    fn a_report_is_not_an_addendum() {
        let pages = vec!["A/HRC/59/15\nReport of the Working Group\n".to_owned()];
        assert!(matches!(
            parse("wg.pdf", &pages, Resolver::builtin()),
            Err(OhchrError::NotRecognised { .. })
        ));
    }
}
