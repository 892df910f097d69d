//! The body of a report as plain text that the secretariat edits in a text box before the
//! report is published: [`to_markup`] writes it, [`apply_markup`] reads the edited text back
//! into a report.
//!
//! # Writing the text
//!
//! The text holds the report's body only; the heading of the document (symbol, date, session),
//! its title and subtitle and the closing note are kept as generated.
//!
//! Leave an empty line between two parts of the report. Each part is one of these:
//!
//! - **A heading**: a line that starts with `#` and a space. `# Introduction` is a chapter
//!   heading, `## Access to justice` a section heading under it. Up to six `#` are accepted
//!   (`###` and deeper are printed alike in the PDF). A heading must have some text.
//! - **A paragraph**: any other lines. A paragraph may be written on several lines; they are
//!   joined into one with a space between them. To write a paragraph in a language other than
//!   the report's, so that it is laid out in that language's direction, start it with `@ar `
//!   (Arabic) or `@en ` (English), exactly so: the at sign, the two letters, a space.
//! - **A list**: lines that each start with `-` and a space, one line per item, one after the
//!   other. A line that does not start with `- ` ends the list.
//! - **A table or a chart** of the generated report: `[[table 2]]` stands for its second table,
//!   `[[chart 1]]` for its first chart, on a line of its own. Tables and charts are counted from
//!   1, in the order of the generated report. Their figures come from the platform's records and
//!   cannot be edited as text: move the line to move the table, delete it to leave the table
//!   out.
//!
//! A line that starts with a backslash (`\`) is always text of a paragraph, and the backslash is
//! not printed: `\# 1 priority` is a paragraph that begins with "# 1 priority", not a heading.
//! The written text uses this for a paragraph that would otherwise read as a heading, list,
//! table, chart or language mark.
//!
//! Spaces at the start and end of each line are ignored. The text may be at most 400,000 bytes
//! long (about 200,000 Arabic letters, or 400,000 Latin ones).
//!
//! ```text
//! # I. Introduction
//!
//! 1. The present report is submitted pursuant to paragraph 30 of
//! Human Rights Council resolution 56/2.
//!
//! [[chart 1]]
//!
//! [[table 1]]
//!
//! @ar «المحاكم بعيدة عن المناطق الريفية.»
//!
//! - First recommendation
//! - Second recommendation
//! ```
//!
//! A mistake is reported with the number of its line (counted from 1) and what is wrong:
//! a table or chart the report does not have, a `[[…]]` line that is neither, a heading
//! without text, a list item without text, a text with nothing in it, or a text that is too
//! long.
//!
//! # What the written text leaves out
//!
//! A report's texts are written on one line each: a line break inside a paragraph, heading or
//! list item becomes a space. Parts with no text (an empty paragraph, heading or list item) are
//! left out. Heading levels beyond 1–6 are written as the nearest of them. A paragraph in a
//! language the text has no mark for (a French quotation, marked only as left to right) is
//! written without a mark; it keeps its language when read back if its text is left exactly as
//! it was, and loses it when edited. Reading back what [`to_markup`] wrote and writing it again
//! gives the same text (as long as the report has a part with text and the text is within the
//! size limit).

use std::collections::HashMap;

use crate::document::{Block, Language, Report};

/// The longest text [`apply_markup`] reads, in bytes.
pub const MAX_MARKUP_BYTES: usize = 400_000;

/// The deepest heading the text writes (`######`).
const MAX_LEVEL: usize = 6;

/// A mistake in an edited text: where it is and what is wrong, for the person who edits it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct MarkupError {
    /// The line the mistake is on, counted from 1.
    pub line: usize,
    pub message: String,
}

