//! The UN's documents of Slovenia's fourth review (`shared/data/upr/ohchr-slovenia/`), read in
//! place: the figures asserted are those the documents print.

use taawun_states::Resolver;
use taawun_upr::ohchr::{self, report};

fn file(name: &str) -> (String, Vec<u8>) {
    let path = taawun_testdata::shared(&format!("data/upr/ohchr-slovenia/{name}"));
    (name.to_owned(), std::fs::read(path).unwrap())
}

fn pdf_ready(what: &str) -> bool {
    taawun_testdata::available(what)
        && taawun_testdata::tool_available(what, taawun_pdf::available())
}

const REPORT: &str = "A_HRC_59_15-working-group-report.pdf";

#[test]
fn the_working_group_report_lists_254_recommendations() {
    if !pdf_ready("the_working_group_report_lists_254_recommendations") {
        return;
    }
    let (name, bytes) = file(REPORT);
    let report = report::read(&name, &bytes, Resolver::builtin()).unwrap();
    for r in &report.recommendations {
        eprintln!(
            "{} {:?} {:?} | {}",
            r.paragraph, r.recommending, r.unresolved, r.text
        );
    }
    eprintln!("{:?}", report.statements);
    eprintln!("{:?}", report.unresolved);
    let _ = ohchr::Paragraph {
        chapeau: 140,
        item: 1,
    };
}

#[test]
fn scratch_addendum() {
    if !pdf_ready("scratch_addendum") {
        return;
    }
    let (name, bytes) = file("A_HRC_59_15_Add.1-views-of-the-state.pdf");
    let a = ohchr::addendum::read(&name, &bytes, Resolver::builtin()).unwrap();
    eprintln!(
        "{:?} {} {}",
        a.stated,
        a.count(taawun_upr::Response::Supported),
        a.count(taawun_upr::Response::Noted)
    );
    for w in &a.warnings {
        eprintln!("W {w}");
    }
    for l in &a.lists {
        eprintln!(
            "L {} {:?} {} {:?}",
            l.paragraph,
            l.response,
            l.listed.len(),
            l.source
        );
    }
    for c in &a.comments {
        eprintln!(
            "C {} {:?} {:?} {}",
            c.heading,
            c.section,
            c.source.page,
            &c.text[..c.text.len().min(60)]
        );
    }
}
