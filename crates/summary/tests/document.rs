//! The summary report as a document, on records made with the cooperation crate's own
//! functions: its figures are the records', nothing a participant did not agree to publish
//! appears, each theme quotes a few inputs and counts the rest, the two languages have the same
//! structure, and both typeset.

mod support;

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use support::{MANDATE, Records, SMALL, Size, masthead};
use taawun_cooperation::field::theme_key;
use taawun_cooperation::{
    InputKind, RegistrationDraft, RegistrationStatus, StakeholderType, SummaryReport, Theme,
};
use taawun_report::{Block, Cells, Report};
use taawun_summary::{Lang, document};

/// Every text of a report a reader can see: masthead, titles, blocks, colophon.
fn texts(report: &Report) -> Vec<String> {
    let m = &report.masthead;
    let mut out = vec![m.issuer.clone(), m.date.clone(), report.title.clone()];
    out.extend(m.symbol.clone());
    out.extend(m.distribution.clone());
    out.extend(m.lines.iter().cloned());
    out.extend(report.subtitle.clone());
    out.extend(report.colophon.clone());
    for block in &report.blocks {
        match block {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } => out.push(text.clone()),
            Block::List(items) => out.extend(items.iter().cloned()),
            Block::Table {
                caption,
                columns,
                rows,
            } => {
                out.extend(caption.clone());
                out.extend(columns.iter().map(|c| c.header.clone()));
                out.extend(rows.iter().flatten().cloned());
            }
            Block::Bars(spec) => {
                out.push(spec.title.clone());
                out.push(spec.description.clone());
                out.extend(spec.categories.iter().map(|c| c.label.clone()));
                out.extend(spec.rows.iter().map(|r| r.label.clone()));
            }
        }
    }
    out
}

fn all_text(report: &Report) -> String {
    texts(report).join("\n")
}

/// The rows of the table with this caption.
fn table<'a>(report: &'a Report, caption: &str) -> &'a [Vec<String>] {
    report
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table {
                caption: Some(c),
                rows,
                ..
            } if c == caption => Some(rows.as_slice()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table \"{caption}\""))
}

/// A figure as the document writes it, in either language.
fn figure(cell: &str) -> u64 {
    cell.replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("\"{cell}\" is not a figure"))
}

fn approved_count(records: &Records) -> usize {
    records
        .registrations
        .iter()
        .flatten()
        .filter(|r| r.is_approved())
        .count()
}

fn quotation_paragraphs(report: &Report) -> Vec<&str> {
    report
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, .. } if text.starts_with(['“', '«']) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The most inputs a theme's section quotes (the document's own limit, restated: a change of it
/// is a change of the report's length the tests should see).
const QUOTED_PER_THEME: usize = 3;

/// The published inputs of each kind and theme, counted from the records: (attributed,
/// published without a name).
fn published_by_theme(records: &Records) -> HashMap<(InputKind, String), (usize, usize)> {
    let mut out: HashMap<(InputKind, String), (usize, usize)> = HashMap::new();
    for input in records.inputs.iter().flatten().filter(|i| i.publish) {
        let entry = out
            .entry((input.kind, input.theme.key.clone()))
            .or_default();
        if input.quote {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    out
}

/// How many published inputs beyond those quoted each theme's figures say there are, in the
/// order of the document: the figure of each "further published" (English) or "أما سائر"
/// (Arabic) sentence.
fn further_figures(doc: &Report, lang: Lang) -> Vec<u64> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, lang: None } => Some(text.as_str()),
            _ => None,
        })
        .filter_map(|text| match lang {
            Lang::En => {
                let (before, _) = text.split_once(" further published ")?;
                Some(figure(before.rsplit(' ').next()?))
            }
            Lang::Ar => {
                let (_, after) = text.split_once(" أما سائر ")?;
                let (_, after) = after.split_once("وعددها ")?;
                Some(figure(after.split('،').next()?))
            }
        })
        .collect()
}

/// The captions and the total row's label of each language.
struct Captions {
    by_type: &'static str,
    by_region: &'static str,
    annex: &'static str,
    total: &'static str,
}