/// The body of `report` as text to edit: see the [module](self) for its form.
pub fn to_markup(report: &Report) -> String {
    let (mut tables, mut charts) = (0usize, 0usize);
    let mut parts: Vec<String> = Vec::with_capacity(report.blocks.len());
    for block in &report.blocks {
        match block {
            Block::Heading { level, text } => {
                let text = one_line(text);
                if !text.is_empty() {
                    let level = usize::from(*level).clamp(1, MAX_LEVEL);
                    parts.push(format!("{} {text}", "#".repeat(level)));
                }
            }
            Block::Paragraph { text, lang } => {
                let text = one_line(text);
                if text.is_empty() {
                    continue;
                }
                match lang_mark(*lang) {
                    Some(mark) => parts.push(format!("{mark}{text}")),
                    None if needs_escape(&text) => parts.push(format!("\\{text}")),
                    None => parts.push(text.into_owned()),
                }
            }
            Block::List(items) => {
                let lines: Vec<String> = items
                    .iter()
                    .map(|item| one_line(item))
                    .filter(|item| !item.is_empty())
                    .map(|item| format!("- {item}"))
                    .collect();
                if !lines.is_empty() {
                    parts.push(lines.join("\n"));
                }
            }
            Block::Table { .. } => {
                tables += 1;
                parts.push(format!("[[table {tables}]]"));
            }
            Block::Bars(_) => {
                charts += 1;
                parts.push(format!("[[chart {charts}]]"));
            }
        }
    }
    let mut out = parts.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// `base` with the body `text` gives (see the [module](self) for its form): its language,
/// masthead, title, subtitle and colophon, and the blocks of the text, tables and charts copied
/// from `base`.
pub fn apply_markup(base: &Report, text: &str) -> Result<Report, MarkupError> {
    if text.len() > MAX_MARKUP_BYTES {
        let line = 1 + text.as_bytes()[..MAX_MARKUP_BYTES]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        return Err(MarkupError {
            line,
            message: format!(
                "the text is {} bytes long, and at most {} are accepted; the limit is passed on \
                 this line",
                thousands(text.len()),
                thousands(MAX_MARKUP_BYTES),
            ),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let tables: Vec<&Block> = base
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table { .. }))
        .collect();
    let charts: Vec<&Block> = base
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Bars(_)))
        .collect();

    let mut blocks = Vec::new();
    let mut open = Open::Nothing;
    for (i, line) in text.split('\n').enumerate() {
        let number = i + 1;
        let error = |message: String| MarkupError {
            line: number,
            message,
        };
        match classify(line.trim()) {
            Line::Blank => open.close(&mut blocks),
            Line::Heading { level, text } => {
                open.close(&mut blocks);
                blocks.push(Block::Heading {
                    level,
                    text: text.to_owned(),
                });
            }
            Line::EmptyHeading => {
                return Err(error(
                    "this heading has no text: write it after the \"#\" and a space, or delete \
                     the line"
                        .to_owned(),
                ));
            }
            Line::TooDeep(hashes) => {
                return Err(error(format!(
                    "a heading starts with at most {MAX_LEVEL} \"#\", and this line has \
                     {hashes}; to begin a paragraph with \"#\", put a backslash (\\) before it"
                )));
            }
            Line::Item(item) => {
                if item.is_empty() {
                    return Err(error(
                        "this list item has no text: write it after the \"-\" and a space, or \
                         delete the line"
                            .to_owned(),
                    ));
                }
                match &mut open {
                    Open::List(items) => items.push(item.to_owned()),
                    _ => {
                        open.close(&mut blocks);
                        open = Open::List(vec![item.to_owned()]);
                    }
                }
            }
            Line::Marker(marker) => {
                open.close(&mut blocks);
                blocks.push(copied(marker, &tables, &charts).map_err(error)?);
            }
            Line::Text { text, escaped } => match &mut open {
                Open::Paragraph { text: joined, .. } => {
                    if !text.is_empty() {
                        if !joined.is_empty() {
                            joined.push(' ');
                        }
                        joined.push_str(text);
                    }
                }
                _ => {
                    open.close(&mut blocks);
                    let (lang, text) = match (escaped, read_lang_mark(text)) {
                        (false, Some((lang, rest))) => (Some(lang), rest),
                        _ => (None, text),
                    };
                    open = Open::Paragraph {
                        text: text.to_owned(),
                        lang,
                    };
                }
            },
        }
    }
    open.close(&mut blocks);
    if blocks.is_empty() {
        return Err(MarkupError {
            line: 1,
            message: "the text has nothing in it: a report needs at least one heading, \
                      paragraph, list, table or chart"
                .to_owned(),
        });
    }
    keep_unmarked_languages(base, &mut blocks);
    Ok(Report {
        language: base.language,
        masthead: base.masthead.clone(),
        title: base.title.clone(),
        subtitle: base.subtitle.clone(),
        blocks,
        colophon: base.colophon.clone(),
    })
}

