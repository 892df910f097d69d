//! Folding text for search and comparison, with a way back to the text as written.
//!
//! The parser matches words ("قرار", "الجمعية العامة", "requests") on folded text, where
//! diacritics, tatweel, hamza seats, letter case and runs of spaces no longer matter, but it must
//! report what the document actually says ("as written"). [`Folded`] keeps, for every byte of
//! the folded text, the offset of the character it came from, so that a match on the folded text
//! maps back to a slice of the source.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use taawun_text::{fold_arabic_char, is_bidi_control};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Folds a paragraph for search: NFKC, bidi controls and footnote markers (superscripts such as
/// `⁽¹⁾`) removed, Arabic diacritics and tatweel removed and letters folded
/// ([`taawun_text::fold_arabic_char`]: أ إ آ → ا, ة → ه, ى → ي, Arabic-Indic digits → ASCII),
/// lowercased, every run of whitespace turned into one space, trimmed.
///
/// ```
/// use taawun_documents::normalize_for_search;
/// assert_eq!(normalize_for_search("وإذ  يُشـدِّد على إعلان⁽¹⁾ "), "واذ يشدد علي اعلان");
/// assert_eq!(normalize_for_search("Reaffirming  the\tCharter"), "reaffirming the charter");
/// ```
pub fn normalize_for_search(text: &str) -> String {
    Folded::new(text).text
}

/// Superscript digits and parentheses: in UN texts these are footnote markers, never content.
pub(crate) fn is_superscript(c: char) -> bool {
    matches!(
        c,
        '\u{2070}' | '\u{00B9}' | '\u{00B2}' | '\u{00B3}' | '\u{2074}'
            ..='\u{2079}' | '\u{207D}' | '\u{207E}'
    )
}

/// Characters that fold to nothing: bidi controls and footnote markers (diacritics and tatweel
/// are handled by [`fold_arabic_char`]).
fn is_invisible(c: char) -> bool {
    is_bidi_control(c) || is_superscript(c)
}

/// A text folded for matching, with the map back to its source.
pub(crate) struct Folded<'a> {
    /// The text the offsets refer to: the input itself, or (rarely) its NFKC form when the input
    /// was not already in NFKC.
    source: Cow<'a, str>,
    /// The folded text.
    pub text: String,
    /// The map back: (offset in `text`, offset in `source`) where the distance between the two
    /// changes (a dropped diacritic, a collapsed space, a fold that changes a character's
    /// length); between two entries both advance together.
    segments: Vec<(u32, u32)>,
}

impl<'a> Folded<'a> {
    pub fn new(input: &'a str) -> Self {
        // Almost every text is already NFKC, and then the offsets can point into the input
        // itself: fold it as it is, noting whether it held anything but plain characters; only
        // then check NFKC for real, and fold its NFKC form instead when it was not.
        let (folded, plain) = fold(input);
        let visible = || input.chars().filter(|c| !is_invisible(*c));
        let (source, Builder { text, segments, .. }) =
            if plain || is_nfkc_quick(visible()) == IsNormalized::Yes {
                (Cow::Borrowed(input), folded)
            } else {
                let normalized: String = visible().nfkc().collect();
                let (folded, _) = fold(&normalized);
                (Cow::Owned(normalized), folded)
            };
        Folded {
            source,
            text,
            segments,
        }
    }

    /// The folded text, giving up the map.
    pub fn into_text(self) -> String {
        self.text
    }

    /// Where in the source the folded character at byte `at` (a character boundary) comes from.
    fn source_offset(&self, at: usize) -> usize {
        if at >= self.text.len() {
            return self.source.len();
        }
        let at = at as u32;
        let segment = self.segments.partition_point(|(folded, _)| *folded <= at);
        match segment.checked_sub(1).map(|i| self.segments[i]) {
            Some((folded, source)) => (source + (at - folded)) as usize,
            None => 0,
        }
    }

    /// The source range that produced `range` of the folded text (diacritics and markers that
    /// follow the last letter included, trailing spaces and markers not). `range` must fall on
    /// character boundaries of the folded text.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let (start, end) = (range.start.min(len), range.end.min(len));
        let from = self.source_offset(start);
        if start >= end {
            return from..from;
        }
        // At least the whole source character of the last folded one (one source character may
        // fold to several: "İ" → "i̇").
        let last = self.text[..end]
            .char_indices()
            .next_back()
            .map_or(start, |(i, _)| i);
        let last_source = self.source_offset(last);
        let last_end = last_source
            + self.source[last_source..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        let to = self.source_offset(end).max(last_end).max(from);
        let slice = &self.source[from..to];
        let trimmed = slice.trim_end_matches(|c: char| c.is_whitespace() || is_invisible(c));
        from..from + trimmed.len()
    }

    /// The source slice that produced `range` of the folded text.
    pub fn source_slice(&self, range: Range<usize>) -> &str {
        let range = self.source_range(range);
        &self.source[range]
    }
}

