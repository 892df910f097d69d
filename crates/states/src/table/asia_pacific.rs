//! Member States of the Asia-Pacific Group. See `super` for what this table is.

use crate::model::*;

pub static STATES: &[State] = &[
    State {
        iso3: "AFG",
        iso2: "AF",
        m49: 4,
        iso3166_3: None,
        status: UnStatus::Member,
        regional_group: Some(RegionalGroup::AsiaPacific),
        m49_sub_region: 34,
        m49_intermediate_region: 0,
        names: Names {
            ar: "أفغانستان",
            en: "Afghanistan",
            fr: "Afghanistan",
            es: "Afganistán",
            ru: "Афганистан",
            zh: "阿富汗",
        },
        formal_en: "the Islamic Republic of Afghanistan",
        aliases: &["Islamic Republic of Afghanistan", "جمهورية أفغانستان الإسلامية", "Islamic Emirate of Afghanistan"],
    },
];
