//! Writing SVG text: escaping, numbers, ids, the document frame and text-width estimates.

use std::fmt::Write as _;

use crate::Dir;
use crate::error::SpecError;

/// Appends `text` escaped for XML text and attribute values alike.
///
/// Characters XML 1.0 forbids even when escaped (C0 controls other than tab, line feed and
/// carriage return, U+FFFE, U+FFFF) become U+FFFD: a label pasted from a PDF can carry them, and
/// one of them would make the whole page fail to parse as XHTML or the SVG fail in a viewer.
pub fn escape_into(out: &mut String, text: &str) {
    // Scanned as bytes and copied in runs: every character to replace is ASCII except U+FFFE
    // and U+FFFF (EF BF BE, EF BF BF), and a byte-wise scan of mostly plain names is several
    // times faster than decoding chars, on the path every tooltip of the map goes through.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (replacement, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b if b < 0x20 => ("\u{FFFD}", 1),
            0xEF if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                ("\u{FFFD}", 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        // `i` is on a character boundary: it is an ASCII byte or the lead byte of U+FFFE/F.
        out.push_str(&text[start..i]);
        out.push_str(replacement);
        i += len;
        start = i;
    }
    out.push_str(&text[start..]);
}

/// Appends `v` with at most `decimals` decimals (0–3), without trailing zeros or "-0".
///
/// Non-finite values are written as 0: every caller has filtered them out already, and an SVG
/// with "NaN" in an attribute is rejected by some renderers.
pub fn num_into(out: &mut String, v: f64, decimals: u32) {
    let scale = 10f64.powi(decimals.min(3) as i32);
    let scaled = (v * scale).round();
    if !scaled.is_finite() || scaled == 0.0 {
        out.push('0');
        return;
    }
    // Beyond i64 the chart is meaningless anyway; clamping keeps the output parseable.
    let scaled = scaled.clamp(-9.0e15, 9.0e15) as i64;
    let scale = scale as i64;
    if scaled < 0 {
        out.push('-');
    }
    let abs = scaled.unsigned_abs();
    let int = abs / scale as u64;
    let mut frac = abs % scale as u64;
    let _ = write!(out, "{int}");
    if frac != 0 {
        let mut digits = decimals.min(3);
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        let _ = write!(out, ".{frac:0width$}", width = digits as usize);
    }
}

/// `v` as [`num_into`] writes it.
#[cfg(test)]
pub fn num(v: f64, decimals: u32) -> String {
    let mut s = String::new();
    num_into(&mut s, v, decimals);
    s
}

/// Checks an id prefix: it becomes the start of XML ids and of `url(#…)` references, so it must
/// be an XML name that needs no escaping anywhere.
pub fn check_id_prefix(prefix: &str) -> Result<(), SpecError> {
    let mut chars = prefix.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(())
    } else {
        Err(SpecError::InvalidIdPrefix(prefix.to_owned()))
    }
}

/// A class-name fragment from a caller's key: ASCII letters and digits kept (lower-cased),
/// everything else turned into `-`, so any key is safe inside `class="…"`.
pub fn class_fragment_into(out: &mut String, key: &str) {
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push('-');
        }
    }
}

/// The font stack every chart uses: the platform's own web fonts first (served with the pages), then the system's.
pub const FONT_FAMILY: &str = "&quot;Noto Sans&quot;, &quot;Noto Naskh Arabic&quot;, system-ui, -apple-system, &quot;Segoe UI&quot;, Tahoma, sans-serif";

/// Writes the opening `<svg>` with its accessible name and description.
///
/// `aria-labelledby` names both the title and the description: `aria-describedby` on an SVG root
/// is not announced by every screen reader, while a two-id labelledby is.
pub fn open_svg(
    out: &mut String,
    kind: &str,
    prefix: &str,
    width: f64,
    height: f64,
    title: &str,
    description: &str,
) {
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
    num_into(out, width, 1);
    out.push(' ');
    num_into(out, height, 1);
    let _ = write!(
        out,
        "\" role=\"img\" aria-labelledby=\"{prefix}-title {prefix}-desc\" \
         class=\"taawun-chart taawun-{kind}\" font-family=\"{FONT_FAMILY}\">\
         <title id=\"{prefix}-title\">"
    );
    escape_into(out, title);
    let _ = write!(out, "</title><desc id=\"{prefix}-desc\">");
    escape_into(out, description);
    out.push_str("</desc>");
}

