//! UN document symbols: recognising citations in running text and normalising them.
//!
//! A resolution cites others in three ways:
//!
//! - by full symbol, always written left to right even inside Arabic (`A/HRC/RES/56/2`,
//!   `FCCC/CP/2015/10/Add.1`, `E/CN.4/2001/2-E/CN.4/Sub.2/2000/46`): kept as written;
//! - by body and number: "قرار الجمعية العامة 1/70", "General Assembly resolution 70/1",
//!   "قرارات مجلس حقوق الإنسان 14/46 … و25/49", "resolution 2000/22 of the Sub-Commission":
//!   the body decides the symbol's series (`A/RES/`, `A/HRC/RES/`, `E/CN.4/RES/`,
//!   `E/CN.4/SUB.2/RES/`), and the whole chain after one keyword shares it;
//! - by number alone, the body being the subject of the sentence ("في قرارها 197/78", "in its
//!   resolution 78/197") or named after ("القرار 22/2000 … الذي اعتمدته اللجنة الفرعية").
//!
//! Text extracted from Arabic PDFs writes `session/number` right to left: "1/70" is resolution
//! 70/1. A [`Context`] says which way the document runs (the parser learns it from the
//! resolution's own number in its title line); a part that is a year (`22/2000`) is recognised
//! whatever the direction, and a "session" above 99 is taken as the number.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;

use crate::dates;
use crate::lex::{self, Kind, Token};
use crate::model::ReferenceKind;
use crate::normalize::Folded;

/// The UN organ that adopted a resolution or decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Issuer {
    GeneralAssembly,
    HumanRightsCouncil,
    /// The Commission on Human Rights (until 2006).
    CommissionOnHumanRights,
    /// The Sub-Commission on the Promotion and Protection of Human Rights.
    SubCommission,
    EconomicAndSocialCouncil,
    SecurityCouncil,
}

/// Which way `session/number` pairs run in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    /// Extracted from an Arabic PDF: "1/70" means 70/1.
    RightToLeft,
}

/// What the scanner knows about the document the citations are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    pub direction: Direction,
    /// The body that adopted the document: the default for "its resolution", "the Council".
    pub own_issuer: Option<Issuer>,
    /// The document's own (session, number): "2/56" in Council resolution 56/2 is itself.
    pub own_number: Option<(u32, u32)>,
}

/// A citation found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// The normalised symbol (`A/RES/70/1`), or the number alone when the body is unknown.
    pub symbol: String,
    pub kind: ReferenceKind,
    /// The date the text gives right after the number ("المؤرخ 25 أيلول/سبتمبر 2015",
    /// "of 25 September 2015").
    pub date: Option<NaiveDate>,
    /// The citation as written.
    pub as_written: String,
    /// Where it is in the scanned text (bytes).
    pub range: Range<usize>,
}

/// A citation with its range in the folded text (the parser's own use).
pub(crate) struct Found {
    pub range: Range<usize>,
    pub symbol: String,
    pub kind: ReferenceKind,
    pub date: Option<NaiveDate>,
    pub as_written: String,
}

/// Every citation by symbol or number in `text`, in order.
///
/// ```
/// use taawun_documents::symbols::{scan, Context, Direction, Issuer};
/// let ctx = Context {
///     direction: Direction::RightToLeft,
///     own_issuer: Some(Issuer::HumanRightsCouncil),
///     own_number: Some((56, 2)),
/// };
/// let found = scan("وإذ يشير إلى قرار الجمعية العامة 1/70 المؤرخ 25 أيلول/سبتمبر 2015", &ctx);
/// assert_eq!(found[0].symbol, "A/RES/70/1");
/// assert_eq!(found[0].as_written, "قرار الجمعية العامة 1/70");
/// assert_eq!(found[0].date.unwrap().to_string(), "2015-09-25");
/// ```
pub fn scan(text: &str, ctx: &Context) -> Vec<Citation> {
    let folded = Folded::new(text);
    let tokens = lex::tokens(&folded.text);
    scan_folded(&folded, &tokens, ctx)
        .into_iter()
        .map(|found| Citation {
            range: folded.source_range(found.range),
            symbol: found.symbol,
            kind: found.kind,
            date: found.date,
            as_written: found.as_written,
        })
        .collect()
}

