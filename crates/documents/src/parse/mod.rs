//! From a resolution's text to a [`Resolution`].
//!
//! The text is what PDF extraction gives: one line per paragraph or per visual line, page
//! bottoms with footnote texts between paragraphs, page furniture (page numbers, the symbol
//! repeated, job numbers), OCR damage. The parser reads it line by line in three phases —
//! header, paragraphs (preamble, then operative), footer (meeting, adoption note) — and
//! then reads each paragraph for references, footnote markers and mandates. It repairs what it
//! safely can and records every repair as a [`Warning`]; it never panics and its running time
//! is linear in the text.

mod arabic;
mod english;
mod footnotes;
mod header;
mod mandates;
mod references;
mod vote;

use header::Header;

use std::borrow::Cow;
use std::collections::HashSet;

use taawun_states::Resolver;
use thiserror::Error;

use crate::MAX_DOCUMENT_BYTES;
use crate::model::{Body, Footnote, Mandate, Paragraph, Reference, Resolution, TextKind, Warning};
use crate::normalize::{Folded, fold_word, normalize_for_search};
use crate::symbols::{self, Context, Direction, Issuer};

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ParseError {
    #[error("not a resolution: {}", describe_missing(missing))]
    NotAResolution { missing: Vec<&'static str> },
    #[error("the text is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
}

fn describe_missing(missing: &[&'static str]) -> String {
    let parts: Vec<&str> = missing
        .iter()
        .map(|m| match *m {
            "symbol" => "no resolution number or symbol",
            "paragraphs" => "no operative paragraphs",
            other => other,
        })
        .collect();
    format!("{} found", parts.join(", "))
}

/// The language of the text: its conventions decide how lines are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    Ar,
    En,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }
}

pub(crate) fn warning(code: &str, location: impl Into<String>, message: String) -> Warning {
    Warning {
        code: code.to_owned(),
        location: location.into(),
        message,
    }
}

/// Arabic when most letters are Arabic letters, English otherwise.
///
/// Counted on bytes, which is exact enough and runs at memory speed: a character of the Arabic
/// block starts with a byte D8..DB, an Arabic presentation form with EF AD..EF BB; other
/// letters are ASCII letters or start with C3..D7 (Latin with diacritics, Greek, Cyrillic,
/// Hebrew).
fn detect_language(text: &str) -> Lang {
    let bytes = text.as_bytes();
    let (mut arabic, mut other) = (0usize, 0usize);
    for (i, b) in bytes.iter().enumerate() {
        match b {
            0xD8..=0xDB => arabic += 1,
            0xEF if matches!(bytes.get(i + 1), Some(0xAD..=0xBB)) => arabic += 1,
            b'A'..=b'Z' | b'a'..=b'z' | 0xC3..=0xD7 => other += 1,
            _ => {}
        }
    }
    if arabic > other { Lang::Ar } else { Lang::En }
}

