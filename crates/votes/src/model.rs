//! The records an import produces: roll calls, the vote each State cast in them, and what the
//! import left out or changed on the way.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The organ that held the vote. Written in JSON by its name (`human-rights-council`), as in
/// URLs; read by either its name or the voting datasets' code (`hrc`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Body {
    /// The Human Rights Council (47 members, elected for three years).
    #[serde(rename = "human-rights-council", alias = "hrc")]
    Hrc,
    /// The General Assembly (every Member State).
    #[serde(rename = "general-assembly", alias = "unga")]
    Unga,
}

impl Body {
    pub const ALL: [Body; 2] = [Body::Hrc, Body::Unga];

    /// The voting datasets' code (`hrc`, `unga`), which the database keeps.
    pub fn slug(self) -> &'static str {
        match self {
            Body::Hrc => "hrc",
            Body::Unga => "unga",
        }
    }

    /// The body's name in the platform's URLs and API (`body=human-rights-council`), the same
    /// on every page and endpoint.
    pub fn name(self) -> &'static str {
        match self {
            Body::Hrc => "human-rights-council",
            Body::Unga => "general-assembly",
        }
    }

    /// A body named either way: its name, or the datasets' code (links made before the names
    /// were one keep working).
    pub fn parse(text: &str) -> Option<Body> {
        match text {
            "human-rights-council" | "hrc" => Some(Body::Hrc),
            "general-assembly" | "unga" => Some(Body::Unga),
            _ => None,
        }
    }
}

/// What one State did on one roll call.
///
/// The six are kept apart on purpose: an abstention is a position taken, "present not voting"
/// is a refusal to take one, an absence may be an accident, and a State that was not a member
/// could not vote at all. Folding any of them into "no" (as some published indices do) changes
/// agreement scores, so the analytics decide per definition what counts
/// ([`crate::Definition`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteChoice {
    Yes,
    No,
    Abstain,
    /// Present but not voting (HRC code 3).
    NonVoting,
    /// A member that did not vote. The General Assembly data lists no absences: a member with no
    /// row on a roll call is absent, and so is every cell a [`crate::VoteMatrix`] was not told about.
    Absent,
    /// Not a member of the body at the time (HRC code 4).
    NotMember,
}

impl VoteChoice {
    pub const ALL: [VoteChoice; 6] = [
        VoteChoice::Yes,
        VoteChoice::No,
        VoteChoice::Abstain,
        VoteChoice::NonVoting,
        VoteChoice::Absent,
        VoteChoice::NotMember,
    ];

    /// The compact code a [`crate::VoteMatrix`] stores. `Absent` is 0 so that a freshly zeroed
    /// matrix means "nobody voted", which is what a missing UNGA row means.
    pub const fn code(self) -> u8 {
        match self {
            VoteChoice::Absent => 0,
            VoteChoice::Yes => 1,
            VoteChoice::No => 2,
            VoteChoice::Abstain => 3,
            VoteChoice::NonVoting => 4,
            VoteChoice::NotMember => 5,
        }
    }

    pub const fn from_code(code: u8) -> Option<VoteChoice> {
        Some(match code {
            0 => VoteChoice::Absent,
            1 => VoteChoice::Yes,
            2 => VoteChoice::No,
            3 => VoteChoice::Abstain,
            4 => VoteChoice::NonVoting,
            5 => VoteChoice::NotMember,
            _ => return None,
        })
    }

    /// Yes, no or abstain: the State took a position on the question.
    pub const fn took_part(self) -> bool {
        matches!(self, VoteChoice::Yes | VoteChoice::No | VoteChoice::Abstain)
    }

    /// The identifier used in URLs, JSON and the database (the serde name).
    /// The choice a [`VoteChoice::slug`] names.
    pub fn from_slug(slug: &str) -> Option<Self> {
        [
            VoteChoice::Yes,
            VoteChoice::No,
            VoteChoice::Abstain,
            VoteChoice::NonVoting,
            VoteChoice::Absent,
            VoteChoice::NotMember,
        ]
        .into_iter()
        .find(|c| c.slug() == slug)
    }

    pub fn slug(self) -> &'static str {
        match self {
            VoteChoice::Yes => "yes",
            VoteChoice::No => "no",
            VoteChoice::Abstain => "abstain",
            VoteChoice::NonVoting => "non-voting",
            VoteChoice::Absent => "absent",
            VoteChoice::NotMember => "not-member",
        }
    }
}