fn captions(lang: Lang) -> Captions {
    match lang {
        Lang::En => Captions {
            by_type: "Participants by type of stakeholder",
            by_region: "Participants by regional group",
            annex: "Regional seminars held",
            total: "Total",
        },
        Lang::Ar => Captions {
            by_type: "المشاركون حسب نوع الجهة صاحبة المصلحة",
            by_region: "المشاركون حسب المجموعة الإقليمية",
            annex: "الحلقات الدراسية الإقليمية المعقودة",
            total: "المجموع",
        },
    }
}

/// Participants counted in the built document equal the approved registrations of the records,
/// in total, by stakeholder type and by seminar; each theme quotes its published inputs up to
/// the limit and counts the others, and the attributed ones are those whose authors agreed.
fn assert_figures(records: &Records, report: &SummaryReport, lang: Lang) {
    let doc = document(report, lang, &masthead());
    let c = captions(lang);
    let approved = approved_count(records) as u64;
    assert!(approved > 0);

    for caption in [c.by_type, c.by_region] {
        let rows = table(&doc, caption);
        let (total, parts) = rows.split_last().expect("rows and a total");
        assert_eq!(total[0], c.total);
        assert_eq!(figure(&total[1]), approved, "{caption}");
        assert_eq!(
            parts.iter().map(|r| figure(&r[1])).sum::<u64>(),
            approved,
            "{caption}"
        );
    }
    // By stakeholder type, in the vocabulary's order, counted from the records.
    let rows = table(&doc, c.by_type);
    for (row, kind) in rows.iter().zip(StakeholderType::ALL) {
        let expected = records
            .registrations
            .iter()
            .flatten()
            .filter(|r| r.is_approved() && r.stakeholder_type == kind)
            .count() as u64;
        assert_eq!(figure(&row[1]), expected, "{kind}");
    }
    // The annex: each seminar's approved participants and inputs.
    let annex = table(&doc, c.annex);
    assert_eq!(annex.len(), records.seminars.len());
    for (row, ((seminar, registrations), inputs)) in annex.iter().zip(
        records
            .seminars
            .iter()
            .zip(&records.registrations)
            .zip(&records.inputs),
    ) {
        assert_eq!(row[0], seminar.title);
        let approved = registrations.iter().filter(|r| r.is_approved()).count() as u64;
        assert_eq!(figure(&row[4]), approved);
        assert_eq!(figure(&row[5]), inputs.len() as u64);
    }

    // Quoted: up to the limit on each theme; the rest of the published inputs counted.
    let by_theme = published_by_theme(records);
    let quoted: usize = by_theme
        .values()
        .map(|(named, unnamed)| (named + unnamed).min(QUOTED_PER_THEME))
        .sum();
    assert_eq!(quotation_paragraphs(&doc).len(), quoted);
    let mut further: Vec<u64> = by_theme
        .values()
        .map(|(named, unnamed)| (named + unnamed).saturating_sub(QUOTED_PER_THEME) as u64)
        .filter(|&n| n > 0)
        .collect();
    let mut said = further_figures(&doc, lang);
    further.sort_unstable();
    said.sort_unstable();
    assert_eq!(said, further);
    // The content keeps every published input; the document quotes the attributed ones first.
    let attributed = records.inputs.iter().flatten().filter(|i| i.quote).count();
    let groups: Vec<_> = report
        .challenges
        .iter()
        .chain(&report.gaps)
        .chain(&report.good_practices)
        .collect();
    let named = groups.iter().map(|g| g.quotations.len()).sum::<usize>();
    assert_eq!(named, attributed);
    let shown: HashSet<&str> = quotation_paragraphs(&doc).into_iter().collect();
    for g in &groups {
        let first_named = g.quotations.iter().take(QUOTED_PER_THEME);
        let first_unnamed = g
            .excerpts
            .iter()
            .take(QUOTED_PER_THEME.saturating_sub(g.quotations.len()));
        for text in first_named
            .map(|q| &q.text)
            .chain(first_unnamed.map(|e| &e.text))
        {
            assert!(
                shown.iter().any(|p| p.contains(text.trim())),
                "{text} is not quoted"
            );
        }
    }

    // The introduction states the figures.
    let intro = &doc.blocks[1];
    let Block::Paragraph { text, .. } = intro else {
        panic!("the introduction's first paragraph, not {intro:?}");
    };
    let inputs = records.input_count() as u64;
    let submissions: u64 = records.submissions.iter().map(|s| s.len() as u64).sum();
    let expected: Vec<String> = match lang {
        Lang::En => vec![
            format!("the {} regional seminars", records.seminars.len()),
            format!("which {} participants took part", with_commas(approved)),
            format!("gave {} inputs", with_commas(inputs)),
            format!("the {} submissions", with_commas(submissions)),
            format!("{} calls for inputs", records.calls.len()),
            "paragraph 30 of Human Rights Council resolution 56/2 (A/HRC/RES/56/2)".into(),
        ],
        Lang::Ar => vec![
            format!("وعددها {}", records.seminars.len()),
            format!("عدد المشاركين فيها {approved}"),
            format!("والممارسات الجيدة {inputs}"),
            format!(
                "عدد الدعوات {} وعدد المساهمات {submissions}",
                records.calls.len()
            ),
            "بالفقرة 30 من قرار مجلس حقوق الإنسان 56/2 (A/HRC/RES/56/2)".into(),
        ],
    };
    for phrase in expected {
        assert!(text.contains(&phrase), "{phrase:?} not in {text:?}");
    }
}

fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn the_documents_figures_are_the_records() {
    for (size, seed) in [(SMALL, 1), (MANDATE, 2)] {
        let records = Records::generate(size, seed);
        let report = records.report();
        for lang in Lang::ALL {
            assert_figures(&records, &report, lang);
        }
    }
}

#[test]
fn themes_follow_the_contents_order_under_each_kind() {
    let records = Records::generate(MANDATE, 3);
    let report = records.report();
    let doc = document(&report, Lang::En, &masthead());
    let mut sections: Vec<Vec<&str>> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level: 1, .. } => sections.push(Vec::new()),
            Block::Heading { level: 2, text } => {
                if let Some(last) = sections.last_mut() {
                    last.push(text);
                }
            }
            _ => {}
        }
    }
    // Introduction, participation, then the three kinds.
    for (k, groups) in [&report.challenges, &report.gaps, &report.good_practices]
        .into_iter()
        .enumerate()
    {
        let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
        assert!(labels.len() > 10);
        assert_eq!(sections[2 + k], labels);
    }
}

/// A participant who did not consent: an input they kept from publication never appears, and
/// one they let be published without their name appears without it.
#[test]
fn nothing_is_shown_without_consent() {
    let mut records = Records::generate(SMALL, 4);
    let draft = |name: &str, email: &str| RegistrationDraft {
        stakeholder_type: "civil-society".into(),
        name: name.into(),
        organisation: "Coalition of Defenders".into(),
        state: String::new(),
        email: email.into(),
        listed: true,
    };
    let unnamed = records.add_registration(
        0,
        &draft("Zainab Unquoted-Person", "z@example.org"),
        RegistrationStatus::Approved,
    );
    let private = records.add_registration(
        0,
        &draft("رشيد الخاص-جداً", "r@example.org"),
        RegistrationStatus::Approved,
    );
    let secret = "CONFIDENTIAL 7f3a: the delegation asked that this stay between us.";
    let secret_ar = "سري 7f3a: طلب الوفد ألا يُنشر هذا.";
    let public = "Published without a name: the budget line was cut in 2025.";
    records.add_input(0, unnamed, "gap", "Funding", secret, false, false);
    records.add_input(0, unnamed, "gap", "Funding", public, true, false);
    records.add_input(0, private, "challenge", "التمويل", secret_ar, false, false);
    let report = records.report();

    for lang in Lang::ALL {
        let doc = document(&report, lang, &masthead());
        let text = all_text(&doc);
        assert!(!text.contains("7f3a"), "{lang:?}");
        assert!(!text.contains("Zainab"), "{lang:?}");
        assert!(!text.contains("الخاص-جداً"), "{lang:?}");
        assert!(text.contains(public), "{lang:?}");
    }
}