/// Parses a resolution's text (Arabic or English) into a [`Resolution`]; see the crate
/// documentation for what it yields and the warnings it gives. The error says what made the text
/// not a resolution.
pub fn parse_resolution(text: &str, resolver: &Resolver) -> Result<Resolution, ParseError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ParseError::TooLarge {
            size: text.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let lang = detect_language(text);
    let lines: Vec<(usize, Cow<str>)> = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, clean_line(line)))
        .collect();
    let mut warnings = Vec::new();

    let (header_end, body_start, enacting_body) = split_header(&lines, lang);
    // A PDF's layout sets the header in two columns ("United Nations      A/HRC/DEC/59/112"):
    // each column is a header line of its own.
    let header_lines: Vec<(usize, &str)> = lines[..header_end]
        .iter()
        .filter(|(_, l)| !l.is_empty() && !is_page_furniture(l))
        .flat_map(|(n, l)| columns(l).map(move |cell| (*n, cell)))
        .collect();
    let header = header::parse(&header_lines, &mut warnings);

    let mut layout = Layout::new(lang, header.decision);
    for (number, line) in &lines[body_start..] {
        layout.line(*number, line);
    }
    warnings.append(&mut layout.warnings);
    let footer = read_footer(
        &layout.footer,
        &layout.awaiting,
        lang,
        resolver,
        &mut warnings,
    );
    layout
        .footnote_texts
        .extend(footer.footnote_texts.iter().cloned());

    let identity = identify(&header, enacting_body, lang, &mut warnings);
    let kind = if header.decision || identity.as_ref().is_some_and(|i| is_decision(&i.symbol)) {
        TextKind::Decision
    } else {
        TextKind::Resolution
    };
    let mut missing = Vec::new();
    if identity.is_none() {
        missing.push("symbol");
    }
    if layout.operative.is_empty() {
        missing.push("paragraphs");
    }
    let (Some(identity), true) = (identity, missing.is_empty()) else {
        return Err(ParseError::NotAResolution { missing });
    };

    // Footnotes: markers in paragraphs, texts from the page bottoms.
    let markers: Vec<(u32, String)> = paragraphs_with_locations(&layout)
        .flat_map(|(location, para)| {
            footnotes::markers(&para.text)
                .into_iter()
                .map(move |m| (m, location.clone()))
        })
        .collect();
    let footnotes = footnotes::link(&markers, &layout.footnote_texts, &mut warnings);
    let read = read_paragraphs(&mut layout, &footnotes, &identity, lang);
    let adoption_date = adoption_date(&header, &footer, &mut warnings);
    let title = header.title.unwrap_or_default();
    if title.is_empty() {
        warnings.push(warning(
            "missing-title",
            "header",
            "no title line (\"56/2. Title\") was found".to_owned(),
        ));
    }

    cap_warnings(&mut warnings);
    Ok(Resolution {
        symbol: identity.symbol,
        kind,
        body: identity.body,
        session: header.session,
        session_dates: header.session_dates,
        agenda_item: header.agenda,
        language: lang.code().to_owned(),
        original_language: header.original_language,
        number: identity
            .number
            .map(|(session, number)| format!("{session}/{number}")),
        title,
        distribution_date: header.distribution_date,
        adoption_date,
        meeting: footer.meeting,
        preambular: read.preambular,
        operative: read.operative,
        footnotes,
        references: read.references,
        vote: footer.vote,
        mandates: read.mandates,
        warnings,
    })
}

/// Where the header ends and the paragraphs begin: at the enacting formula ("إن مجلس حقوق
/// الإنسان،", "The General Assembly,"), or, without one, at the first line that can only be a
/// paragraph. Returns the header's end, the first paragraph line, and the body the formula
/// names.
fn split_header(lines: &[(usize, Cow<str>)], lang: Lang) -> (usize, usize, Option<Body>) {
    let enacting = lines.iter().enumerate().find_map(|(i, (_, line))| {
        (line.len() < 120)
            .then(|| {
                let folded = normalize_for_search(line);
                arabic::enacting_formula(&folded).or_else(|| english::enacting_formula(&folded))
            })
            .flatten()
            .map(|body| (i, body))
    });
    match enacting {
        Some((i, body)) => (i, i + 1, Some(body)),
        None => {
            let first = lines
                .iter()
                .position(|(_, l)| looks_like_a_paragraph(l, lang))
                .unwrap_or(lines.len());
            (first, first, None)
        }
    }
}

/// Who adopted the document, its symbol and number, and which way its numbers run.
struct Identity {
    symbol: String,
    body: Body,
    /// (session, number), left to right.
    number: Option<(u32, u32)>,
    direction: Direction,
}

/// The body from the header, the enacting formula or the printed symbol; the symbol printed or
/// built from the body and the title line's number. `None` when there is no symbol.
fn identify(
    header: &Header,
    enacting_body: Option<Body>,
    lang: Lang,
    warnings: &mut Vec<Warning>,
) -> Option<Identity> {
    let body = header
        .body
        .or(enacting_body)
        .or_else(|| header.symbol.as_deref().and_then(body_of_symbol))
        .or(header.assembly_series.then_some(Body::GeneralAssembly));
    let (number, direction) = match header.number {
        Some((a, b)) => {
            let (own, direction) = orient(a, b, lang, header.session);
            (Some(own), direction)
        }
        None if lang == Lang::Ar => (None, Direction::RightToLeft),
        None => (None, Direction::LeftToRight),
    };
    let built = match (body, number) {
        (Some(Body::HumanRightsCouncil), Some((session, number))) if header.decision => {
            Some(format!("A/HRC/DEC/{session}/{number}"))
        }
        (Some(body), Some((session, number))) => Some(symbols::resolution_symbol(
            issuer_of_body(body),
            session,
            number,
        )),
        _ => None,
    };
    let symbol = match (&header.symbol, built) {
        (Some(printed), Some(built)) if !printed.eq_ignore_ascii_case(&built) => {
            warnings.push(warning(
                "symbol-mismatch",
                "header",
                format!("the header prints {printed} but the title line numbers it as {built}"),
            ));
            printed.clone()
        }
        (Some(printed), _) => printed.clone(),
        (None, built) => built?,
    };
    let body = body.or_else(|| body_of_symbol(&symbol))?;
    Some(Identity {
        symbol,
        body,
        number,
        direction,
    })
}

