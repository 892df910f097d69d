//! The golden test: Human Rights Council resolution 56/2 in Arabic, as extracted from its PDF
//! (`shared/seeds/000_b863d33a48876efe.txt`, read in place). Counts are derived from the text
//! itself where they can be, so that the test says what the document says.

mod common;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use taawun_documents::{
    Addressee, AdoptionMethod, Body, OutputKind, ReferenceKind, Resolution, normalize_for_search,
};

fn seed() -> Resolution {
    common::parse(common::SEED)
}

fn seed_lines() -> Vec<String> {
    common::read(common::SEED)
        .lines()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The operative numbers as the text writes them: lines "N- …" or "- N- …".
fn operative_numbers_in_text() -> Vec<u32> {
    seed_lines()
        .iter()
        .filter_map(|l| {
            let l = l.strip_prefix("- ").unwrap_or(l);
            let (n, rest) = l.split_once("- ")?;
            (!rest.is_empty()).then(|| n.parse().ok()).flatten()
        })
        .collect()
}

/// The preambular lines: after the enacting formula, before operative 1, not footnotes.
fn preambular_lines() -> Vec<String> {
    let lines = seed_lines();
    let start = lines
        .iter()
        .position(|l| l == "إن مجلس حقوق الإنسان،")
        .unwrap()
        + 1;
    let end = lines.iter().position(|l| l.starts_with("1- ")).unwrap();
    lines[start..end]
        .iter()
        .filter(|l| !l.starts_with('('))
        .cloned()
        .collect()
}

#[test]
fn header() {
    taawun_testdata::require_shared!();
    let r = seed();
    assert_eq!(r.symbol, "A/HRC/RES/56/2");
    assert_eq!(r.body, Body::HumanRightsCouncil);
    assert_eq!(r.session, Some(56));
    let dates = r.session_dates.unwrap();
    assert_eq!(
        (Some(dates.from), Some(dates.to)),
        (date(2024, 6, 18), date(2024, 7, 12))
    );
    let agenda = r.agenda_item.unwrap();
    assert_eq!(agenda.number, "3");
    assert_eq!(
        agenda.title,
        "تعزيز وحماية جميع حقوق الإنسان، المدنية والسياسية والاقتصادية والاجتماعية والثقافية، بما في ذلك الحق في التنمية"
    );
    assert_eq!(r.language, "ar");
    assert_eq!(r.original_language.as_deref(), Some("en"));
    assert_eq!(r.number.as_deref(), Some("56/2"));
    assert_eq!(r.title, "تعزيز التعاون الدولي في ميدان حقوق الإنسان");
    assert_eq!(r.distribution_date, date(2024, 7, 11));
    assert_eq!(r.adoption_date, date(2024, 7, 10));
    assert_eq!(r.meeting, Some(34));
}

#[test]
fn preambular_paragraphs() {
    taawun_testdata::require_shared!();
    let r = seed();
    let lines = preambular_lines();
    assert_eq!(lines.len(), 33);
    assert_eq!(r.preambular.len(), lines.len());
    for (i, (paragraph, line)) in r.preambular.iter().zip(&lines).enumerate() {
        assert_eq!(paragraph.number, i as u32 + 1);
        assert_eq!(&paragraph.text, line, "pp-{}", i + 1);
    }
    assert!(r.preambular[0].text.starts_with("إذ يعيد تأكيد"));
    assert!(r.preambular[21].text.starts_with("وقد صمّم"));
    // Every preambular paragraph opens with إذ, وإذ, وإن (damaged) or وقد.
    for p in &r.preambular {
        let first = p.text.split_whitespace().next().unwrap();
        assert!(["إذ", "وإذ", "وإن", "وقد"].contains(&first), "{first}");
    }
}

#[test]
fn operative_paragraphs() {
    taawun_testdata::require_shared!();
    let r = seed();
    let numbers: Vec<u32> = r.operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=37).collect::<Vec<_>>());
    assert_eq!(numbers, operative_numbers_in_text());
    for p in &r.operative {
        // Written without the list marker.
        assert!(
            !p.text.starts_with(|c: char| c.is_ascii_digit() || c == '-'),
            "op-{}: {}",
            p.number,
            p.text
        );
        assert!(
            p.text.ends_with('؛') || p.text.ends_with('.'),
            "op-{}",
            p.number
        );
    }
    assert!(r.operative[3].text.starts_with("يُشدد على أن الدول"));
    // Operative 28, split by a page break, is one paragraph.
    let op28 = &r.operative[27].text;
    assert!(op28.starts_with("يحثّ الدول على اتخاذ مزيد من الخطوات"));
    assert!(op28.contains("ويكرر في هذا الصدد تأكيد حق كل فرد"));
    assert!(op28.ends_with("(كوفيد-19)؛"));
    assert!(
        r.operative[36]
            .text
            .starts_with("يقرر مواصلة نظره في هذه المسألة")
    );
}