/// The paragraphs of the section with this heading, up to the next heading.
fn section<'a>(doc: &'a Report, heading: &str) -> Vec<(&'a str, Option<&'static str>)> {
    doc.blocks
        .iter()
        .skip_while(|b| !matches!(b, Block::Heading { level: 2, text } if text == heading))
        .skip(1)
        .take_while(|b| !matches!(b, Block::Heading { .. }))
        .filter_map(|b| match b {
            Block::Paragraph { text, lang } => Some((text.as_str(), lang.map(|l| l.code))),
            _ => None,
        })
        .collect()
}

/// A theme with ten published inputs (four attributed, six not) and two kept from
/// publication: its section quotes three, the attributed first in the order they were given,
/// and says how many more there are and where they are read — figures taken from the content.
#[test]
fn a_theme_quotes_a_few_inputs_and_counts_the_rest() {
    let mut records = Records::generate(SMALL, 12);
    let speaker = |records: &mut Records, n: usize| {
        records.add_registration(
            0,
            &RegistrationDraft {
                stakeholder_type: "nhri".into(),
                name: format!("Speaker {n}"),
                organisation: "Commission".into(),
                state: String::new(),
                email: format!("speaker{n}@example.org"),
                listed: true,
            },
            RegistrationStatus::Approved,
        )
    };
    let theme = "Remedies for victims (test theme)";
    for n in 0..12 {
        let who = speaker(&mut records, n);
        // The unattributed ones are given first, so that quoting the attributed ones first is
        // the document's choice and not the order of the inputs.
        let (publish, quote) = match n {
            0..=5 => (true, false),
            6..=9 => (true, true),
            _ => (false, false),
        };
        let text = format!("Input number {n} on remedies.");
        records.add_input(0, who, "challenge", theme, &text, publish, quote);
    }
    let report = records.report();
    let group = report
        .challenges
        .iter()
        .find(|g| g.label == theme)
        .expect("the theme's group");
    let published = group.quotations.len() + group.excerpts.len();
    assert_eq!(published, 10);
    let further = published - QUOTED_PER_THEME;

    for lang in Lang::ALL {
        let doc = document(&report, lang, &masthead());
        let paragraphs = section(&doc, theme);
        let quotations: Vec<&str> = paragraphs
            .iter()
            .map(|(text, _)| *text)
            .filter(|text| text.starts_with(['“', '«']))
            .collect();
        let expected: Vec<String> = group
            .quotations
            .iter()
            .take(QUOTED_PER_THEME)
            .map(|q| format!("“{}”", q.text))
            .collect();
        assert_eq!(quotations, expected, "{lang:?}");
        // Each quotation is followed by the name of the participant who agreed to be named.
        for (i, q) in group.quotations.iter().take(QUOTED_PER_THEME).enumerate() {
            let at = paragraphs
                .iter()
                .position(|(text, _)| *text == expected[i])
                .expect("quoted");
            assert!(paragraphs[at + 1].0.contains(&q.name), "{lang:?}");
        }
        let figures = paragraphs[0].0;
        let count = u64::from(group.count);
        let (further_said, rest) = match lang {
            Lang::En => (
                format!("{further} further published challenges on this theme are not quoted"),
                "seminar pages of the Taawun platform",
            ),
            Lang::Ar => (
                format!("أما سائر التحديات المنشورة في إطار هذا الموضوع، وعددها {further}،"),
                "صفحات الحلقات الدراسية على منصة تعاون",
            ),
        };
        for phrase in [further_said.as_str(), rest, &count.to_string()] {
            assert!(figures.contains(phrase), "{phrase:?} not in {figures:?}");
        }
        assert_eq!(further_figures(&doc, lang).len(), {
            // Every theme of the records with more published inputs than are quoted says so.
            published_by_theme(&records)
                .values()
                .filter(|(named, unnamed)| named + unnamed > QUOTED_PER_THEME)
                .count()
        });
        // Quoted: 6 to 8, the first three attributed. Not: 0 to 5, published without a name
        // and after the attributed ones; 9, attributed but beyond the limit; 10 and 11, not
        // published.
        let text = all_text(&doc);
        for n in 0..12 {
            let input = format!("Input number {n} on remedies.");
            assert_eq!(text.contains(&input), (6..9).contains(&n), "{lang:?} {n}");
        }
    }

    // Fewer published inputs than the limit: all quoted, and no sentence about others.
    let mut records = Records::generate(SMALL, 13);
    let theme = "A theme raised twice (test theme)";
    for n in 0..2 {
        let who = speaker(&mut records, n);
        let text = format!("Input number {n} on the theme raised twice.");
        records.add_input(0, who, "gap", theme, &text, true, n == 0);
    }
    let report = records.report();
    for lang in Lang::ALL {
        let doc = document(&report, lang, &masthead());
        let paragraphs = section(&doc, theme);
        assert_eq!(paragraphs.len(), 1 + 2 * 2, "{lang:?}");
        assert!(!paragraphs[0].0.contains("further"), "{lang:?}");
        assert!(!paragraphs[0].0.contains("سائر"), "{lang:?}");
    }
}

