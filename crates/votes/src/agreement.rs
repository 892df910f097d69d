//! How often two States vote alike, and how often a State votes with the majority.
//!
//! There is no single definition of agreement in the literature, and they give noticeably
//! different numbers (abstentions are a large share of UN votes), so the caller chooses one
//! ([`Definition`]) and every answer says how many roll calls it rests on.

use crate::matrix::{StateBits, VoteMatrix};

/// Which roll calls count and how a pair of votes scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Definition {
    /// Share of roll calls where both States took part (yes, no or abstain) and cast the same
    /// vote. Non-voting, absence and non-membership leave the roll call out.
    IdenticalVotes,
    /// Only roll calls where both voted yes or no; abstentions leave the roll call out.
    YesNoOnly,
    /// The index of Lijphart used by Voeten: over roll calls where both took part, 1 for the
    /// same vote, 0.5 when one abstained and the other voted yes or no, 0 for yes against no.
    HalfAbstain,
}

/// An agreement score and the number of roll calls it rests on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Agreement {
    /// Between 0 and 1; `None` when no roll call counted.
    pub value: Option<f64>,
    pub votes_counted: u32,
}

impl Agreement {
    fn from_counts(points: u32, counted: u32, scale: f64) -> Agreement {
        Agreement {
            value: (counted > 0).then(|| points as f64 / (scale * counted as f64)),
            votes_counted: counted,
        }
    }
}

/// Agreement of the States at rows `a` and `b` over every roll call of the matrix. To restrict
/// it to some roll calls, build the matrix from them ([`VoteMatrix::from_dataset_where`],
/// [`VoteMatrix::select_roll_calls`]).
pub fn agreement(matrix: &VoteMatrix, a: usize, b: usize, definition: Definition) -> Agreement {
    pair(matrix.bits(a), matrix.bits(b), definition)
}

/// [`agreement`] by ISO3 code; `None` when either State is not in the matrix.
pub fn agreement_of(
    matrix: &VoteMatrix,
    a: &str,
    b: &str,
    definition: Definition,
) -> Option<Agreement> {
    Some(agreement(
        matrix,
        matrix.state_index(a)?,
        matrix.state_index(b)?,
        definition,
    ))
}

/// The bit-parallel core: 64 roll calls per step, counted with `popcount`.
fn pair(a: StateBits, b: StateBits, definition: Definition) -> Agreement {
    let (mut points, mut counted) = (0u32, 0u32);
    for w in 0..a.yes.len() {
        let (ya, na, aa) = (a.yes[w], a.no[w], a.abstain[w]);
        let (yb, nb, ab) = (b.yes[w], b.no[w], b.abstain[w]);
        let same_yes_no = (ya & yb) | (na & nb);
        match definition {
            Definition::IdenticalVotes => {
                counted += ((ya | na | aa) & (yb | nb | ab)).count_ones();
                points += (same_yes_no | (aa & ab)).count_ones();
            }
            Definition::YesNoOnly => {
                counted += ((ya | na) & (yb | nb)).count_ones();
                points += same_yes_no.count_ones();
            }
            Definition::HalfAbstain => {
                // Points are counted in halves: 2 for the same vote, 1 for abstain against
                // yes or no.
                counted += ((ya | na | aa) & (yb | nb | ab)).count_ones();
                let half = (aa & (yb | nb)) | ((ya | na) & ab);
                points += 2 * (same_yes_no | (aa & ab)).count_ones() + half.count_ones();
            }
        }
    }
    let scale = if definition == Definition::HalfAbstain {
        2.0
    } else {
        1.0
    };
    Agreement::from_counts(points, counted, scale)
}

