//! The UN's documents of Slovenia's reviews (`shared/data/upr/ohchr-slovenia/`), read in place:
//! the figures asserted are those the documents print.

use proptest::prelude::*;
use taawun_states::Resolver;
use taawun_upr::Response;
use taawun_upr::ohchr::{self, OhchrError, addendum, report, thematic};

fn file(name: &str) -> (String, Vec<u8>) {
    let path = taawun_testdata::shared(&format!("data/upr/ohchr-slovenia/{name}"));
    (name.to_owned(), std::fs::read(path).unwrap())
}

fn pdf_ready(what: &str) -> bool {
    taawun_testdata::available(what)
        && taawun_testdata::tool_available(what, taawun_pdf::available())
}

const REPORT: &str = "A_HRC_59_15-working-group-report.pdf";
const ADDENDUM: &str = "A_HRC_59_15_Add.1-views-of-the-state.pdf";
const LISTS: [(&str, usize, u32); 3] = [
    ("thematic-list-cycle2-session20.docx", 163, 20),
    ("thematic-list-cycle3-session34.docx", 215, 34),
    ("thematic-list-cycle4-session48.docx", 254, 48),
];

#[test]
fn the_working_group_report_lists_254_recommendations() {
    if !pdf_ready("the_working_group_report_lists_254_recommendations") {
        return;
    }
    let (name, bytes) = file(REPORT);
    let report = report::read(&name, &bytes, Resolver::builtin()).unwrap();
    assert_eq!(report.symbol, "A/HRC/59/15");
    assert_eq!(
        (report.reviewed.as_str(), report.session, report.cycle),
        ("SVN", 48, 4)
    );
    assert_eq!(report.recommendations.len(), 254);
    assert_eq!(report.recommendations[253].paragraph.to_string(), "140.254");
    // Paragraph 140 says they will be examined.
    assert_eq!(report.statements.len(), 1);
    assert_eq!(report.statements[0].stated, report::Stated::ToBeExamined);
    // 140.1, as the PDF prints it: eight States, the last wrapped over two lines.
    let first = &report.recommendations[0];
    assert_eq!(
        first.recommending,
        ["DZA", "CPV", "PRY", "SSD", "LKA", "TGO", "URY", "VEN"]
    );
    assert!(first.text.ends_with("Members of Their Families"));
    // 140.167 writes Venezuela with its own parentheses; 140.254 is alone on page 25.
    assert_eq!(report.recommendations[166].recommending, ["VEN"]);
    assert_eq!(report.recommendations[253].source.page, Some(25));
    assert!(report.unresolved.is_empty(), "{:?}", report.unresolved);
    // No page furniture in any text.
    for r in &report.recommendations {
        assert!(
            !r.text.contains("GE.25") && !r.text.contains("A/HRC"),
            "{r:?}"
        );
        assert!(!r.recommending.is_empty(), "{r:?}");
    }
}

#[test]
fn the_addendum_supports_217_and_notes_37() {
    if !pdf_ready("the_addendum_supports_217_and_notes_37") {
        return;
    }
    let (name, bytes) = file(ADDENDUM);
    let a = addendum::read(&name, &bytes, Resolver::builtin()).unwrap();
    assert_eq!(
        (a.symbol.as_str(), a.report.as_str()),
        ("A/HRC/59/15/Add.1", "A/HRC/59/15")
    );
    assert_eq!(a.positions.len(), 254);
    assert_eq!(a.count(Response::Supported), 217);
    assert_eq!(a.count(Response::Noted), 37);
    assert_eq!(
        a.stated,
        addendum::StatedTotals {
            received: Some(254),
            supported: Some(217),
            noted: Some(37)
        }
    );
    // The lists agree with each other and with the totals; what is left is two comments set
    // under "Noted recommendations" on numbers the lists give as supported (140.73 under
    // "140.72-75", 140.241 under "140.240-241").
    let messages: Vec<String> = a.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("140.73")));
    assert!(messages.iter().any(|m| m.contains("140.241")));
    // "140.120, 209": the second number without its paragraph's.
    let comment = a
        .comments
        .iter()
        .find(|c| c.heading == "140.120, 209")
        .unwrap();
    assert_eq!(comment.paragraphs.len(), 2);
    assert_eq!(comment.paragraphs[1].to_string(), "140.209");
}

#[test]
fn the_thematic_lists_give_every_row() {
    if !taawun_testdata::available("the_thematic_lists_give_every_row") {
        return;
    }
    for (name, rows, session) in LISTS {
        let (name, bytes) = file(name);
        let list = thematic::read(&name, &bytes, Resolver::builtin()).unwrap();
        assert_eq!(list.rows.len(), rows, "{name}");
        assert_eq!(list.reviewed.as_deref(), Some("SVN"));
        assert_eq!(list.session, Some(session));
        for row in &list.rows {
            assert!(row.response.is_some() && !row.themes.is_empty(), "{row:?}");
        }
    }
    let (name, bytes) = file(LISTS[2].0);
    let list = thematic::read(&name, &bytes, Resolver::builtin()).unwrap();
    let supported = list
        .rows
        .iter()
        .filter(|r| r.response == Some(Response::Supported))
        .count();
    assert_eq!((supported, list.rows.len() - supported), (217, 37));
    assert!(
        list.rows
            .iter()
            .all(|r| !r.sdgs.is_empty() && !r.groups.is_empty())
    );
    // The second cycle's "(Senegal, Sierra Leone, Venezuela (Bolivarian Republic of),Peru,
    // Uruguay)", and its "(ICRMW)" kept in the text.
    let (name, bytes) = file(LISTS[0].0);
    let list = thematic::read(&name, &bytes, Resolver::builtin()).unwrap();
    let r = list
        .rows
        .iter()
        .find(|r| r.paragraph.to_string() == "115.8")
        .unwrap();
    assert_eq!(r.recommending, ["SEN", "SLE", "VEN", "PER", "URY"]);
    assert!(list.unresolved.is_empty(), "{:?}", list.unresolved);
    // The third cycle's 121.2: two recommendations in one cell.
    let (name, bytes) = file(LISTS[1].0);
    let list = thematic::read(&name, &bytes, Resolver::builtin()).unwrap();
    let r = list
        .rows
        .iter()
        .find(|r| r.paragraph.to_string() == "121.2")
        .unwrap();
    assert_eq!(r.recommending, ["UKR", "SVK"]);
    assert!(r.sdgs.contains(&"16".to_owned()));
}