/// The folded text being built, with its map back to the source.
struct Builder {
    text: String,
    segments: Vec<(u32, u32)>,
    /// Where a run of whitespace began, when one is pending.
    space_at: Option<usize>,
    /// Whether the next character may continue the current segment: false after a character
    /// whose folded length differs from its source length, or that gave several characters.
    aligned: bool,
}

impl Builder {
    #[inline]
    fn space(&mut self, at: usize) {
        if !self.text.is_empty() && self.space_at.is_none() {
            self.space_at = Some(at);
        }
    }

    /// Appends `c`, folded from the source character at `at` of `source_len` bytes.
    #[inline(always)]
    fn push(&mut self, c: char, at: usize, source_len: usize) {
        if let Some(space) = self.space_at.take() {
            self.mark(space);
            self.text.push(' ');
            // A run of several spaces, or a wide space, is one folded space.
            self.aligned = false;
        }
        self.mark(at);
        self.text.push(c);
        self.aligned = c.len_utf8() == source_len;
    }

    /// Starts a segment at the current end unless it continues the last one.
    #[inline(always)]
    fn mark(&mut self, at: usize) {
        let here = (self.text.len() as u32, at as u32);
        let continues = self.aligned
            && self
                .segments
                .last()
                .is_some_and(|(f, s)| here.0 - f == here.1.wrapping_sub(*s));
        if !continues {
            self.segments.push(here);
        }
    }

    /// Appends a source character unchanged.
    #[inline(always)]
    fn push_same(&mut self, character: &str, at: usize) {
        if let Some(space) = self.space_at.take() {
            self.mark(space);
            self.text.push(' ');
            self.aligned = false;
        }
        self.mark(at);
        self.text.push_str(character);
        self.aligned = true;
    }

    /// Appends what one source character folds to: each produced character maps to its start.
    #[inline]
    fn push_all(&mut self, letters: &str, at: usize, source_len: usize) {
        let several = letters.chars().nth(1).is_some();
        for (i, c) in letters.chars().enumerate() {
            if i > 0 {
                self.aligned = false;
            }
            self.push(c, at, source_len);
        }
        if several {
            self.aligned = false;
        }
    }
}

/// What folding does to a character of the Arabic block.
#[derive(Clone, Copy)]
enum InBlock {
    /// Diacritics, tatweel, the Arabic letter mark (a bidi control).
    Drop,
    Keep,
    Fold(&'static str),
}

struct BlockEntry {
    fold: InBlock,
    /// The canonical combining class of the harakat U+064B..U+0652 (27 + offset), else 0.
    class: u8,
    /// NFKC on its own, needing no full check: letters, punctuation, digits, harakat, tatweel,
    /// the letter mark.
    plain: bool,
}

/// [`fold_arabic_char`] and [`is_invisible`] as a table over the Arabic block (the commonest
/// characters by far), built from them once so that they always agree.
static ARABIC_BLOCK: LazyLock<Vec<BlockEntry>> = LazyLock::new(|| {
    (0x0600..=0x06FFu32)
        .map(|code| {
            let c = char::from_u32(code).unwrap_or(' ');
            let fold = match fold_arabic_char(c) {
                _ if is_invisible(c) => InBlock::Drop,
                Some("") => InBlock::Drop,
                Some(letters) => InBlock::Fold(letters),
                None => InBlock::Keep,
            };
            let class = match code {
                0x064B..=0x0652 => (27 + code - 0x064B) as u8,
                _ => 0,
            };
            let plain = matches!(
                code,
                0x060C | 0x061B | 0x061C | 0x061F | 0x0621..=0x063A | 0x0640..=0x0652 | 0x0660..=0x0669
            );
            BlockEntry { fold, class, plain }
        })
        .collect()
});

/// Folds `source`, and says whether it held only characters that are NFKC on their own (ASCII,
/// the plain characters of the Arabic block with harakat in canonical order, characters that
/// folding drops): then the source is NFKC without further check.
fn fold(source: &str) -> (Builder, bool) {
    let mut out = Builder {
        text: String::with_capacity(source.len()),
        segments: Vec::new(),
        space_at: None,
        aligned: false,
    };
    let block = &*ARABIC_BLOCK;
    let mut plain = true;
    let mut last_class = 0u8;
    let bytes = source.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let lead = bytes[at];
        if lead < 0x80 {
            if lead.is_ascii_whitespace() || lead == 0x0B {
                out.space(at);
            } else {
                out.push(lead.to_ascii_lowercase() as char, at, 1);
            }
            last_class = 0;
            at += 1;
            continue;
        }
        // The Arabic block, U+0600..U+06FF, is two bytes D8..DB 80..BF: decoded by hand.
        if let (0xD8..=0xDB, Some(next)) = (lead, bytes.get(at + 1)) {
            let offset = ((usize::from(lead & 0x1F) << 6) | usize::from(next & 0x3F)) - 0x600;
            let entry = &block[offset];
            if !entry.plain || (entry.class != 0 && entry.class < last_class) {
                plain = false;
            }
            last_class = entry.class;
            match entry.fold {
                InBlock::Drop => out.aligned = false,
                InBlock::Keep => out.push_same(&source[at..at + 2], at),
                InBlock::Fold(letters) => out.push_all(letters, at, 2),
            }
            at += 2;
            continue;
        }
        let Some(c) = source[at..].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        let here = at;
        at += width;
        last_class = 0;
        if is_invisible(c) {
            out.aligned = false;
            continue;
        }
        plain = false;
        if c.is_whitespace() {
            out.space(here);
            continue;
        }
        match fold_arabic_char(c) {
            Some("") => out.aligned = false,
            Some(letters) => out.push_all(letters, here, width),
            // Arabic has no case.
            None if taawun_text::is_arabic(c) => out.push(c, here, width),
            None if c.is_uppercase() => {
                let lower: String = c.to_lowercase().collect();
                out.push_all(&lower, here, width);
            }
            None => out.push(c, here, width),
        }
    }
    (out, plain)
}

