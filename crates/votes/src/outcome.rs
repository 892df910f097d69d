//! Whether a roll call carried, decided from its tally and the body's rule.
//!
//! The datasets record how each State voted, not what the chair announced. The result follows
//! from the rule of the body:
//!
//! - **Human Rights Council**: a majority of the members present and voting (rule 55 of the
//!   rules of procedure of the functional commissions of ECOSOC, which the Council follows).
//!   "Present and voting" means casting a vote for or against: abstentions are not counted, so a
//!   proposal carries when more members vote for it than against it; a tie defeats it.
//! - **General Assembly**: the same simple majority, or two thirds of the members present and
//!   voting on important questions (Article 18 of the Charter, rules 83–86). Which rule applied is
//!   a decision of the Assembly at the time, and the voting data does not record it (its
//!   `importantvote` flag marks votes the US State Department considered important, not
//!   Article 18). When both rules give the same answer the result is certain; when the simple
//!   majority passes but two thirds fails, the result is left [`Outcome::NotRecorded`] rather
//!   than guessed.

use serde::{Deserialize, Serialize};

use crate::Body;

/// What the tally and the rule say of a roll call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Adopted,
    Rejected,
    /// The tally does not decide it: the rule that applied is not in the data, and the
    /// possible rules disagree (or no State voted for or against).
    NotRecorded,
}

impl Outcome {
    pub fn slug(self) -> &'static str {
        match self {
            Outcome::Adopted => "adopted",
            Outcome::Rejected => "rejected",
            Outcome::NotRecorded => "not-recorded",
        }
    }
}

/// The majority a body's rule asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// More votes for than against (the Council).
    SimpleMajority,
    /// A simple majority, or two thirds on important questions, the data not saying which
    /// (the Assembly).
    SimpleOrTwoThirds,
}

impl Rule {
    pub fn of(body: Body) -> Rule {
        match body {
            Body::Hrc => Rule::SimpleMajority,
            Body::Unga => Rule::SimpleOrTwoThirds,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Rule::SimpleMajority => "simple-majority",
            Rule::SimpleOrTwoThirds => "simple-or-two-thirds",
        }
    }
}

/// A simple majority of those present and voting: more for than against.
pub fn simple_majority(yes: u32, no: u32) -> bool {
    yes > no
}

/// Two thirds of those present and voting: `yes ≥ ⅔ (yes + no)`, that is `yes ≥ 2 no`
/// (in integers, so 20 for and 10 against is exactly two thirds and carries).
pub fn two_thirds(yes: u32, no: u32) -> bool {
    u64::from(yes) >= 2 * u64::from(no)
}

/// The result of a roll call of `body` with this tally. Abstentions are taken to show they
/// never count: they are accepted so that callers pass the whole tally.
pub fn outcome(body: Body, yes: u32, no: u32, _abstain: u32) -> Outcome {
    // Nobody for or against: no majority of any kind was formed, and the data cannot say what
    // the chair declared.
    if yes == 0 && no == 0 {
        return Outcome::NotRecorded;
    }
    let simple = simple_majority(yes, no);
    match Rule::of(body) {
        Rule::SimpleMajority => {
            if simple {
                Outcome::Adopted
            } else {
                Outcome::Rejected
            }
        }
        Rule::SimpleOrTwoThirds => match (simple, two_thirds(yes, no)) {
            // Two thirds implies a simple majority whenever anyone voted against; with no votes
            // against, both pass.
            (true, true) => Outcome::Adopted,
            (false, _) => Outcome::Rejected,
            (true, false) => Outcome::NotRecorded,
        },
    }
}

/// What a roll call was taken on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The text as a whole, under a resolution's symbol.
    Resolution,
    /// The text as a whole, under a decision's symbol.
    Decision,
    /// A draft (an `L.` symbol): the adopted text, if any, has another symbol.
    Draft,
    /// An amendment to a text.
    Amendment,
    /// A separate vote on a paragraph.
    Paragraph,
    /// A procedural motion (to adjourn the debate, to take no action, to postpone…).
    Motion,
}

impl Kind {
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Resolution => "resolution",
            Kind::Decision => "decision",
            Kind::Draft => "draft",
            Kind::Amendment => "amendment",
            Kind::Paragraph => "paragraph",
            Kind::Motion => "motion",
        }
    }

    /// Only a vote on a whole adopted text is a resolution's or a decision's vote.
    pub fn is_whole_text(self) -> bool {
        matches!(self, Kind::Resolution | Kind::Decision)
    }
}

