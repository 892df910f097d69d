//! Numbers typed in Arabic-Indic (٠١٢…) or Persian (۰۱۲…) digits are numbers: `year=٢٠١٠` is
//! 2010 on every page and in every API read, not a 400 in English, and a number field does not
//! drop them. Done once, on the request's query string, before any handler parses it; the
//! search text `q` is left as typed (the search folds digits itself, and the box shows what the
//! user wrote).

use axum::extract::Request;
use axum::http::Uri;

/// The parameters whose values are text as the user typed it.
const TEXT_PARAMETERS: [&str; 2] = ["q", "name"];

/// `map_request` middleware: rewrites the digits in the query string.
pub async fn ascii_digits_in_query(mut request: Request) -> Request {
    if let Some(query) = request.uri().query()
        && let Some(folded) = fold_query(query)
    {
        let path_and_query = format!("{}?{folded}", request.uri().path());
        let mut parts = request.uri().clone().into_parts();
        if let Ok(pq) = path_and_query.parse() {
            parts.path_and_query = Some(pq);
            if let Ok(uri) = Uri::from_parts(parts) {
                *request.uri_mut() = uri;
            }
        }
    }
    request
}

/// The query string with every percent-encoded Arabic-Indic or Persian digit of a non-text
/// parameter replaced by its ASCII digit; `None` when there is none.
pub fn fold_query(query: &str) -> Option<String> {
    // U+0660..U+0669 are %D9%A0..%D9%A9 in UTF-8; U+06F0..U+06F9 are %DB%B0..%DB%B9.
    if !query.contains('%') {
        return None;
    }
    let mut changed = false;
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| {
            let key = pair.split('=').next().unwrap_or("");
            if TEXT_PARAMETERS.contains(&key) {
                return pair.to_owned();
            }
            let folded = fold_encoded_digits(pair);
            changed |= folded != pair;
            folded
        })
        .collect();
    changed.then(|| pairs.join("&"))
}

fn fold_encoded_digits(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(digit) = bytes.get(i..i + 6).and_then(encoded_digit)
        {
            out.push(digit);
            i += 6;
            continue;
        }
        // Only ASCII is ever replaced, so copying the text between replacements char by char
        // keeps it valid UTF-8.
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        out.push(c);
        i += c.len_utf8().max(1);
    }
    out
}

/// The ASCII digit of `%D9%A0`..`%D9%A9` or `%DB%B0`..`%DB%B9` (either case).
fn encoded_digit(six: &[u8]) -> Option<char> {
    let hex = |hi: u8, lo: u8| -> Option<u8> {
        let h = (hi as char).to_digit(16)?;
        let l = (lo as char).to_digit(16)?;
        Some((h * 16 + l) as u8)
    };
    if six[3] != b'%' {
        return None;
    }
    let lead = hex(six[1], six[2])?;
    let trail = hex(six[4], six[5])?;
    let value = match (lead, trail) {
        (0xD9, 0xA0..=0xA9) => trail - 0xA0,
        (0xDB, 0xB0..=0xB9) => trail - 0xB0,
        _ => return None,
    };
    Some(char::from(b'0' + value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str) -> String {
        text.bytes().map(|b| format!("%{b:02X}")).collect()
    }

    #[test]
    fn arabic_and_persian_digits_become_ascii() {
        let query = format!("year={}&session={}&page=2", encode("٢٠١٠"), encode("۵۶"));
        assert_eq!(
            fold_query(&query).as_deref(),
            Some("year=2010&session=56&page=2")
        );
        let lower = encode("٣").to_lowercase();
        assert_eq!(
            fold_query(&format!("page={lower}")).as_deref(),
            Some("page=3")
        );
    }

    #[test]
    fn text_parameters_and_other_letters_stay() {
        let q = format!("q={}&year={}", encode("٢٠١٠"), encode("٢٠١٠"));
        assert_eq!(
            fold_query(&q),
            Some(format!("q={}&year=2010", encode("٢٠١٠")))
        );
        // Arabic letters (%D8%A7 ا, %D9%84 ل) are not digits.
        assert_eq!(fold_query(&format!("text={}", encode("الحق"))), None);
        assert_eq!(fold_query("year=2010"), None);
        assert_eq!(fold_query("x=%D9%A"), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_changes_only_digits(query in "\\PC{0,60}") {
            let encoded: String = query.chars().map(|c| if c.is_ascii_alphanumeric() || c == '&' || c == '=' { c.to_string() } else { encode(&c.to_string()) }).collect();
            let _ = fold_query(&query);
            if let Some(folded) = fold_query(&encoded) {
                assert!(folded.len() < encoded.len());
            }
        }
    }
}