/// The paragraphs as records, and what is read from them.
struct Read {
    preambular: Vec<Paragraph>,
    operative: Vec<Paragraph>,
    references: Vec<Reference>,
    mandates: Vec<Mandate>,
}

/// Reads each paragraph once: its normalised text, its references (its footnotes' too) and, for
/// operative paragraphs, its mandates.
fn read_paragraphs(
    layout: &mut Layout,
    footnotes: &[Footnote],
    identity: &Identity,
    lang: Lang,
) -> Read {
    let ctx = Context {
        direction: identity.direction,
        own_issuer: Some(issuer_of_body(identity.body)),
        own_number: identity.number,
    };
    let mut read = Read {
        preambular: Vec::with_capacity(layout.preambular.len()),
        operative: Vec::with_capacity(layout.operative.len()),
        references: Vec::new(),
        mandates: Vec::new(),
    };
    let mut seen = HashSet::new();
    let pre = std::mem::take(&mut layout.preambular)
        .into_iter()
        .map(|p| (format!("pp-{}", p.number), p));
    let op = std::mem::take(&mut layout.operative)
        .into_iter()
        .map(|p| (format!("op-{}", p.number), p));
    for (location, para) in pre.chain(op) {
        let folded = Folded::new(&para.text);
        let is_operative = location.starts_with("op-");
        // Mandates read every operative paragraph's words; citations by number need them only
        // where a number pair occurs.
        let tokens = if is_operative || symbols::needs_tokens(&folded.text) {
            crate::lex::tokens(&folded.text)
        } else {
            Vec::new()
        };
        let references = &mut read.references;
        references::collect(&folded, &tokens, &location, &ctx, &mut seen, references);
        footnote_references(footnotes, &location, &ctx, &mut seen, references);
        if is_operative {
            let body = identity.body;
            mandates::extract(
                &folded,
                &tokens,
                para.number,
                lang,
                body,
                &mut read.mandates,
            );
        }
        let normalized = folded.into_text();
        let paragraph = Paragraph {
            number: para.number,
            text: para.text,
            normalized,
        };
        if is_operative {
            read.operative.push(paragraph);
        } else {
            read.preambular.push(paragraph);
        }
    }
    footnote_references(
        footnotes,
        "footnotes",
        &ctx,
        &mut seen,
        &mut read.references,
    );
    read
}

/// The header's adoption date, else the footer's; a warning when both are given and differ.
fn adoption_date(
    header: &Header,
    footer: &Footer,
    warnings: &mut Vec<Warning>,
) -> Option<chrono::NaiveDate> {
    match (header.adoption_date, footer.date) {
        (Some(header_date), Some(footer_date)) if header_date != footer_date => {
            warnings.push(warning(
                "date-mismatch",
                "footer",
                format!(
                    "the header gives the adoption date {header_date}, the footer {footer_date}; \
                     the header's is kept"
                ),
            ));
            Some(header_date)
        }
        (header_date, footer_date) => header_date.or(footer_date),
    }
}

/// Warnings that may repeat once per line of a text that is mostly not a resolution: at most
/// [`MAX_REPEATED_WARNINGS`] of each, then one that says how many more there were.
fn cap_warnings(warnings: &mut Vec<Warning>) {
    for code in ["unknown-line", "unexpected-opening"] {
        let total = warnings.iter().filter(|w| w.code == code).count();
        if total <= MAX_REPEATED_WARNINGS {
            continue;
        }
        let mut seen = 0;
        warnings.retain(|w| {
            if w.code != code {
                return true;
            }
            seen += 1;
            seen <= MAX_REPEATED_WARNINGS
        });
        warnings.push(warning(
            code,
            "body",
            format!(
                "{} more warnings of this kind are not listed",
                total - MAX_REPEATED_WARNINGS
            ),
        ));
    }
}

const MAX_REPEATED_WARNINGS: usize = 50;

/// Every paragraph with its location, preamble first.
fn paragraphs_with_locations<'l>(layout: &'l Layout) -> impl Iterator<Item = (String, &'l Para)> {
    let pre = layout
        .preambular
        .iter()
        .map(|p| (format!("pp-{}", p.number), p));
    let op = layout
        .operative
        .iter()
        .map(|p| (format!("op-{}", p.number), p));
    pre.chain(op)
}