/// The agreement of one State with every other, highest first; pairs with no common roll call
/// last. Ties are broken by the number of roll calls counted (more first), then by code.
pub fn agreement_with_all(
    matrix: &VoteMatrix,
    state: usize,
    definition: Definition,
) -> Vec<(usize, Agreement)> {
    let mine = matrix.bits(state);
    let mut all: Vec<(usize, Agreement)> = (0..matrix.states().len())
        .filter(|&other| other != state)
        .map(|other| (other, pair(mine, matrix.bits(other), definition)))
        .collect();
    all.sort_by(|(sa, a), (sb, b)| {
        let value = |x: &Agreement| x.value.unwrap_or(f64::NEG_INFINITY);
        value(b)
            .total_cmp(&value(a))
            .then(b.votes_counted.cmp(&a.votes_counted))
            .then(matrix.states()[*sa].cmp(&matrix.states()[*sb]))
    });
    all
}

/// Agreement of every pair of States, symmetric.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementMatrix {
    pub states: Vec<String>,
    pub definition: Definition,
    /// Row-major, `states.len()` squared; NaN where no roll call counted.
    values: Vec<f64>,
    counts: Vec<u32>,
}

impl AgreementMatrix {
    pub fn len(&self) -> usize {
        self.states.len()
    }

    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    pub fn get(&self, a: usize, b: usize) -> Agreement {
        let i = a * self.states.len() + b;
        Agreement {
            value: Some(self.values[i]).filter(|v| !v.is_nan()),
            votes_counted: self.counts[i],
        }
    }

    /// A State with itself: value 1 (or `None` if it never took part), `votes_counted` the
    /// number of roll calls it took part in.
    pub fn own(&self, a: usize) -> Agreement {
        self.get(a, a)
    }
}

/// Agreement of every pair of States of the matrix: n(n-1)/2 bit-set comparisons.
pub fn agreement_matrix(matrix: &VoteMatrix, definition: Definition) -> AgreementMatrix {
    let n = matrix.states().len();
    let mut values = vec![f64::NAN; n * n];
    let mut counts = vec![0u32; n * n];
    let bits: Vec<StateBits> = (0..n).map(|s| matrix.bits(s)).collect();
    for a in 0..n {
        for b in a..n {
            let agreement = pair(bits[a], bits[b], definition);
            let value = agreement.value.unwrap_or(f64::NAN);
            for i in [a * n + b, b * n + a] {
                values[i] = value;
                counts[i] = agreement.votes_counted;
            }
        }
    }
    AgreementMatrix {
        states: matrix.states().to_vec(),
        definition,
        values,
        counts,
    }
}

/// For every State, the share of its votes (yes, no or abstain) that matched the majority of
/// the roll call (the most frequent of yes, no and abstain; roll calls with a tie for first
/// place are left out). `votes_counted` is the number of roll calls with a majority the State
/// voted on.
pub fn majority_shares(matrix: &VoteMatrix) -> Vec<Agreement> {
    let majorities: Vec<u8> = (0..matrix.roll_calls().len())
        .map(|r| matrix.tally(r).majority().map_or(u8::MAX, |c| c.code()))
        .collect();
    (0..matrix.states().len())
        .map(|state| {
            let (mut with, mut counted) = (0u32, 0u32);
            for (code, majority) in matrix.state_codes(state).iter().zip(&majorities) {
                let took_part = crate::VoteChoice::from_code(*code).is_some_and(|c| c.took_part());
                if took_part && *majority != u8::MAX {
                    counted += 1;
                    with += u32::from(code == majority);
                }
            }
            Agreement::from_counts(with, counted, 1.0)
        })
        .collect()
}

