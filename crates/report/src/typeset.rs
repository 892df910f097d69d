//! A report typeset as PDF: written as Typst source, compiled with the fonts built into this
//! crate, exported with typst-pdf (a tagged PDF, so that screen readers and text extraction
//! read it in order).

use std::fmt::Write as _;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::document::{Block, Cells, Column, Language, Report};

/// Why a report could not be typeset.
#[derive(Debug, thiserror::Error)]
#[error("the report could not be typeset: {0}")]
pub struct ReportError(String);

/// The report as a PDF.
pub fn pdf(report: &Report) -> Result<Vec<u8>, ReportError> {
    // Typst's shaper can lose track of a cluster on rare sequences in right-to-left text and
    // panic (typst/typst#8667 is one: a combining mark after a `text(dir: rtl)` span; a pipe
    // followed by a combining mark none of the fonts has is another). A report holds texts
    // people typed, so such a text must cost its report, as an error the caller can show, and
    // never the thread that asked. Nothing is shared with the failed compilation but Typst's
    // memo cache, which only keeps finished results.
    guarded(|| typeset(report))
}

fn guarded(typeset: impl FnOnce() -> Result<Vec<u8>, ReportError>) -> Result<Vec<u8>, ReportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(typeset)).unwrap_or_else(|_| {
        Err(ReportError(
            "the typesetter failed on a sequence of characters in the report's text".into(),
        ))
    })
}

fn typeset(report: &Report) -> Result<Vec<u8>, ReportError> {
    let world = ReportWorld::new(typst_source(report));
    let compiled = typst::compile::<PagedDocument>(&world).output;
    // Typst memoises layout across compilations; a server typesets many different reports, so
    // drop what the last few did not reuse rather than let the cache grow.
    typst::comemo::evict(10);
    let document = compiled.map_err(|errors| ReportError(messages(&errors)))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| ReportError(messages(&errors)))
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The fonts a report is typeset in, read once: Amiri (SIL Open Font License; see
/// `fonts/COPYRIGHT-Amiri`), a Naskh face with Latin letters drawn to match.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let files: [&'static [u8]; 2] = [
        include_bytes!("../fonts/Amiri-Regular.ttf"),
        include_bytes!("../fonts/Amiri-Bold.ttf"),
    ];
    let fonts: Vec<Font> = files
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

impl Fonts {
    fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|font| font.info().coverage.contains(c as u32))
    }
}

fn is_mark(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    matches!(
        c.general_category(),
        GeneralCategory::NonspacingMark | GeneralCategory::EnclosingMark
    )
}

static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// What Typst may see while compiling a report: the report's source and the fonts; no files,
/// no packages, no clock.
struct ReportWorld {
    main: Source,
}

