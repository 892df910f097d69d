//! A query that is a UN document symbol, as people type it and as Arabic PDFs give it.
//!
//! The words of `A/HRC/RES/56/2` are `a hrc res 56 2`, which no paragraph contains; the record
//! is found by its symbol instead. People type symbols with spaces (`A / HRC / RES / 56 / 2`),
//! in lower case, with Arabic-Indic digits (`A/HRC/RES/٥٦/٢`), or copied out of an Arabic
//! PDF, where the text extractor gives the parts right to left (`2/56/RES/HRC/A`). A bare
//! resolution number (`56/2`) matches that number in every body (`A/HRC/RES/56/2`,
//! `A/RES/56/2`), and a symbol cut short (`A/HRC/RES/56`, `A/HRC/57/L.`) matches every symbol
//! it begins.

use unicode_normalization::UnicodeNormalization;

/// What a symbol query looks for in the `symbol` field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymbolQuery {
    /// The symbol as the registry writes it (upper case, `/` between parts, no spaces).
    pub exact: String,
    /// A regular expression over whole symbols for the records this one stands for besides
    /// the exact one: the symbols it begins, or, for a bare number, the resolutions of that
    /// number in every body. Already escaped.
    pub pattern: String,
}

/// The parts of a symbol a query may hold: letters and digits, with `.`, `-` and parentheses
/// inside a part (`L.43`, `E/CN.4`, `S/RES/242 (1967)`).
fn is_symbol_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '(' | ')' | ' ')
}

fn fold(query: &str) -> String {
    query
        .nfkc()
        .filter(|c| !taawun_text::is_bidi_control(*c))
        .map(|c| match c {
            // Arabic-Indic and Eastern Arabic-Indic (Persian, Urdu) digits.
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            // Backslashes and the fraction and division slashes are typed or pasted for `/`.
            '\\' | '\u{2044}' | '\u{2215}' => '/',
            _ => c,
        })
        .collect()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        if matches!(
            c,
            '.' | '(' | ')' | '-' | '+' | '*' | '?' | '[' | ']' | '{' | '}' | '|' | '^' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One part of a symbol, in upper case. Spaces are allowed inside a part only where symbols
/// have them or people add them: after a full stop (`L. 43`) and before a year in parentheses
/// (`S/RES/242 (1967)`); anything else (`2011 report`) is words, not a symbol.
fn join_part(part: &str) -> Option<String> {
    let mut joined = String::new();
    for piece in part.split_whitespace() {
        if piece.starts_with('(') && !joined.is_empty() {
            joined.push(' ');
        } else if !(joined.is_empty() || joined.ends_with('.')) {
            return None;
        }
        joined.push_str(&piece.to_ascii_uppercase());
    }
    Some(joined)
}

/// The symbol `query` names, if it is one. Anything with a word that is not part of a symbol
/// (`right to development`, `Venezuela`) is not.
pub fn symbol_query(query: &str) -> Option<SymbolQuery> {
    let folded = fold(query.trim());
    if !folded.contains('/') || !folded.chars().all(|c| c == '/' || is_symbol_char(c)) {
        return None;
    }
    let trailing_slash = folded.trim_end().ends_with('/');
    let mut parts: Vec<String> = Vec::new();
    for part in folded.split('/') {
        let part = join_part(part)?;
        if !part.is_empty() {
            parts.push(part);
        }
    }
    if parts.len() < 2 || parts.iter().all(|p| !p.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let is_number = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    let is_letters = |p: &str| p.chars().all(|c| c.is_ascii_alphabetic());
    // Right to left, as Arabic PDFs give it: a number first and a series of letters last.
    if parts.len() > 2 && is_number(&parts[0]) && is_letters(&parts[parts.len() - 1]) {
        parts.reverse();
    }
    if parts.len() == 2 && parts.iter().all(|p| is_number(p)) {
        let exact = format!("A/HRC/RES/{}/{}", parts[0], parts[1]);
        let pattern = format!(".*/RES/{}/{}", parts[0], parts[1]);
        return Some(SymbolQuery { exact, pattern });
    }
    let exact = parts.join("/");
    // `A/HRC/57/L.` and `A/HRC/57/L` both begin `A/HRC/57/L.43`; a symbol that is whole
    // (`A/HRC/RES/56/2`) begins `A/HRC/RES/56/2/Add.1` only with its slash.
    let stem = exact.trim_end_matches('.');
    let last_is_letters = is_letters(stem.rsplit('/').next().unwrap_or(""));
    let pattern = if trailing_slash || !last_is_letters {
        format!("{}/.*", escape(&exact))
    } else {
        format!("{}[./].*", escape(stem))
    };
    Some(SymbolQuery { exact, pattern })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(query: &str) -> Option<String> {
        symbol_query(query).map(|s| s.exact)
    }

    #[test]
    fn symbols_as_typed() {
        for typed in [
            "A/HRC/RES/56/2",
            "a/hrc/res/56/2",
            "A / HRC / RES / 56 / 2",
            " A/HRC/RES/56/2/ ",
            "A/HRC/RES/٥٦/٢",
            "A/HRC/RES/۵۶/۲",
            "2/56/RES/HRC/A",
            "\u{200F}2/56/RES/HRC/A\u{200F}",
            "A\\HRC\\RES\\56\\2",
        ] {
            assert_eq!(exact(typed).as_deref(), Some("A/HRC/RES/56/2"), "{typed:?}");
        }
        assert_eq!(exact("A/HRC/57/L. 43").as_deref(), Some("A/HRC/57/L.43"));
        assert_eq!(
            exact("e/cn.4/res/1995/5").as_deref(),
            Some("E/CN.4/RES/1995/5")
        );
        assert_eq!(
            exact("S/RES/242 (1967)").as_deref(),
            Some("S/RES/242 (1967)")
        );
    }

    #[test]
    fn words_are_not_symbols() {
        for query in [
            "right to development",
            "Venezuela",
            "حقوق الإنسان",
            "56",
            "A/HRC",
            "and/or",
            "2010/2011 report",
            "",
        ] {
            assert_eq!(symbol_query(query), None, "{query:?}");
        }
    }

    #[test]
    fn patterns_cover_what_the_symbol_begins() {
        let q = symbol_query("56/2").unwrap();
        assert_eq!(q.pattern, ".*/RES/56/2");
        let q = symbol_query("A/HRC/RES/56").unwrap();
        assert_eq!(q.pattern, "A/HRC/RES/56/.*");
        let q = symbol_query("A/HRC/57/L.").unwrap();
        assert_eq!(q.pattern, "A/HRC/57/L[./].*");
        let q = symbol_query("E/CN.4/RES/1995/5").unwrap();
        assert_eq!(q.pattern, r"E/CN\.4/RES/1995/5/.*");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(query in "\\PC{0,80}") {
            let _ = symbol_query(&query);
        }

        #[test]
        fn patterns_compile(query in "[A-Za-z0-9./() \\-٠-٩]{0,40}") {
            if let Some(q) = symbol_query(&query) {
                tantivy::query::RegexQuery::from_pattern(
                    &q.pattern,
                    tantivy::schema::Schema::builder().add_text_field("s", tantivy::schema::STRING),
                )
                .expect("the pattern compiles");
            }
        }
    }
}
