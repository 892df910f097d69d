//! From the State codes and names the vote files write to ISO3 codes of the built-in table
//! (`taawun_states`).
//!
//! The sources disagree with ISO in places, so a code alone is not trusted over a name: the UNGA
//! file gives the Federal Republic of Germany no code at all, and ISO 3166-1 has reused two
//! letters of dissolved States ("CS" was Czechoslovakia, then Serbia and Montenegro). The rule:
//!
//! 1. a name the resolver matches exactly or by a known alias wins, even over a code that means
//!    another State (a [`Note`](crate::Note) records the disagreement);
//! 2. otherwise the code (ISO3, or ISO2, Namibia's being the string "NA");
//! 3. otherwise a name matched only approximately (again with a note);
//! 4. otherwise the State is unknown.

use std::collections::HashMap;
use std::sync::OnceLock;

use taawun_states::{MatchKind, Resolver, State, UnStatus};

/// What the rule above decided for one (code, name) pair.
#[derive(Debug)]
pub(crate) struct Decision {
    pub(crate) state: Option<&'static State>,
    /// Why the decision deserves a second look, if it does.
    pub(crate) note: Option<String>,
}

/// The table entry with this ISO3 or ISO2 code (case-insensitive).
pub(crate) fn by_code(code: &str) -> Option<&'static State> {
    match code.len() {
        3 => taawun_states::by_iso3(code),
        2 => iso2_index()
            .get(code.to_ascii_uppercase().as_str())
            .copied(),
        _ => None,
    }
}

fn iso2_index() -> &'static HashMap<&'static str, &'static State> {
    static INDEX: OnceLock<HashMap<&'static str, &'static State>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<&'static str, &'static State> = HashMap::new();
        for state in taawun_states::all().filter(|s| !s.iso2.is_empty()) {
            // Should two entries ever share a code, the one that exists today keeps it.
            let keep = match index.get(state.iso2) {
                Some(existing) => {
                    existing.status == UnStatus::Historic && state.status != UnStatus::Historic
                }
                None => true,
            };
            if keep {
                index.insert(state.iso2, state);
            }
        }
        index
    })
}

/// Applies the rule of this module to a code (ISO3 or ISO2, may be empty) and a name (may be
/// empty).
pub(crate) fn decide(code: &str, name: &str) -> Decision {
    let by_code = if code.is_empty() { None } else { by_code(code) };
    let resolution = if name.is_empty() {
        None
    } else {
        Some(Resolver::builtin().resolve(name))
    };
    let (named, kind) = match &resolution {
        Some(r) => (r.iso3.and_then(taawun_states::by_iso3), r.match_kind),
        None => (None, None),
    };
    let unknown_code = !code.is_empty() && by_code.is_none();
    match (named, kind, by_code) {
        (Some(named), Some(MatchKind::Exact | MatchKind::Alias), coded) => {
            let note = match coded {
                Some(coded) if coded.iso3 != named.iso3 => Some(format!(
                    "code {code:?} is {} in the table of States, but the name {name:?} is {}; using {}",
                    coded.iso3, named.iso3, named.iso3
                )),
                None if unknown_code => Some(format!(
                    "code {code:?} is not in the table of States; using the name {name:?}: {}",
                    named.iso3
                )),
                _ => None,
            };
            Decision {
                state: Some(named),
                note,
            }
        }
        (named, _, Some(coded)) => {
            let note = if name.is_empty() {
                None
            } else {
                match named {
                    Some(named) if named.iso3 != coded.iso3 => Some(format!(
                        "the name {name:?} is only close to {}; using the code {code:?}: {}",
                        named.iso3, coded.iso3
                    )),
                    Some(_) => None,
                    None => Some(format!(
                        "the name {name:?} is not in the table of States; using the code {code:?}: {}",
                        coded.iso3
                    )),
                }
            };
            Decision {
                state: Some(coded),
                note,
            }
        }
        (Some(named), _, None) => Decision {
            state: Some(named),
            note: Some(format!(
                "the name {name:?} matched {} ({}) only approximately{}",
                named.iso3,
                named.names.en,
                if unknown_code {
                    format!(", and the code {code:?} is not in the table of States")
                } else {
                    String::new()
                }
            )),
        },
        (None, _, None) => Decision {
            state: None,
            note: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso3(code: &str, name: &str) -> Option<&'static str> {
        decide(code, name).state.map(|s| s.iso3)
    }

    #[test]
    fn namibia_is_a_code_not_a_missing_value() {
        assert_eq!(iso3("NA", "Namibia"), Some("NAM"));
        assert_eq!(iso3("NA", ""), Some("NAM"));
        assert_eq!(by_code("na").map(|s| s.iso3), Some("NAM"));
    }

    #[test]
    fn historic_states_without_codes_resolve_by_name() {
        assert_eq!(iso3("", "Yemen Arab Republic"), Some("YAR"));
        assert_eq!(iso3("", "Zanzibar"), Some("ZAN"));
        assert_eq!(iso3("", "Federal Republic of Germany"), Some("DEU"));
        assert_eq!(iso3("YU", "Yugoslavia"), Some("YUG"));
        assert_eq!(iso3("CS", "Czechoslovakia"), Some("CSK"));
        assert_eq!(iso3("DD", "German Democratic Republic"), Some("DDR"));
        assert_eq!(iso3("YD", "Yemen People's Republic"), Some("YMD"));
    }

    #[test]
    fn a_name_beats_a_code_that_means_another_state() {
        let decision = decide("CS", "Serbia and Montenegro");
        assert_eq!(decision.state.map(|s| s.iso3), Some("SCG"));
        assert!(decision.note.unwrap().contains("CSK"));
    }

    #[test]
    fn a_code_beats_an_unknown_name() {
        let decision = decide("FR", "Frankreich und so weiter");
        assert_eq!(decision.state.map(|s| s.iso3), Some("FRA"));
        assert!(decision.note.is_some());
    }

    #[test]
    fn unknown() {
        assert!(decide("XX", "Narnia").state.is_none());
        assert!(decide("", "").state.is_none());
        assert_eq!(iso3("DEU", ""), Some("DEU"));
    }
}
