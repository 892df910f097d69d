//! The UN's own PDFs (`../shared/data/upr/ohchr-slovenia/`) through the reader.

use proptest::prelude::*;
use taawun_pdf::{PdfError, extract};

/// Whether `pdftotext` is installed (see `taawun_testdata::tool_available`).
fn tool(what: &str) -> bool {
    taawun_testdata::tool_available(what, taawun_pdf::available())
}

fn slovenia(name: &str) -> Vec<u8> {
    std::fs::read(taawun_testdata::shared(&format!(
        "data/upr/ohchr-slovenia/{name}"
    )))
    .unwrap()
}

#[test]
fn the_councils_outcome_decision_reads_with_its_layout() {
    taawun_testdata::require_shared!();
    if !tool("the_councils_outcome_decision_reads_with_its_layout") {
        return;
    }
    let text = extract(&slovenia("A_HRC_DEC_59_112-outcome-decision.pdf")).unwrap();
    let first = &text.pages()[0];
    // The header's two columns stay on one line, the symbol at the right.
    let symbol_line = first
        .lines()
        .find(|l| l.contains("A/HRC/DEC/59/112"))
        .unwrap();
    assert!(
        symbol_line.trim_start().starts_with("United Nations"),
        "{symbol_line}"
    );
    assert!(first.contains("[Adopted without a vote.]"));
    // A footnote keeps its number at the left margin, apart from its text.
    assert!(
        first
            .lines()
            .any(|l| l.trim_start().starts_with("1 ") && l.contains("A/HRC/59/15.")),
        "{first}"
    );
}

#[test]
fn a_report_reads_page_by_page() {
    taawun_testdata::require_shared!();
    if !tool("a_report_reads_page_by_page") {
        return;
    }
    let text = extract(&slovenia("A_HRC_59_15-working-group-report.pdf")).unwrap();
    assert!(text.pages().len() > 10, "{} pages", text.pages().len());
    // Every page after the first carries the report's symbol at its top.
    let marked = text.pages()[1..]
        .iter()
        .filter(|p| p.lines().take(3).any(|l| l.contains("A/HRC/59/15")))
        .count();
    assert!(marked * 10 >= (text.pages().len() - 1) * 9, "{marked}");
    assert!(text.text().contains("140.254"));
}

#[test]
fn a_damaged_pdf_is_an_error_not_a_crash() {
    taawun_testdata::require_shared!();
    if !tool("a_damaged_pdf_is_an_error_not_a_crash") {
        return;
    }
    let whole = slovenia("A_HRC_DEC_59_112-outcome-decision.pdf");
    for cut in [6, 100, 1000, whole.len() / 2] {
        match extract(&whole[..cut]) {
            Err(PdfError::Unreadable(_) | PdfError::NoText) => {}
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever follows a PDF's signature, the reader answers (text or an error) and never
    /// panics or hangs.
    #[test]
    fn any_bytes_after_the_signature_give_an_answer(rest in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if !tool("any_bytes_after_the_signature_give_an_answer") {
            return Ok(());
        }
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend(rest);
        let _ = extract(&bytes);
    }
}