/// [`scan`] on a folded text and its tokens (the parser shares them with the other readers).
pub(crate) fn scan_folded(folded: &Folded, tokens: &[Token], ctx: &Context) -> Vec<Found> {
    let mut found = latin_symbols(folded);
    if !has_number_pair(&folded.text) {
        return found;
    }
    let mut chains = Chains {
        folded,
        text: &folded.text,
        tokens,
        ctx,
        out: Vec::new(),
    };
    chains.run();
    // A number inside a full symbol is never cited on its own. Symbols come in order and do
    // not overlap: the one that could hold a number is the last starting before it.
    let mut numbers = chains.out;
    numbers.retain(|n| {
        let before = found.partition_point(|s| s.range.start <= n.range.start);
        before == 0 || found[before - 1].range.end < n.range.end
    });
    found.append(&mut numbers);
    found.sort_by_key(|f| f.range.start);
    found
}

/// Every citation by number has a digit, "/" and a digit or a letter ("70/1", "1/CP.21",
/// "1/م أ-21"): texts without one are not scanned for them (nor tokenised, see
/// [`needs_tokens`]).
fn has_number_pair(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'/', bytes).any(|at| {
        at > 0
            && bytes[at - 1].is_ascii_digit()
            && bytes
                .get(at + 1)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
    })
}

/// Whether [`scan_folded`] will look at the tokens of this folded text.
pub(crate) fn needs_tokens(folded_text: &str) -> bool {
    has_number_pair(folded_text)
}

/// The symbol of a resolution of `issuer` numbered `session/number` (or `year/number` for the
/// Commission and Sub-Commission).
pub fn resolution_symbol(issuer: Issuer, first: u32, second: u32) -> String {
    match issuer {
        Issuer::GeneralAssembly => format!("A/RES/{first}/{second}"),
        Issuer::HumanRightsCouncil => format!("A/HRC/RES/{first}/{second}"),
        Issuer::CommissionOnHumanRights => format!("E/CN.4/RES/{first}/{second}"),
        Issuer::SubCommission => format!("E/CN.4/SUB.2/RES/{first}/{second}"),
        Issuer::EconomicAndSocialCouncil => format!("E/RES/{first}/{second}"),
        Issuer::SecurityCouncil => format!("S/RES/{second} ({first})"),
    }
}

/// The kind of document a full symbol names.
pub fn kind_of_symbol(symbol: &str) -> ReferenceKind {
    let upper = symbol.to_ascii_uppercase();
    if upper.contains("/DEC/") {
        ReferenceKind::Decision
    } else if upper.starts_with("A/HRC/RES/") {
        ReferenceKind::HumanRightsCouncilResolution
    } else if upper.starts_with("A/RES/") {
        ReferenceKind::GeneralAssemblyResolution
    } else if upper.starts_with("E/CN.4/SUB.2/RES/") {
        ReferenceKind::SubCommissionResolution
    } else if upper.starts_with("E/CN.4/RES/") {
        ReferenceKind::CommissionResolution
    } else if upper.contains("/RES/") {
        ReferenceKind::Other
    } else {
        ReferenceKind::Report
    }
}

/// The organ a phrase names, in Arabic or English (folded or as written).
pub fn issuer_of(phrase: &str) -> Option<Issuer> {
    let folded = crate::normalize::normalize_for_search(phrase);
    issuer_in(&folded).map(|(issuer, _)| issuer)
}

/// Full names of the organs (folded), most specific first: the Sub-Commission before the
/// Commission, the Council's full names before "the Council".
const ISSUERS: &[(&str, Issuer)] = &[
    ("اللجنه الفرعيه", Issuer::SubCommission),
    ("sub-commission", Issuer::SubCommission),
    ("subcommission", Issuer::SubCommission),
    ("لجنه حقوق الانسان", Issuer::CommissionOnHumanRights),
    (
        "commission on human rights",
        Issuer::CommissionOnHumanRights,
    ),
    (
        "المجلس الاقتصادي والاجتماعي",
        Issuer::EconomicAndSocialCouncil,
    ),
    (
        "economic and social council",
        Issuer::EconomicAndSocialCouncil,
    ),
    ("مجلس الامن", Issuer::SecurityCouncil),
    ("security council", Issuer::SecurityCouncil),
    ("مجلس حقوق الانسان", Issuer::HumanRightsCouncil),
    ("human rights council", Issuer::HumanRightsCouncil),
    ("الجمعيه العامه", Issuer::GeneralAssembly),
    ("general assembly", Issuer::GeneralAssembly),
];

/// All the organs' names in one automaton: the longest name at a position wins
/// ("اللجنه الفرعيه" over "لجنه").
static ISSUER_NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(ISSUERS.iter().map(|(name, _)| name))
        .expect("the organs' names build an automaton")
});

