//! Snippets: the part of a hit's text where the query's words are densest, with the matched
//! words marked.
//!
//! Matches are found by running the hit's text through the same analysers as the index and
//! comparing terms, so الحقوق is marked for a search of حق, and "cooperating" for
//! "cooperation". Every mark and every cut falls on a token boundary: a mark never splits an
//! Arabic word (which would break its letters' joining and confuse the bidi algorithm), and
//! the fragment never starts or ends mid-word.

use serde::{Deserialize, Serialize};

use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::analysis::tokenizer::is_word_char;
use crate::analysis::{AnalyzerChoice, FieldKind, Stage, analyzer, arabic};
use crate::compile::LanguageTerms;
use crate::language::Language;

/// Fragment length aimed at, in characters.
pub const SNIPPET_CHARS: usize = 240;
/// Characters of context kept before the first match of the fragment.
const LEAD_CHARS: usize = 40;

/// A byte range of [`Snippet::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
}

/// A fragment of a hit's text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The fragment as written (not escaped).
    pub text: String,
    /// Byte ranges of `text` that matched, in order, not overlapping, on word boundaries.
    pub highlights: Vec<Highlight>,
    /// `text` HTML-escaped, with `<mark>…</mark>` around the highlights and "…" where the
    /// fragment was cut from a longer text.
    pub html: String,
    pub truncated_start: bool,
    pub truncated_end: bool,
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Decides, word by word, whether a hit's words match the query's terms. Made once per
/// snippet: what every word would otherwise recompute (the stems' first letters, the stemmed
/// analyser, which sits behind a lock) is prepared here, as snippets are on the search's hot
/// path.
struct Matcher<'a> {
    language: Language,
    terms: &'a LanguageTerms,
    choice: AnalyzerChoice,
    /// The first two letters of each stemmed term: Snowball stems keep a word's first
    /// letters, so a word that begins like none of them need not be stemmed. (Arabic stems
    /// drop prefixes, and are cheap: always stemmed.)
    stem_heads: Vec<String>,
    /// The stemmed field's analyser, fetched when a word first needs it.
    stemmer: Option<TextAnalyzer>,
}

impl<'a> Matcher<'a> {
    fn new(language: Language, terms: &'a LanguageTerms, choice: AnalyzerChoice) -> Matcher<'a> {
        let mut stem_heads: Vec<String> = terms
            .stemmed
            .iter()
            .map(|stem| stem.chars().take(2).collect())
            .collect();
        stem_heads.sort_unstable();
        stem_heads.dedup();
        Matcher {
            language,
            terms,
            choice,
            stem_heads,
            stemmer: None,
        }
    }

    /// Whether the stemmed-field term of one word is a query term (a stop word has none):
    /// `normalized` is the word as the exact analyser gave it, `written` as the text has it
    /// (Snowball reads accents that the exact form has folded away, so it must see the word
    /// as written, as at indexing).
    fn stem_matches(&mut self, normalized: &str, written: &str) -> bool {
        if self.choice == AnalyzerChoice::Taawun && self.language == Language::Ar {
            return !arabic::is_stop_word(normalized)
                && self.terms.stemmed.contains(arabic::stem(normalized));
        }
        if !self
            .stem_heads
            .iter()
            .any(|head| normalized.starts_with(head.as_str()))
        {
            return false;
        }
        let (choice, language) = (self.choice, self.language);
        let stemmer = self
            .stemmer
            .get_or_insert_with(|| analyzer(choice, language, FieldKind::Stemmed, Stage::Query));
        let mut stream = stemmer.token_stream(written);
        stream.advance() && self.terms.stemmed.contains(stream.token().text.as_str())
    }

    /// Whether one word (as the exact analyser gives it; `written` as in the text) matches.
    fn word_matches(&mut self, word: &str, written: &str) -> bool {
        let terms = self.terms;
        terms.exact.contains(word)
            || terms.stemmed.contains(word)
            || terms.matches_prefix(self.language, word)
            || (!terms.stemmed.is_empty() && self.stem_matches(word, written))
    }
}

/// A byte range of the text being cut: `(start, end)`.
type Span = (usize, usize);

/// Byte ranges of `text` matching `terms`, merged where they overlap or only spaces separate
/// them (a matched phrase gets one mark), and every word's range (for cutting).
///
/// The text is analysed once, by the exact analyser; a word is then stemmed only if it could
/// match a stemmed term. Snippets are made for every hit shown, so this is on the search's hot
/// path.
fn matches(
    text: &str,
    language: Language,
    terms: &LanguageTerms,
    choice: AnalyzerChoice,
) -> (Vec<Span>, Vec<Span>) {
    let searching =
        !terms.stemmed.is_empty() || !terms.exact.is_empty() || !terms.prefixes.is_empty();
    let (mut ranges, mut tokens) = if language == Language::Zh {
        chinese_matches(text, terms, searching)
    } else {
        let mut words = analyzer(choice, language, FieldKind::Words, Stage::Index);
        let mut matcher = Matcher::new(language, terms, choice);
        let mut stream = words.token_stream(text);
        let mut tokens = Vec::new();
        let mut ranges: Vec<Span> = Vec::new();
        while let Some(token) = stream.next() {
            let range = (token.offset_from, token.offset_to);
            tokens.push(range);
            if searching && matcher.word_matches(&token.text, &text[range.0..range.1]) {
                ranges.push(range);
            }
        }
        (ranges, tokens)
    };
    ranges.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        if let Some(last) = merged.last_mut()
            && (start <= last.1 || text[last.1..start].chars().all(char::is_whitespace))
        {
            last.1 = last.1.max(end);
            continue;
        }
        merged.push((start, end));
    }
    tokens.sort_unstable();
    (merged, tokens)
}