#[test]
fn normalized_text() {
    taawun_testdata::require_shared!();
    let r = seed();
    for p in r.preambular.iter().chain(&r.operative) {
        assert_eq!(p.normalized, normalize_for_search(&p.text));
        assert!(
            !p.normalized
                .contains(['\u{064B}', '\u{0651}', '\u{0640}', 'أ', 'إ', 'ة', 'ى'])
        );
        assert!(!p.normalized.contains(['⁽', '¹', '⁾']));
        assert!(!p.normalized.contains("  "));
    }
    assert!(
        r.preambular[0]
            .normalized
            .starts_with("اذ يعيد تاكيد التزامه")
    );
    assert!(r.preambular[2].normalized.ends_with("اتفاق باريس،"));
}

#[test]
fn footnotes() {
    taawun_testdata::require_shared!();
    let r = seed();
    let text = common::read(common::SEED);
    let markers = ["⁽¹⁾", "⁽²⁾", "⁽³⁾", "⁽⁴⁾", "⁽⁵⁾"];
    let in_text = markers.iter().filter(|m| text.contains(*m)).count();
    assert_eq!(r.footnotes.len(), in_text);
    let linked: Vec<(u32, &str, bool)> = r
        .footnotes
        .iter()
        .map(|f| (f.marker, f.paragraph.as_str(), f.text.is_some()))
        .collect();
    assert_eq!(
        linked,
        [
            (1, "pp-3", true),
            (2, "pp-8", true),
            (3, "pp-10", true),
            (4, "op-20", false),
            (5, "op-32", false),
        ]
    );
    assert_eq!(
        r.footnotes[0].text.as_deref(),
        Some("انظر FCCC/CP/2015/10/Add.1، المقرر 1/م أ-21، المرفق.")
    );
    assert_eq!(
        r.footnotes[2].text.as_deref(),
        Some("انظر قراري الجمعية العامة 3/66 و 1/76.")
    );
    // The footnote texts are not paragraphs.
    assert!(r.preambular.iter().all(|p| !p.text.starts_with('(')));
}