/// The first organ named in folded `text`, with the byte range of its name.
fn issuer_in(text: &str) -> Option<(Issuer, Range<usize>)> {
    ISSUER_NAMES
        .find(text)
        .map(|m| (ISSUERS[m.pattern().as_usize()].1, m.range()))
}

/// The last organ named in folded `text`.
fn last_issuer_in(text: &str) -> Option<Issuer> {
    ISSUER_NAMES
        .find_iter(text)
        .last()
        .map(|m| ISSUERS[m.pattern().as_usize()].1)
}

/// "the Council", "المجلس", "the Assembly": short names, meaningful next to a keyword.
fn short_issuer_in(text: &str, own: Option<Issuer>) -> Option<Issuer> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().rev().find_map(|w| match *w {
        "المجلس" | "council" => own.filter(|o| *o == Issuer::HumanRightsCouncil),
        "الجمعيه" | "assembly" => Some(Issuer::GeneralAssembly),
        "اللجنه" | "commission" => Some(Issuer::CommissionOnHumanRights),
        _ => None,
    })
}

/// Full symbols in the folded text (`a/hrc/res/56/2`), returned as written in the source.
fn latin_symbols(folded: &Folded) -> Vec<Found> {
    let text = folded.text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let starts_here = text[i].is_ascii_lowercase()
            && (i == 0 || !(text[i - 1].is_ascii_alphanumeric() || b"/.-_".contains(&text[i - 1])));
        if !starts_here {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < text.len() && text[j].is_ascii_lowercase() {
            j += 1;
        }
        if j - i > 8 || j >= text.len() || text[j] != b'/' {
            i = j;
            continue;
        }
        let mut k = j;
        while k < text.len() && (text[k].is_ascii_alphanumeric() || b"/.-".contains(&text[k])) {
            k += 1;
        }
        while k > j && b"/.-".contains(&text[k - 1]) {
            k -= 1;
        }
        for part in split_joined_symbols(i, &folded.text[i..k]) {
            let written = folded.source_slice(part.clone());
            let looks_like_symbol = written
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_uppercase)
                && written.bytes().any(|b| b.is_ascii_digit());
            if looks_like_symbol {
                out.push(Found {
                    symbol: written.to_owned(),
                    kind: kind_of_symbol(written),
                    date: None,
                    as_written: written.to_owned(),
                    range: part,
                });
            }
        }
        i = k.max(i + 1);
    }
    out
}

/// "e/cn.4/2001/2-e/cn.4/sub.2/2000/46" is two symbols joined by a hyphen.
fn split_joined_symbols(offset: usize, candidate: &str) -> Vec<Range<usize>> {
    let bytes = candidate.as_bytes();
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, b) in bytes.iter().enumerate() {
        if *b != b'-' {
            continue;
        }
        let rest = &bytes[at + 1..];
        let letters = rest.iter().take_while(|c| c.is_ascii_lowercase()).count();
        if (1..=8).contains(&letters) && rest.get(letters) == Some(&b'/') {
            parts.push(offset + from..offset + at);
            from = at + 1;
        }
    }
    parts.push(offset + from..offset + bytes.len());
    parts.retain(|p| candidate[p.start - offset..p.end - offset].contains('/'));
    parts
}

#[derive(Clone, Copy)]
struct Keyword {
    decision: bool,
    possessive: bool,
    /// Bytes of a glued و ب ل ف before the keyword: not part of the citation as written.
    prefix: usize,
}

/// Every keyword holds "قرار" or "مقرر" (so a ق) or is an English word starting with r or d:
/// a cheap test before the full one, which runs on every word of every paragraph.
#[inline]
fn may_be_keyword(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b'r' | b'd') => word.len() >= 8,
        // ق is D9 82 in UTF-8; str::contains would run a substring search per word.
        Some(b) if *b >= 0x80 => {
            word.len() >= 8 && word.as_bytes().windows(2).any(|pair| pair == [0xD9, 0x82])
        }
        _ => false,
    }
}