impl ReportWorld {
    fn new(source: String) -> Self {
        ReportWorld {
            main: Source::detached(source),
        }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// A text as a Typst string literal: whatever it holds is shown as text, never read as markup
/// or code. Line breaks are kept; other control characters become spaces.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            // A combining mark none of the fonts has would print as a box, and Typst 0.15's
            // shaper loses the cluster's range when such a mark follows a neutral character at
            // the end of a right-to-left line ("/" or "-" then U+10EFC, an Arabic mark of
            // Unicode 15 that Amiri predates) and panics. The mark is left out of the PDF; the
            // record keeps it, and the HTML page shows it.
            c if is_mark(c) && !FONTS.covers(c) => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn direction(language: Language) -> &'static str {
    if language.rtl { "rtl" } else { "ltr" }
}

/// The Typst source of a report.
pub fn typst_source(report: &Report) -> String {
    let language = report.language;
    let mut out = String::new();
    let end = if language.rtl { "left" } else { "right" };
    let _ = writeln!(
        out,
        "#set document(title: {title})\n\
         #set page(paper: \"a4\", margin: (top: 2.4cm, bottom: 2.4cm, x: 2.2cm), numbering: \"1\")\n\
         #set text(font: \"Amiri\", size: 11pt, lang: {lang}, dir: {dir}, hyphenate: false)\n\
         #set par(justify: true, leading: 0.7em, spacing: 1.1em)\n\
         #show table: set text(size: 9.5pt)\n\
         #show table.cell.where(y: 0): set text(hyphenate: true)\n\
         #set table(align: start + horizon)\n\
         #show figure.where(kind: table): set figure.caption(position: top)\n\
         #show figure.caption: set text(weight: \"bold\")\n\
         #show figure: set block(above: 1.2em, below: 1.2em)\n\
         #show table: set par(justify: false)\n\
         #show heading: set block(above: 1.4em, below: 0.8em)\n\
         #show heading.where(level: 1): set text(size: 14pt)\n\
         #show heading.where(level: 2): set text(size: 12pt)",
        title = literal(&report.title),
        lang = literal(language.code),
        dir = direction(language),
    );
    masthead(&mut out, report, end);
    let _ = writeln!(
        out,
        "#v(1.2em)\n#block(text(size: 16pt, weight: \"bold\", {}))",
        literal(&report.title)
    );
    if let Some(subtitle) = &report.subtitle {
        let _ = writeln!(out, "#block(text(size: 12pt, {}))", literal(subtitle));
    }
    let _ = writeln!(out, "#v(0.8em)");
    for block in &report.blocks {
        write_block(&mut out, block, language);
    }
    if let Some(colophon) = &report.colophon {
        let _ = writeln!(
            out,
            "#v(1.5em)\n#line(length: 30%, stroke: 0.5pt)\n#text(size: 9pt, {})",
            literal(colophon)
        );
    }
    out
}

/// The UN document heading: issuer and symbol on one line over a rule, then the organ, session
/// and agenda item on one side and the distribution and date on the other.
fn masthead(out: &mut String, report: &Report, end: &str) {
    let m = &report.masthead;
    let symbol = m.symbol.as_deref().map_or_else(
        || "[]".to_owned(),
        // A symbol reads left to right in every language ("A/HRC/63/12", never reordered).
        |s| {
            format!(
                "text(size: 15pt, weight: \"bold\", dir: ltr, {})",
                literal(s)
            )
        },
    );
    let _ = writeln!(
        out,
        "#grid(columns: (1fr, auto), align: (start + bottom, {end} + bottom),\n  \
         text(size: 13pt, weight: \"bold\", {issuer}),\n  {symbol})\n\
         #line(length: 100%, stroke: 1.2pt)",
        issuer = literal(&m.issuer),
    );
    let mut side = Vec::new();
    if let Some(d) = &m.distribution {
        side.push(literal(d));
    }
    side.push(literal(&m.date));
    let lines: Vec<String> = m.lines.iter().map(|l| literal(l)).collect();
    let _ = writeln!(
        out,
        "#grid(columns: (1fr, auto), column-gutter: 1em, align: (start + top, start + top),\n  \
         stack(spacing: 0.5em, {lines}),\n  stack(spacing: 0.5em, {side}))\n\
         #line(length: 100%, stroke: 0.5pt)",
        lines = if lines.is_empty() {
            "[]".to_owned()
        } else {
            lines.join(", ")
        },
        side = side.join(", "),
    );
}

fn write_block(out: &mut String, block: &Block, language: Language) {
    match block {
        Block::Heading { level, text } => {
            let _ = writeln!(
                out,
                "#heading(level: {}, {})",
                (*level).clamp(1, 3),
                literal(text)
            );
        }
        Block::Paragraph { text, lang } => match lang {
            Some(other) if *other != language => {
                let _ = writeln!(
                    out,
                    "#block(width: 100%, text(lang: {}, dir: {}, par({})))",
                    literal(other.code),
                    direction(*other),
                    literal(text)
                );
            }
            _ => {
                let _ = writeln!(out, "#par({})", literal(text));
            }
        },
        Block::List(items) => {
            if items.is_empty() {
                return;
            }
            let items: Vec<String> = items.iter().map(|i| literal(i)).collect();
            let _ = writeln!(out, "#list({})", items.join(", "));
        }
        Block::Table {
            caption,
            columns,
            rows,
        } => table(out, caption.as_deref(), columns, rows, language),
        Block::Bars(spec) => bars(out, spec, language),
    }
}

fn table(
    out: &mut String,
    caption: Option<&str>,
    columns: &[Column],
    rows: &[Vec<String>],
    language: Language,
) {
    if columns.is_empty() {
        return;
    }
    let cell = |column: &Column, text: &str| match column.cells {
        Cells::Text => literal(text),
        Cells::Number => format!(
            "align({}, text(dir: ltr, {}))",
            if language.rtl { "left" } else { "right" },
            literal(text)
        ),
        Cells::Foreign(other) => format!(
            "align({}, text(lang: {}, dir: {}, {}))",
            if other.rtl { "right" } else { "left" },
            literal(other.code),
            direction(other),
            literal(text)
        ),
    };
    // A figure column is as wide as its widest cell, the text columns share the rest — unless
    // the table has so many columns that their headers would leave the text nothing: then each
    // column has its share of the width (text columns three), and headers wrap.
    let wide = columns.len() > 5;
    let widths: Vec<&str> = columns
        .iter()
        .map(|c| match (c.cells, wide) {
            (Cells::Number, false) => "auto",
            (Cells::Number, true) => "1fr",
            (Cells::Text | Cells::Foreign(_), false) => "1fr",
            (Cells::Text | Cells::Foreign(_), true) => "3fr",
        })
        .collect();
    let mut cells = Vec::new();
    let head: Vec<String> = columns
        .iter()
        .map(|c| format!("text(weight: \"bold\", {})", literal(&c.header)))
        .collect();
    cells.push(format!("table.header({})", head.join(", ")));
    for row in rows {
        for (i, column) in columns.iter().enumerate() {
            cells.push(cell(column, row.get(i).map_or("", String::as_str)));
        }
    }
    let table = format!(
        "table(columns: ({},), inset: 0.45em, stroke: 0.4pt + luma(60%),\n  {})",
        widths.join(", "),
        cells.join(",\n  ")
    );
    match caption {
        Some(c) => {
            let _ = writeln!(
                out,
                "#figure({table}, caption: {}, kind: table, supplement: none, numbering: none)",
                literal(c)
            );
        }
        None => {
            let _ = writeln!(out, "#{table}");
        }
    }
}

/// Stacked horizontal bars, one per row, segments in the categories' colours, and a legend.
/// Colours are checked and written as numbers, never as text from the spec.
fn bars(out: &mut String, spec: &crate::document::BarSpec, language: Language) {
    let fills: Vec<String> = spec
        .categories
        .iter()
        .map(|c| {
            taawun_charts::parse_colour(&c.colour).map_or_else(
                |_| "luma(50%)".to_owned(),
                |[r, g, b]| format!("rgb({r}, {g}, {b})"),
            )
        })
        .collect();
    let dir = direction(language);
    let _ = writeln!(
        out,
        "#block(breakable: false, width: 100%)[\n#text(weight: \"bold\", {})",
        literal(&spec.title)
    );
    let legend: Vec<String> = spec
        .categories
        .iter()
        .zip(&fills)
        .map(|(c, fill)| {
            format!(
                "box(rect(width: 0.8em, height: 0.8em, fill: {fill}, stroke: none)) + h(0.3em) + text(size: 9pt, {})",
                literal(&c.label)
            )
        })
        .collect();
    if !legend.is_empty() {
        let _ = writeln!(out, "#par({})", legend.join(" + h(1em) + "));
    }
    let mut cells = Vec::new();
    for row in &spec.rows {
        let total: u64 = row.counts.iter().sum();
        let segments: Vec<String> = row
            .counts
            .iter()
            .zip(&fills)
            .filter(|(n, _)| **n > 0)
            .map(|(n, fill)| {
                let share = *n as f64 * 100.0 / total as f64;
                format!("rect(width: {share:.3}%, height: 100%, fill: {fill}, stroke: none)")
            })
            .collect();
        cells.push(format!("text(size: 10pt, {})", literal(&row.label)));
        cells.push(format!(
            "box(width: 100%, height: 1em, stroke: 0.4pt + luma(60%), stack(dir: {dir}, {}))",
            segments.join(", ")
        ));
    }
    if !cells.is_empty() {
        let _ = writeln!(
            out,
            "#grid(columns: (35%, 1fr), column-gutter: 0.8em, row-gutter: 0.5em, align: horizon,\n  {})",
            cells.join(",\n  ")
        );
    }
    let _ = writeln!(out, "]");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Masthead, Report};
    use proptest::prelude::*;