#[test]
fn references() {
    taawun_testdata::require_shared!();
    let r = seed();
    use ReferenceKind::*;
    let got: Vec<(&str, &str, ReferenceKind, Option<NaiveDate>)> = r
        .references
        .iter()
        .map(|x| (x.paragraph.as_str(), x.symbol.as_str(), x.kind, x.date))
        .collect();
    let want = [
        ("pp-1", "Charter of the United Nations", Other, None),
        (
            "pp-1",
            "Vienna Declaration and Programme of Action",
            Declaration,
            date(1993, 6, 25),
        ),
        (
            "pp-1",
            "World Conference on Human Rights",
            Conference,
            date(1993, 6, 25),
        ),
        (
            "pp-2",
            "A/RES/70/1",
            GeneralAssemblyResolution,
            date(2015, 9, 25),
        ),
        (
            "pp-3",
            "A/RES/69/313",
            GeneralAssemblyResolution,
            date(2015, 7, 27),
        ),
        ("pp-3", "Paris Agreement", Other, None),
        ("pp-3", "FCCC/CP/2015/10/Add.1", Report, None),
        ("pp-3", "1/CP.21", Decision, None),
        (
            "pp-4",
            "United Nations Millennium Declaration",
            Declaration,
            date(2000, 9, 8),
        ),
        (
            "pp-4",
            "A/RES/77/213",
            GeneralAssemblyResolution,
            date(2022, 12, 15),
        ),
        (
            "pp-4",
            "A/HRC/RES/50/4",
            HumanRightsCouncilResolution,
            date(2022, 7, 7),
        ),
        (
            "pp-5",
            "A/RES/41/128",
            GeneralAssemblyResolution,
            date(1986, 12, 4),
        ),
        (
            "pp-6",
            "A/RES/48/141",
            GeneralAssemblyResolution,
            date(1993, 12, 20),
        ),
        (
            "pp-7",
            "A/RES/33/134",
            GeneralAssemblyResolution,
            date(1978, 12, 19),
        ),
        (
            "pp-8",
            "E/CN.4/SUB.2/RES/2000/22",
            SubCommissionResolution,
            date(2000, 8, 18),
        ),
        ("pp-8", "E/CN.4/2001/2", Report, None),
        ("pp-8", "E/CN.4/Sub.2/2000/46", Report, None),
        (
            "pp-9",
            "19th Summit of Heads of State and Government of the Non-Aligned Movement",
            Conference,
            date(2024, 1, 19),
        ),
        (
            "pp-10",
            "World Conference against Racism, Racial Discrimination, Xenophobia and Related Intolerance",
            Conference,
            date(2001, 8, 31),
        ),
        (
            "pp-10",
            "Durban Review Conference",
            Conference,
            date(2009, 4, 20),
        ),
        (
            "pp-10",
            "Durban Declaration and Programme of Action",
            Declaration,
            None,
        ),
        ("pp-10", "A/RES/66/3", GeneralAssemblyResolution, None),
        ("pp-10", "A/RES/76/1", GeneralAssemblyResolution, None),
        (
            "pp-12",
            "A/HRC/RES/46/14",
            HumanRightsCouncilResolution,
            date(2021, 3, 23),
        ),
        (
            "pp-12",
            "A/HRC/RES/49/25",
            HumanRightsCouncilResolution,
            date(2022, 4, 1),
        ),
        (
            "pp-19",
            "Kampala Declaration",
            Declaration,
            date(2024, 1, 20),
        ),
        (
            "pp-23",
            "A/RES/60/251",
            GeneralAssemblyResolution,
            date(2006, 3, 15),
        ),
        (
            "pp-26",
            "A/HRC/RES/6/17",
            HumanRightsCouncilResolution,
            date(2007, 9, 28),
        ),
        ("op-3", "Charter of the United Nations", Other, None),
        (
            "op-13",
            "Universal Declaration of Human Rights",
            Declaration,
            None,
        ),
        (
            "op-35",
            "A/RES/78/197",
            GeneralAssemblyResolution,
            date(2023, 12, 19),
        ),
        (
            "op-36",
            "A/RES/78/199",
            GeneralAssemblyResolution,
            date(2023, 12, 19),
        ),
    ];
    assert_eq!(got, want);
    let written: BTreeMap<&str, &str> = r
        .references
        .iter()
        .map(|x| (x.symbol.as_str(), x.as_written.as_str()))
        .collect();
    assert_eq!(written["A/RES/70/1"], "قرار الجمعية العامة 1/70");
    assert_eq!(written["A/HRC/RES/49/25"], "25/49");
    assert_eq!(written["E/CN.4/SUB.2/RES/2000/22"], "القرار 22/2000");
    assert_eq!(written["1/CP.21"], "المقرر 1/م أ-21");
    // Every right-to-left number cited in the text is found, reversed.
    for written in [
        "1/70", "313/69", "213/77", "4/50", "128/41", "141/48", "134/33", "14/46", "25/49",
        "251/60", "17/6", "197/78", "199/78", "3/66", "1/76",
    ] {
        let (number, session) = written.split_once('/').unwrap();
        let normalised = format!("/{session}/{number}");
        assert!(
            r.references.iter().any(|x| x.symbol.ends_with(&normalised)),
            "{written} → …{normalised}"
        );
    }
}

#[test]
fn vote() {
    taawun_testdata::require_shared!();
    let r = seed();
    let vote = r.vote.unwrap();
    assert_eq!(vote.method, AdoptionMethod::RecordedVote);
    // The tally as the text states it.
    let text = common::read(common::SEED);
    assert!(text.contains("بأغلبية 31 صوتاً مقابل 14 صوتاً وامتناع عضوين عن التصويت"));
    assert_eq!(
        (vote.yes, vote.no, vote.abstain),
        (Some(31), Some(14), Some(2))
    );
    // The lists as the text writes them, after each heading.
    let lines = seed_lines();
    let list_after = |heading: &str| -> Vec<String> {
        let i = lines.iter().position(|l| l == heading).unwrap();
        lines[i + 1]
            .trim_end_matches(['.', ']'])
            .split('،')
            .map(|n| n.trim().to_owned())
            .collect()
    };
    assert_eq!(vote.names.yes, list_after("المؤيدون:"));
    assert_eq!(vote.names.no, list_after("المعارضون:"));
    assert_eq!(vote.names.abstain, list_after("المتنعون:"));
    assert_eq!(vote.names.yes.len() as u32, vote.yes.unwrap());
    assert_eq!(vote.names.no.len() as u32, vote.no.unwrap());
    assert_eq!(vote.names.abstain.len() as u32, vote.abstain.unwrap());
    // Every name resolved, none twice.
    assert_eq!(vote.states.yes.len(), 31);
    assert_eq!(vote.states.no.len(), 14);
    assert_eq!(vote.states.abstain, ["ARG", "DOM"]);
    let mut all: Vec<&String> = vote
        .states
        .yes
        .iter()
        .chain(&vote.states.no)
        .chain(&vote.states.abstain)
        .collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 47);
    let cameroon = vote
        .names
        .yes
        .iter()
        .position(|n| n == "الكامبيون")
        .unwrap();
    assert_eq!(vote.states.yes[cameroon], "CMR");
    let netherlands = vote
        .names
        .no
        .iter()
        .position(|n| n == "هولندا (مملكة)")
        .unwrap();
    assert_eq!(vote.states.no[netherlands], "NLD");
    assert_eq!(vote.states.no[12], "USA");
}