fn footnote_references(
    footnotes: &[Footnote],
    location: &str,
    ctx: &Context,
    seen: &mut HashSet<(String, String)>,
    out: &mut Vec<Reference>,
) {
    for footnote in footnotes.iter().filter(|f| f.paragraph == location) {
        if let Some(text) = &footnote.text {
            let folded = Folded::new(text);
            let tokens = crate::lex::tokens(&folded.text);
            references::collect(&folded, &tokens, location, ctx, seen, out);
        }
    }
}

/// Which way the title line's "a/b" runs: Arabic PDF extraction writes "2/56" for 56/2. The
/// header's session number decides when it can; else Arabic is taken as reversed.
fn orient(a: u32, b: u32, lang: Lang, session: Option<u32>) -> ((u32, u32), Direction) {
    let ltr = ((a, b), Direction::LeftToRight);
    let rtl = ((b, a), Direction::RightToLeft);
    match (lang, session) {
        (_, Some(s)) if s == a && s != b => ltr,
        (_, Some(s)) if s == b && s != a => rtl,
        (Lang::En, _) => ltr,
        (Lang::Ar, _) if a > 99 && b <= 99 => rtl,
        (Lang::Ar, _) => rtl,
    }
}

fn issuer_of_body(body: Body) -> Issuer {
    match body {
        Body::HumanRightsCouncil => Issuer::HumanRightsCouncil,
        Body::GeneralAssembly => Issuer::GeneralAssembly,
    }
}

fn is_decision(symbol: &str) -> bool {
    symbol.to_ascii_uppercase().contains("/DEC/")
}

/// The columns of a line as a PDF's layout sets them: parts apart by ten spaces or more (a
/// title line's number stands a few spaces from its title, and stays one line).
fn columns(line: &str) -> impl Iterator<Item = &str> {
    line.split("          ")
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
}

fn body_of_symbol(symbol: &str) -> Option<Body> {
    let upper = symbol.to_ascii_uppercase();
    if upper.starts_with("A/HRC/") {
        Some(Body::HumanRightsCouncil)
    } else if upper.starts_with("A/RES/") {
        Some(Body::GeneralAssembly)
    } else {
        None
    }
}

/// A line without surrounding spaces and invisible bidi controls.
fn clean_line(line: &str) -> Cow<'_, str> {
    let line = line.trim();
    // Bidi controls are U+061C (bytes D8 9C) or in U+200E..U+2069 (lead byte E2).
    let may_have_controls = memchr::memchr(0xE2, line.as_bytes()).is_some()
        || memchr::memmem::find(line.as_bytes(), "\u{061C}".as_bytes()).is_some();
    if may_have_controls && line.chars().any(taawun_text::is_bidi_control) {
        Cow::Owned(taawun_text::strip_bidi_controls(line).trim().to_owned())
    } else {
        Cow::Borrowed(line)
    }
}

/// Page numbers, job numbers ("GE.24-12345"), bar codes, the symbol repeated at a page's top —
/// alone, or beside the page number as a PDF's layout sets them ("A/HRC/RES/56/2      3",
/// "4      A/HRC/RES/56/2").
fn is_page_furniture(line: &str) -> bool {
    let line = line.trim();
    let page_number =
        |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let symbol = |s: &str| {
        !s.contains(char::is_whitespace)
            && s.contains('/')
            && s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.bytes().any(|b| b.is_ascii_digit())
    };
    let beside_page_number = || {
        let mut words = line.split_whitespace();
        match (words.next(), words.next(), words.next()) {
            (Some(a), Some(b), None) => {
                (symbol(a) && page_number(b)) || (page_number(a) && symbol(b))
            }
            _ => false,
        }
    };
    page_number(line)
        || line.starts_with("GE.")
        || (line.len() > 2 && line.starts_with('*') && line.ends_with('*'))
        || symbol(line)
        || (line.contains("   ") && beside_page_number())
}

/// "1- يؤكد", "- 4- يُشدد", "1. Reaffirms": the operative number and the text after the marker.
fn operative_marker(line: &str) -> Option<(u32, &str)> {
    let s = line.trim_start();
    let s = s.strip_prefix(['-', '–']).map(str::trim_start).unwrap_or(s);
    let digits_end = s
        .find(|c: char| crate::lex::digit(c).is_none())
        .unwrap_or(s.len());
    if digits_end == 0 || s[..digits_end].chars().count() > 3 {
        return None;
    }
    let number = crate::lex::number_value(&s[..digits_end]).filter(|n| *n > 0)?;
    let after = s[digits_end..].trim_start_matches(' ');
    let separator = after.chars().next()?;
    if !matches!(separator, '-' | '.' | ')' | '–') {
        return None;
    }
    let rest = &after[separator.len_utf8()..];
    if !rest.starts_with(char::is_whitespace) || rest.trim().is_empty() {
        return None;
    }
    Some((number, rest.trim()))
}