/// Chinese: the query's words are found in the text as written, not by segmenting each hit.
/// The index holds jieba's search-mode words (the shorter words inside a long one too), so a
/// query word matched wherever it occurs inside a longer word, and that occurrence is what is
/// marked; running jieba over every hit shown was most of a Chinese search's time. Every Han
/// character is a place the fragment may be cut (Chinese has no spaces between words; Latin
/// words and numbers inside the text stay whole). Latin letters are compared in lower case, as
/// the query's words are normalised.
fn chinese_matches(text: &str, terms: &LanguageTerms, searching: bool) -> (Vec<Span>, Vec<Span>) {
    let mut tokens: Vec<Span> = Vec::new();
    let mut run: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if c.is_ascii_alphanumeric() {
            run.get_or_insert(at);
            continue;
        }
        if let Some(start) = run.take() {
            tokens.push((start, at));
        }
        if is_word_char(c) {
            tokens.push((at, end));
        }
    }
    if let Some(start) = run {
        tokens.push((start, text.len()));
    }
    let mut ranges = Vec::new();
    if searching {
        // Lower-casing ASCII keeps every byte offset where it was.
        let lowered = text.to_ascii_lowercase();
        for term in terms
            .stemmed
            .iter()
            .chain(&terms.exact)
            .chain(&terms.prefixes)
            .filter(|term| !term.is_empty())
        {
            ranges.extend(
                lowered
                    .match_indices(term.as_str())
                    .map(|(at, found)| (at, at + found.len())),
            );
        }
    }
    (ranges, tokens)
}

/// Byte offset `chars` characters after `from` in `text` (or the end).
fn advance_chars(text: &str, from: usize, chars: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| from + i)
}