    fn report(text: &str) -> Report {
        Report {
            language: Language::ARABIC,
            masthead: Masthead {
                issuer: "الأمم المتحدة".into(),
                symbol: Some("A/HRC/63/12".into()),
                distribution: Some("التوزيع: عام".into()),
                date: "7 كانون الأول/ديسمبر 2026".into(),
                lines: vec!["مجلس حقوق الإنسان".into(), "الدورة الثالثة والستون".into()],
            },
            title: text.into(),
            subtitle: None,
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: text.into(),
                },
                Block::Paragraph {
                    text: text.into(),
                    lang: None,
                },
                Block::Paragraph {
                    text: text.into(),
                    lang: Some(Language::ENGLISH),
                },
                Block::List(vec![text.into()]),
                Block::Table {
                    caption: Some(text.into()),
                    columns: vec![
                        Column::text(text),
                        Column::number("n"),
                        Column::foreign("en", Language::ENGLISH),
                    ],
                    rows: vec![vec![text.into(), "12".into(), text.into()]],
                },
                Block::Bars(crate::BarSpec {
                    id_prefix: "t".into(),
                    title: text.into(),
                    description: text.into(),
                    dir: taawun_charts::Dir::Rtl,
                    categories: vec![
                        taawun_charts::Category::new(
                            "a",
                            text,
                            "#0072b2",
                            taawun_charts::Pattern::Solid,
                        ),
                        taawun_charts::Category::new(
                            "b",
                            "b",
                            "not a colour",
                            taawun_charts::Pattern::Dots,
                        ),
                    ],
                    rows: vec![
                        taawun_charts::BarRow {
                            label: text.into(),
                            counts: vec![3, 1],
                        },
                        taawun_charts::BarRow {
                            label: "none".into(),
                            counts: vec![0, 0],
                        },
                    ],
                }),
            ],
            colophon: Some(text.into()),
        }
    }

    #[test]
    fn a_literal_holds_the_text_and_nothing_else() {
        assert_eq!(literal(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(literal("x\ny\u{7}"), r#""x\ny ""#);
        assert_eq!(literal("#set text(red)"), r##""#set text(red)""##);
    }

    #[test]
    fn an_arabic_report_is_a_pdf() {
        let bytes = pdf(&report("تقرير منتصف المدة")).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.len() > 1_000);
    }

    #[test]
    fn marks_no_font_has_are_left_out_and_the_report_typesets() {
        // A neutral character, then a combining mark that no built-in font has (Ol Onal, of
        // Unicode 16; an Arabic mark of Unicode 15), ending a right-to-left line: Typst 0.15
        // loses the cluster's range on these.
        assert_eq!(literal("|\u{1e5ee}\u{64e}"), "\"|\u{64e}\"");
        // Through the report, the uncovered mark is left out and the report typesets.
        assert!(pdf(&report("|\u{1e5ee}")).is_ok());
        assert!(pdf(&report("-\u{10efc}")).is_ok());
    }

    #[test]
    fn a_typesetter_panic_is_an_error() {
        let outcome = guarded(|| panic!("shaping lost a cluster"));
        let message = outcome.unwrap_err().to_string();
        assert!(message.contains("could not be typeset"), "{message}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Whatever a report's texts hold — any character of any script — typesetting ends in a
        /// PDF or an error, never a panic.
        #[test]
        fn any_text_ends_in_a_pdf_or_an_error(text in "\\PC{0,60}") {
            let _ = pdf(&report(&text));
        }

        /// Text in the scripts the fonts are made for — Arabic with its marks, Latin, digits,
        /// punctuation and everything Typst would read as markup or code — always typesets: no
        /// text is read as Typst.
        #[test]
        fn arabic_and_latin_text_typesets(
            text in "[\\p{Arabic}\\p{Latin}0-9 .,;:!?()'|%&+#\\[\\]\"\\\\$*_`<>@=~/-]{0,60}"
        ) {
            prop_assert!(pdf(&report(&text)).is_ok());
        }
    }
}