/// The paragraph or list being read.
enum Open {
    Nothing,
    Paragraph {
        text: String,
        lang: Option<Language>,
    },
    List(Vec<String>),
}

impl Open {
    /// Ends the paragraph or list being read, adding it to `blocks` (a paragraph only if it
    /// has text: a line of a lone backslash has none).
    fn close(&mut self, blocks: &mut Vec<Block>) {
        match std::mem::replace(self, Open::Nothing) {
            Open::Nothing => {}
            Open::Paragraph { text, lang } => {
                if !text.is_empty() {
                    blocks.push(Block::Paragraph { text, lang });
                }
            }
            Open::List(items) => blocks.push(Block::List(items)),
        }
    }
}

/// What a trimmed line is.
#[derive(Debug, PartialEq)]
enum Line<'a> {
    Blank,
    Heading {
        level: u8,
        text: &'a str,
    },
    /// `#` to `######` with nothing after.
    EmptyHeading,
    /// More `#` than a heading can have, then a space or nothing.
    TooDeep(usize),
    /// A list item's text (empty for a lone `-`).
    Item(&'a str),
    /// A line starting with `[[`, whole.
    Marker(&'a str),
    /// A line of a paragraph; `escaped` when it began with a backslash (removed here).
    Text {
        text: &'a str,
        escaped: bool,
    },
}

fn classify(line: &str) -> Line<'_> {
    if line.is_empty() {
        return Line::Blank;
    }
    if let Some(rest) = line.strip_prefix('\\') {
        return Line::Text {
            text: rest.trim_start(),
            escaped: true,
        };
    }
    if line.starts_with('#') {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        let rest = &line[hashes..];
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            return if hashes > MAX_LEVEL {
                Line::TooDeep(hashes)
            } else if rest.is_empty() {
                Line::EmptyHeading
            } else {
                Line::Heading {
                    // At most MAX_LEVEL.
                    level: hashes as u8,
                    text: rest.trim(),
                }
            };
        }
    }
    if let Some(rest) = line.strip_prefix('-')
        && (rest.is_empty() || rest.starts_with(char::is_whitespace))
    {
        return Line::Item(rest.trim());
    }
    if line.starts_with("[[") {
        return Line::Marker(line);
    }
    Line::Text {
        text: line,
        escaped: false,
    }
}

/// The marks of the languages a paragraph can be marked with.
const LANG_MARKS: [(&str, Language); 2] = [("@ar ", Language::ARABIC), ("@en ", Language::ENGLISH)];

fn lang_mark(lang: Option<Language>) -> Option<&'static str> {
    let lang = lang?;
    LANG_MARKS
        .iter()
        .find(|(_, l)| *l == lang)
        .map(|(mark, _)| *mark)
}

/// The language a paragraph's first line marks, and the rest of the line.
fn read_lang_mark(line: &str) -> Option<(Language, &str)> {
    LANG_MARKS.iter().find_map(|(mark, lang)| {
        line.strip_prefix(mark)
            .map(|rest| (*lang, rest.trim_start()))
    })
}

/// Whether a paragraph's text (on one line, trimmed, not empty), written as it is, would be read
/// as something else: a heading, list item, table or chart, language mark, a line whose
/// backslash is removed, or (first in the text) a byte order mark that is left out.
fn needs_escape(text: &str) -> bool {
    !matches!(classify(text), Line::Text { escaped: false, .. })
        || read_lang_mark(text).is_some()
        || text.starts_with('\u{feff}')
}

/// A text on one line: line breaks as spaces, trimmed.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\n', '\r']) {
        std::borrow::Cow::Owned(text.replace(['\n', '\r'], " ").trim().to_owned())
    } else {
        std::borrow::Cow::Borrowed(text.trim())
    }
}

