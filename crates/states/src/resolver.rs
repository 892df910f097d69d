//! From a State's name as a document writes it to its code.
//!
//! Order of trust: an exact name (a UN short name or the formal English name, in any of the six
//! languages) always wins; then an alias (a former name, a common variant); then — only when one
//! State is clearly closer than every other — a fuzzy match on the folded name, for text damaged
//! by PDF extraction. A name that is part of, or about as close to, several States' names is
//! never guessed: it comes back unresolved with its candidates.

use std::collections::HashMap;

use serde::Serialize;
use taawun_text::fold_name;

use crate::State;

/// How a name was matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MatchKind {
    /// A UN name of the State in one of the six languages, short or formal.
    Exact,
    /// A former name or a common variant.
    Alias,
    /// Close to exactly one State's name; `distance` says how close.
    Fuzzy,
}

/// A State the name might mean.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Candidate {
    pub iso3: &'static str,
    /// The State's English UN short name, for people reading the answer.
    pub name: &'static str,
    /// Edit distance (in letters) between the folded input and the State's closest folded name
    /// (see [`edit_distance`]); absent when the candidate comes from the input being part of
    /// the State's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<f32>,
}

/// The answer for one name.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Resolution {
    pub input: String,
    pub iso3: Option<&'static str>,
    #[serde(rename = "match")]
    pub match_kind: Option<MatchKind>,
    /// For a fuzzy match: the edit distance to the matched name, in letters (see [`edit_distance`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<f32>,
    /// For an unresolved name: the States it might mean; for a fuzzy match: the runners-up.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
}

impl Resolution {
    pub fn is_resolved(&self) -> bool {
        self.iso3.is_some()
    }
}

struct Key {
    letters: Vec<char>,
    state: usize,
}

/// A resolver over a set of States. Build it once ([`Resolver::builtin`]) and share it.
pub struct Resolver {
    states: Vec<&'static State>,
    /// folded name -> (state index, how the name belongs to it)
    names: HashMap<String, Vec<(usize, MatchKind)>>,
    /// Every folded name, for fuzzy matching.
    keys: Vec<Key>,
    /// Every folded name padded with spaces (" name "), with its States, for whole-word
    /// containment.
    padded: Vec<(String, Vec<usize>)>,
}