/// A line that can only be a paragraph: used to find the preamble when the enacting formula is
/// missing.
fn looks_like_a_paragraph(line: &str, lang: Lang) -> bool {
    if operative_marker(line).is_some() {
        return true;
    }
    let first = line.split_whitespace().next().unwrap_or("");
    match lang {
        Lang::Ar => matches!(fold_word(first).as_str(), "اذ" | "واذ"),
        Lang::En => english::is_opener(line),
    }
}

/// "(a) …", "(أ) …": a sub-paragraph of an operative paragraph.
fn is_sub_item(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('(') else {
        return false;
    };
    let Some(close) = rest.find(')') else {
        return false;
    };
    let label = &rest[..close];
    !label.is_empty() && label.chars().count() <= 4 && label.chars().all(char::is_alphabetic)
}

/// A paragraph ends with a comma (preamble), a semicolon (operative) or a full stop (the last);
/// footnote markers and closing quotes after it do not count.
fn is_complete(text: &str) -> bool {
    text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || crate::normalize::is_superscript(c)
            || matches!(c, '"' | '”' | '»' | ')')
    })
    .ends_with([',', '،', ';', '؛', '.', ':'])
}

struct Para {
    number: u32,
    text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Preamble,
    Operative,
    Footer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Nothing,
    Paragraph,
    Footnote,
}

/// The paragraph phase: lines in, paragraphs and footnote texts out.
struct Layout<'a> {
    lang: Lang,
    /// The header says the text is a decision: its paragraphs may not be numbered.
    decision: bool,
    /// The footnote marker expected next in English text from a PDF's layout (see
    /// [`plain_markers`]).
    next_marker: u32,
    phase: Phase,
    preambular: Vec<Para>,
    operative: Vec<Para>,
    footnote_texts: Vec<(u32, String)>,
    /// Markers seen without their text yet: a footnote line introduced by a bare number is
    /// trusted only for these.
    awaiting: HashSet<u32>,
    last: Last,
    /// A blank line, page furniture or footnote text since the last paragraph line: a
    /// continuation after it is a page-break join.
    gap: bool,
    footer: Vec<(usize, &'a str)>,
    warnings: Vec<Warning>,
}