/// The table or chart a `[[table N]]` or `[[chart N]]` line names, copied from the base
/// report's.
fn copied(marker: &str, tables: &[&Block], charts: &[&Block]) -> Result<Block, String> {
    let Some(inner) = marker
        .strip_prefix("[[")
        .and_then(|rest| rest.strip_suffix("]]"))
    else {
        return Err(format!(
            "\"{marker}\" is not a table or chart: write [[table N]] or [[chart N]] alone on \
             its line, N counting the report's tables or charts from 1"
        ));
    };
    let words: Vec<&str> = inner.split_whitespace().collect();
    let found = match words.as_slice() {
        [kind, n] if n.bytes().all(|b| b.is_ascii_digit()) => {
            if kind.eq_ignore_ascii_case("table") {
                Some((tables, "table", "tables", *n))
            } else if kind.eq_ignore_ascii_case("chart") {
                Some((charts, "chart", "charts", *n))
            } else {
                None
            }
        }
        _ => None,
    };
    let Some((blocks, one, many, n)) = found else {
        return Err(format!(
            "\"{marker}\" is neither a table nor a chart: write [[table N]] or [[chart N]], N \
             counting the report's tables or charts from 1"
        ));
    };
    // Digits too many for a number name no table either.
    let index = n.parse::<usize>().ok().and_then(|k| k.checked_sub(1));
    match index.and_then(|i| blocks.get(i)) {
        Some(block) => Ok((*block).clone()),
        None => {
            let has = match blocks.len() {
                0 => format!("no {many}"),
                1 => format!("1 {one}"),
                k => format!("{k} {many}"),
            };
            Err(format!(
                "the report has {has}; [[{one} {n}]] names none of them"
            ))
        }
    }
}

/// A paragraph of `base` in a language the text has no mark for, read back unchanged, keeps
/// its language: a paragraph without a mark whose text is that of base's paragraphs of one
/// such language, and of no other paragraph of base.
fn keep_unmarked_languages(base: &Report, blocks: &mut [Block]) {
    // The language an unmarked paragraph of this text takes back; None when its text is also
    // that of a paragraph in another language or in none.
    let mut unmarked: HashMap<std::borrow::Cow<'_, str>, Option<Language>> = HashMap::new();
    for block in &base.blocks {
        if let Block::Paragraph { text, lang } = block {
            let back = lang.filter(|l| lang_mark(Some(*l)).is_none());
            unmarked
                .entry(one_line(text))
                .and_modify(|seen| {
                    if *seen != back {
                        *seen = None;
                    }
                })
                .or_insert(back);
        }
    }
    unmarked.retain(|_, lang| lang.is_some());
    if unmarked.is_empty() {
        return;
    }
    for block in blocks {
        if let Block::Paragraph {
            text,
            lang: lang @ None,
        } = block
            && let Some(back) = unmarked.get(text.as_str())
        {
            *lang = *back;
        }
    }
}