/// The kind of a roll call from what the datasets record: their amendment and paragraph flags,
/// the symbol, and the words of the question. The General Assembly data has no motion flag; a
/// question worded as a motion ("MOTION TO ADJOURN…", "…PROPOSAL ADJOURNING DEBATE…", "NO
/// ACTION") is one.
pub fn kind_of(
    symbol: Option<&str>,
    amendment: bool,
    paragraph: bool,
    draft: bool,
    words: &[&str],
) -> Kind {
    if amendment {
        return Kind::Amendment;
    }
    if paragraph {
        return Kind::Paragraph;
    }
    let motion = words.iter().any(|w| {
        let upper = w.to_uppercase();
        ["MOTION", "ADJOURN", "NO ACTION", "NO-ACTION", "POSTPON"]
            .iter()
            .any(|m| upper.contains(m))
    });
    if motion {
        return Kind::Motion;
    }
    let symbol = symbol.unwrap_or("");
    if draft || symbol.split('/').any(|part| part.starts_with("L.")) {
        Kind::Draft
    } else if symbol.contains("/DEC/") {
        Kind::Decision
    } else {
        Kind::Resolution
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn council_needs_more_for_than_against() {
        // A/HRC/57/L.43, an amendment: 8 for, 21 against, 18 abstaining.
        assert_eq!(outcome(Body::Hrc, 8, 21, 18), Outcome::Rejected);
        // A/HRC/RES/56/2: 31-14-2.
        assert_eq!(outcome(Body::Hrc, 31, 14, 2), Outcome::Adopted);
        // Abstentions do not count: 10 for, 9 against, 28 abstaining carries.
        assert_eq!(outcome(Body::Hrc, 10, 9, 28), Outcome::Adopted);
        // A tie defeats the proposal.
        assert_eq!(outcome(Body::Hrc, 15, 15, 17), Outcome::Rejected);
        assert_eq!(outcome(Body::Hrc, 0, 0, 47), Outcome::NotRecorded);
    }

    #[test]
    fn assembly_decides_only_where_both_rules_agree() {
        // A/RES/1/79: 9 for, 34 against, 8 abstaining fails under either rule.
        assert_eq!(outcome(Body::Unga, 9, 34, 8), Outcome::Rejected);
        assert_eq!(outcome(Body::Unga, 120, 10, 30), Outcome::Adopted);
        // Exactly two thirds carries under either rule.
        assert_eq!(outcome(Body::Unga, 20, 10, 5), Outcome::Adopted);
        // A simple majority short of two thirds: it depends on the rule, which is not recorded.
        assert_eq!(outcome(Body::Unga, 19, 10, 5), Outcome::NotRecorded);
        assert_eq!(outcome(Body::Unga, 50, 50, 0), Outcome::Rejected);
        assert_eq!(outcome(Body::Unga, 0, 0, 3), Outcome::NotRecorded);
        assert_eq!(outcome(Body::Unga, 5, 0, 0), Outcome::Adopted);
    }

    #[test]
    fn slugs() {
        assert_eq!(Outcome::NotRecorded.slug(), "not-recorded");
        assert_eq!(
            serde_json::to_string(&Outcome::NotRecorded).unwrap(),
            "\"not-recorded\""
        );
        assert_eq!(Rule::of(Body::Unga).slug(), "simple-or-two-thirds");
    }

    #[test]
    fn kinds() {
        assert_eq!(
            kind_of(Some("A/HRC/57/L.43"), false, false, true, &[]),
            Kind::Draft
        );
        assert_eq!(
            kind_of(Some("A/HRC/57/L.43"), true, false, true, &[]),
            Kind::Amendment
        );
        assert_eq!(
            kind_of(
                Some("A/RES/1/79"),
                false,
                false,
                false,
                &[
                    "SECURITY COUNCIL ELECTIONS",
                    "TO ADOPT A USSR PROPOSAL ADJOURNING DEBATE"
                ]
            ),
            Kind::Motion
        );
        assert_eq!(
            kind_of(Some("A/HRC/DEC/22/117"), false, false, false, &[]),
            Kind::Decision
        );
        assert_eq!(
            kind_of(Some("A/RES/70/1"), false, true, false, &[]),
            Kind::Paragraph
        );
        assert!(
            kind_of(
                Some("A/HRC/RES/56/2"),
                false,
                false,
                false,
                &["Enhancement"]
            )
            .is_whole_text()
        );
    }

    proptest! {
        #[test]
        fn outcomes_follow_the_rules(yes in 0u32..250, no in 0u32..250, abstain in 0u32..250, more in 0u32..50) {
            let council = outcome(Body::Hrc, yes, no, abstain);
            let assembly = outcome(Body::Unga, yes, no, abstain);
            // Abstentions never change the result.
            prop_assert_eq!(council, outcome(Body::Hrc, yes, no, abstain + more));
            prop_assert_eq!(assembly, outcome(Body::Unga, yes, no, abstain + more));
            // The Council always decides once anyone voted for or against.
            prop_assert_eq!(council == Outcome::NotRecorded, yes == 0 && no == 0);
            // Adopted means more for than against, under every rule.
            if council == Outcome::Adopted || assembly == Outcome::Adopted {
                prop_assert!(yes > no);
            }
            // The Assembly never adopts what the Council's simple majority rejects, and it
            // adopts only with two thirds.
            if assembly == Outcome::Adopted {
                prop_assert_eq!(council, Outcome::Adopted);
                prop_assert!(3 * u64::from(yes) >= 2 * u64::from(yes + no));
            }
            if assembly == Outcome::Rejected {
                prop_assert_eq!(council, Outcome::Rejected);
            }
            // More votes for never turns an adoption into a rejection.
            if council == Outcome::Adopted {
                prop_assert_eq!(outcome(Body::Hrc, yes + more, no, abstain), Outcome::Adopted);
            }
            if assembly == Outcome::Adopted {
                prop_assert_eq!(outcome(Body::Unga, yes + more, no, abstain), Outcome::Adopted);
            }
        }
    }
}
