//! The shape of one entry of the built-in table.

use serde::Serialize;

/// The five UN regional groups: the "five geographic regions" of HRC resolution 56/2, op. 30.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegionalGroup {
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanCaribbean,
    WesternEuropeanOthers,
}

impl RegionalGroup {
    pub const ALL: [RegionalGroup; 5] = [
        RegionalGroup::African,
        RegionalGroup::AsiaPacific,
        RegionalGroup::EasternEuropean,
        RegionalGroup::LatinAmericanCaribbean,
        RegionalGroup::WesternEuropeanOthers,
    ];

    /// The identifier used in URLs, JSON and the database.
    pub fn slug(self) -> &'static str {
        match self {
            RegionalGroup::African => "african",
            RegionalGroup::AsiaPacific => "asia-pacific",
            RegionalGroup::EasternEuropean => "eastern-european",
            RegionalGroup::LatinAmericanCaribbean => "latin-american-caribbean",
            RegionalGroup::WesternEuropeanOthers => "western-european-others",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.slug() == slug)
    }
}

/// How the State stands in the United Nations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnStatus {
    /// One of the 193 Member States.
    Member,
    /// A non-member observer State (Holy See, State of Palestine).
    Observer,
    /// A territory, or a State outside the UN system that appears in UN data (Cook Islands, Niue).
    Territory,
    /// A State that no longer exists but appears in voting records (Soviet Union, Yugoslavia, …).
    Historic,
}

impl UnStatus {
    pub fn slug(self) -> &'static str {
        match self {
            UnStatus::Member => "member",
            UnStatus::Observer => "observer",
            UnStatus::Territory => "territory",
            UnStatus::Historic => "historic",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        [
            Self::Member,
            Self::Observer,
            Self::Territory,
            Self::Historic,
        ]
        .into_iter()
        .find(|s| s.slug() == slug)
    }
}

/// A name in the six official UN languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Names {
    pub ar: &'static str,
    pub en: &'static str,
    pub fr: &'static str,
    pub es: &'static str,
    pub ru: &'static str,
    pub zh: &'static str,
}

impl Names {
    /// The name in `lang` (a BCP 47 primary subtag); English when the language is not one of the six.
    pub fn get(&self, lang: &str) -> &'static str {
        match lang {
            "ar" => self.ar,
            "fr" => self.fr,
            "es" => self.es,
            "ru" => self.ru,
            "zh" => self.zh,
            _ => self.en,
        }
    }

    pub fn all(&self) -> [&'static str; 6] {
        [self.ar, self.en, self.fr, self.es, self.ru, self.zh]
    }
}

/// One State, territory or historic State.
///
/// `names` are the short names as UN documents write them (UN terminology, UNTERM); `formal_en`
/// is the formal English name ("the Republic of Korea"); `aliases` are former names, common
/// variants and formal names in other languages, in any of the six languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct State {
    /// ISO 3166-1 alpha-3; for historic States their former alpha-3 (SUN, YUG, CSK, DDR, YMD),
    /// or, where ISO never gave one (Yemen Arab Republic, Zanzibar), the three-letter code
    /// voting-record datasets use for it (the Correlates of War codes YAR and ZAN).
    pub iso3: &'static str,
    /// ISO 3166-1 alpha-2 ("" where there is none).
    pub iso2: &'static str,
    /// M49 / ISO 3166-1 numeric code (0 where there is none).
    pub m49: u16,
    /// ISO 3166-3 four-letter code of a deleted country name (historic States only).
    pub iso3166_3: Option<&'static str>,
    pub status: UnStatus,
    pub regional_group: Option<RegionalGroup>,
    /// M49 sub-region code (for example 34, Southern Asia; 202, Sub-Saharan Africa); 0 where
    /// M49 gives none. The region follows from it ([`crate::region_of`]).
    pub m49_sub_region: u16,
    /// M49 intermediate region code (for example 11, Western Africa; 29, Caribbean); 0 where M49
    /// gives none.
    pub m49_intermediate_region: u16,
    pub names: Names,
    pub formal_en: &'static str,
    pub aliases: &'static [&'static str],
}