/// A count grouped by thousands: "400,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Column, Masthead};
    use proptest::prelude::*;
    use taawun_charts::{BarRow, BarSpec, Category, Dir, Pattern};

    fn table(caption: &str) -> Block {
        Block::Table {
            caption: Some(caption.into()),
            columns: vec![Column::text("Group"), Column::number("Participants")],
            rows: vec![vec!["States".into(), "12".into()]],
        }
    }

    fn chart(title: &str) -> Block {
        Block::Bars(BarSpec {
            id_prefix: "c".into(),
            title: title.into(),
            description: title.into(),
            dir: Dir::Ltr,
            categories: vec![Category::new("a", "A", "#0072b2", Pattern::Solid)],
            rows: vec![BarRow {
                label: "All".into(),
                counts: vec![7],
            }],
        })
    }

    fn paragraph(text: &str, lang: Option<Language>) -> Block {
        Block::Paragraph {
            text: text.into(),
            lang,
        }
    }

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading {
            level,
            text: text.into(),
        }
    }

    fn base_with(language: Language, blocks: Vec<Block>) -> Report {
        Report {
            language,
            masthead: Masthead {
                issuer: "United Nations".into(),
                symbol: Some("A/HRC/63/21".into()),
                distribution: Some("Distr.: General".into()),
                date: "7 December 2026".into(),
                lines: vec!["Human Rights Council".into()],
            },
            title: "Summary report".into(),
            subtitle: Some("Report of the Office".into()),
            blocks,
            colophon: Some("Drawn up by Taawun.".into()),
        }
    }

    /// A report with three tables and two charts.
    fn base() -> Report {
        base_with(
            Language::ENGLISH,
            vec![
                heading(1, "I. Introduction"),
                paragraph("1. The report.", None),
                chart("Chart one"),
                table("Table one"),
                chart("Chart two"),
                table("Table two"),
                table("Table three"),
            ],
        )
    }

    fn apply(text: &str) -> Result<Vec<Block>, MarkupError> {
        apply_markup(&base(), text).map(|r| r.blocks)
    }

    fn error(text: &str) -> MarkupError {
        apply(text).expect_err("an error")
    }

    #[test]
    fn headings_of_six_levels() {
        let text = "# One\n\n## Two\n\n### Three\n\n###### Six\n\n#\tTab  ";
        assert_eq!(
            apply(text).unwrap(),
            [
                heading(1, "One"),
                heading(2, "Two"),
                heading(3, "Three"),
                heading(6, "Six"),
                heading(1, "Tab"),
            ]
        );
        // Without a space after the "#", a line is text.
        assert_eq!(
            apply("#1 priority\n#hashtag").unwrap(),
            [paragraph("#1 priority #hashtag", None)]
        );
    }

    #[test]
    fn a_paragraphs_lines_are_joined_and_trimmed() {
        let text = "  First line  \r\nsecond   line\r\n\r\n\r\nNext paragraph.\r\n";
        assert_eq!(
            apply(text).unwrap(),
            [
                paragraph("First line second   line", None),
                paragraph("Next paragraph.", None),
            ]
        );
    }

    #[test]
    fn a_heading_or_list_ends_a_paragraph_without_an_empty_line() {
        let text = "Text\n# Heading\nMore text\n- item\nAfter";
        assert_eq!(
            apply(text).unwrap(),
            [
                paragraph("Text", None),
                heading(1, "Heading"),
                paragraph("More text", None),
                Block::List(vec!["item".into()]),
                paragraph("After", None),
            ]
        );
    }

    #[test]
    fn a_run_of_items_is_one_list() {
        let text = "- one\n-  two \n-\tthree\n\n- other list\n-no space is text";
        assert_eq!(
            apply(text).unwrap(),
            [
                Block::List(vec!["one".into(), "two".into(), "three".into()]),
                Block::List(vec!["other list".into()]),
                paragraph("-no space is text", None),
            ]
        );
    }

    #[test]
    fn language_marks() {
        let text = "@ar «المحاكم بعيدة»\n\n@en Courts are far\nfrom rural areas.\n\n\
                    @fr Pas une marque\n\n@ar\n\n@arabic no\n\nFirst\n@ar second line";
        assert_eq!(
            apply(text).unwrap(),
            [
                paragraph("«المحاكم بعيدة»", Some(Language::ARABIC)),
                paragraph("Courts are far from rural areas.", Some(Language::ENGLISH)),
                paragraph("@fr Pas une marque", None),
                paragraph("@ar", None),
                paragraph("@arabic no", None),
                paragraph("First @ar second line", None),
            ]
        );
    }

    #[test]
    fn a_backslash_makes_a_line_text() {
        let text = "\\# not a heading\n\n\\- not an item\n\n\\[[table 9]]\n\n\\@ar not marked\n\n\
                    \\\\path";
        assert_eq!(
            apply(text).unwrap(),
            [
                paragraph("# not a heading", None),
                paragraph("- not an item", None),
                paragraph("[[table 9]]", None),
                paragraph("@ar not marked", None),
                paragraph("\\path", None),
            ]
        );
    }

    #[test]
    fn markers_copy_the_bases_tables_and_charts() {
        let text = "[[table 3]]\n\n[[chart 2]]\n[[table 1]]\n\n[[ Table 1 ]]\n\n[[CHART 1]]";
        assert_eq!(
            apply(text).unwrap(),
            [
                table("Table three"),
                chart("Chart two"),
                table("Table one"),
                table("Table one"),
                chart("Chart one"),
            ]
        );
    }

    #[test]
    fn the_result_keeps_the_bases_heading_and_takes_the_new_blocks() {
        let base = base();
        let report = apply_markup(&base, "# New\n\nText.").unwrap();
        assert_eq!(
            report,
            Report {
                blocks: vec![heading(1, "New"), paragraph("Text.", None)],
                ..base
            }
        );
    }

    #[test]
    fn a_marker_naming_no_table_is_an_error() {
        let text = "# Title\n\nText\n\n[[table 7]]";
        assert_eq!(
            error(text),
            MarkupError {
                line: 5,
                message: "the report has 3 tables; [[table 7]] names none of them".into(),
            }
        );
        assert_eq!(
            error("[[chart 3]]").message,
            "the report has 2 charts; [[chart 3]] names none of them"
        );
        assert_eq!(
            error("[[table 0]]").message,
            "the report has 3 tables; [[table 0]] names none of them"
        );
        assert!(
            error("[[table 99999999999999999999999999]]")
                .message
                .contains("names none of them")
        );
        let one = base_with(Language::ENGLISH, vec![table("Only")]);
        assert_eq!(
            apply_markup(&one, "[[table 2]]").unwrap_err().message,
            "the report has 1 table; [[table 2]] names none of them"
        );
        assert_eq!(
            apply_markup(&one, "[[chart 1]]").unwrap_err().message,
            "the report has no charts; [[chart 1]] names none of them"
        );
    }

    #[test]
    fn an_unknown_marker_is_an_error() {
        for (text, line) in [
            ("[[figure 1]]", 1),
            ("Text\n\n[[table]]", 3),
            ("[[table one]]", 1),
            ("[[table 1 2]]", 1),
            ("[[]]", 1),
            ("\n[[table -1]]", 2),
        ] {
            let e = error(text);
            assert_eq!(e.line, line, "{text}");
            assert!(
                e.message.contains("is neither a table nor a chart"),
                "{text}: {e}"
            );
        }
        let e = error("[[table 1]] and text");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("alone on its line"), "{e}");
        assert!(error("[[table 1]").message.contains("alone on its line"));
    }

    #[test]
    fn a_heading_without_text_is_an_error() {
        for (text, line) in [("#", 1), ("Text\n\n## ", 3), ("###### \r\n", 1)] {
            let e = error(text);
            assert_eq!(e.line, line, "{text}");
            assert!(e.message.contains("heading has no text"), "{e}");
        }
        let e = error("ok\n####### Seven");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("at most 6"), "{e}");
    }

    #[test]
    fn an_item_without_text_is_an_error() {
        let e = error("- one\n-\n- three");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("list item has no text"), "{e}");
    }

    #[test]
    fn an_empty_text_is_an_error() {
        for text in ["", "\n", "  \r\n\t\n", "\u{feff}", "\\"] {
            let e = error(text);
            assert_eq!(e.line, 1, "{text:?}");
            assert!(e.message.contains("has nothing in it"), "{e}");
        }
    }

    #[test]
    fn a_text_too_long_is_an_error() {
        let line = "A line of text.\n";
        let text = line.repeat(MAX_MARKUP_BYTES / line.len() + 1);
        assert!(text.len() > MAX_MARKUP_BYTES);
        let e = error(&text);
        assert_eq!(e.line, MAX_MARKUP_BYTES / line.len() + 1);
        assert!(e.message.contains("at most 400,000"), "{e}");
        // Exactly at the limit is accepted.
        let mut at_limit = line.repeat(MAX_MARKUP_BYTES / line.len());
        at_limit.push_str(&"x".repeat(MAX_MARKUP_BYTES - at_limit.len()));
        assert_eq!(at_limit.len(), MAX_MARKUP_BYTES);
        assert!(apply(&at_limit).is_ok());
    }

    #[test]
    fn an_error_names_its_line() {
        let e = MarkupError {
            line: 12,
            message: "this heading has no text".into(),
        };
        assert_eq!(e.to_string(), "line 12: this heading has no text");
        let boxed: Box<dyn std::error::Error> = Box::new(e);
        assert_eq!(boxed.to_string(), "line 12: this heading has no text");
    }

    #[test]
    fn the_written_text() {
        let report = base_with(
            Language::ARABIC,
            vec![
                heading(1, "أولاً- مقدمة"),
                heading(0, "level 0"),
                heading(9, "level 9"),
                heading(2, "  "),
                paragraph("1- نص\nعلى سطرين", None),
                paragraph("“Courts are far.”", Some(Language::ENGLISH)),
                paragraph("«نص»", Some(Language::ARABIC)),
                paragraph("", Some(Language::ARABIC)),
                paragraph("# looks like a heading", None),
                paragraph("@en looks marked", None),
                paragraph("# but marked", Some(Language::ENGLISH)),
                Block::List(vec!["أ".into(), " ".into(), "ب\r\nج".into()]),
                Block::List(vec![]),
                table("t1"),
                chart("c1"),
                table("t2"),
            ],
        );
        assert_eq!(
            to_markup(&report),
            "# أولاً- مقدمة\n\n# level 0\n\n###### level 9\n\n1- نص على سطرين\n\n\
             @en “Courts are far.”\n\n@ar «نص»\n\n\\# looks like a heading\n\n\
             \\@en looks marked\n\n@en # but marked\n\n- أ\n- ب  ج\n\n[[table 1]]\n\n\
             [[chart 1]]\n\n[[table 2]]\n"
        );
        assert_eq!(to_markup(&base_with(Language::ARABIC, vec![])), "");
        // A byte order mark begins a text box's content only as its encoding's mark: a
        // paragraph that begins with one keeps it behind a backslash.
        let report = base_with(Language::ENGLISH, vec![paragraph("\u{feff}x", None)]);
        assert_eq!(to_markup(&report), "\\\u{feff}x\n");
        assert_eq!(apply_markup(&report, &to_markup(&report)).unwrap(), report);
    }

    #[test]
    fn a_paragraph_edited_in_arabic_round_trips() {
        let base = base_with(
            Language::ARABIC,
            vec![
                heading(1, "أولاً- مقدمة"),
                paragraph("1- يُقدَّم هذا التقرير عملاً بالفقرة 30.", None),
                table("المشاركون"),
                paragraph(
                    "“Courts are far from rural areas.”",
                    Some(Language::ENGLISH),
                ),
            ],
        );
        let text = to_markup(&base);
        let edited = text
            .replace(
                "1- يُقدَّم هذا التقرير عملاً بالفقرة 30.",
                "1- يُقدَّم هذا التقرير، بعد تنقيحه،\r\nعملاً بالفقرة 30 من القرار 56/2.",
            )
            .replace(
                "@en “Courts are far from rural areas.”",
                "@ar «المحاكم بعيدة عن المناطق الريفية.»",
            );
        let report = apply_markup(&base, &edited).unwrap();
        assert_eq!(
            report.blocks,
            [
                heading(1, "أولاً- مقدمة"),
                paragraph(
                    "1- يُقدَّم هذا التقرير، بعد تنقيحه، عملاً بالفقرة 30 من القرار 56/2.",
                    None
                ),
                table("المشاركون"),
                paragraph(
                    "«المحاكم بعيدة عن المناطق الريفية.»",
                    Some(Language::ARABIC)
                ),
            ]
        );
        let again = to_markup(&report);
        assert!(again.contains("\n\n1- يُقدَّم هذا التقرير، بعد تنقيحه، عملاً بالفقرة 30 من"));
        assert!(again.contains("\n\n@ar «المحاكم بعيدة عن المناطق الريفية.»\n"));
        assert_eq!(apply_markup(&base, &again).unwrap(), report);
        assert_eq!(to_markup(&apply_markup(&report, &again).unwrap()), again);
    }

    /// A quotation in a language the text has no mark for keeps it when left as it was, and
    /// loses it when edited.
    #[test]
    fn an_unmarked_language_is_kept_while_the_text_is() {
        let french = "“La coopération régionale”";
        let base = base_with(
            Language::ARABIC,
            vec![
                paragraph(french, Some(Language::UNDETERMINED_LTR)),
                paragraph("שיתוף פעולה", Some(Language::UNDETERMINED_RTL)),
                // The same text in two languages: neither is taken back.
                paragraph("Same", Some(Language::UNDETERMINED_LTR)),
                paragraph("Same", None),
            ],
        );
        let text = to_markup(&base);
        assert_eq!(text, format!("{french}\n\nשיתוף פעולה\n\nSame\n\nSame\n"));
        assert_eq!(
            apply_markup(&base, &text).unwrap().blocks,
            [
                paragraph(french, Some(Language::UNDETERMINED_LTR)),
                paragraph("שיתוף פעולה", Some(Language::UNDETERMINED_RTL)),
                paragraph("Same", None),
                paragraph("Same", None),
            ]
        );
        let edited = apply_markup(&base, &text.replace("régionale", "internationale")).unwrap();
        assert_eq!(
            edited.blocks[0],
            paragraph("“La coopération internationale”", None)
        );
    }

    fn language() -> impl Strategy<Value = Option<Language>> {
        prop_oneof![
            Just(None),
            Just(Some(Language::ARABIC)),
            Just(Some(Language::ENGLISH)),
            Just(Some(Language::UNDETERMINED_LTR)),
            Just(Some(Language::UNDETERMINED_RTL)),
        ]
    }

    /// Texts as a report holds them, and everything the text form reads as more than text.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,30}",
            "[\\p{Arabic}a-zA-Z0-9 #@\\[\\]\\\\\r\n\t-]{0,30}",
            "(#{1,8}|-|@ar|@en|\\\\|\\[\\[table|\\[\\[chart) ?[\\p{Arabic}a-z 0-9\\]#-]{0,12}",
            Just(String::new()),
            Just("[[table 1]]".to_owned()),
            Just("@ar ".to_owned()),
            Just("\\".to_owned()),
        ]
    }

    fn block() -> impl Strategy<Value = Block> {
        prop_oneof![
            (0u8..10, text()).prop_map(|(level, text)| Block::Heading { level, text }),
            (text(), language()).prop_map(|(text, lang)| Block::Paragraph { text, lang }),
            prop::collection::vec(text(), 0..4).prop_map(Block::List),
            text().prop_map(|t| table(&t)),
            text().prop_map(|t| chart(&t)),
        ]
    }

    fn report() -> impl Strategy<Value = Report> {
        (prop::bool::ANY, prop::collection::vec(block(), 0..12)).prop_map(|(arabic, blocks)| {
            let language = if arabic {
                Language::ARABIC
            } else {
                Language::ENGLISH
            };
            base_with(language, blocks)
        })
    }

    /// A report whose texts are as the text form writes them (one line, trimmed, not empty;
    /// levels 1 to 6; languages with a mark or none).
    fn written_report() -> impl Strategy<Value = Report> {
        let line = || {
            text()
                .prop_map(|t| one_line(&t).into_owned())
                .prop_filter("a text", |t| !t.is_empty())
        };
        let lang = prop_oneof![
            Just(None),
            Just(Some(Language::ARABIC)),
            Just(Some(Language::ENGLISH)),
        ];
        let block = prop_oneof![
            (1u8..=6, line()).prop_map(|(level, text)| Block::Heading { level, text }),
            (line(), lang).prop_map(|(text, lang)| Block::Paragraph { text, lang }),
            prop::collection::vec(line(), 1..4).prop_map(Block::List),
            line().prop_map(|t| table(&t)),
            line().prop_map(|t| chart(&t)),
        ];
        prop::collection::vec(block, 1..12).prop_map(|blocks| base_with(Language::ARABIC, blocks))
    }

    /// Lines a person may type, joined as a text box sends them.
    fn typed() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            "\\PC{0,40}",
            text(),
            "\\[\\[(table|chart|Table|x|) ?[0-9]{0,25}\\]\\]",
            Just("# ".to_owned()),
            Just("-".to_owned()),
        ];
        (prop::collection::vec(line, 0..20), prop::bool::ANY)
            .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Any string is read as a report or refused with a line of it, never a panic.
        #[test]
        fn any_text_is_read_or_refused(text in prop_oneof!["\\PC{0,200}", "(?s).{0,200}", typed()]) {
            let base = base();
            match apply_markup(&base, &text) {
                Ok(report) => {
                    prop_assert!(!report.blocks.is_empty());
                    prop_assert_eq!(report.title, base.title);
                }
                Err(e) => {
                    prop_assert!(e.line >= 1);
                    prop_assert!(e.line <= text.split('\n').count().max(1));
                    prop_assert!(!e.message.is_empty());
                }
            }
        }

        /// Reading back the written text and writing it again gives the same text, and the same
        /// tables and charts, for any report with something to write.
        #[test]
        fn the_written_text_is_a_fixed_point(base in report()) {
            let text = to_markup(&base);
            match apply_markup(&base, &text) {
                Ok(read) => {
                    prop_assert_eq!(to_markup(&read), text);
                    let figures = |r: &Report| -> Vec<Block> {
                        r.blocks
                            .iter()
                            .filter(|b| matches!(b, Block::Table { .. } | Block::Bars(_)))
                            .cloned()
                            .collect()
                    };
                    prop_assert_eq!(figures(&read), figures(&base));
                }
                Err(e) => {
                    prop_assert!(text.is_empty(), "{}: {:?}", e, text);
                }
            }
        }

        /// A report whose texts are already on one line comes back exactly as it was.
        #[test]
        fn a_written_report_reads_back_unchanged(base in written_report()) {
            let read = apply_markup(&base, &to_markup(&base));
            prop_assert_eq!(read, Ok(base));
        }
    }
}