#[test]
fn mandates() {
    taawun_testdata::require_shared!();
    let r = seed();
    use Addressee::{HighCommissioner, SecretaryGeneral, States, TheBody};
    use OutputKind::{Compilation, Consultation, Report, Seminar};
    const OTHER: Addressee = Addressee::Other;
    let got: Vec<(u32, Addressee, Option<OutputKind>, Option<u32>)> = r
        .mandates
        .iter()
        .map(|m| (m.paragraph, m.addressee, m.output, m.due_session))
        .collect();
    assert_eq!(
        got,
        [
            (7, OTHER, None, None),
            (10, OTHER, None, None),
            (21, HighCommissioner, None, None),
            (22, HighCommissioner, None, None),
            (23, States, None, None),
            (24, States, Some(Consultation), None),
            (24, OTHER, None, None),
            (25, States, None, None),
            (26, States, None, None),
            (28, States, None, None),
            (29, States, None, None),
            (29, HighCommissioner, Some(Compilation), None),
            (30, HighCommissioner, Some(Seminar), None),
            (31, SecretaryGeneral, Some(Seminar), None),
            (31, HighCommissioner, Some(Report), Some(63)),
            (33, HighCommissioner, Some(Report), Some(59)),
            (34, States, None, None),
            (35, TheBody, None, None),
            (36, SecretaryGeneral, Some(Consultation), None),
            (37, TheBody, None, Some(59)),
        ]
    );
    let action = |paragraph: u32, addressee: Addressee| {
        r.mandates
            .iter()
            .find(|m| m.paragraph == paragraph && m.addressee == addressee)
            .map(|m| m.action.as_str())
            .unwrap()
    };
    assert_eq!(action(33, HighCommissioner), "يعد تقريرا جديدا");
    assert_eq!(action(31, HighCommissioner), "يعد تقريرا موجزا");
    assert_eq!(action(37, TheBody), "مواصلة نظره");
    assert_eq!(action(30, HighCommissioner), "ينظم سلسلة من الحلقات");
    assert_eq!(action(36, SecretaryGeneral), "يجري مشاورات مع الدول");
    // Every paragraph the product's mandate tracker lists has a mandate.
    for paragraph in [21, 22, 29, 30, 31, 33, 36, 37] {
        assert!(
            r.mandates.iter().any(|m| m.paragraph == paragraph),
            "op-{paragraph}"
        );
    }
}

#[test]
fn warnings() {
    taawun_testdata::require_shared!();
    let r = seed();
    let mut by_code: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for w in &r.warnings {
        by_code.entry(&w.code).or_default().push(&w.location);
    }
    // One damaged opening for each preambular paragraph that opens with وإن.
    let damaged: Vec<String> = preambular_lines()
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("وإن "))
        .map(|(i, _)| format!("pp-{}", i + 1))
        .collect();
    assert_eq!(damaged.len(), 28);
    assert_eq!(by_code["damaged-opening"], damaged);
    assert_eq!(by_code["joined-paragraph"], ["op-28"]);
    assert_eq!(by_code["missing-footnote"], ["op-20", "op-32"]);
    assert_eq!(by_code["fuzzy-state"], ["vote"]);
    assert_eq!(by_code["damaged-heading"], ["vote"]);
    assert_eq!(by_code.len(), 5, "{by_code:?}");
    let fuzzy = r.warnings.iter().find(|w| w.code == "fuzzy-state").unwrap();
    assert!(fuzzy.message.contains("الكامبيون"), "{}", fuzzy.message);
    assert!(fuzzy.message.contains("CMR"), "{}", fuzzy.message);
    assert!(fuzzy.message.contains("distance 1.5"), "{}", fuzzy.message);
    let heading = r
        .warnings
        .iter()
        .find(|w| w.code == "damaged-heading")
        .unwrap();
    assert!(heading.message.contains("المتنعون"));
}

#[test]
fn json_round_trip_and_field_names() {
    taawun_testdata::require_shared!();
    let r = seed();
    let json = serde_json::to_value(&r).unwrap();
    for field in [
        "symbol",
        "body",
        "session",
        "session_dates",
        "agenda_item",
        "language",
        "original_language",
        "number",
        "title",
        "distribution_date",
        "adoption_date",
        "meeting",
        "preambular",
        "operative",
        "footnotes",
        "references",
        "vote",
        "mandates",
        "warnings",
    ] {
        assert!(json.get(field).is_some(), "{field}");
    }
    assert_eq!(json["body"], "human-rights-council");
    assert_eq!(json["vote"]["method"], "recorded-vote");
    assert_eq!(json["session_dates"]["from"], "2024-06-18");
    let back: Resolution = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);
}
