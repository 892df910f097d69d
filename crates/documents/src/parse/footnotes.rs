//! Footnotes: markers in paragraphs (`⁽¹⁾`, `¹`) and the footnote texts that PDF extraction
//! leaves where the page bottoms were (`(1) انظر …`, `¹ See …`), linked by number.

use std::collections::HashMap;

use crate::model::{Footnote, Warning};

fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '\u{2070}' => Some(0),
        '\u{00B9}' => Some(1),
        '\u{00B2}' => Some(2),
        '\u{00B3}' => Some(3),
        '\u{2074}'..='\u{2079}' => Some(c as u32 - 0x2070),
        _ => None,
    }
}

/// The numbers of the footnote markers in a paragraph, in order: runs of superscript digits,
/// with or without superscript parentheses.
pub(crate) fn markers(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    // Superscripts are U+00B2, U+00B3, U+00B9 (lead byte C2) or U+2070..U+207E (lead byte E2).
    if memchr::memchr2(0xC2, 0xE2, text.as_bytes()).is_none() {
        return out;
    }
    let mut current: Option<u32> = None;
    for c in text.chars() {
        match superscript_digit(c) {
            Some(d) => current = Some(current.unwrap_or(0).saturating_mul(10).saturating_add(d)),
            None => {
                if let Some(n) = current.take() {
                    out.push(n);
                }
            }
        }
    }
    out.extend(current);
    out
}

/// A line that is a footnote's text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct FootnoteLine<'a> {
    pub number: u32,
    pub text: &'a str,
    /// Introduced by a bare number ("1 See …"): trusted only when a marker awaits that number.
    pub bare: bool,
}

/// "(1) انظر …", "⁽¹⁾ …", "¹ See …", "1 See …".
pub(crate) fn footnote_line(line: &str) -> Option<FootnoteLine<'_>> {
    let line = line.trim_start();
    if let Some(rest) = line.strip_prefix('(') {
        let digits = rest.find(|c: char| !c.is_ascii_digit())?;
        let after = rest[digits..].strip_prefix(')')?;
        return footnote(&rest[..digits], after, false);
    }
    let rest = line.strip_prefix('\u{207D}').unwrap_or(line);
    let digits: String = rest
        .chars()
        .map_while(superscript_digit)
        .map(|d| char::from_digit(d, 10).unwrap_or('0'))
        .collect();
    if !digits.is_empty() {
        let consumed: usize = rest
            .chars()
            .take_while(|c| superscript_digit(*c).is_some())
            .map(char::len_utf8)
            .sum();
        let after = &rest[consumed..];
        let after = after.strip_prefix('\u{207E}').unwrap_or(after);
        return footnote(&digits, after, false);
    }
    let digits = line.find(|c: char| !c.is_ascii_digit())?;
    footnote(&line[..digits], &line[digits..], true)
}

fn footnote<'a>(digits: &str, after: &'a str, bare: bool) -> Option<FootnoteLine<'a>> {
    if digits.is_empty() || digits.len() > 3 || !after.starts_with(char::is_whitespace) {
        return None;
    }
    let text = after.trim();
    let first = text.chars().next()?;
    if bare && !first.is_alphabetic() {
        return None;
    }
    Some(FootnoteLine {
        number: digits.parse().ok()?,
        text,
        bare,
    })
}

/// Links every marker to its text; markers without text and texts without marker are kept, with
/// a warning.
pub(crate) fn link(
    markers: &[(u32, String)],
    texts: &[(u32, String)],
    warnings: &mut Vec<Warning>,
) -> Vec<Footnote> {
    let mut by_number: HashMap<u32, &str> = HashMap::new();
    for (number, text) in texts {
        if by_number.insert(*number, text).is_some() {
            warnings.push(Warning {
                code: "duplicate-footnote".into(),
                location: "footnotes".into(),
                message: format!("two footnote texts are numbered {number}; the last is kept"),
            });
        }
    }
    let mut out = Vec::new();
    let mut used = HashMap::new();
    for (number, location) in markers {
        if let Some(first) = used.insert(*number, location.clone()) {
            warnings.push(Warning {
                code: "duplicate-footnote-marker".into(),
                location: location.clone(),
                message: format!("footnote marker {number} already appears in {first}"),
            });
            continue;
        }
        let text = by_number.get(number).map(|t| (*t).to_owned());
        if text.is_none() {
            warnings.push(Warning {
                code: "missing-footnote".into(),
                location: location.clone(),
                message: format!(
                    "footnote marker {number} has no footnote text (the page bottom carrying it \
                     was lost in extraction)"
                ),
            });
        }
        out.push(Footnote {
            marker: *number,
            text,
            paragraph: location.clone(),
        });
    }
    for (number, text) in texts {
        if !used.contains_key(number) {
            warnings.push(Warning {
                code: "orphan-footnote".into(),
                location: "footnotes".into(),
                message: format!("footnote {number} has no marker in any paragraph: {text}"),
            });
            used.insert(*number, "footnotes".into());
            out.push(Footnote {
                marker: *number,
                text: Some(text.clone()),
                paragraph: "footnotes".into(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_in_paragraphs() {
        assert_eq!(markers("اتفاق باريس⁽¹⁾، و⁽¹²⁾"), vec![1, 12]);
        assert_eq!(markers("Paris Agreement,¹ and²"), vec![1, 2]);
        assert_eq!(markers("no markers (1)"), Vec::<u32>::new());
    }

    #[test]
    fn footnote_lines() {
        let line = "(1) انظر FCCC/CP/2015/10/Add.1، المقرر 1/م أ-21، المرفق.";
        assert_eq!(
            footnote_line(line),
            Some(FootnoteLine {
                number: 1,
                text: "انظر FCCC/CP/2015/10/Add.1، المقرر 1/م أ-21، المرفق.",
                bare: false
            })
        );
        assert_eq!(
            footnote_line("¹ See A/HRC/56/31.").map(|f| f.number),
            Some(1)
        );
        assert_eq!(footnote_line("⁽²⁾ انظر").map(|f| f.number), Some(2));
        assert_eq!(footnote_line("3 See A/78/1.").map(|f| f.bare), Some(true));
        assert_eq!(footnote_line("1. Reaffirms"), None);
        assert_eq!(footnote_line("1- يؤكد"), None);
        assert_eq!(footnote_line("2024 و"), None);
        assert_eq!(footnote_line("34th meeting"), None);
        assert_eq!(footnote_line("(a) to promote"), None);
        assert_eq!(footnote_line("12 July 2024").map(|f| f.bare), Some(true));
    }

    #[test]
    fn linking_warns_about_missing_and_orphan_texts() {
        let mut warnings = Vec::new();
        let footnotes = link(
            &[(1, "pp-3".into()), (4, "op-20".into())],
            &[(1, "See A.".into()), (7, "Lost.".into())],
            &mut warnings,
        );
        assert_eq!(footnotes.len(), 3);
        assert_eq!(footnotes[1].text, None);
        let codes: Vec<&str> = warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(codes, ["missing-footnote", "orphan-footnote"]);
        assert_eq!(warnings[0].location, "op-20");
    }
}