impl Resolver {
    /// The resolver over the built-in table.
    pub fn builtin() -> &'static Resolver {
        static RESOLVER: std::sync::OnceLock<Resolver> = std::sync::OnceLock::new();
        RESOLVER.get_or_init(|| Resolver::new(crate::all()))
    }

    pub fn new(states: impl IntoIterator<Item = &'static State>) -> Self {
        let states: Vec<&'static State> = states.into_iter().collect();
        let mut names: HashMap<String, Vec<(usize, MatchKind)>> = HashMap::new();
        for (index, state) in states.iter().enumerate() {
            let exact = state.names.all().into_iter().chain([state.formal_en]);
            let exact = exact.map(|n| (n, MatchKind::Exact));
            let aliases = state.aliases.iter().map(|n| (*n, MatchKind::Alias));
            for (name, kind) in exact.chain(aliases) {
                let key = fold_name(name);
                if key.is_empty() {
                    continue;
                }
                let entry = names.entry(key).or_default();
                match entry.iter_mut().find(|(i, _)| *i == index) {
                    Some(existing) => existing.1 = existing.1.min(kind),
                    None => entry.push((index, kind)),
                }
            }
        }
        let keys = names
            .iter()
            .flat_map(|(key, owners)| {
                owners.iter().map(move |(state, _)| Key {
                    letters: key.chars().collect(),
                    state: *state,
                })
            })
            .collect();
        let padded = names
            .iter()
            .map(|(name, owners)| {
                (
                    format!(" {name} "),
                    owners.iter().map(|(s, _)| *s).collect(),
                )
            })
            .collect();
        Resolver {
            states,
            names,
            keys,
            padded,
        }
    }

    /// Resolves one name.
    pub fn resolve(&self, input: &str) -> Resolution {
        let key = fold_name(input);
        let unresolved = |candidates| Resolution {
            input: input.to_owned(),
            iso3: None,
            match_kind: None,
            distance: None,
            candidates,
        };
        if key.is_empty() {
            return unresolved(Vec::new());
        }
        if let Some(owners) = self.names.get(&key) {
            let best = owners
                .iter()
                .map(|(_, kind)| *kind)
                .min()
                .expect("non-empty");
            let winners: Vec<usize> = owners
                .iter()
                .filter(|(_, kind)| *kind == best)
                .map(|(state, _)| *state)
                .collect();
            if let [state] = winners[..] {
                return Resolution {
                    input: input.to_owned(),
                    iso3: Some(self.states[state].iso3),
                    match_kind: Some(best),
                    distance: None,
                    candidates: Vec::new(),
                };
            }
            let candidates = winners.iter().map(|s| self.candidate(*s, None)).collect();
            return unresolved(candidates);
        }

        // A name that is a whole-word part of several States' names ("Korea", "كوريا", "Guinea-")
        // is ambiguous, however close it is to any one of them.
        let containing = self.states_containing_words(&key);
        if containing.len() > 1 {
            let candidates = containing
                .iter()
                .map(|s| self.candidate(*s, None))
                .collect();
            return unresolved(candidates);
        }

        let letters: Vec<char> = key.chars().collect();
        let allowed = allowed_distance(letters.len());
        let mut best_per_state: HashMap<usize, u32> = HashMap::new();
        for candidate in &self.keys {
            let length_gap = candidate.letters.len().abs_diff(letters.len()) as u32;
            if 2 * length_gap > allowed + MARGIN {
                continue;
            }
            let distance = edit_distance_halves(&letters, &candidate.letters);
            let best = best_per_state.entry(candidate.state).or_insert(u32::MAX);
            *best = (*best).min(distance);
        }
        let mut ranked: Vec<(usize, u32)> = best_per_state
            .into_iter()
            .filter(|(_, d)| *d <= allowed + MARGIN)
            .collect();
        ranked.sort_by_key(|(state, d)| (*d, self.states[*state].iso3));

        match ranked.as_slice() {
            [(state, d1), rest @ ..]
                if *d1 <= allowed && rest.first().is_none_or(|(_, d2)| *d2 >= d1 + MARGIN) =>
            {
                Resolution {
                    input: input.to_owned(),
                    iso3: Some(self.states[*state].iso3),
                    match_kind: Some(MatchKind::Fuzzy),
                    distance: Some(letters_from_halves(*d1)),
                    candidates: rest
                        .iter()
                        .take(4)
                        .map(|(s, d)| self.candidate(*s, Some(letters_from_halves(*d))))
                        .collect(),
                }
            }
            _ if ranked.is_empty() && containing.len() == 1 && letters.len() >= 4 => {
                // Part of exactly one State's name ("Herzegovina"): say so, as a fuzzy match whose
                // distance is the number of letters the input leaves out.
                let state = containing[0];
                let distance = self.closest_containing_gap(state, &key);
                Resolution {
                    input: input.to_owned(),
                    iso3: Some(self.states[state].iso3),
                    match_kind: Some(MatchKind::Fuzzy),
                    distance: Some(distance as f32),
                    candidates: Vec::new(),
                }
            }
            _ => unresolved(
                containing
                    .iter()
                    .map(|s| self.candidate(*s, None))
                    .chain(
                        ranked
                            .iter()
                            .filter(|(s, _)| !containing.contains(s))
                            .take(5)
                            .map(|(s, d)| self.candidate(*s, Some(letters_from_halves(*d)))),
                    )
                    .collect(),
            ),
        }
    }

    fn candidate(&self, state: usize, distance: Option<f32>) -> Candidate {
        Candidate {
            iso3: self.states[state].iso3,
            name: self.states[state].names.en,
            distance,
        }
    }

    /// States one of whose folded names contains every word of `key`, in order and adjacent.
    fn states_containing_words(&self, key: &str) -> Vec<usize> {
        let needle = format!(" {key} ");
        let mut found: Vec<usize> = Vec::new();
        for (name, owners) in &self.padded {
            if name.len() > needle.len() && name.contains(&needle) {
                for state in owners {
                    if !found.contains(state) {
                        found.push(*state);
                    }
                }
            }
        }
        found.sort_by_key(|s| self.states[*s].iso3);
        found
    }

    /// How many letters the input leaves out of the shortest of the State's names that contain it.
    fn closest_containing_gap(&self, state: usize, key: &str) -> usize {
        let needle = format!(" {key} ");
        self.padded
            .iter()
            .filter(|(name, owners)| owners.contains(&state) && name.contains(&needle))
            .map(|(name, _)| name.chars().count().saturating_sub(needle.chars().count()))
            .min()
            .unwrap_or(0)
    }
}