/// Writes the attributes that set a `<text>`'s direction and anchoring.
///
/// `align` is where the anchor point sits on the rendered text box. SVG 2 defines `start` and
/// `end` by the text's inline direction: with `direction="rtl"`, `start` is the right edge. So a
/// right-aligned label is `text-anchor="end"` in LTR and `text-anchor="start"` in RTL.
pub fn text_attrs_into(out: &mut String, dir: Dir, align: Align) {
    let anchor = match (align, dir) {
        (Align::Middle, _) => "middle",
        (Align::Left, Dir::Ltr) | (Align::Right, Dir::Rtl) => "start",
        (Align::Right, Dir::Ltr) | (Align::Left, Dir::Rtl) => "end",
    };
    let direction = match dir {
        Dir::Ltr => "ltr",
        Dir::Rtl => "rtl",
    };
    let _ = write!(out, " direction=\"{direction}\" text-anchor=\"{anchor}\"");
}

/// Where a `<text>`'s x coordinate sits on the rendered text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// x is the left edge.
    Left,
    /// x is the centre.
    Middle,
    /// x is the right edge.
    Right,
}

/// An estimate of the rendered width of `text` at `font_size`.
///
/// The server has no font metrics, and the browser picks the font. The estimate errs wide, so
/// layouts built on it leave a little slack rather than overlap.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            // Combining marks (Arabic harakat, Latin accents) and bidi controls take no advance.
            '\u{0300}'..='\u{036F}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => 0.0,
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '!' | '\'' | '|' | ' ' => 0.32,
            'm' | 'w' | 'M' | 'W' => 0.9,
            'A'..='Z' => 0.7,
            '0'..='9' => 0.58,
            c if c.is_ascii() => 0.58,
            // Arabic letters, joined, are on average narrower than Latin capitals.
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}' => 0.55,
            // CJK ideographs, kana and Hangul are square.
            '\u{1100}'..='\u{11FF}'
            | '\u{2E80}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7AF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{20000}'..='\u{3FFFF}' => 1.0,
            _ => 0.65,
        })
        .sum();
    ems * font_size
}

/// `text` cut so that its estimated width fits `max_width`, with an ellipsis when cut.
pub fn truncate_to_width(text: &str, font_size: f64, max_width: f64) -> std::borrow::Cow<'_, str> {
    if text_width(text, font_size) <= max_width {
        return text.into();
    }
    let budget = max_width - text_width("…", font_size);
    let mut width = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let mut buf = [0u8; 4];
        width += text_width(c.encode_utf8(&mut buf), font_size);
        if width > budget {
            break;
        }
        end = i + c.len_utf8();
    }
    format!("{}…", text[..end].trim_end()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_exact() {
        assert_eq!(num(1.0, 1), "1");
        assert_eq!(num(-0.04, 1), "0");
        assert_eq!(num(-12.25, 1), "-12.3");
        assert_eq!(num(3.10, 2), "3.1");
        assert_eq!(num(0.05, 2), "0.05");
        assert_eq!(num(f64::NAN, 1), "0");
        assert_eq!(num(f64::INFINITY, 1), "0");
        assert_eq!(num(1e300, 1), "900000000000000");
    }

    #[test]
    fn escaping_covers_markup_quotes_and_forbidden_characters() {
        let mut s = String::new();
        escape_into(&mut s, "<script>\"a\" & 'b'\u{0}\u{1b}\u{FFFF}\n");
        assert_eq!(
            s,
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;\u{FFFD}\u{FFFD}\u{FFFD}\n"
        );
        let mut s = String::new();
        escape_into(&mut s, "مصر\u{FFFE}ï¿½\u{FFFD}<\u{EFBF}");
        assert_eq!(s, "مصر\u{FFFD}ï¿½\u{FFFD}&lt;\u{EFBF}");
    }

    #[test]
    fn id_prefixes_must_be_plain_names() {
        assert!(check_id_prefix("vote-map_2").is_ok());
        for bad in ["", "2map", "a b", "a\"b", "ä", "a#b"] {
            assert!(check_id_prefix(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn truncation_keeps_short_text_and_cuts_long_text() {
        assert_eq!(truncate_to_width("Africa", 12.0, 200.0), "Africa");
        let cut = truncate_to_width("Western European and Others Group", 12.0, 80.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 12.0) <= 80.0);
    }

    proptest::proptest! {
        #[test]
        fn escaped_text_parses_back_to_itself(text in "\\PC*|.*") {
            let mut xml = String::from("<t>");
            escape_into(&mut xml, &text);
            xml.push_str("</t>");
            let doc = roxmltree::Document::parse(&xml).unwrap();
            // XML reads every line break as \n, and U+FFFD stands for what it cannot hold.
            let expected: String = text
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .chars()
                .map(|c| match c {
                    '\t' | '\n' => c,
                    c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
                    c => c,
                })
                .collect();
            // Parsers differ on whether a \r next to a reference is normalised; both are
            // line breaks to a reader.
            let parsed = doc.root_element().text().unwrap_or("").replace('\r', "\n");
            proptest::prop_assert_eq!(parsed, expected);
        }
    }
}