/// [`majority_shares`] for one State.
pub fn majority_share(matrix: &VoteMatrix, state: usize) -> Agreement {
    majority_shares(matrix)[state]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VoteChoice::{self, *};

    /// A: Y Y N A A Y  -  Y
    /// B: Y N N Y A NV NM A
    fn two_states() -> VoteMatrix {
        let a = [Yes, Yes, No, Abstain, Abstain, Yes, Absent, Yes];
        let b = [Yes, No, No, Yes, Abstain, NonVoting, NotMember, Abstain];
        let ids: Vec<String> = (0..a.len()).map(|i| format!("r{i}")).collect();
        let rows: Vec<(&str, &str, VoteChoice)> = ids
            .iter()
            .zip(a.iter().zip(b.iter()))
            .flat_map(|(id, (x, y))| [(id.as_str(), "AAA", *x), (id.as_str(), "BBB", *y)])
            .collect();
        VoteMatrix::from_rows(rows)
    }

    #[test]
    fn the_three_definitions() {
        let m = two_states();
        // Both took part in r0..r4 and r7: same in r0, r2, r4.
        let identical = agreement(&m, 0, 1, Definition::IdenticalVotes);
        assert_eq!(identical.votes_counted, 6);
        assert_eq!(identical.value, Some(3.0 / 6.0));
        // Yes/no on both sides: r0, r1, r2; same in r0, r2.
        let yes_no = agreement(&m, 0, 1, Definition::YesNoOnly);
        assert_eq!(yes_no.votes_counted, 3);
        assert_eq!(yes_no.value, Some(2.0 / 3.0));
        // r0 1, r1 0, r2 1, r3 0.5, r4 1, r7 0.5 = 4 over 6.
        let half = agreement(&m, 0, 1, Definition::HalfAbstain);
        assert_eq!(half.votes_counted, 6);
        assert_eq!(half.value, Some(4.0 / 6.0));
        assert_eq!(
            agreement_of(&m, "BBB", "AAA", Definition::HalfAbstain),
            Some(half)
        );
        assert_eq!(
            agreement_of(&m, "AAA", "ZZZ", Definition::HalfAbstain),
            None
        );
    }

    #[test]
    fn no_common_roll_call_is_none_not_zero() {
        let m = VoteMatrix::from_rows([("r0", "AAA", Yes), ("r1", "BBB", Yes)]);
        let a = agreement(&m, 0, 1, Definition::IdenticalVotes);
        assert_eq!(
            a,
            Agreement {
                value: None,
                votes_counted: 0
            }
        );
        let full = agreement_matrix(&m, Definition::IdenticalVotes);
        assert_eq!(full.get(0, 1).value, None);
        assert_eq!(
            full.own(0),
            Agreement {
                value: Some(1.0),
                votes_counted: 1
            }
        );
    }

    #[test]
    fn ranking_and_matrix_agree_with_pairs() {
        let rows = [
            ("r0", "AAA", Yes),
            ("r0", "BBB", Yes),
            ("r0", "CCC", No),
            ("r0", "DDD", Absent),
            ("r1", "AAA", No),
            ("r1", "BBB", No),
            ("r1", "CCC", No),
        ];
        let m = VoteMatrix::from_rows(rows);
        let ranked = agreement_with_all(&m, 0, Definition::IdenticalVotes);
        let order: Vec<&str> = ranked
            .iter()
            .map(|(s, _)| m.states()[*s].as_str())
            .collect();
        assert_eq!(order, ["BBB", "CCC", "DDD"]);
        assert_eq!(ranked[1].1.value, Some(0.5));
        let full = agreement_matrix(&m, Definition::IdenticalVotes);
        for a in 0..4 {
            for b in 0..4 {
                if a != b {
                    assert_eq!(
                        full.get(a, b),
                        agreement(&m, a, b, Definition::IdenticalVotes)
                    );
                }
            }
        }
    }

    #[test]
    fn majority() {
        let rows = [
            ("r0", "AAA", Yes),
            ("r0", "BBB", Yes),
            ("r0", "CCC", No),
            ("r1", "AAA", Abstain),
            ("r1", "BBB", Abstain),
            ("r1", "CCC", No),
            // A tie: left out.
            ("r2", "AAA", Yes),
            ("r2", "CCC", No),
        ];
        let m = VoteMatrix::from_rows(rows);
        let shares = majority_shares(&m);
        assert_eq!(
            shares[0],
            Agreement {
                value: Some(1.0),
                votes_counted: 2
            }
        );
        assert_eq!(
            shares[2],
            Agreement {
                value: Some(0.0),
                votes_counted: 2
            }
        );
        assert_eq!(majority_share(&m, 1), shares[1]);
    }
}