/// How much closer (in half-letters) the best State must be than the runner-up: one and a half
/// letters. Less, and two States are "about as close" and the name stays unresolved.
const MARGIN: u32 = 3;

/// How many letter edits a fuzzy match may need, in half-letters, by the length of the folded
/// input: none for very short names (too many States are one letter apart: Iran/Iraq,
/// Mali/Bali), then about one edit in four letters, at most three.
fn allowed_distance(letters: usize) -> u32 {
    2 * match letters {
        0..=4 => 0,
        5..=6 => 1,
        7..=11 => 2,
        _ => 3,
    }
}

fn letters_from_halves(halves: u32) -> f32 {
    halves as f32 / 2.0
}

/// Edit distance in letters, where swapping two Arabic letters that share a skeleton and differ
/// only in their dots (ب ت ث ن ي, ج ح خ, د ذ, ر ز, س ش, ص ض, ط ظ, ع غ, ف ق) counts half: that
/// is the commonest damage in text extracted from Arabic PDFs ("الكامبيون" for "الكاميرون").
pub fn edit_distance(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    letters_from_halves(edit_distance_halves(&a, &b))
}

/// Weighted Levenshtein in half-letter units (strsim has no per-pair substitution costs, which
/// the dot-only rule needs).
fn edit_distance_halves(a: &[char], b: &[char]) -> u32 {
    // Names are short: two rows on the stack for names up to 63 letters, the heap beyond.
    let mut stack = [[0u32; 64]; 2];
    let mut heap;
    let (previous, current) = if b.len() < 64 {
        let [p, c] = &mut stack;
        (&mut p[..=b.len()], &mut c[..=b.len()])
    } else {
        heap = vec![vec![0u32; b.len() + 1]; 2];
        let (p, c) = heap.split_at_mut(1);
        (&mut p[0][..], &mut c[0][..])
    };
    let (mut previous, mut current) = (previous, current);
    for (j, cell) in previous.iter_mut().enumerate() {
        *cell = 2 * j as u32;
    }
    for (i, ca) in a.iter().enumerate() {
        current[0] = 2 * (i as u32 + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = if ca == cb {
                0
            } else if same_skeleton(*ca, *cb) {
                1
            } else {
                2
            };
            current[j + 1] = (previous[j] + substitution)
                .min(previous[j + 1] + 2)
                .min(current[j] + 2);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Arabic letters that are written alike but for their dots.
fn same_skeleton(a: char, b: char) -> bool {
    skeleton(a).is_some_and(|class| skeleton(b) == Some(class))
}

fn skeleton(c: char) -> Option<u8> {
    Some(match c {
        'ب' | 'ت' | 'ث' | 'ن' | 'ي' => 1,
        'ج' | 'ح' | 'خ' => 2,
        'د' | 'ذ' => 3,
        'ر' | 'ز' => 4,
        'س' | 'ش' => 5,
        'ص' | 'ض' => 6,
        'ط' | 'ظ' => 7,
        'ع' | 'غ' => 8,
        'ف' | 'ق' => 9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn dot_only_differences_cost_half() {
        assert_eq!(edit_distance("كامبيون", "كاميرون"), 1.5);
        assert_eq!(edit_distance("abc", "abd"), 1.0);
        assert_eq!(edit_distance("", "abc"), 3.0);
        assert_eq!(edit_distance("تونس", "تونس"), 0.0);
    }
}
