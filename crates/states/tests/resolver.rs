//! The resolver on real names: the seed resolution's vote lists, the built-in table's own names,
//! and the ambiguous cases the resolver must refuse to guess.

use taawun_states::{MatchKind, Resolver, all};

fn seed_text() -> String {
    let path = taawun_testdata::shared("seeds/000_b863d33a48876efe.txt");
    std::fs::read_to_string(path).expect("the seed resolution is readable")
}

/// The names listed after the headings المؤيدون / المعارضون / الممتنعون, as the seed writes them
/// (its PDF extraction dropped a letter of the last: "المتنعون").
fn seed_vote_lists() -> Vec<(String, Vec<String>)> {
    let text = seed_text();
    let mut lists = Vec::new();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let heading = line.trim_end_matches(':').trim();
        if ["المؤيدون", "المعارضون", "الممتنعون", "المتنعون"].contains(&heading)
        {
            let names = lines[i + 1]
                .trim_end_matches(['.', ']'])
                .split('،')
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect();
            lists.push((heading.to_owned(), names));
        }
    }
    lists
}

#[test]
fn every_state_in_the_seed_vote_lists_resolves() {
    taawun_testdata::require_shared!();
    let lists = seed_vote_lists();
    let counts: Vec<usize> = lists.iter().map(|(_, names)| names.len()).collect();
    assert_eq!(
        counts,
        vec![31, 14, 2],
        "the seed lists 31 in favour, 14 against, 2 abstaining"
    );
    let resolver = Resolver::builtin();
    let mut codes = std::collections::HashSet::new();
    for (heading, names) in &lists {
        for name in names {
            let answer = resolver.resolve(name);
            assert!(
                answer.is_resolved(),
                "{heading}: {name:?} did not resolve: {answer:?}"
            );
            assert!(
                codes.insert(answer.iso3.unwrap()),
                "{name:?} resolved to a State already listed"
            );
        }
    }
    assert_eq!(codes.len(), 47);
}

#[test]
fn damaged_and_renamed_names_in_the_seed() {
    let resolver = Resolver::builtin();
    let cameroon = resolver.resolve("الكامبيون");
    assert_eq!(cameroon.iso3, Some("CMR"));
    assert_eq!(cameroon.match_kind, Some(MatchKind::Fuzzy));
    assert!(cameroon.distance.unwrap() > 0.0);
    let netherlands = resolver.resolve("هولندا (مملكة)");
    assert_eq!(netherlands.iso3, Some("NLD"));
    assert_eq!(netherlands.match_kind, Some(MatchKind::Exact));
}

#[test]
fn exact_names_win_over_longer_or_shorter_neighbours() {
    let resolver = Resolver::builtin();
    for (name, iso3) in [
        ("Republic of Korea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("غينيا", "GIN"),
        ("غينيا الاستوائية", "GNQ"),
        ("النيجر", "NER"),
        ("نيجيريا", "NGA"),
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Guinea", "GIN"),
        ("Guinea-Bissau", "GNB"),
        ("Congo", "COG"),
        ("Democratic Republic of the Congo", "COD"),
        ("Sudan", "SDN"),
        ("South Sudan", "SSD"),
        ("Dominica", "DMA"),
        ("Dominican Republic", "DOM"),
        ("Viet Nam", "VNM"),
        ("فييت نام", "VNM"),
        ("Türkiye", "TUR"),
        ("Netherlands (Kingdom of the)", "NLD"),
    ] {
        let answer = resolver.resolve(name);
        assert_eq!(answer.iso3, Some(iso3), "{name}: {answer:?}");
        assert_eq!(answer.match_kind, Some(MatchKind::Exact), "{name}");
    }
}

#[test]
fn arabic_spelling_noise_does_not_matter() {
    let resolver = Resolver::builtin();
    for (name, iso3) in [
        ("الجزائر", "DZA"),
        ("جزائر", "DZA"),
        ("الإمارات العربية المتحدة", "ARE"),
        ("الامارات العربيه المتحده", "ARE"),
        ("إنـــدونيسيا", "IDN"),
        ("إِنْدُونِيسِيَا", "IDN"),
    ] {
        let answer = resolver.resolve(name);
        assert_eq!(answer.iso3, Some(iso3), "{name}: {answer:?}");
        assert_ne!(answer.match_kind, Some(MatchKind::Fuzzy), "{name}");
    }
}

#[test]
fn partial_names_of_several_states_stay_unresolved_with_candidates() {
    let resolver = Resolver::builtin();
    for name in ["Korea", "كوريا"] {
        let answer = resolver.resolve(name);
        assert_eq!(answer.iso3, None, "{name}: {answer:?}");
        let candidates: Vec<&str> = answer.candidates.iter().map(|c| c.iso3).collect();
        assert!(
            candidates.contains(&"KOR") && candidates.contains(&"PRK"),
            "{name}: {candidates:?}"
        );
    }
    assert_eq!(resolver.resolve("").iso3, None);
    assert_eq!(resolver.resolve("Atlantis").iso3, None);
}

#[test]
fn every_name_and_alias_in_the_table_resolves_to_its_own_state() {
    let resolver = Resolver::builtin();
    let mut problems = Vec::new();
    for state in all() {
        let names = state
            .names
            .all()
            .into_iter()
            .chain([state.formal_en])
            .chain(state.aliases.iter().copied());
        for name in names.filter(|n| !n.is_empty()) {
            let answer = resolver.resolve(name);
            if answer.iso3 != Some(state.iso3) || answer.match_kind == Some(MatchKind::Fuzzy) {
                problems.push(format!(
                    "{}: {name:?} -> {:?} {:?}",
                    state.iso3, answer.iso3, answer.match_kind
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} names resolve elsewhere:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