impl<'a> Layout<'a> {
    fn new(lang: Lang, decision: bool) -> Self {
        Layout {
            lang,
            decision,
            next_marker: 1,
            phase: Phase::Preamble,
            preambular: Vec::new(),
            operative: Vec::new(),
            footnote_texts: Vec::new(),
            awaiting: HashSet::new(),
            last: Last::Nothing,
            gap: false,
            footer: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn current(&mut self) -> Option<&mut Para> {
        match self.phase {
            Phase::Preamble => self.preambular.last_mut(),
            Phase::Operative => self.operative.last_mut(),
            Phase::Footer => None,
        }
    }

    fn location(&self) -> String {
        match (self.phase, self.operative.last(), self.preambular.last()) {
            (Phase::Operative, Some(p), _) => format!("op-{}", p.number),
            (Phase::Preamble, _, Some(p)) => format!("pp-{}", p.number),
            _ => "body".to_owned(),
        }
    }

    fn line(&mut self, number: usize, line: &'a str) {
        if line.is_empty() {
            self.gap = true;
            return;
        }
        if self.phase == Phase::Footer {
            self.footer.push((number, line));
            return;
        }
        if is_page_furniture(line) {
            self.gap = true;
            return;
        }
        if self.phase == Phase::Operative && starts_footer(line) {
            self.phase = Phase::Footer;
            self.footer.push((number, line));
            return;
        }
        if let Some(footnote) = footnotes::footnote_line(line)
            && (!footnote.bare || self.awaiting.contains(&footnote.number))
        {
            self.awaiting.remove(&footnote.number);
            self.footnote_texts
                .push((footnote.number, footnote.text.to_owned()));
            self.last = Last::Footnote;
            self.gap = true;
            return;
        }
        if let Some((n, text)) = operative_marker(line) {
            self.phase = Phase::Operative;
            self.new_operative(n, text, number);
            return;
        }
        let converted = match self.lang {
            Lang::En => plain_markers(line, &mut self.next_marker),
            Lang::Ar => Cow::Borrowed(line),
        };
        let line: &str = &converted;
        // A footnote that runs over two lines.
        if self.last == Last::Footnote
            && let Some((_, text)) = self.footnote_texts.last_mut()
            && !is_complete(text)
        {
            text.push(' ');
            text.push_str(line);
            return;
        }
        let first_word = line.split_whitespace().next().unwrap_or("");
        let folded_first = fold_word(first_word);
        let continues = self.current().is_some_and(|p| !is_complete(&p.text));
        // A decision's paragraphs are often not numbered: an operative verb ("Adopts …") after
        // a complete paragraph opens the next one.
        if self.decision && self.lang == Lang::En && !continues && english::is_operative_verb(line)
        {
            self.phase = Phase::Operative;
            let next = self.operative.len() as u32 + 1;
            self.new_operative(next, line, number);
            return;
        }
        if self.phase == Phase::Preamble {
            match self.lang {
                Lang::En if english::is_opener(line) => {
                    return self.new_preambular(line);
                }
                Lang::Ar if !continues => match arabic::opening(first_word, &folded_first) {
                    arabic::Opening::Regular => return self.new_preambular(line),
                    arabic::Opening::Damaged(written) => {
                        self.new_preambular(line);
                        let location = self.location();
                        self.warnings.push(warning(
                            "damaged-opening",
                            location,
                            format!(
                                "the paragraph opens with \"{written}\", read as \"وإذ\" \
                                 (line {number})"
                            ),
                        ));
                        return;
                    }
                    arabic::Opening::None => {}
                },
                _ => {}
            }
        }
        let lowercase_start = self.lang == Lang::En && line.starts_with(char::is_lowercase);
        if continues || (lowercase_start && self.current().is_some()) {
            return self.continue_paragraph(line, number);
        }
        if self.phase == Phase::Operative && is_sub_item(line) && self.current().is_some() {
            if let Some(para) = self.current() {
                para.text.push('\n');
                para.text.push_str(line);
            }
            self.after_paragraph_line(line);
            return;
        }
        if self.phase == Phase::Preamble {
            let expected = match self.lang {
                Lang::Ar => arabic::may_open_paragraph(&folded_first),
                Lang::En => english::may_open_paragraph(line),
            };
            self.new_preambular(line);
            if !expected {
                let location = self.location();
                self.warnings.push(warning(
                    "unexpected-opening",
                    location,
                    format!(
                        "line {number} was read as a new preambular paragraph: {}",
                        shorten(line)
                    ),
                ));
            }
            return;
        }
        self.unknown(number, line);
    }

    fn unknown(&mut self, number: usize, line: &str) {
        let location = self.location();
        self.warnings.push(warning(
            "unknown-line",
            location,
            format!("line {number} fits nowhere: {}", shorten(line)),
        ));
    }

    fn after_paragraph_line(&mut self, line: &str) {
        self.awaiting.extend(footnotes::markers(line));
        self.last = Last::Paragraph;
        self.gap = false;
    }

    fn new_preambular(&mut self, line: &str) {
        let number = self.preambular.len() as u32 + 1;
        self.preambular.push(Para {
            number,
            text: line.to_owned(),
        });
        self.after_paragraph_line(line);
    }

    fn new_operative(&mut self, n: u32, text: &str, line_number: usize) {
        let expected = self.operative.last().map_or(1, |p| p.number + 1);
        if n != expected {
            self.warnings.push(warning(
                "paragraph-numbering",
                format!("op-{n}"),
                format!(
                    "operative paragraph {n} (line {line_number}) follows paragraph {}",
                    expected - 1
                ),
            ));
        }
        self.operative.push(Para {
            number: n,
            text: text.to_owned(),
        });
        self.after_paragraph_line(text);
    }

    fn continue_paragraph(&mut self, line: &str, number: usize) {
        let gap = self.gap;
        let location = self.location();
        if let Some(para) = self.current() {
            para.text.push(' ');
            para.text.push_str(line);
        }
        if gap {
            self.warnings.push(warning(
                "joined-paragraph",
                location,
                format!(
                    "the paragraph continues on line {number} after a page break; the parts are \
                     joined"
                ),
            ));
        }
        self.after_paragraph_line(line);
    }
}

/// English text from a PDF's layout writes a footnote marker as a plain number after what it
/// marks ("… on the Universal Periodic Review, 1 the views of the State …", "… Working Group. 2").
/// Markers run 1, 2, 3 through a text, so a number is taken as the marker only when it is the
/// next one expected, stands after a word that ends with a comma, full stop, semicolon or colon,
/// and is followed by a word in lower case or ends the line; it is then written as the
/// superscript the PDF shows ("Review,¹ the views"), which the footnote reader links.
fn plain_markers<'l>(line: &'l str, next: &mut u32) -> Cow<'l, str> {
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    let is_marker = |i: usize, expected: u32| {
        let word = words[i];
        word.len() <= 3
            && word.bytes().all(|b| b.is_ascii_digit())
            && word.parse::<u32>().ok() == Some(expected)
            && i > 0
            && words[i - 1].ends_with([',', '.', ';', ':'])
            && words
                .get(i + 1)
                .is_none_or(|w| w.starts_with(char::is_lowercase))
    };
    if !(0..words.len()).any(|i| is_marker(i, *next)) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    for (i, word) in words.iter().enumerate() {
        if is_marker(i, *next) {
            out.extend(word.chars().filter_map(superscript_of));
            *next += 1;
            continue;
        }
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

fn superscript_of(digit: char) -> Option<char> {
    Some(match digit {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        _ => return None,
    })
}

fn shorten(line: &str) -> String {
    const MAX: usize = 120;
    if line.chars().count() <= MAX {
        line.to_owned()
    } else {
        let cut: String = line.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// The first characters of a line, folded: enough to recognise footer lines.
fn folded_head(line: &str) -> String {
    let end = symbols::floor_char_boundary(line, line.len().min(160));
    normalize_for_search(&line[..end])
}

/// "الجلسة 34", "34th meeting", "[اعتُمد …", "[Adopted …".
fn starts_footer(line: &str) -> bool {
    // Only short lines and lines opening with "[", "ا"/"أ"/"إ" or "A" can be footer lines:
    // the others are not folded at all.
    let possible = line.len() < 60 || line.starts_with(['[', 'ا', 'أ', 'إ', 'A', 'a']);
    if !possible {
        return false;
    }
    let head = folded_head(line);
    let meeting =
        line.len() < 60 && (arabic::meeting(&head).is_some() || english::meeting(&head).is_some());
    meeting || arabic::vote_start(&head) || english::vote_start(&head)
}

struct Footer {
    /// Footnotes of the last page come after the adoption note.
    footnote_texts: Vec<(u32, String)>,
    meeting: Option<u32>,
    date: Option<chrono::NaiveDate>,
    vote: Option<crate::model::Vote>,
}

fn read_footer(
    lines: &[(usize, &str)],
    awaiting: &HashSet<u32>,
    lang: Lang,
    resolver: &Resolver,
    warnings: &mut Vec<Warning>,
) -> Footer {
    let mut footer = Footer {
        footnote_texts: Vec::new(),
        meeting: None,
        date: None,
        vote: None,
    };
    let mut vote_lines: Vec<&str> = Vec::new();
    let mut in_vote = false;
    let mut vote_seen = false;
    for (number, line) in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if in_vote {
            vote_lines.push(line);
            in_vote = !line.ends_with(']');
            continue;
        }
        let head = folded_head(line);
        if let Some(meeting) = (line.len() < 60)
            .then(|| arabic::meeting(&head).or_else(|| english::meeting(&head)))
            .flatten()
        {
            footer.meeting = Some(meeting);
        } else if !vote_seen && (arabic::vote_start(&head) || english::vote_start(&head)) {
            vote_seen = true;
            vote_lines.push(line);
            in_vote = if line.starts_with('[') {
                !line.ends_with(']')
            } else {
                line.ends_with(':')
            };
        } else if let Some(date) = crate::dates::parse_date(line) {
            footer.date = Some(date);
        } else if let Some(footnote) =
            footnotes::footnote_line(line).filter(|f| !f.bare || awaiting.contains(&f.number))
        {
            footer
                .footnote_texts
                .push((footnote.number, footnote.text.to_owned()));
        } else if !is_page_furniture(line) {
            warnings.push(warning(
                "unknown-line",
                "footer",
                format!("line {number} fits nowhere: {}", shorten(line)),
            ));
        }
    }
    if vote_seen {
        footer.vote = vote::parse(&vote_lines, lang, resolver, warnings);
        if footer.vote.is_none() {
            warnings.push(warning(
                "unknown-vote",
                "vote",
                format!(
                    "the adoption note was not understood: {}",
                    shorten(&vote_lines.join(" "))
                ),
            ));
        }
    }
    footer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_footnote_markers_become_superscripts_in_order() {
        let mut next = 1;
        assert_eq!(
            plain_markers(
                "the Working Group on the Review, 1 the views of the State",
                &mut next
            ),
            "the Working Group on the Review,¹ the views of the State"
        );
        assert_eq!(
            plain_markers("held in the Working Group. 2", &mut next),
            "held in the Working Group.²"
        );
        assert_eq!(next, 3);
        // Not the next marker, not after punctuation, or followed by a capital: numbers.
        let mut next = 1;
        for line in [
            "paragraphs 1, 2 and 3 of the annex",
            "resolution 5/1 of 18 June 2007,",
            "as of 1 January",
            "in 2008, 1 The Council",
        ] {
            assert_eq!(plain_markers(line, &mut next), line);
        }
        assert_eq!(next, 1);
    }

    #[test]
    fn a_pages_symbol_and_number_are_page_furniture_either_way_round() {
        for line in [
            "A/HRC/RES/56/2                                                    3",
            "4                  A/HRC/RES/56/2",
            "GE.25-11154 (E)      140725 140725",
            "A/HRC/59/15",
            "12",
        ] {
            assert!(is_page_furniture(line), "{line}");
        }
        for line in [
            "Adopts the outcome of the review of Slovenia,",
            "resolution 60/251   of 15 March 2006",
            "59/112.       Outcome of the universal periodic review: Slovenia",
        ] {
            assert!(!is_page_furniture(line), "{line}");
        }
    }

    #[test]
    fn a_header_line_in_two_columns_is_two_lines() {
        let cells: Vec<&str> =
            columns("United Nations                                              A/HRC/DEC/59/112")
                .collect();
        assert_eq!(cells, ["United Nations", "A/HRC/DEC/59/112"]);
        let title = "59/112.       Outcome of the universal periodic review: Slovenia";
        assert_eq!(columns(title).collect::<Vec<_>>(), [title]);
    }

    #[test]
    fn language() {
        assert_eq!(
            detect_language("إن مجلس حقوق الإنسان، Distr.: General"),
            Lang::Ar
        );
        assert_eq!(detect_language("The Human Rights Council, إن"), Lang::En);
        // Presentation forms are Arabic too.
        assert_eq!(detect_language("\u{FEE3}\u{FEBC}\u{FEAE} ab"), Lang::Ar);
        assert_eq!(detect_language("Côte d’Ivoire"), Lang::En);
        assert_eq!(detect_language(""), Lang::En);
    }

    #[test]
    fn operative_markers() {
        assert_eq!(
            operative_marker("1- يؤكد من جديد"),
            Some((1, "يؤكد من جديد"))
        );
        assert_eq!(operative_marker("- 4- يُشدد على"), Some((4, "يُشدد على")));
        assert_eq!(operative_marker("37. Decides to"), Some((37, "Decides to")));
        assert_eq!(operative_marker("10 July 2024"), None);
        assert_eq!(operative_marker("2/56 - تعزيز"), None);
        assert_eq!(operative_marker("2024."), None);
        assert_eq!(operative_marker("0. x"), None);
        assert_eq!(operative_marker("3."), None);
    }

    #[test]
    fn completeness_and_furniture() {
        assert!(is_complete("اتفاق باريس⁽¹⁾،"));
        assert!(is_complete("…؛ "));
        assert!(!is_complete("ويكرر"));
        assert!(is_page_furniture("12"));
        assert!(is_page_furniture("GE.24-12345(A)"));
        assert!(is_page_furniture("A/HRC/RES/56/2"));
        assert!(!is_page_furniture("الجلسة 34"));
        assert!(is_sub_item("(a) to promote"));
        assert!(is_sub_item("(أ) تعزيز"));
        assert!(!is_sub_item("(1) انظر"));
    }

    #[test]
    fn orientation_of_the_title_number() {
        assert_eq!(
            orient(2, 56, Lang::Ar, Some(56)),
            ((56, 2), Direction::RightToLeft)
        );
        assert_eq!(
            orient(56, 2, Lang::Ar, Some(56)),
            ((56, 2), Direction::LeftToRight)
        );
        assert_eq!(
            orient(56, 2, Lang::En, None),
            ((56, 2), Direction::LeftToRight)
        );
        assert_eq!(
            orient(199, 78, Lang::Ar, None),
            ((78, 199), Direction::RightToLeft)
        );
    }

    #[test]
    fn not_a_resolution() {
        let error = parse_resolution("hello world", Resolver::builtin()).unwrap_err();
        assert_eq!(
            error,
            ParseError::NotAResolution {
                missing: vec!["symbol", "paragraphs"]
            }
        );
        assert_eq!(
            error.to_string(),
            "not a resolution: no resolution number or symbol, no operative paragraphs found"
        );
    }
}