/// At the scale of a mandate: no input kept from publication appears (unless another
/// participant published the same words, or words that contain them), and no one is named who
/// never agreed to be.
#[test]
fn no_unpublished_input_or_unconsenting_name_appears_at_scale() {
    let records = Records::generate(MANDATE, 5);
    let report = records.report();
    let inputs: Vec<_> = records.inputs.iter().flatten().collect();
    let published: Vec<&str> = inputs
        .iter()
        .filter(|i| i.publish)
        .map(|i| i.text.as_str())
        .collect();
    let hidden: Vec<&str> = inputs
        .iter()
        .filter(|i| !i.publish)
        .map(|i| i.text.as_str())
        .filter(|h| !published.iter().any(|p| p.contains(h)))
        .collect();
    assert!(hidden.len() > 100);
    let quoting: HashSet<i64> = inputs
        .iter()
        .filter(|i| i.quote)
        .map(|i| i.registration_id)
        .collect();
    let registrations: Vec<_> = records.registrations.iter().flatten().collect();
    let named: HashSet<&str> = registrations
        .iter()
        .filter(|r| quoting.contains(&r.id))
        .map(|r| r.name.as_str())
        .collect();
    let unnamed: Vec<&str> = registrations
        .iter()
        .map(|r| r.name.as_str())
        .filter(|n| !named.contains(n))
        .collect();
    for lang in Lang::ALL {
        let doc = document(&report, lang, &masthead());
        let text = all_text(&doc);
        for h in &hidden {
            assert!(!text.contains(h), "{h}");
        }
        for n in &unnamed {
            assert!(!text.contains(n), "{n}");
        }
    }
}

/// What a block is, without its text.
#[derive(Debug, PartialEq)]
enum Shape {
    Heading(u8),
    Paragraph(Option<&'static str>, Option<bool>),
    List(usize),
    Table(Vec<Cells>, usize, bool),
    Bars(usize, usize),
}

fn shape(report: &Report) -> Vec<Shape> {
    report
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading { level, .. } => Shape::Heading(*level),
            Block::Paragraph { lang, .. } => {
                Shape::Paragraph(lang.map(|l| l.code), lang.map(|l| l.rtl))
            }
            Block::List(items) => Shape::List(items.len()),
            Block::Table {
                caption,
                columns,
                rows,
            } => Shape::Table(
                columns.iter().map(|c| c.cells).collect(),
                rows.len(),
                caption.is_some(),
            ),
            Block::Bars(spec) => Shape::Bars(spec.categories.len(), spec.rows.len()),
        })
        .collect()
}

#[test]
fn arabic_and_english_have_the_same_structure() {
    for (size, seed) in [(SMALL, 6), (MANDATE, 7)] {
        let report = Records::generate(size, seed).report();
        let ar = document(&report, Lang::Ar, &masthead());
        let en = document(&report, Lang::En, &masthead());
        assert_eq!(shape(&ar), shape(&en));
        assert_eq!(ar.masthead.lines.len(), en.masthead.lines.len());
        assert!(ar.language.rtl && !en.language.rtl);
        // The report's own texts are in its language: the title, and every chapter.
        assert!(ar.title.starts_with("تقرير موجز"));
        assert!(
            en.title
                .starts_with("Summary report of the regional seminars")
        );
        assert!(ar.blocks.iter().any(|b| matches!(b, Block::Bars(_))));
    }
}

