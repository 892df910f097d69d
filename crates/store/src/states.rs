//! States as the database holds them: the built-in table, copied in so that other records can
//! refer to States by key and administrators can later extend the reference data.

use serde::Serialize;
use taawun_states::{Names, State};
use taawun_text::fold_name;

/// A State as stored and served (owned strings; the same JSON shape as `taawun states list --json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StateRecord {
    /// ISO 3166-1 alpha-3 (historic States: their former code).
    pub iso3: String,
    /// ISO 3166-1 alpha-2.
    pub iso2: Option<String>,
    /// M49 / ISO 3166-1 numeric code.
    pub m49: Option<u16>,
    /// ISO 3166-3 code of a deleted country name (historic States).
    pub iso3166_3: Option<String>,
    /// `member`, `observer`, `territory` or `historic`.
    pub un_status: String,
    /// `african`, `asia-pacific`, `eastern-european`, `latin-american-caribbean`,
    /// `western-european-others`; null for non-members.
    pub regional_group: Option<String>,
    pub m49_region: Option<u16>,
    pub m49_sub_region: Option<u16>,
    pub m49_intermediate_region: Option<u16>,
    /// Short names as UN documents write them.
    pub names: NamesRecord,
    pub formal_name_en: Option<String>,
    /// Former names and common variants, in any language.
    pub aliases: Vec<String>,
}

/// A name in the six official UN languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NamesRecord {
    pub ar: String,
    pub en: String,
    pub fr: String,
    pub es: String,
    pub ru: String,
    pub zh: String,
}

impl NamesRecord {
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "ar" => &self.ar,
            "fr" => &self.fr,
            "es" => &self.es,
            "ru" => &self.ru,
            "zh" => &self.zh,
            _ => &self.en,
        }
    }

    pub fn all(&self) -> [(&'static str, &str); 6] {
        [
            ("ar", &self.ar),
            ("en", &self.en),
            ("fr", &self.fr),
            ("es", &self.es),
            ("ru", &self.ru),
            ("zh", &self.zh),
        ]
    }
}

impl From<&Names> for NamesRecord {
    fn from(n: &Names) -> Self {
        NamesRecord {
            ar: n.ar.into(),
            en: n.en.into(),
            fr: n.fr.into(),
            es: n.es.into(),
            ru: n.ru.into(),
            zh: n.zh.into(),
        }
    }
}

impl StateRecord {
    pub fn from_builtin(state: &State) -> Self {
        let nonzero = |n: u16| (n != 0).then_some(n);
        let nonempty = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        StateRecord {
            iso3: state.iso3.into(),
            iso2: nonempty(state.iso2),
            m49: nonzero(state.m49),
            iso3166_3: state.iso3166_3.map(Into::into),
            un_status: state.status.slug().into(),
            regional_group: state.regional_group.map(|g| g.slug().into()),
            m49_region: taawun_states::region_of(state.m49_sub_region),
            m49_sub_region: nonzero(state.m49_sub_region),
            m49_intermediate_region: nonzero(state.m49_intermediate_region),
            names: (&state.names).into(),
            formal_name_en: nonempty(state.formal_en),
            aliases: state.aliases.iter().map(|a| (*a).to_owned()).collect(),
        }
    }

    /// The folded names and aliases, space-joined: what the "name contains" filter searches.
    pub fn search_key(&self) -> String {
        let mut key = String::from(" ");
        let names = self.names.all().into_iter().map(|(_, n)| n);
        for name in names
            .chain(self.formal_name_en.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
        {
            key.push_str(&fold_name(name));
            key.push_str(" | ");
        }
        key
    }

    /// The key a list sorted by name in `lang` is ordered by: the folded name, so that Arabic
    /// sorts without its article and hamza forms, as UN documents list States.
    pub fn sort_key(&self, lang: &str) -> String {
        fold_name(self.names.get(lang))
    }
}

/// The built-in table as records, in table order.
pub fn state_records_from_builtin() -> Vec<StateRecord> {
    taawun_states::all()
        .map(StateRecord::from_builtin)
        .collect()
}

/// A fingerprint of the built-in table's content (FNV-1a over its debug form): when it changes,
/// the stored copy is rewritten. Stable across runs of the same binary, which is all it needs.
pub fn table_fingerprint(records: &[StateRecord]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in format!("{records:?}").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Sort orders a State listing accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StateSort {
    /// By the short name in the given interface language.
    #[default]
    Name,
    Iso3,
    M49,
}

impl StateSort {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "name" => Some(Self::Name),
            "iso3" => Some(Self::Iso3),
            "m49" => Some(Self::M49),
            _ => None,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Iso3 => "iso3",
            Self::M49 => "m49",
        }
    }
}

/// Filters of a State listing, already validated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StateFilter {
    /// A regional group slug (`african`, …).
    pub regional_group: Option<String>,
    /// A status slug (`member`, …).
    pub un_status: Option<String>,
    /// Part of a name in any language, folded like names are (`fold_name`).
    pub name_contains: Option<String>,
    pub sort: StateSort,
    pub descending: bool,
    /// Which language's name the `Name` sort uses (`ar`, `en`, `fr`, `es`, `ru`, `zh`).
    pub lang: String,
}