/// Resolution and decision keywords (folded), after any glued و ب ل ف.
fn keyword(word: &str) -> Option<Keyword> {
    fn bare(word: &str) -> Option<Keyword> {
        let (decision, possessive) = match word {
            "resolution" | "resolutions" => (false, false),
            "decision" | "decisions" => (true, false),
            "قرار" | "القرار" | "قرارات" | "القرارات" | "قراري" | "القراران" | "القرارين" => {
                (false, false)
            }
            "قرارها" | "قراره" | "قراريها" | "قراريه" | "قراراتها" | "قراراته" => {
                (false, true)
            }
            "مقرر" | "المقرر" | "مقررات" | "المقررات" | "مقرري" => {
                (true, false)
            }
            "مقررها" | "مقرره" | "مقرراتها" | "مقرراته" => (true, true),
            _ => return None,
        };
        Some(Keyword {
            decision,
            possessive,
            prefix: 0,
        })
    }
    if let Some(k) = bare(word) {
        return Some(k);
    }
    let mut rest = word;
    for _ in 0..2 {
        let first = rest.chars().next()?;
        if !matches!(first, 'و' | 'ب' | 'ل' | 'ف') {
            return None;
        }
        rest = &rest[first.len_utf8()..];
        if let Some(k) = bare(rest) {
            return Some(Keyword {
                prefix: word.len() - rest.len(),
                ..k
            });
        }
    }
    None
}

fn is_year(text: &str, value: u32) -> bool {
    text.len() == 4 && (1946..=2100).contains(&value)
}

/// The chain scanner: keyword, body, number, date, "and" number, …
struct Chains<'t> {
    folded: &'t Folded<'t>,
    text: &'t str,
    tokens: &'t [Token],
    ctx: &'t Context,
    out: Vec<Found>,
}

/// A number pair at a token: (first, second, first's text, second's text), index after it.
type Pair<'a> = ((u32, u32, &'a str, &'a str), usize);

impl<'t> Chains<'t> {
    fn run(&mut self) {
        let mut i = 0;
        let mut previous_end = 0;
        while i < self.tokens.len() {
            let token = self.tokens[i];
            let keyword = (token.kind == Kind::Word)
                .then(|| token.text(self.text))
                .filter(|word| may_be_keyword(word))
                .and_then(keyword);
            match keyword.and_then(|k| self.chain(i, k, previous_end)) {
                Some(next) => {
                    previous_end = self.tokens[next - 1].end;
                    i = next;
                }
                None => i += 1,
            }
        }
    }