fn back_chars(text: &str, to: usize, chars: usize) -> usize {
    text[..to]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// Makes the snippet of `text` for the query's terms in `language`. Without terms (browse
/// mode) it is the beginning of the text.
pub fn make(
    text: &str,
    language: Language,
    terms: Option<&LanguageTerms>,
    choice: AnalyzerChoice,
) -> Snippet {
    let empty = LanguageTerms::default();
    let terms = terms.unwrap_or(&empty);
    let (ranges, tokens) = matches(text, language, terms, choice);
    let (start, end) = if text.chars().count() <= SNIPPET_CHARS {
        (0, text.len())
    } else {
        window(text, &ranges, &tokens)
    };
    let fragment = &text[start..end];
    let highlights: Vec<Highlight> = ranges
        .iter()
        .filter(|(s, e)| *s >= start && *e <= end)
        .map(|(s, e)| Highlight {
            start: s - start,
            end: e - start,
        })
        .collect();
    let truncated_start = start > 0;
    let truncated_end = end < text.len();
    let mut html = String::with_capacity(fragment.len() + 32 * highlights.len() + 8);
    if truncated_start {
        html.push('…');
    }
    let mut at = 0;
    for highlight in &highlights {
        escape_into(&mut html, &fragment[at..highlight.start]);
        html.push_str("<mark>");
        escape_into(&mut html, &fragment[highlight.start..highlight.end]);
        html.push_str("</mark>");
        at = highlight.end;
    }
    escape_into(&mut html, &fragment[at..]);
    if truncated_end {
        html.push('…');
    }
    Snippet {
        text: fragment.to_string(),
        highlights,
        html,
        truncated_start,
        truncated_end,
    }
}

/// The byte window of about [`SNIPPET_CHARS`] characters holding the most matches, cut on
/// token boundaries.
fn window(text: &str, ranges: &[Span], tokens: &[Span]) -> Span {
    let mut best = (0usize, 0usize); // (matches, index of the first match)
    for (i, (first_start, _)) in ranges.iter().enumerate() {
        let lead = back_chars(text, *first_start, LEAD_CHARS);
        let limit = advance_chars(text, lead, SNIPPET_CHARS);
        let count = ranges[i..].iter().take_while(|(_, e)| *e <= limit).count();
        if count > best.0 {
            best = (count, i);
        }
    }
    let raw_start = if best.0 == 0 {
        0
    } else {
        back_chars(text, ranges[best.1].0, LEAD_CHARS)
    };
    let raw_end = advance_chars(text, raw_start, SNIPPET_CHARS);
    // Start at the first token that begins inside the window (or at 0), end after the last
    // token that ends inside it; fall back to the raw cut only for text without tokens.
    let start = if raw_start == 0 {
        0
    } else {
        tokens
            .iter()
            .map(|t| t.0)
            .find(|&from| from >= raw_start)
            .unwrap_or(raw_start)
    };
    let end = tokens
        .iter()
        .map(|t| t.1)
        .filter(|&to| to <= raw_end && to > start)
        .max()
        .unwrap_or(raw_end)
        .max(start);
    // Keep a match that straddles the end whole rather than cut it.
    let end = ranges
        .iter()
        .find(|(s, e)| *s < end && *e > end)
        .map_or(end, |(_, e)| *e);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(stemmed: &[&str], exact: &[&str]) -> LanguageTerms {
        LanguageTerms {
            stemmed: stemmed.iter().map(|s| s.to_string()).collect(),
            exact: exact.iter().map(|s| s.to_string()).collect(),
            prefixes: Vec::new(),
        }
    }

    #[test]
    fn arabic_words_are_marked_whole_and_escaped() {
        let text = "تعزيز <التعاون> الدولي في ميدان حقوق الإنسان";
        let snippet = make(
            text,
            Language::Ar,
            Some(&terms(&["تعاون", "حق"], &[])),
            AnalyzerChoice::Taawun,
        );
        assert_eq!(snippet.text, text);
        let marked: Vec<&str> = snippet
            .highlights
            .iter()
            .map(|h| &snippet.text[h.start..h.end])
            .collect();
        assert_eq!(marked, ["التعاون", "حقوق"]);
        assert!(
            snippet.html.contains("&lt;<mark>التعاون</mark>&gt;"),
            "{}",
            snippet.html
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_matches_on_word_boundaries() {
        let before = "word ".repeat(100);
        let after = " more".repeat(100);
        let text = format!("{before}international cooperation{after}");
        let snippet = make(
            &text,
            Language::En,
            Some(&terms(&["cooper"], &[])),
            AnalyzerChoice::Taawun,
        );
        assert!(snippet.truncated_start && snippet.truncated_end);
        assert!(snippet.text.contains("cooperation"));
        assert!(snippet.text.starts_with("word") || snippet.text.starts_with("international"));
        assert!(snippet.text.ends_with("more"), "{:?}", snippet.text);
        assert!(snippet.html.starts_with('…') && snippet.html.ends_with('…'));
        assert_eq!(snippet.highlights.len(), 1);
    }

    #[test]
    fn chinese_words_are_marked_where_they_occur_even_inside_longer_words() {
        let text = "人权理事会在COVID-19期间加强国际合作。";
        let snippet = make(
            text,
            Language::Zh,
            Some(&terms(&["人权", "合作", "covid"], &[])),
            AnalyzerChoice::Taawun,
        );
        let marked: Vec<&str> = snippet
            .highlights
            .iter()
            .map(|h| &snippet.text[h.start..h.end])
            .collect();
        assert_eq!(marked, ["人权", "COVID", "合作"]);
        assert_eq!(snippet.text, text);
    }

    #[test]
    fn long_chinese_texts_are_cut_between_characters_around_the_match() {
        let text = format!("{}国际合作{}", "前".repeat(300), "后".repeat(300));
        let snippet = make(
            &text,
            Language::Zh,
            Some(&terms(&["合作"], &[])),
            AnalyzerChoice::Taawun,
        );
        assert!(snippet.truncated_start && snippet.truncated_end);
        assert!(snippet.text.contains("国际合作"));
        assert!(snippet.text.chars().count() <= SNIPPET_CHARS + 1);
        assert_eq!(snippet.highlights.len(), 1);
    }

    #[test]
    fn a_phrase_gets_one_mark() {
        let snippet = make(
            "promote international cooperation now",
            Language::En,
            Some(&terms(&[], &["international", "cooperation"])),
            AnalyzerChoice::Taawun,
        );
        assert_eq!(
            snippet.html,
            "promote <mark>international cooperation</mark> now"
        );
    }
}