/// One recorded vote of a body: a resolution, a decision, an amendment or a paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RollCall {
    pub body: Body,
    /// The key the source uses, unique within the body: the HRC symbol exactly as the source
    /// writes it (it is the column name in `all-votes.csv`), or the UNGA `rcid` as an integer
    /// string ("3", not "3.0").
    pub id: String,
    /// The UN document symbol, normalised ([`crate::symbol`]); `None` when the source gives none.
    pub symbol: Option<String>,
    pub date: NaiveDate,
    /// Whether the day of [`RollCall::date`] is the real day of the vote. The General
    /// Assembly data before 2004 gives a day between 1 and 7 for every roll call (its year and
    /// month are right): for those only the month is known ([`unga`](crate::unga) explains how
    /// they are found).
    #[serde(default = "day_known_default")]
    pub day_known: bool,
    /// The question in the source's own longer words (UNGA `descr`: "TO ADOPT A CUBAN
    /// AMENDMENT…"); empty when the source has none beyond the title.
    #[serde(default)]
    pub description: String,
    /// The regular session. `None` for HRC special sessions (`A/HRC/RES/S-1/1`): their numbers
    /// run in a separate series, and putting special session 1 in session 1 would mix two
    /// different meetings; [`RollCall::special_session`] gives the number back.
    pub session: Option<u32>,
    /// The question as the source states it, whitespace collapsed (HRC: the title without the
    /// trailing ":resolution /adopted by…"; UNGA: `short`, or `descr` when `short` is empty).
    pub title: String,
    /// A vote on an amendment rather than on the text as a whole.
    pub amendment: bool,
    /// A separate vote on a paragraph (UNGA `para`).
    pub paragraph_vote: bool,
    /// Flagged as important by the US State Department (UNGA `importantvote`).
    pub important: bool,
    /// Issue labels (UNGA `un_roll_call_issues.csv`, for example "Human rights").
    pub issues: Vec<String>,
    /// The symbol is a draft (`A/HRC/2/L.48`): the vote was taken on the draft or on an
    /// amendment to it, and the adopted text, if any, has another symbol.
    pub draft: bool,
}

fn day_known_default() -> bool {
    true
}

impl RollCall {
    /// The number of the HRC special session (`A/HRC/RES/S-28/1` → 28), if this was one.
    pub fn special_session(&self) -> Option<u32> {
        crate::symbol::hrc_special_session(self.symbol.as_deref().unwrap_or(&self.id))
    }
}

/// The vote of one State on one roll call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CastVote {
    /// [`RollCall::id`].
    pub roll_call_id: String,
    /// ISO 3166-1 alpha-3 code from the built-in table of States (`taawun_states`); historic
    /// States have their former code (SUN, YUG, CSK, DDR, YMD, YAR, ZAN).
    pub state: String,
    pub choice: VoteChoice,
}

/// A row an import left out because `ReadOptions::skip_unknown` was set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub file: String,
    /// 1-based, the header being row 1.
    pub row: u64,
    pub value: String,
    pub reason: String,
}

/// Something an import did that a careful reader should know about, though nothing was lost:
/// a symbol it repaired, a State code that disagreed with the State's name, a name matched only
/// approximately. Listed once per distinct value, at the first row where it occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub file: String,
    pub row: u64,
    pub value: String,
    pub message: String,
}

/// Everything one import read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub roll_calls: Vec<RollCall>,
    pub votes: Vec<CastVote>,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<Note>,
}

impl Dataset {
    /// The votes cast on one roll call (a linear scan: for repeated queries build a
    /// [`crate::VoteMatrix`]).
    pub fn votes_on<'a>(&'a self, roll_call_id: &'a str) -> impl Iterator<Item = &'a CastVote> {
        self.votes
            .iter()
            .filter(move |v| v.roll_call_id == roll_call_id)
    }

    pub fn roll_call(&self, id: &str) -> Option<&RollCall> {
        self.roll_calls.iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_serialise_kebab_case_and_round_trip_their_codes() {
        let names: Vec<String> = VoteChoice::ALL
            .iter()
            .map(|c| serde_json::to_string(c).unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "\"yes\"",
                "\"no\"",
                "\"abstain\"",
                "\"non-voting\"",
                "\"absent\"",
                "\"not-member\""
            ]
        );
        for choice in VoteChoice::ALL {
            assert_eq!(VoteChoice::from_code(choice.code()), Some(choice));
            assert_eq!(
                format!("\"{}\"", choice.slug()),
                serde_json::to_string(&choice).unwrap()
            );
        }
        assert_eq!(VoteChoice::from_code(6), None);
        assert_eq!(
            serde_json::to_string(&Body::Unga).unwrap(),
            format!("\"{}\"", Body::Unga.name())
        );
        for body in Body::ALL {
            for word in [body.name(), body.slug()] {
                let json = format!("\"{word}\"");
                assert_eq!(serde_json::from_str::<Body>(&json).unwrap(), body);
            }
        }
    }
}