    fn word(&self, i: usize) -> Option<&'t str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(self.text))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct(self.text, c))
    }

    /// `session/number` at token `i`, not part of a longer symbol.
    fn pair(&self, i: usize) -> Option<Pair<'t>> {
        let (a, slash, b) = (
            self.tokens.get(i)?,
            self.tokens.get(i + 1)?,
            self.tokens.get(i + 2)?,
        );
        let adjacent = |t: &Token| !t.spaced;
        if a.kind != Kind::Number
            || !slash.is_punct(self.text, '/')
            || !adjacent(slash)
            || b.kind != Kind::Number
            || !adjacent(b)
        {
            return None;
        }
        let glued_before = i > 0
            && adjacent(a)
            && matches!(self.tokens[i - 1].kind, Kind::Punct | Kind::Number)
            && !self.punct(i - 1, '(');
        let glued_after = self
            .tokens
            .get(i + 3)
            .is_some_and(|t| adjacent(t) && (t.is_punct(self.text, '/') || t.is_word()));
        if glued_before || glued_after {
            return None;
        }
        let (a_text, b_text) = (a.text(self.text), b.text(self.text));
        let first = lex::number_value(a_text)?;
        let second = lex::number_value(b_text)?;
        Some(((first, second, a_text, b_text), i + 3))
    }

    /// A UNFCCC decision at token `i`: "1/cp.21" or, in Arabic, "1/م ا-21" (م أ: مؤتمر
    /// الأطراف, the Conference of the Parties).
    fn unfccc_decision(&self, i: usize) -> Option<(String, usize)> {
        let number = self.tokens.get(i).filter(|t| t.is_number())?;
        if !self.punct(i + 1, '/') {
            return None;
        }
        let number = number.text(self.text);
        if let (Some(body), true) = (self.word(i + 2), self.punct(i + 3, '.')) {
            let session = self.tokens.get(i + 4).filter(|t| t.is_number())?;
            if body.is_ascii() && body.len() <= 4 {
                let body = body.to_ascii_uppercase();
                return Some((
                    format!("{number}/{body}.{}", session.text(self.text)),
                    i + 5,
                ));
            }
        }
        if self.word(i + 2) == Some("م") && self.word(i + 3) == Some("ا") && self.punct(i + 4, '-')
        {
            let session = self.tokens.get(i + 5).filter(|t| t.is_number())?;
            return Some((format!("{number}/CP.{}", session.text(self.text)), i + 6));
        }
        None
    }

    /// A chain starting at the keyword at token `k`; returns the index after it.
    fn chain(&mut self, k: usize, keyword: Keyword, previous_end: usize) -> Option<usize> {
        // The number comes within a few words of the keyword (the body's name between).
        let mut j = k + 1;
        let first = loop {
            let token = self.tokens.get(j)?;
            if j > k + 10 {
                return None;
            }
            match token.kind {
                Kind::Number => break j,
                Kind::Word => j += 1,
                Kind::Punct if token.is_punct(self.text, '-') => j += 1,
                Kind::Punct => return None,
            }
        };
        if keyword.decision
            && let Some((symbol, next)) = self.unfccc_decision(first)
        {
            let start = self.tokens[k].start + keyword.prefix;
            let end = self.tokens[next - 1].end;
            self.out.push(Found {
                range: start..end,
                as_written: self.folded.source_slice(start..end).to_owned(),
                symbol,
                kind: ReferenceKind::Decision,
                date: None,
            });
            return Some(next);
        }
        self.pair(first)?;
        let keyword_token = self.tokens[k];
        let between = &self.text[keyword_token.end..self.tokens[first].start];
        let (issuer, written_from) = self.issuer(k, keyword, between, previous_end, first);
        let mut at = first;
        let mut chain_start = written_from;
        while let Some(((a, b, a_text, b_text), after)) = self.pair(at) {
            let start = chain_start.unwrap_or(self.tokens[at].start);
            let end = self.tokens[after - 1].end;
            let (symbol, kind) = self.symbol(issuer, keyword.decision, (a, a_text), (b, b_text));
            let (date, next) = self.date_after(after);
            self.out.push(Found {
                range: start..end,
                as_written: self.folded.source_slice(start..end).to_owned(),
                symbol,
                kind,
                date,
            });
            chain_start = None;
            // "… و25/49", "…, 49/25 and 52/3"
            let mut m = next;
            if self.punct(m, ',') || self.punct(m, '،') {
                m += 1;
            }
            if matches!(self.word(m), Some("و" | "and")) {
                m += 1;
            }
            at = if m > next && self.pair(m).is_some() {
                m
            } else {
                return Some(next);
            };
        }
        Some(first + 1)
    }

    /// The organ of a chain, and where the citation as written starts when the organ's name
    /// precedes the keyword (English).
    fn issuer(
        &self,
        k: usize,
        keyword: Keyword,
        between: &str,
        previous_end: usize,
        first: usize,
    ) -> (Option<Issuer>, Option<usize>) {
        let keyword_start = self.tokens[k].start + keyword.prefix;
        // Arabic: قرار الجمعية العامة 1/70
        if let Some((issuer, _)) = issuer_in(between) {
            return (Some(issuer), Some(keyword_start));
        }
        if let Some(issuer) = short_issuer_in(between, self.ctx.own_issuer) {
            return (Some(issuer), Some(keyword_start));
        }
        // English: General Assembly resolution 70/1; the Council's resolution 6/17.
        // Look back a clause at most, and never far: long texts stay linear.
        let previous_end = previous_end.max(floor_char_boundary(
            self.text,
            keyword_start.saturating_sub(LOOK_BACK),
        ));
        let clause_start = self.text[previous_end..keyword_start]
            .char_indices()
            .rfind(|(_, c)| matches!(c, ',' | ';' | '،' | '؛' | '(' | ':'))
            .map_or(previous_end, |(at, c)| previous_end + at + c.len_utf8());
        let before = &self.text[clause_start..keyword_start];
        let possessive = keyword.possessive
            || matches!(
                before.split_whitespace().last(),
                Some("its" | "their" | "his" | "her")
            );
        if !possessive {
            if let Some((issuer, name)) = issuer_in(before) {
                return (Some(issuer), Some(clause_start + name.start));
            }
            let last_words: String = before
                .split_whitespace()
                .rev()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(issuer) = short_issuer_in(&last_words, self.ctx.own_issuer) {
                return (Some(issuer), Some(keyword_start));
            }
        }
        // The subject of the sentence: "الجمعية العامة طلبت، في قرارها", "the Assembly, in its
        // resolution".
        if possessive {
            let from = floor_char_boundary(self.text, keyword_start.saturating_sub(LOOK_BACK));
            if let Some(issuer) = last_issuer_in(&self.text[from..keyword_start]) {
                return (Some(issuer), Some(keyword_start));
            }
            return (self.ctx.own_issuer, Some(keyword_start));
        }
        // Named after: "الذي اعتمدته اللجنة الفرعية", "of the Sub-Commission".
        let after = self.tokens[first].end;
        let window_end = floor_char_boundary(self.text, (after + 400).min(self.text.len()));
        let window = &self.text[after..window_end];
        let window = window.split([';', '؛']).next().unwrap_or(window);
        if let Some((issuer, name)) = issuer_in(window) {
            let lead = &window[..name.start];
            if ["اعتمد", "اتخذ", "الصادر عن", "of the", "adopted by"]
                .iter()
                .any(|m| lead.contains(m))
            {
                return (Some(issuer), Some(keyword_start));
            }
        }
        (None, Some(keyword_start))
    }

    fn symbol(
        &self,
        issuer: Option<Issuer>,
        decision: bool,
        (a, a_text): (u32, &str),
        (b, b_text): (u32, &str),
    ) -> (String, ReferenceKind) {
        let year_form = match (is_year(a_text, a), is_year(b_text, b)) {
            (true, false) => Some((a, b)),
            (false, true) => Some((b, a)),
            _ => None,
        };
        if let Some((year, number)) = year_form {
            let kind_res = |kind| {
                if decision {
                    ReferenceKind::Decision
                } else {
                    kind
                }
            };
            return match issuer {
                Some(Issuer::CommissionOnHumanRights) => (
                    series("E/CN.4", decision, year, number),
                    kind_res(ReferenceKind::CommissionResolution),
                ),
                Some(Issuer::SubCommission) => (
                    series("E/CN.4/SUB.2", decision, year, number),
                    kind_res(ReferenceKind::SubCommissionResolution),
                ),
                Some(Issuer::EconomicAndSocialCouncil) => (
                    series("E", decision, year, number),
                    kind_res(ReferenceKind::Other),
                ),
                _ => (format!("{year}/{number}"), kind_res(ReferenceKind::Other)),
            };
        }
        let (mut session, mut number) = match self.ctx.direction {
            Direction::RightToLeft => (b, a),
            Direction::LeftToRight => (a, b),
        };
        if session > 99 && number <= 99 {
            std::mem::swap(&mut session, &mut number);
        }
        let issuer = issuer.or_else(|| {
            (self.ctx.own_number == Some((session, number)))
                .then_some(self.ctx.own_issuer)
                .flatten()
        });
        match (issuer, decision) {
            (Some(Issuer::GeneralAssembly), false) => (
                format!("A/RES/{session}/{number}"),
                ReferenceKind::GeneralAssemblyResolution,
            ),
            (Some(Issuer::GeneralAssembly), true) => {
                (format!("A/DEC/{session}/{number}"), ReferenceKind::Decision)
            }
            (Some(Issuer::HumanRightsCouncil), false) => (
                format!("A/HRC/RES/{session}/{number}"),
                ReferenceKind::HumanRightsCouncilResolution,
            ),
            (Some(Issuer::HumanRightsCouncil), true) => (
                format!("A/HRC/DEC/{session}/{number}"),
                ReferenceKind::Decision,
            ),
            (_, true) => (format!("{session}/{number}"), ReferenceKind::Decision),
            (_, false) => (format!("{session}/{number}"), ReferenceKind::Other),
        }
    }

    /// "المؤرخ 25 أيلول/سبتمبر 2015", "of 25 September 2015" after token `i`.
    fn date_after(&self, i: usize) -> (Option<NaiveDate>, usize) {
        let dated = matches!(
            self.word(i),
            Some(
                // المؤرخ، المؤرخة… folded (ؤ → و)
                "المورخ"
                    | "المورخه"
                    | "المورخين"
                    | "المورختين"
                    | "المورخان"
                    | "المورختان"
                    | "of"
                    | "dated"
                    | "adopted"
            )
        );
        if !dated {
            return (None, i);
        }
        let from = if self.word(i) == Some("adopted") && self.word(i + 1) == Some("on") {
            i + 2
        } else {
            i + 1
        };
        match dates::parse_tokens(self.tokens, from, self.text) {
            Some((range, next)) => (Some(range.from), next),
            None => (None, i),
        }
    }
}