/// Quotations keep the language they were given in, in a report of the other language.
#[test]
fn quotations_are_marked_with_their_language() {
    let report = Records::generate(SMALL, 8).report();
    let en = document(&report, Lang::En, &masthead());
    let mut arabic = 0;
    for block in &en.blocks {
        if let Block::Paragraph { text, lang } = block
            && text.starts_with('«')
        {
            arabic += 1;
            assert_eq!(lang.map(|l| l.code), Some("ar"), "{text}");
        }
    }
    assert!(arabic > 0);
}

/// Seminars held with nobody approved, no call and no practice: every chapter says so, no
/// chart of nobody is drawn, and the report still typesets.
#[test]
fn an_empty_report_says_what_is_missing() {
    let mut records = Records::generate(TINY, 11);
    for seminar in 0..records.seminars.len() {
        records.registrations[seminar].clear();
        records.inputs[seminar].clear();
    }
    records.calls.clear();
    records.submissions.clear();
    records.practices.clear();
    records.urls.clear();
    let report = records.report();
    let ar = document(&report, Lang::Ar, &masthead());
    let en = document(&report, Lang::En, &masthead());
    assert_eq!(shape(&ar), shape(&en));
    assert!(!en.blocks.iter().any(|b| matches!(b, Block::Bars(_))));
    let text = all_text(&en);
    for phrase in [
        "A total of 0 participants took part",
        "No challenge was raised at the seminars.",
        "No gap was raised at the seminars.",
        "No good practice was raised at the seminars.",
        "No call for inputs was issued for the report.",
        "No practice of the best-practice compendium is cited in the report.",
    ] {
        assert!(text.contains(phrase), "{phrase}");
    }
    for doc in [&ar, &en] {
        let pdf = taawun_report::pdf(doc).unwrap_or_else(|e| panic!("{e}"));
        assert!(pdf.starts_with(b"%PDF"));
    }
}

#[test]
fn both_languages_typeset() {
    let report = Records::generate(SMALL, 9).report();
    for lang in Lang::ALL {
        let doc = document(&report, lang, &masthead());
        let pdf = taawun_report::pdf(&doc).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        assert!(pdf.starts_with(b"%PDF"), "{lang:?}");
    }
}

/// Texts a participant may type: any character, and everything Typst or Markdown would read
/// as markup.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "[\\p{Arabic}a-zA-Z0-9 #*\\[\\]$\\\\\"_`<>@=~/|{}()%&+-]{0,40}",
        Just(String::new()),
    ]
}

const TINY: Size = Size {
    registrations: 3,
    inputs: 6,
    themes: 3,
    calls: 1,
    submissions: 2,
    practices: 1,
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever participants wrote as themes, inputs, names and organisations, the document is
    /// built and typesetting ends in a PDF or an error, never a panic.
    #[test]
    fn any_theme_or_text_neither_panics(
        typed in prop::collection::vec((typed(), typed(), typed(), typed()), 6),
        agenda in typed(),
    ) {
        let mut records = Records::generate(TINY, 10);
        let inputs = records.inputs.iter_mut().flatten();
        for (input, (label, text, _, _)) in inputs.zip(&typed) {
            input.theme = Theme { key: theme_key(label), label: label.clone() };
            input.text = text.clone();
        }
        let registrations = records.registrations.iter_mut().flatten();
        for (registration, (_, _, name, organisation)) in registrations.zip(&typed) {
            registration.name = name.clone();
            registration.organisation = Some(organisation.clone());
        }
        let report = records.report();
        let mut head = masthead();
        head.agenda_title.ar = agenda.clone();
        head.symbol = agenda;
        for lang in Lang::ALL {
            let doc = document(&report, lang, &head);
            let _ = taawun_report::pdf(&doc);
        }
    }
}
