//! From the bytes of an uploaded or imported file to text.
//!
//! Resolution texts reach the platform as UTF-8 (with or without a byte-order mark), as UTF-16
//! from Windows tools (always with a mark), and, for older Arabic material, as Windows-1256.
//! Anything else is refused with a message that says where the text stops being UTF-8, so that
//! the person importing it can look at that byte.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1256};
use thiserror::Error;

/// The largest document accepted: 10 MiB, several hundred times a long resolution.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("the document is empty")]
    Empty,
    #[error("the document is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("the document is binary, not text (NUL bytes or mostly control characters)")]
    Binary,
    #[error(
        "the document is not UTF-8: invalid byte sequence at byte offset {offset}; \
         it is not UTF-16 with a byte-order mark nor Arabic in Windows-1256 either"
    )]
    NotUtf8 { offset: usize },
    #[error("the document starts with a {encoding} byte-order mark but is not valid {encoding}")]
    InvalidUtf16 { encoding: &'static str },
}

/// Decodes a document: UTF-8 (a BOM is dropped), UTF-16 LE/BE with a BOM, or Windows-1256 when
/// the bytes read as Arabic in it.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DecodeError::TooLarge {
            size: bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, UTF_16LE, "UTF-16LE")?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, UTF_16BE, "UTF-16BE")?,
        _ => {
            let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            let bytes = &bytes[bom..];
            if bytes.contains(&0) {
                return Err(DecodeError::Binary);
            }
            match std::str::from_utf8(bytes) {
                Ok(text) => text.to_owned(),
                Err(error) => match arabic_windows_1256(bytes) {
                    Some(text) => text,
                    None => {
                        return Err(DecodeError::NotUtf8 {
                            // Counted in the file as given, byte-order mark included.
                            offset: bom + error.valid_up_to(),
                        });
                    }
                },
            }
        }
    };
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

fn utf16(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    name: &'static str,
) -> Result<String, DecodeError> {
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(DecodeError::InvalidUtf16 { encoding: name })?;
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    Ok(text.into_owned())
}

/// The bytes decoded as Windows-1256 when most of their letters are then Arabic letters. Latin-1
/// or Windows-1252 text decoded this way gives a mix of Latin letters and stray Arabic ones; a
/// real Arabic text gives Arabic words.
fn arabic_windows_1256(bytes: &[u8]) -> Option<String> {
    let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
    let (mut arabic, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if taawun_text::is_arabic(c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    (arabic >= 8 && arabic > other).then(|| text.into_owned())
}

/// NUL characters, or more than a quarter of the characters being control characters other than
/// tab, line feed, form feed and carriage return.
fn looks_binary(text: &str) -> bool {
    let (mut total, mut control) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            control += 1;
        }
    }
    control * 4 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("قرار".as_bytes()).unwrap(), "قرار");
        assert_eq!(decode(b"\xEF\xBB\xBFresolution").unwrap(), "resolution");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("قرار 56/2".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), "قرار 56/2");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Resolution".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), "Resolution");
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x41]),
            Err(DecodeError::InvalidUtf16 {
                encoding: "UTF-16LE"
            })
        );
    }

    #[test]
    fn arabic_in_windows_1256() {
        let text = "إن مجلس حقوق الإنسان، إذ يعيد تأكيد التزامه";
        let (bytes, _, _) = WINDOWS_1256.encode(text);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode(&bytes).unwrap(), text);
    }

    #[test]
    fn latin1_is_refused_with_the_offset() {
        let bytes = b"Resolution adopted by the Council \xE9t\xE9";
        let error = decode(bytes).unwrap_err();
        assert_eq!(error, DecodeError::NotUtf8 { offset: 34 });
        assert!(error.to_string().contains("byte offset 34"), "{error}");
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\xFF"),
            Err(DecodeError::NotUtf8 { offset: 5 })
        );
    }

    #[test]
    fn empty_binary_and_too_large() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(DecodeError::Empty));
        assert_eq!(decode(b"abc\0def"), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x01\x02\x03\x04abc"), Err(DecodeError::Binary));
        assert_eq!(decode(&[0xFF, 0xFE, 0, 0]), Err(DecodeError::Binary));
        let big = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
        assert_eq!(
            decode(&big),
            Err(DecodeError::TooLarge {
                size: MAX_DOCUMENT_BYTES + 1,
                limit: MAX_DOCUMENT_BYTES
            })
        );
    }
}