#[test]
fn the_three_documents_make_one_review() {
    if !pdf_ready("the_three_documents_make_one_review") {
        return;
    }
    let files = vec![file(LISTS[2].0), file(ADDENDUM), file(REPORT)];
    let review = ohchr::read_review(&files, Resolver::builtin()).unwrap();
    assert_eq!(
        (review.reviewed.as_str(), review.session, review.cycle),
        ("SVN", 48, 4)
    );
    assert_eq!(review.recommendations.len(), 254);
    let count = |r: Response| {
        review
            .recommendations
            .iter()
            .filter(|x| x.response == Some(r))
            .count()
    };
    assert_eq!(
        (count(Response::Supported), count(Response::Noted)),
        (217, 37)
    );
    for r in &review.recommendations {
        assert_eq!(r.sources.len(), 3, "{r:?}");
        assert!(r.paragraph.is_some() && !r.sdgs.is_empty());
    }
    for w in &review.warnings {
        eprintln!("{w}");
    }
    // Only the thematic list: its own positions.
    let only = ohchr::read_review(&[file(LISTS[2].0)], Resolver::builtin()).unwrap();
    assert_eq!(only.recommendations.len(), 254);
    // A PDF that is not a report of the Working Group is named.
    let national = file("A_HRC_WG.6_48_SVN_1-national-report.pdf");
    match ohchr::read_review(&[national], Resolver::builtin()) {
        Err(OhchrError::NotRecognised { file, .. }) => {
            assert_eq!(file, "A_HRC_WG.6_48_SVN_1-national-report.pdf")
        }
        other => panic!("{other:?}"),
    }
    // Lists of two reviews do not make one.
    assert!(matches!(
        ohchr::read_review(&[file(LISTS[2].0), file(LISTS[1].0)], Resolver::builtin()),
        Err(OhchrError::Together { .. })
    ));
    assert!(matches!(
        ohchr::read_review(&[file(LISTS[1].0), file(REPORT)], Resolver::builtin()),
        Err(OhchrError::Together { .. })
    ));
}

#[test]
fn a_file_of_another_kind_is_named() {
    let files = vec![("notes.txt".to_owned(), b"hello".to_vec())];
    match ohchr::read_review(&files, Resolver::builtin()) {
        Err(e @ OhchrError::NotRecognised { .. }) => {
            assert!(e.to_string().starts_with("notes.txt:"))
        }
        other => panic!("{other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the bytes, the Word reader answers with rows or an error, and never panics.
    #[test]
    fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = thematic::read("p.docx", &bytes, Resolver::builtin());
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend(&bytes);
        let _ = thematic::read("p.docx", &zip, Resolver::builtin());
    }

    /// Whatever a table holds, its reader answers and never panics.
    #[test]
    fn any_table_is_read_or_refused(cells in proptest::collection::vec("[A-Za-z0-9 .():;,-]{0,30}", 8)) {
        let row = |cs: &[String]| cs.iter().map(|c| format!("<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>")).collect::<String>();
        let xml = format!(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:tbl><w:tr>{}</w:tr><w:tr>{}</w:tr></w:tbl></w:body></w:document>",
            row(&["Recommendation".into(), "Position".into(), "Themes".into(), "SDGs".into()]),
            row(&cells[..4]),
        );
        let _ = thematic::parse("p.docx", &xml, &cells[4..].concat(), Resolver::builtin());
    }

    /// Whatever the text, the PDF texts' readers answer and never panic.
    #[test]
    fn any_text_is_read_or_refused(pages in proptest::collection::vec("(A/HRC/1/2|Report of the Working Group on the Universal Periodic Review|Addendum|Slovenia|Conclusions and/or recommendations|140\\.[0-9]{1,3}|[0-9]{1,3}\\.|held its forty-eighth session|\\(Germany\\)|[-–,.;() ]|[a-z]{1,8}|\n){0,60}", 1..4)) {
        let _ = report::parse("p.pdf", &pages, Resolver::builtin());
        let _ = addendum::parse("p.pdf", &pages, Resolver::builtin());
    }

    /// Lists of any numbers and dashes give an answer.
    #[test]
    fn any_list_is_read(pages in proptest::collection::vec("(A/HRC/1/2/Add.1|Addendum|Report of the Working Group on the Universal Periodic Review|Slovenia|[0-9]{1,9}\\.?[0-9]{0,9}|[-–,. ]|accepts|takes note|received|\n){0,60}", 1..3)) {
        let _ = addendum::parse("p.pdf", &pages, Resolver::builtin());
    }
}
