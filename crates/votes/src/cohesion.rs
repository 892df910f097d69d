//! How united a group of States (a regional group, a bloc) votes.

use crate::matrix::{Tally, VoteMatrix};
use crate::model::VoteChoice;

/// The Agreement Index of Hix, Noury and Roland (2005) over yes, no and abstain:
/// `(max(Y,N,A) - ½·(Y+N+A - max)) / (Y+N+A)`. 1 when all vote alike, 0 when the group splits
/// evenly three ways. `None` when nobody voted.
pub fn agreement_index(yes: u32, no: u32, abstain: u32) -> Option<f64> {
    let total = yes + no + abstain;
    if total == 0 {
        return None;
    }
    let max = yes.max(no).max(abstain) as f64;
    Some((max - 0.5 * (total as f64 - max)) / total as f64)
}

/// The cohesion of a group per roll call and on average.
#[derive(Clone, Debug, PartialEq)]
pub struct Cohesion {
    /// One entry per roll call of the matrix; `None` where fewer than two members of the group
    /// took part (a group of one always agrees with itself, which says nothing).
    pub per_roll_call: Vec<Option<f64>>,
    /// The mean over the roll calls that have a value, each weighing the same.
    pub mean: Option<f64>,
    pub roll_calls_counted: u32,
}

/// The cohesion of the States at rows `group` (duplicates count once).
pub fn cohesion(matrix: &VoteMatrix, group: &[usize]) -> Cohesion {
    let mut members = group.to_vec();
    members.sort_unstable();
    members.dedup();
    let per_roll_call: Vec<Option<f64>> = (0..matrix.roll_calls().len())
        .map(|r| {
            let mut tally = Tally::default();
            for &state in &members {
                match matrix.get(state, r) {
                    VoteChoice::Yes => tally.yes += 1,
                    VoteChoice::No => tally.no += 1,
                    VoteChoice::Abstain => tally.abstain += 1,
                    _ => {}
                }
            }
            if tally.yes + tally.no + tally.abstain < 2 {
                return None;
            }
            agreement_index(tally.yes, tally.no, tally.abstain)
        })
        .collect();
    let values: Vec<f64> = per_roll_call.iter().flatten().copied().collect();
    Cohesion {
        mean: (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64),
        roll_calls_counted: values.len() as u32,
        per_roll_call,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use VoteChoice::*;

    #[test]
    fn index_bounds() {
        assert_eq!(agreement_index(10, 0, 0), Some(1.0));
        assert_eq!(agreement_index(3, 3, 3), Some(0.0));
        assert_eq!(agreement_index(2, 2, 0), Some(0.25));
        assert_eq!(agreement_index(0, 0, 0), None);
    }

    #[test]
    fn group_cohesion() {
        let m = VoteMatrix::from_rows([
            ("r0", "AAA", Yes),
            ("r0", "BBB", Yes),
            ("r0", "CCC", No),
            ("r1", "AAA", Yes),
            ("r1", "BBB", Yes),
            ("r2", "AAA", Yes),
            ("r2", "BBB", NotMember),
        ]);
        let c = cohesion(&m, &[0, 1, 2, 0]);
        // r0: (2 - 0.5) / 3 = 0.5; r1: 1; r2: only one member voted.
        assert_eq!(c.per_roll_call, [Some(0.5), Some(1.0), None]);
        assert_eq!(c.mean, Some(0.75));
        assert_eq!(c.roll_calls_counted, 2);
        assert_eq!(cohesion(&m, &[]).mean, None);
    }
}
