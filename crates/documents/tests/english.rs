//! The English version of resolution 56/2 (a fixture written from the seed, in the UN's English
//! layout) against the Arabic seed: the same structure, citations, vote and mandates must come
//! out of both languages.

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use taawun_documents::{Addressee, AdoptionMethod, Body, OutputKind, Resolution};

fn english() -> Resolution {
    common::parse(&common::fixture("hrc-56-2.en.txt"))
}

#[test]
fn header() {
    let r = english();
    assert_eq!(r.symbol, "A/HRC/RES/56/2");
    assert_eq!(r.body, Body::HumanRightsCouncil);
    assert_eq!(r.language, "en");
    assert_eq!(r.original_language.as_deref(), Some("en"));
    assert_eq!(r.session, Some(56));
    let dates = r.session_dates.unwrap();
    assert_eq!(dates.from, NaiveDate::from_ymd_opt(2024, 6, 18).unwrap());
    assert_eq!(dates.to, NaiveDate::from_ymd_opt(2024, 7, 12).unwrap());
    let agenda = r.agenda_item.unwrap();
    assert_eq!(agenda.number, "3");
    assert_eq!(
        agenda.title,
        "Promotion and protection of all human rights, civil, political, economic, social and \
         cultural rights, including the right to development"
    );
    assert_eq!(r.number.as_deref(), Some("56/2"));
    assert_eq!(
        r.title,
        "Enhancement of international cooperation in the field of human rights"
    );
    assert_eq!(r.distribution_date, NaiveDate::from_ymd_opt(2024, 7, 11));
    assert_eq!(r.adoption_date, NaiveDate::from_ymd_opt(2024, 7, 10));
    assert_eq!(r.meeting, Some(34));
}

#[test]
fn paragraphs_page_breaks_and_footnotes() {
    let r = english();
    assert_eq!(r.preambular.len(), 33);
    assert_eq!(
        r.operative.iter().map(|p| p.number).collect::<Vec<_>>(),
        (1..=37).collect::<Vec<_>>()
    );
    assert!(
        r.preambular[0]
            .text
            .starts_with("Reaffirming its commitment")
    );
    assert!(r.operative[0].text.starts_with("Reaffirms that it is one"));
    // Page furniture (job number, repeated symbol, page numbers) is not text.
    for p in r.preambular.iter().chain(&r.operative) {
        assert!(
            !p.text.contains("GE.24") && !p.text.contains("A/HRC/RES/56/2"),
            "{}",
            p.text
        );
    }
    let op28 = &r.operative[27].text;
    assert!(op28.contains("reiterates in this regard the right of everyone to enjoy"));
    let joined: Vec<&str> = r.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(joined, ["joined-paragraph"], "{:?}", r.warnings);
    let footnotes: Vec<(u32, &str)> = r
        .footnotes
        .iter()
        .map(|f| (f.marker, f.paragraph.as_str()))
        .collect();
    assert_eq!(
        footnotes,
        [
            (1, "pp-3"),
            (2, "pp-8"),
            (3, "pp-10"),
            (4, "op-20"),
            (5, "op-32")
        ]
    );
    assert!(r.footnotes.iter().all(|f| f.text.is_some()));
    // The last page's footnote comes after the adoption note.
    assert_eq!(r.footnotes[4].text.as_deref(), Some("A/HRC/56/31."));
}

#[test]
fn english_vote() {
    let r = english();
    let vote = r.vote.unwrap();
    assert_eq!(vote.method, AdoptionMethod::RecordedVote);
    assert_eq!(
        (vote.yes, vote.no, vote.abstain),
        (Some(31), Some(14), Some(2))
    );
    assert_eq!(vote.names.yes.len(), 31);
    assert_eq!(vote.names.yes[9], "Côte d’Ivoire");
    assert_eq!(vote.names.no[11], "Netherlands (Kingdom of the)");
    assert_eq!(vote.names.no[13], "United States of America");
    assert_eq!(vote.states.abstain, ["ARG", "DOM"]);
}

#[test]
fn both_languages_say_the_same() {
    taawun_testdata::require_shared!();
    let en = english();
    let ar = common::parse(common::SEED);
    assert_eq!(en.symbol, ar.symbol);
    assert_eq!(en.session, ar.session);
    assert_eq!(en.session_dates, ar.session_dates);
    assert_eq!(en.adoption_date, ar.adoption_date);
    assert_eq!(en.distribution_date, ar.distribution_date);
    assert_eq!(en.meeting, ar.meeting);
    assert_eq!(en.preambular.len(), ar.preambular.len());
    assert_eq!(en.operative.len(), ar.operative.len());

    // The same States on each side (listed in each language's alphabetical order).
    let (en_vote, ar_vote) = (en.vote.as_ref().unwrap(), ar.vote.as_ref().unwrap());
    let set = |v: &Vec<String>| v.iter().cloned().collect::<BTreeSet<_>>();
    assert_eq!(set(&en_vote.states.yes), set(&ar_vote.states.yes));
    assert_eq!(set(&en_vote.states.no), set(&ar_vote.states.no));
    assert_eq!(set(&en_vote.states.abstain), set(&ar_vote.states.abstain));

    // The same citations in the same paragraphs, with the same dates; English has the texts of
    // footnotes 4 and 5, which the Arabic extraction lost.
    let key =
        |r: &taawun_documents::Reference| (r.paragraph.clone(), r.symbol.clone(), r.kind, r.date);
    let en_refs: Vec<_> = en
        .references
        .iter()
        .filter(|r| !["op-20", "op-32"].contains(&r.paragraph.as_str()))
        .map(key)
        .collect();
    let ar_refs: Vec<_> = ar.references.iter().map(key).collect();
    assert_eq!(en_refs, ar_refs);

    // The same mandates: who, what output, due when.
    let shape = |r: &Resolution| -> Vec<(u32, Addressee, Option<OutputKind>, Option<u32>)> {
        r.mandates
            .iter()
            .map(|m| (m.paragraph, m.addressee, m.output, m.due_session))
            .collect()
    };
    assert_eq!(shape(&en), shape(&ar));
    let action = |r: &Resolution, paragraph| {
        r.mandates
            .iter()
            .rfind(|m| m.paragraph == paragraph)
            .map(|m| m.action.clone())
            .unwrap()
    };
    assert_eq!(action(&en, 33), "prepare a new report");
    assert_eq!(action(&en, 31), "prepare a summary report");
    assert_eq!(action(&en, 37), "continue its consideration");
    assert_eq!(action(&en, 31 - 1), "organize a series");
}
