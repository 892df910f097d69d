//! Resolutions adopted without a vote: a General Assembly text in English and a Council text in
//! Arabic (fixtures).

mod common;

use chrono::NaiveDate;
use taawun_documents::{Addressee, AdoptionMethod, Body, OutputKind};

#[test]
fn general_assembly_in_english() {
    let r = common::parse(&common::fixture("ga-78-199.en.txt"));
    assert_eq!(r.symbol, "A/RES/78/199");
    assert_eq!(r.body, Body::GeneralAssembly);
    assert_eq!(r.session, Some(78));
    assert_eq!(r.session_dates, None);
    assert_eq!(r.agenda_item.as_ref().unwrap().number, "71 (b)");
    assert!(
        r.agenda_item
            .unwrap()
            .title
            .ends_with("fundamental freedoms")
    );
    assert_eq!(r.number.as_deref(), Some("78/199"));
    assert_eq!(r.distribution_date, NaiveDate::from_ymd_opt(2024, 1, 2));
    assert_eq!(r.adoption_date, NaiveDate::from_ymd_opt(2023, 12, 19));
    assert_eq!(r.meeting, Some(50));
    assert_eq!((r.preambular.len(), r.operative.len()), (4, 5));
    let vote = r.vote.unwrap();
    assert_eq!(vote.method, AdoptionMethod::WithoutVote);
    assert_eq!((vote.yes, vote.no, vote.abstain), (None, None, None));
    assert!(vote.names.yes.is_empty() && vote.states.yes.is_empty());
    // "its resolution 77/213" in an Assembly text is the Assembly's.
    assert!(
        r.references
            .iter()
            .any(|x| x.symbol == "A/RES/77/213" && x.paragraph == "pp-2")
    );
    let mandates: Vec<_> = r
        .mandates
        .iter()
        .map(|m| (m.paragraph, m.addressee, m.output, m.due_session))
        .collect();
    assert_eq!(
        mandates,
        [
            (3, Addressee::States, None, None),
            (
                4,
                Addressee::SecretaryGeneral,
                Some(OutputKind::Report),
                Some(80)
            ),
            (5, Addressee::TheBody, None, Some(80)),
        ]
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn council_in_arabic() {
    let r = common::parse(&common::fixture("hrc-without-vote.ar.txt"));
    assert_eq!(r.symbol, "A/HRC/RES/56/25");
    assert_eq!(r.number.as_deref(), Some("56/25"));
    assert_eq!(r.language, "ar");
    assert_eq!(r.original_language.as_deref(), Some("ar"));
    assert_eq!(r.meeting, Some(35));
    assert_eq!(r.adoption_date, NaiveDate::from_ymd_opt(2024, 7, 11));
    assert_eq!(r.vote.unwrap().method, AdoptionMethod::WithoutVote);
    let mandates: Vec<_> = r
        .mandates
        .iter()
        .map(|m| (m.paragraph, m.addressee, m.output, m.due_session))
        .collect();
    assert_eq!(
        mandates,
        [
            (
                2,
                Addressee::HighCommissioner,
                Some(OutputKind::Report),
                Some(60)
            ),
            (3, Addressee::TheBody, None, Some(62)),
        ]
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}