/// Folds one word (no spaces) the way [`normalize_for_search`] does: for comparing a word with
/// a table.
pub(crate) fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_invisible(c) {
            continue;
        }
        match fold_arabic_char(c) {
            Some(letters) => out.push_str(letters),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Removes Arabic diacritics and tatweel but keeps the letters as written: for short phrases
/// quoted back to people ("يعدّ تقريراً" → "يعد تقريرا").
pub(crate) fn strip_diacritics(text: &str) -> String {
    text.chars()
        .filter(|c| fold_arabic_char(*c) != Some("") && !is_invisible(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_and_maps_back_to_the_source() {
        let source = "وإذ يشير إلى قرار الجمعيّة العامّة 1/70،";
        let folded = Folded::new(source);
        assert_eq!(folded.text, "واذ يشير الي قرار الجمعيه العامه 1/70،");
        let at = folded.text.find("الجمعيه العامه").unwrap();
        let range = at..at + "الجمعيه العامه".len();
        assert_eq!(folded.source_slice(range), "الجمعيّة العامّة");
    }

    #[test]
    fn every_folded_boundary_maps_to_a_source_boundary() {
        for source in [
            "وإذ  يُشـدِّد على إعلان⁽¹⁾ ٣ İstanbul \u{FEFB} ﷺ  A/HRC/RES/56/2",
            "  Ǆ x\u{00A0}y  ",
            "قرار الجمعيّة ١/٧٠،",
        ] {
            let folded = Folded::new(source);
            let boundaries: Vec<usize> = folded
                .text
                .char_indices()
                .map(|(i, _)| i)
                .chain([folded.text.len()])
                .collect();
            for (i, from) in boundaries.iter().enumerate() {
                for to in &boundaries[i..] {
                    let range = folded.source_range(*from..*to);
                    // Slicing panics if the map is wrong.
                    let slice = &folded.source[range];
                    if !folded.text[*from..*to].trim().is_empty() {
                        assert!(!slice.is_empty(), "{source:?} {from}..{to}");
                    }
                }
            }
        }
    }

    #[test]
    fn markers_and_bidi_controls_vanish() {
        let folded = Folded::new("اتفاق باريس⁽¹⁾، \u{200F}انظر");
        assert_eq!(folded.text, "اتفاق باريس، انظر");
        let end = folded.text.find('،').unwrap();
        // The marker right after the match is not part of the slice.
        assert_eq!(folded.source_slice(0..end), "اتفاق باريس");
    }

    #[test]
    fn presentation_forms_take_the_slow_path() {
        // "لا" as the lam-alef ligature: not NFKC, so the source becomes its NFKC form.
        let folded = Folded::new("\u{FEFB}  بأس");
        assert_eq!(folded.text, "لا باس");
        assert_eq!(folded.source_slice(0..folded.text.len()), "لا  بأس");
    }

    #[test]
    fn the_fast_nfkc_test_agrees_with_the_full_one() {
        let plainly_nfkc = |text: &str| fold(text).1;
        for text in ["قرار 56/2، يعدّ تقريراً", "abc", "حَقِّ", "\u{0651}\u{064E}"]
        {
            if plainly_nfkc(text) {
                assert_eq!(is_nfkc_quick(text.chars()), IsNormalized::Yes, "{text:?}");
            }
        }
        assert!(plainly_nfkc("يعدّ تقريراً"));
        // Shadda (33) before fatha (30) is not in canonical order.
        assert!(!plainly_nfkc("\u{0651}\u{064E}"));
        assert!(!plainly_nfkc("\u{FEFB}"));
        assert!(plainly_nfkc("اتفاق باريس⁽¹⁾،"));
    }

    #[test]
    fn whitespace_is_collapsed_and_trimmed() {
        assert_eq!(normalize_for_search("  a \n\t b  "), "a b");
        assert_eq!(normalize_for_search(""), "");
        assert_eq!(normalize_for_search("ـــ"), "");
    }

    #[test]
    fn word_folding_and_diacritic_stripping() {
        assert_eq!(fold_word("الأولى"), "الاولي");
        assert_eq!(fold_word("July"), "july");
        assert_eq!(strip_diacritics("يعدّ تقريراً جديداً"), "يعد تقريرا جديدا");
    }
}
