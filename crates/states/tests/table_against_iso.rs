//! The table's ISO 3166-1 codes against the `celes` crate's ISO 3166-1 data: alpha-2, alpha-3
//! and numeric agree for every current entry, and every ISO country is in the table.

use taawun_states::{UnStatus, all, by_iso3};

#[test]
fn codes_agree_with_iso_3166_1() {
    let mut problems = Vec::new();
    for state in all().filter(|s| s.status != UnStatus::Historic) {
        let Ok(country) = celes::Country::from_alpha3(state.iso3) else {
            problems.push(format!("{}: not an ISO 3166-1 alpha-3 code", state.iso3));
            continue;
        };
        if country.alpha2 != state.iso2 {
            problems.push(format!(
                "{}: alpha-2 ours {:?}, ISO {:?}",
                state.iso3, state.iso2, country.alpha2
            ));
        }
        // Kosovo's XKX is user-assigned; libraries give it the unofficial 383, M49 gives none.
        if country.value as u16 != state.m49 && state.iso3 != "XKX" {
            problems.push(format!(
                "{}: numeric ours {}, ISO {}",
                state.iso3, state.m49, country.value
            ));
        }
    }
    for country in celes::Country::get_countries() {
        if by_iso3(country.alpha3).is_none() {
            problems.push(format!(
                "{} ({}): in ISO 3166-1, missing from the table",
                country.alpha3, country.long_name
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
