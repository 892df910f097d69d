//! Votes as a dense States × roll calls matrix of one-byte codes, with yes/no/abstain bit-sets
//! beside it: the form the analytics need. A Dataset keeps two strings per vote; this keeps one
//! byte, and comparing two States over 6,000 roll calls becomes a few hundred word operations.

use std::collections::HashMap;

use crate::model::{Dataset, RollCall, VoteChoice};

/// Votes of States (rows) on roll calls (columns).
///
/// Stored State by State (`codes[state * roll_calls + roll_call]`), because the analytics
/// compare States, and each State's yes, no and abstain votes are also kept as bit-sets of
/// `words` 64-bit words. A cell never set is [`VoteChoice::Absent`].
#[derive(Clone, Debug, PartialEq)]
pub struct VoteMatrix {
    roll_calls: Vec<String>,
    states: Vec<String>,
    state_index: HashMap<String, usize>,
    roll_call_index: HashMap<String, usize>,
    codes: Vec<u8>,
    words: usize,
    /// Per State: `words` words of yes, then of no, then of abstain.
    bits: Vec<u64>,
}

/// How a roll call went, from the matrix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub non_voting: u32,
    pub absent: u32,
    pub not_member: u32,
}

impl Tally {
    pub fn count(&self, choice: VoteChoice) -> u32 {
        match choice {
            VoteChoice::Yes => self.yes,
            VoteChoice::No => self.no,
            VoteChoice::Abstain => self.abstain,
            VoteChoice::NonVoting => self.non_voting,
            VoteChoice::Absent => self.absent,
            VoteChoice::NotMember => self.not_member,
        }
    }

    /// The choice among yes, no and abstain with the most votes; `None` on a tie for first
    /// place or when nobody voted.
    pub fn majority(&self) -> Option<VoteChoice> {
        let options = [
            (VoteChoice::Yes, self.yes),
            (VoteChoice::No, self.no),
            (VoteChoice::Abstain, self.abstain),
        ];
        let best = options.iter().map(|(_, n)| *n).max()?;
        let mut winners = options.iter().filter(|(_, n)| *n == best);
        match (winners.next(), winners.next()) {
            (Some((choice, n)), None) if *n > 0 => Some(*choice),
            _ => None,
        }
    }
}

/// The yes, no and abstain bit-sets of one State.
#[derive(Clone, Copy)]
pub(crate) struct StateBits<'a> {
    pub(crate) yes: &'a [u64],
    pub(crate) no: &'a [u64],
    pub(crate) abstain: &'a [u64],
}

impl VoteMatrix {
    /// A matrix in which every State is absent from every roll call. Duplicate ids are kept
    /// once (the first).
    pub fn new(roll_calls: Vec<String>, states: Vec<String>) -> Self {
        let roll_calls = dedup(roll_calls);
        let states = dedup(states);
        let words = roll_calls.len().div_ceil(64);
        VoteMatrix {
            state_index: index_of(&states),
            roll_call_index: index_of(&roll_calls),
            codes: vec![VoteChoice::Absent.code(); states.len() * roll_calls.len()],
            bits: vec![0; states.len() * words * 3],
            words,
            roll_calls,
            states,
        }
    }

    /// Every roll call of the dataset, in its order, and every State that has a vote, sorted
    /// by code.
    pub fn from_dataset(dataset: &Dataset) -> Self {
        Self::from_dataset_where(dataset, |_| true)
    }

    /// The roll calls for which `keep` is true (a session, a period, an issue…), and every State
    /// with a vote on one of them, sorted by code.
    pub fn from_dataset_where(dataset: &Dataset, mut keep: impl FnMut(&RollCall) -> bool) -> Self {
        let roll_calls: Vec<String> = dataset
            .roll_calls
            .iter()
            .filter(|r| keep(r))
            .map(|r| r.id.clone())
            .collect();
        let kept = index_of(&roll_calls);
        // Votes come grouped by roll call (both readers write them so): look each roll call up
        // once per run of votes, not once per vote. States are numbered as met, then
        // renumbered in code order.
        let mut last: Option<(&str, Option<usize>)> = None;
        let mut met: HashMap<&str, usize> = HashMap::new();
        let mut cells: Vec<(usize, usize, VoteChoice)> = Vec::with_capacity(dataset.votes.len());
        for vote in &dataset.votes {
            let id = vote.roll_call_id.as_str();
            let column = match last {
                Some((last_id, column)) if last_id == id => column,
                _ => kept.get(id).copied(),
            };
            last = Some((id, column));
            if let Some(r) = column {
                let next = met.len();
                let s = *met.entry(vote.state.as_str()).or_insert(next);
                cells.push((r, s, vote.choice));
            }
        }
        let mut states: Vec<(&str, usize)> = met.into_iter().collect();
        states.sort_unstable();
        let mut rank = vec![0; states.len()];
        for (position, (_, first_met)) in states.iter().enumerate() {
            rank[*first_met] = position;
        }
        let mut matrix = VoteMatrix::new(
            roll_calls,
            states.iter().map(|(code, _)| (*code).to_owned()).collect(),
        );
        for (r, s, choice) in cells {
            matrix.set(rank[s], r, choice);
        }
        matrix
    }

