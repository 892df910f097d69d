//! Evidence files: which are accepted, judged by their bytes (the declared type and the name's
//! extension can say anything), and the content address they are stored under.
//!
//! Files are kept in the data directory, named by their SHA-256 (see `storage_key`), not in the
//! database: the same way on SQLite and PostgreSQL, the database stays small and its backups
//! fast, a file uploaded twice is kept once, and a stored file can be checked against its name
//! at any time. The database keeps each file's name, type, size and hash.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The largest evidence file accepted: 10 MiB.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;

/// The kinds of evidence file accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceType {
    Pdf,
    Png,
    Jpeg,
    Docx,
    Xlsx,
    Odt,
    Txt,
}

impl EvidenceType {
    pub const ALL: [EvidenceType; 7] = [
        EvidenceType::Pdf,
        EvidenceType::Png,
        EvidenceType::Jpeg,
        EvidenceType::Docx,
        EvidenceType::Xlsx,
        EvidenceType::Odt,
        EvidenceType::Txt,
    ];

    pub fn media_type(self) -> &'static str {
        match self {
            EvidenceType::Pdf => "application/pdf",
            EvidenceType::Png => "image/png",
            EvidenceType::Jpeg => "image/jpeg",
            EvidenceType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            EvidenceType::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            EvidenceType::Odt => "application/vnd.oasis.opendocument.text",
            EvidenceType::Txt => "text/plain; charset=utf-8",
        }
    }

    /// The extensions a file of this type may be named with.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            EvidenceType::Pdf => &["pdf"],
            EvidenceType::Png => &["png"],
            EvidenceType::Jpeg => &["jpg", "jpeg"],
            EvidenceType::Docx => &["docx"],
            EvidenceType::Xlsx => &["xlsx"],
            EvidenceType::Odt => &["odt"],
            EvidenceType::Txt => &["txt"],
        }
    }

    /// What the bytes are, by their signature: PDF, PNG and JPEG by their magic numbers; DOCX
    /// and XLSX as ZIP archives holding Word's or Excel's main part; ODT as a ZIP archive whose
    /// first entry is the `mimetype` the OpenDocument format requires; text as UTF-8 without
    /// control characters other than tab, line and page breaks.
    pub fn sniff(bytes: &[u8]) -> Option<EvidenceType> {
        if bytes.starts_with(b"%PDF-") {
            return Some(EvidenceType::Pdf);
        }
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(EvidenceType::Png);
        }
        if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
            return Some(EvidenceType::Jpeg);
        }
        if bytes.starts_with(b"PK\x03\x04") {
            if bytes.len() > 30 + 8 + 39
                && &bytes[30..38] == b"mimetype"
                && &bytes[38..77] == b"application/vnd.oasis.opendocument.text"
            {
                return Some(EvidenceType::Odt);
            }
            // Entry names are stored uncompressed, in the local headers and the central
            // directory.
            let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
            if has(b"[Content_Types].xml") {
                if has(b"word/document.xml") {
                    return Some(EvidenceType::Docx);
                }
                if has(b"xl/workbook.xml") {
                    return Some(EvidenceType::Xlsx);
                }
            }
            return None;
        }
        let text = std::str::from_utf8(bytes).ok()?;
        text.chars()
            .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
            .then_some(EvidenceType::Txt)
    }
}

/// Why a file is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceProblem {
    Empty,
    TooLarge,
    /// Not one of the accepted kinds.
    TypeNotAllowed,
    /// An accepted kind, but the name's extension says another.
    NameDoesNotMatch,
}

impl EvidenceProblem {
    pub fn code(self) -> &'static str {
        match self {
            EvidenceProblem::Empty => "file-empty",
            EvidenceProblem::TooLarge => "file-too-large",
            EvidenceProblem::TypeNotAllowed => "file-type",
            EvidenceProblem::NameDoesNotMatch => "file-name",
        }
    }
}

/// Checks an uploaded file: its size, and its type by its bytes; its name's extension must be
/// one of that type's. The declared media type is not trusted and not needed.
pub fn check_evidence(name: &str, bytes: &[u8]) -> Result<EvidenceType, EvidenceProblem> {
    if bytes.is_empty() {
        return Err(EvidenceProblem::Empty);
    }
    if bytes.len() > MAX_EVIDENCE_BYTES {
        return Err(EvidenceProblem::TooLarge);
    }
    let kind = EvidenceType::sniff(bytes).ok_or(EvidenceProblem::TypeNotAllowed)?;
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if kind.extensions().contains(&extension.as_str()) {
        Ok(kind)
    } else {
        Err(EvidenceProblem::NameDoesNotMatch)
    }
}

/// A file name fit to store and to send back in `Content-Disposition`: the last path segment,
/// without control characters or quotes, at most 200 characters (`evidence` when nothing is
/// left).
pub fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';'))
        .take(200)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "evidence".into()
    } else {
        cleaned
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where a file with this SHA-256 is kept under the evidence directory: `ab/cd/abcd…`, so that
/// no folder grows past a few hundred entries.
pub fn storage_key(sha256: &str) -> String {
    format!("{}/{}/{sha256}", &sha256[0..2], &sha256[2..4])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_told_by_their_bytes_not_their_names() {
        assert_eq!(
            check_evidence("report.pdf", b"%PDF-1.7\n..."),
            Ok(EvidenceType::Pdf)
        );
        assert_eq!(
            check_evidence("photo.JPG", &[0xff, 0xd8, 0xff, 0xe0, 0, 0]),
            Ok(EvidenceType::Jpeg)
        );
        assert_eq!(
            check_evidence("notes.txt", "ملاحظات\n".as_bytes()),
            Ok(EvidenceType::Txt)
        );
        // An executable renamed: refused by its bytes.
        assert_eq!(
            check_evidence("report.pdf", b"MZ\x90\x00\x03\x00"),
            Err(EvidenceProblem::TypeNotAllowed)
        );
        // HTML is text, but its name says .html: refused.
        assert_eq!(
            check_evidence("page.html", b"<script>alert(1)</script>"),
            Err(EvidenceProblem::NameDoesNotMatch)
        );
        assert_eq!(
            check_evidence("report.docx", b"%PDF-1.4"),
            Err(EvidenceProblem::NameDoesNotMatch)
        );
        assert_eq!(check_evidence("a.txt", b""), Err(EvidenceProblem::Empty));
        let big = vec![b'a'; MAX_EVIDENCE_BYTES + 1];
        assert_eq!(
            check_evidence("a.txt", &big),
            Err(EvidenceProblem::TooLarge)
        );
    }

    #[test]
    fn office_archives_are_told_apart() {
        let mut docx = b"PK\x03\x04".to_vec();
        docx.extend_from_slice(&[0; 26]);
        docx.extend_from_slice(b"[Content_Types].xml....word/document.xml");
        assert_eq!(EvidenceType::sniff(&docx), Some(EvidenceType::Docx));
        let mut odt = b"PK\x03\x04".to_vec();
        odt.extend_from_slice(&[0; 26]);
        odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text and more");
        assert_eq!(EvidenceType::sniff(&odt), Some(EvidenceType::Odt));
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(b"anything else");
        assert_eq!(EvidenceType::sniff(&zip), None);
    }

    #[test]
    fn names_lose_their_paths_and_quotes() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\x\\re\"port.pdf"), "report.pdf");
        assert_eq!(clean_file_name(".."), "evidence");
        let sha = sha256_hex(b"abc");
        assert_eq!(
            sha,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(storage_key(&sha), format!("ba/78/{sha}"));
    }
}