/// How far back (bytes of folded text) the subject of "its resolution" is looked for.
const LOOK_BACK: usize = 600;

fn series(prefix: &str, decision: bool, year: u32, number: u32) -> String {
    let kind = if decision { "DEC" } else { "RES" };
    format!("{prefix}/{kind}/{year}/{number}")
}

pub(crate) fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const HRC_AR: Context = Context {
        direction: Direction::RightToLeft,
        own_issuer: Some(Issuer::HumanRightsCouncil),
        own_number: Some((56, 2)),
    };
    const HRC_EN: Context = Context {
        direction: Direction::LeftToRight,
        own_issuer: Some(Issuer::HumanRightsCouncil),
        own_number: Some((56, 2)),
    };

    fn symbols(text: &str, ctx: &Context) -> Vec<String> {
        scan(text, ctx).into_iter().map(|c| c.symbol).collect()
    }

    #[test]
    fn arabic_right_to_left_numbers_by_body() {
        assert_eq!(symbols("قرار الجمعية العامة 1/70", &HRC_AR), ["A/RES/70/1"]);
        assert_eq!(
            symbols(
                "قرار الجمعية العامة 313/69 المؤرخ 27 تموز/يوليه 2015",
                &HRC_AR
            ),
            ["A/RES/69/313"]
        );
        assert_eq!(
            symbols(
                "وقرار مجلس حقوق الإنسان 4/50 المؤرخ 7 تموز/يوليه 2022",
                &HRC_AR
            ),
            ["A/HRC/RES/50/4"]
        );
        assert_eq!(
            symbols("قرار لجنة حقوق الإنسان 55/2005", &HRC_AR),
            ["E/CN.4/RES/2005/55"]
        );
        assert_eq!(
            symbols("مقرر مجلس حقوق الإنسان 115/55", &HRC_AR),
            ["A/HRC/DEC/55/115"]
        );
        // The resolution itself.
        assert_eq!(symbols("القرار 2/56", &HRC_AR), ["A/HRC/RES/56/2"]);
        assert_eq!(
            symbols(
                "قرار اللجنة الفرعية لتعزيز وحماية حقوق الإنسان 22/2000",
                &HRC_AR
            ),
            ["E/CN.4/SUB.2/RES/2000/22"]
        );
        // A year-form number is recognised whatever the direction.
        assert_eq!(
            symbols("قرار لجنة حقوق الإنسان 2005/55", &HRC_AR),
            ["E/CN.4/RES/2005/55"]
        );
    }

    #[test]
    fn chains_share_their_body() {
        let found = scan(
            "قرار مجلس حقوق الإنسان 14/46 المؤرخ 23 آذار/مارس 2021 و25/49 المؤرخ 1 نيسان/أبريل 2022 بشأن",
            &HRC_AR,
        );
        let got: Vec<(&str, String)> = found
            .iter()
            .map(|c| (c.symbol.as_str(), c.date.unwrap().to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("A/HRC/RES/46/14", "2021-03-23".to_owned()),
                ("A/HRC/RES/49/25", "2022-04-01".to_owned())
            ]
        );
        assert_eq!(found[1].as_written, "25/49");
        let found = scan("وقرار الجمعية العامة 213/77", &HRC_AR);
        assert_eq!(found[0].as_written, "قرار الجمعية العامة 213/77");
        assert_eq!(
            symbols("انظر قراري الجمعية العامة 3/66 و 1/76.", &HRC_AR),
            ["A/RES/66/3", "A/RES/76/1"]
        );
    }

    #[test]
    fn body_from_the_subject_or_named_after() {
        assert_eq!(
            symbols(
                "يشير إلى أن الجمعية العامة طلبت، في قرارها 197/78 المؤرخ 19 كانون الأول/ديسمبر 2023، إلى",
                &HRC_AR
            ),
            ["A/RES/78/197"]
        );
        let found = scan(
            "وإن يشير إلى القرار 22/2000 المؤرخ 18 آب/أغسطس 2000 والمتعلق بتعزيز الحوار، الذي اعتمده اللجنة الفرعية المعنية بتعزيز حقوق الإنسان",
            &HRC_AR,
        );
        assert_eq!(found[0].symbol, "E/CN.4/SUB.2/RES/2000/22");
        assert_eq!(found[0].kind, ReferenceKind::SubCommissionResolution);
        assert_eq!(found[0].date.unwrap().to_string(), "2000-08-18");
    }

    #[test]
    fn english_forms() {
        assert_eq!(
            symbols(
                "Recalling General Assembly resolution 70/1 of 25 September 2015",
                &HRC_EN
            ),
            ["A/RES/70/1"]
        );
        assert_eq!(
            symbols(
                "Human Rights Council resolutions 46/14 of 23 March 2021 and 49/25 of 1 April 2022",
                &HRC_EN
            ),
            ["A/HRC/RES/46/14", "A/HRC/RES/49/25"]
        );
        assert_eq!(
            symbols(
                "Recalling Council resolution 6/17 of 28 September 2007",
                &HRC_EN
            ),
            ["A/HRC/RES/6/17"]
        );
        assert_eq!(
            symbols(
                "resolution 2000/22 of 18 August 2000 of the Sub-Commission on the Promotion and Protection of Human Rights",
                &HRC_EN
            ),
            ["E/CN.4/SUB.2/RES/2000/22"]
        );
        assert_eq!(
            symbols(
                "the General Assembly, in its resolution 78/199 of 19 December 2023, requested",
                &HRC_EN
            ),
            ["A/RES/78/199"]
        );
        assert_eq!(
            symbols("Commission on Human Rights resolution 2005/55", &HRC_EN),
            ["E/CN.4/RES/2005/55"]
        );
        assert_eq!(
            symbols("Sub-Commission resolution 2000/22", &HRC_EN),
            ["E/CN.4/SUB.2/RES/2000/22"]
        );
        assert_eq!(
            symbols("Human Rights Council decision 55/115", &HRC_EN),
            ["A/HRC/DEC/55/115"]
        );
        assert_eq!(symbols("see A/HRC/RES/56/2.", &HRC_EN), ["A/HRC/RES/56/2"]);
        assert_eq!(
            symbols("General Assembly resolutions 66/3, 76/1 and 78/1", &HRC_EN),
            ["A/RES/66/3", "A/RES/76/1", "A/RES/78/1"]
        );
        let found = scan("Recalling General Assembly resolution 70/1 of", &HRC_EN);
        assert_eq!(found[0].as_written, "General Assembly resolution 70/1");
    }

    #[test]
    fn full_symbols_stay_as_written() {
        let found = scan(
            "انظر E/CN.4/2001/2-E/CN.4/Sub.2/2000/46، الفصل الثاني، و FCCC/CP/2015/10/Add.1، المقرر 1/م أ-21، المرفق.",
            &HRC_AR,
        );
        let got: Vec<(&str, ReferenceKind)> =
            found.iter().map(|c| (c.symbol.as_str(), c.kind)).collect();
        assert_eq!(
            got,
            [
                ("E/CN.4/2001/2", ReferenceKind::Report),
                ("E/CN.4/Sub.2/2000/46", ReferenceKind::Report),
                ("FCCC/CP/2015/10/Add.1", ReferenceKind::Report),
                ("1/CP.21", ReferenceKind::Decision),
            ]
        );
        assert_eq!(found[3].as_written, "المقرر 1/م أ-21");
        assert_eq!(symbols("decision 1/CP.21, annex", &HRC_EN), ["1/CP.21"]);
    }

    #[test]
    fn numbers_that_are_not_citations() {
        assert!(symbols("الفقرة 3 من المادة 1 منه", &HRC_AR).is_empty());
        assert!(symbols("كوفيد-19 في 2030", &HRC_AR).is_empty());
        assert!(symbols("three quarters (3/4) of States", &HRC_EN).is_empty());
        assert!(symbols("the resolution", &HRC_EN).is_empty());
        assert!(symbols("resolution", &HRC_EN).is_empty());
    }

    #[test]
    fn tables_are_folded() {
        for (name, _) in ISSUERS {
            assert_eq!(crate::normalize::normalize_for_search(name), *name);
        }
    }

    #[test]
    fn kinds_of_full_symbols() {
        assert_eq!(
            kind_of_symbol("A/RES/70/1"),
            ReferenceKind::GeneralAssemblyResolution
        );
        assert_eq!(
            kind_of_symbol("A/HRC/RES/56/2"),
            ReferenceKind::HumanRightsCouncilResolution
        );
        assert_eq!(kind_of_symbol("A/HRC/DEC/55/115"), ReferenceKind::Decision);
        assert_eq!(
            kind_of_symbol("E/CN.4/Sub.2/RES/2000/22"),
            ReferenceKind::SubCommissionResolution
        );
        assert_eq!(kind_of_symbol("A/HRC/56/31"), ReferenceKind::Report);
        assert_eq!(
            issuer_of("اللجنة الفرعية لتعزيز وحماية حقوق الإنسان"),
            Some(Issuer::SubCommission)
        );
        assert_eq!(
            issuer_of("the Human Rights Council"),
            Some(Issuer::HumanRightsCouncil)
        );
        assert_eq!(
            resolution_symbol(Issuer::HumanRightsCouncil, 56, 2),
            "A/HRC/RES/56/2"
        );
    }
}