    /// From (roll call id, State, choice) rows: roll calls in the order first met, States
    /// sorted by code. A later row for the same cell replaces an earlier one.
    pub fn from_rows<'a>(rows: impl IntoIterator<Item = (&'a str, &'a str, VoteChoice)>) -> Self {
        let rows: Vec<(&str, &str, VoteChoice)> = rows.into_iter().collect();
        let roll_calls: Vec<String> = rows.iter().map(|(r, _, _)| (*r).to_owned()).collect();
        let mut states: Vec<String> = rows.iter().map(|(_, s, _)| (*s).to_owned()).collect();
        states.sort_unstable();
        let mut matrix = VoteMatrix::new(roll_calls, states);
        for (roll_call, state, choice) in rows {
            let (r, s) = (matrix.roll_call_index[roll_call], matrix.state_index[state]);
            matrix.set(s, r, choice);
        }
        matrix
    }

    pub fn set(&mut self, state: usize, roll_call: usize, choice: VoteChoice) {
        let n = self.roll_calls.len();
        self.codes[state * n + roll_call] = choice.code();
        let (word, bit) = (roll_call / 64, 1u64 << (roll_call % 64));
        let base = state * self.words * 3;
        for (k, c) in [VoteChoice::Yes, VoteChoice::No, VoteChoice::Abstain]
            .into_iter()
            .enumerate()
        {
            let cell = &mut self.bits[base + k * self.words + word];
            if c == choice {
                *cell |= bit;
            } else {
                *cell &= !bit;
            }
        }
    }

    pub fn get(&self, state: usize, roll_call: usize) -> VoteChoice {
        VoteChoice::from_code(self.codes[state * self.roll_calls.len() + roll_call])
            .expect("the matrix only stores valid codes")
    }

    /// One State's votes, as [`VoteChoice::code`]s, one byte per roll call.
    pub fn state_codes(&self, state: usize) -> &[u8] {
        let n = self.roll_calls.len();
        &self.codes[state * n..(state + 1) * n]
    }

    pub(crate) fn bits(&self, state: usize) -> StateBits<'_> {
        let w = self.words;
        let base = state * w * 3;
        StateBits {
            yes: &self.bits[base..base + w],
            no: &self.bits[base + w..base + 2 * w],
            abstain: &self.bits[base + 2 * w..base + 3 * w],
        }
    }

    /// ISO3 codes, in row order.
    pub fn states(&self) -> &[String] {
        &self.states
    }

    /// Roll-call ids, in column order.
    pub fn roll_calls(&self) -> &[String] {
        &self.roll_calls
    }

    pub fn state_index(&self, iso3: &str) -> Option<usize> {
        self.state_index.get(iso3).copied()
    }

    pub fn roll_call_index(&self, id: &str) -> Option<usize> {
        self.roll_call_index.get(id).copied()
    }

    pub fn tally(&self, roll_call: usize) -> Tally {
        let n = self.roll_calls.len();
        let mut tally = Tally::default();
        for state in 0..self.states.len() {
            match VoteChoice::from_code(self.codes[state * n + roll_call]) {
                Some(VoteChoice::Yes) => tally.yes += 1,
                Some(VoteChoice::No) => tally.no += 1,
                Some(VoteChoice::Abstain) => tally.abstain += 1,
                Some(VoteChoice::NonVoting) => tally.non_voting += 1,
                Some(VoteChoice::Absent) | None => tally.absent += 1,
                Some(VoteChoice::NotMember) => tally.not_member += 1,
            }
        }
        tally
    }

    /// The roll calls for which `keep(index, id)` is true, as a new matrix with the same States.
    pub fn select_roll_calls(&self, mut keep: impl FnMut(usize, &str) -> bool) -> VoteMatrix {
        let kept: Vec<usize> = (0..self.roll_calls.len())
            .filter(|&r| keep(r, &self.roll_calls[r]))
            .collect();
        let mut matrix = VoteMatrix::new(
            kept.iter().map(|&r| self.roll_calls[r].clone()).collect(),
            self.states.clone(),
        );
        for state in 0..self.states.len() {
            for (column, &r) in kept.iter().enumerate() {
                matrix.set(state, column, self.get(state, r));
            }
        }
        matrix
    }
}

fn dedup(mut items: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items.retain(|item| seen.insert(item.clone()));
    items
}

fn index_of(items: &[String]) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.clone(), i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use VoteChoice::*;

    #[test]
    fn set_get_and_tally() {
        let mut matrix = VoteMatrix::new(
            (0..70).map(|i| format!("r{i}")).collect(),
            vec!["AAA".into(), "BBB".into()],
        );
        matrix.set(0, 65, Yes);
        matrix.set(1, 65, Abstain);
        matrix.set(1, 65, No);
        assert_eq!(matrix.get(0, 65), Yes);
        assert_eq!(matrix.get(1, 65), No);
        assert_eq!(matrix.get(1, 64), Absent);
        let bits = matrix.bits(1);
        assert_eq!(bits.no[1], 1 << 1);
        assert_eq!(bits.abstain[1], 0);
        let tally = matrix.tally(65);
        assert_eq!((tally.yes, tally.no, tally.absent), (1, 1, 0));
        assert_eq!(tally.majority(), None);
        assert_eq!(matrix.tally(0).majority(), None);
    }

    #[test]
    fn from_rows_and_selection() {
        let matrix =
            VoteMatrix::from_rows([("a", "ZZZ", Yes), ("a", "AAA", No), ("b", "AAA", NotMember)]);
        assert_eq!(matrix.states(), ["AAA", "ZZZ"]);
        assert_eq!(matrix.roll_calls(), ["a", "b"]);
        assert_eq!(matrix.get(1, 1), Absent);
        assert_eq!(matrix.tally(0).majority(), None);
        let only_b = matrix.select_roll_calls(|_, id| id == "b");
        assert_eq!(only_b.roll_calls(), ["b"]);
        assert_eq!(only_b.get(0, 0), NotMember);
        assert_eq!(only_b.state_codes(0), [NotMember.code()]);
    }
}
