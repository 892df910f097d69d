//! Checks the built-in table against two public data sets, read in place from `../shared/data/countries/`:
//! the OCHA HDX country taxonomy (UN terminology names in six languages, M49 codes and regions)
//! and mledoze/countries (UN regional groups). Every mismatch is listed, not just the first.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use taawun_states::{RegionalGroup, UnStatus, all};

fn shared_data(path: &str) -> PathBuf {
    taawun_testdata::shared("data").join(path)
}

fn hdx_rows() -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(shared_data("countries/hdx-countries-territories.csv"))
        .expect("the HDX country taxonomy is readable");
    reader
        .deserialize::<HashMap<String, String>>()
        .map(|row| row.expect("a well-formed HDX row"))
        .collect()
}

fn same(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('’', "'")
    };
    norm(a) == norm(b)
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut iso3 = HashSet::new();
    let mut iso2 = HashSet::new();
    let mut m49 = HashSet::new();
    for state in all() {
        assert!(
            state.iso3.len() == 3 && state.iso3.chars().all(|c| c.is_ascii_uppercase()),
            "{}: ISO3 must be three capital letters",
            state.iso3
        );
        assert!(iso3.insert(state.iso3), "{} twice", state.iso3);
        if !state.iso2.is_empty() {
            assert!(
                iso2.insert(state.iso2),
                "{}: ISO2 {} twice",
                state.iso3,
                state.iso2
            );
        }
        if state.m49 != 0 {
            assert!(
                m49.insert(state.m49),
                "{}: M49 {} twice",
                state.iso3,
                state.m49
            );
        }
        assert_eq!(
            state.iso3166_3.is_some(),
            state.status == UnStatus::Historic && state.iso3166_3.is_some(),
            "{}: only historic States carry an ISO 3166-3 code",
            state.iso3
        );
        for name in state.names.all() {
            assert!(!name.trim().is_empty(), "{}: a name is empty", state.iso3);
        }
        if state.m49_sub_region != 0 {
            assert!(
                taawun_states::region_of(state.m49_sub_region).is_some(),
                "{}: unknown M49 sub-region {}",
                state.iso3,
                state.m49_sub_region
            );
        }
    }
}

#[test]
fn members_observers_and_regional_groups_add_up() {
    taawun_testdata::require_shared!();
    let count = |status| all().filter(|s| s.status == status).count();
    assert_eq!(count(UnStatus::Member), 193);
    let observers: HashSet<_> = all()
        .filter(|s| s.status == UnStatus::Observer)
        .map(|s| s.iso3)
        .collect();
    assert_eq!(observers, HashSet::from(["VAT", "PSE"]));
    for state in all() {
        assert_eq!(
            state.regional_group.is_some(),
            state.status == UnStatus::Member,
            "{}: Member States, and only they, belong to a regional group",
            state.iso3
        );
    }

    // mledoze/countries: group sizes and each State's group.
    let text = std::fs::read_to_string(shared_data("countries/mledoze-countries.json")).unwrap();
    let countries: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let group_of = |name: &str| match name {
        "African Group" => Some(RegionalGroup::African),
        "Asia and the Pacific Group" => Some(RegionalGroup::AsiaPacific),
        "Eastern European Group" => Some(RegionalGroup::EasternEuropean),
        "Latin American and Caribbean Group" => Some(RegionalGroup::LatinAmericanCaribbean),
        "Western European and Others Group" => Some(RegionalGroup::WesternEuropeanOthers),
        _ => None,
    };
    let mut theirs: HashMap<RegionalGroup, usize> = HashMap::new();
    let mut problems = Vec::new();
    for country in &countries {
        let iso3 = country["cca3"].as_str().unwrap();
        let Some(group) = group_of(country["unRegionalGroup"].as_str().unwrap_or("")) else {
            continue;
        };
        *theirs.entry(group).or_default() += 1;
        match taawun_states::by_iso3(iso3) {
            Some(state) if state.regional_group == Some(group) => {}
            Some(state) => problems.push(format!(
                "{iso3}: ours {:?}, theirs {group:?}",
                state.regional_group
            )),
            None => problems.push(format!("{iso3}: missing from the table")),
        }
    }
    assert!(
        problems.is_empty(),
        "regional groups differ:\n{}",
        problems.join("\n")
    );
    for group in RegionalGroup::ALL {
        let ours = all().filter(|s| s.regional_group == Some(group)).count();
        assert_eq!(ours, theirs[&group], "{group:?}");
    }
    let expected = [54, 54, 23, 33, 29];
    for (group, n) in RegionalGroup::ALL.into_iter().zip(expected) {
        assert_eq!(theirs[&group], n, "mledoze's {group:?}");
    }
}

