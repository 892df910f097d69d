//! Text from the UN's PDFs, page by page, as poppler's `pdftotext -layout` lays it out.
//!
//! Why an external tool rather than a Rust crate: the parsers tell a document's parts apart by
//! where they sit on the page — the symbol and the page number at the top, the job number at the
//! foot, a footnote's number at the left margin, the header's two columns — and `-layout` keeps
//! those positions as spaces. The Rust extractors (`pdf-extract`, `lopdf`'s text) give the words
//! in drawing order without that layout, and lose the columns of the UN's headers. poppler is
//! what the UN's own PDFs are routinely read with, and Debian packages it (`poppler-utils`).
//!
//! The PDF is given on standard input and the text read from standard output, both bounded; the
//! tool is stopped when it runs longer than [`TIMEOUT`], so a hostile or broken file costs at
//! most that.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use thiserror::Error;
use wait_timeout::ChildExt;

/// The largest PDF read: 50 MiB, far above a UN report of a few hundred pages.
pub const MAX_PDF_BYTES: usize = 50 * 1024 * 1024;

/// The most text kept from one PDF: 20 MiB.
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// How long the tool may run on one PDF.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// The tool, looked up on `PATH`.
const PDFTOTEXT: &str = "pdftotext";

#[derive(Debug, Error, PartialEq, Eq)]
pub enum PdfError {
    #[error("not a PDF: the file does not start with %PDF-")]
    NotAPdf,
    #[error("the PDF is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error(
        "reading a PDF needs pdftotext, which is not installed here \
         (Debian and Ubuntu: apt-get install poppler-utils): {0}"
    )]
    ToolMissing(String),
    #[error("pdftotext could not read the PDF: {0}")]
    Unreadable(String),
    #[error("pdftotext ran longer than {} s on the PDF and was stopped", TIMEOUT.as_secs())]
    TimedOut,
    #[error("the PDF holds no text (a scan without a text layer?)")]
    NoText,
}

/// A PDF's text, one string per page, each line as `-layout` places it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfText {
    pages: Vec<String>,
}

impl PdfText {
    pub fn pages(&self) -> &[String] {
        &self.pages
    }

    /// The pages one after the other, each ending with a form feed as `pdftotext` writes them:
    /// what a parser that reads extracted text reads.
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.pages.iter().map(|p| p.len() + 1).sum());
        for page in &self.pages {
            text.push_str(page);
            text.push('\u{c}');
        }
        text
    }
}

/// Whether the bytes are a PDF (by their signature, as the tool itself decides).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Whether the tool is installed, with its version line.
pub fn available() -> Result<String, PdfError> {
    let output = Command::new(PDFTOTEXT)
        .arg("-v")
        .output()
        .map_err(|e| PdfError::ToolMissing(e.to_string()))?;
    // `pdftotext -v` writes its version to standard error.
    let version = String::from_utf8_lossy(&output.stderr);
    Ok(version
        .lines()
        .next()
        .unwrap_or("pdftotext")
        .trim()
        .to_owned())
}

/// The text of a PDF, page by page.
pub fn extract(bytes: &[u8]) -> Result<PdfText, PdfError> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(PdfError::TooLarge {
            size: bytes.len(),
            limit: MAX_PDF_BYTES,
        });
    }
    if !is_pdf(bytes) {
        return Err(PdfError::NotAPdf);
    }
    let mut child = Command::new(PDFTOTEXT)
        .args(["-layout", "-enc", "UTF-8", "-eol", "unix", "-q", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| PdfError::ToolMissing(e.to_string()))?;
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        return Err(PdfError::Unreadable(
            "the tool's pipes could not be opened".into(),
        ));
    };
    std::thread::scope(|scope| {
        // Each pipe has its own thread, so that neither side waits on a full pipe. The tool may
        // stop reading early (a broken file): the write error that gives is not the answer.
        scope.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        let text = scope.spawn(move || {
            let mut text = Vec::new();
            let read = stdout
                .take(MAX_TEXT_BYTES as u64 + 1)
                .read_to_end(&mut text);
            read.map(|_| text)
        });
        let messages = scope.spawn(move || {
            let mut messages = Vec::new();
            let _ = stderr.take(64 * 1024).read_to_end(&mut messages);
            messages
        });
        let status = match child.wait_timeout(TIMEOUT) {
            Ok(Some(status)) => status,
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::TimedOut);
            }
            Err(e) => return Err(PdfError::Unreadable(e.to_string())),
        };
        let text = text
            .join()
            .map_err(|_| PdfError::Unreadable("reading the text failed".into()))?
            .map_err(|e| PdfError::Unreadable(e.to_string()))?;
        let messages = messages.join().unwrap_or_default();
        if !status.success() {
            let said = String::from_utf8_lossy(&messages);
            let said = said.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            return Err(PdfError::Unreadable(if said.is_empty() {
                format!("it stopped with {status}")
            } else {
                said.trim().to_owned()
            }));
        }
        if text.len() > MAX_TEXT_BYTES {
            return Err(PdfError::TooLarge {
                size: text.len(),
                limit: MAX_TEXT_BYTES,
            });
        }
        pages(&String::from_utf8_lossy(&text))
    })
}

/// The pages of the tool's output: each ends with a form feed.
fn pages(text: &str) -> Result<PdfText, PdfError> {
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    // The last form feed ends the last page; what follows it is no page.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(PdfError::NoText);
    }
    Ok(PdfText { pages })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_end_at_form_feeds() {
        let text = pages("first\n\u{c}second\n\u{c}").unwrap();
        assert_eq!(text.pages(), ["first\n", "second\n"]);
        assert_eq!(text.text(), "first\n\u{c}second\n\u{c}");
        assert_eq!(pages("\u{c}  \n\u{c}"), Err(PdfError::NoText));
    }

    #[test]
    fn what_is_not_a_pdf_is_refused_before_any_tool_runs() {
        assert_eq!(extract(b"A/HRC/RES/56/2"), Err(PdfError::NotAPdf));
        assert_eq!(extract(b""), Err(PdfError::NotAPdf));
        assert!(is_pdf(b"%PDF-1.7\n"));
    }
}