/// Names, codes and M49 regions against the HDX taxonomy. Where our UN short name differs from
/// HDX's (a newer UN name, such as "Netherlands (Kingdom of the)" since 2023), HDX's must be one
/// of our aliases, so that documents written with it still resolve.
#[test]
fn names_and_codes_agree_with_the_hdx_taxonomy() {
    taawun_testdata::require_shared!();
    let mut problems = Vec::new();
    let mut covered = HashSet::new();
    for row in hdx_rows() {
        let iso3 = row["ISO 3166-1 Alpha 3-Codes"].trim();
        if iso3.is_empty() || row["Deprecated"] == "Y" {
            continue;
        }
        let Some(state) = taawun_states::by_iso3(iso3) else {
            problems.push(format!(
                "{iso3} ({}): missing from the table",
                row["Preferred Term"]
            ));
            continue;
        };
        covered.insert(iso3.to_owned());
        let unterm = row["Appears in UNTERM list"] == "Y";
        let columns = if unterm {
            [
                ("ar", "Arabic Short"),
                ("en", "English Short"),
                ("fr", "French Short"),
                ("es", "Spanish Short"),
                ("ru", "Russian Short"),
                ("zh", "Chinese Short"),
            ]
        } else {
            [
                ("ar", "M49 Arabic"),
                ("en", "M49 English"),
                ("fr", "M49 French"),
                ("es", "M49 Spanish"),
                ("ru", "M49 Russian"),
                ("zh", "M49 Chinese"),
            ]
        };
        for (lang, column) in columns {
            let theirs = row[column].trim();
            let ours = state.names.get(lang);
            if theirs.is_empty() || same(ours, theirs) {
                continue;
            }
            if !state.aliases.iter().any(|a| same(a, theirs)) {
                problems.push(format!(
                    "{iso3} {lang}: ours {ours:?}, HDX {theirs:?} (neither equal nor an alias)"
                ));
            }
        }
        let theirs_iso2 = row["ISO 3166-1 Alpha 2-Codes"].trim();
        if state.iso2 != theirs_iso2 {
            problems.push(format!(
                "{iso3}: ISO2 ours {:?}, HDX {theirs_iso2:?}",
                state.iso2
            ));
        }
        let number = |column: &str| row[column].trim().parse::<u16>().unwrap_or(0);
        if state.m49 != number("m49 numerical code") {
            problems.push(format!(
                "{iso3}: M49 ours {}, HDX {}",
                state.m49, row["m49 numerical code"]
            ));
        }
        if state.m49_sub_region != number("Sub-region Code") {
            problems.push(format!(
                "{iso3}: sub-region ours {}, HDX {}",
                state.m49_sub_region, row["Sub-region Code"]
            ));
        }
        if state.m49_intermediate_region != number("Intermediate Region Code") {
            problems.push(format!(
                "{iso3}: intermediate region ours {}, HDX {}",
                state.m49_intermediate_region, row["Intermediate Region Code"]
            ));
        }
        let formal = row["English Formal"].trim();
        if unterm && !formal.is_empty() && !same(state.formal_en, formal) {
            problems.push(format!(
                "{iso3}: formal name ours {:?}, HDX {formal:?}",
                state.formal_en
            ));
        }
        let expected_status = match (unterm, iso3) {
            (true, "VAT" | "PSE") => UnStatus::Observer,
            (true, "COK" | "NIU") => UnStatus::Territory,
            (true, _) => UnStatus::Member,
            (false, _) => UnStatus::Territory,
        };
        if state.status != expected_status {
            problems.push(format!(
                "{iso3}: status ours {:?}, expected {expected_status:?}",
                state.status
            ));
        }
    }
    for state in all() {
        if state.status != UnStatus::Historic
            && !covered.contains(state.iso3)
            && state.iso3 != "XKX"
        {
            problems.push(format!(
                "{}: not in the HDX taxonomy (only historic States and Kosovo may be)",
                state.iso3
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} differences:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
