//! The vocabularies shared by the compendium, the seminars and the report: where something
//! happens ([`Region`]) and who acts ([`Role`]). Each is stored and sent as a kebab-case slug,
//! with `slug()`, `parse()` and an `ALL` list, as the other domain crates do.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use taawun_states::RegionalGroup;

/// Defines a vocabulary: an enum whose values are stored and sent as kebab-case slugs, with
/// `ALL`, `slug()`, `parse()` (trimmed, exact slug) and `Display` (the slug).
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident => $slug:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const ALL: [$name; [$($slug),+].len()] = [$($name::$variant),+];

            /// The identifier used in URLs, JSON and the database.
            pub fn slug(self) -> &'static str {
                match self {
                    $($name::$variant => $slug,)+
                }
            }

            pub fn parse(slug: &str) -> Option<$name> {
                let slug = slug.trim();
                Self::ALL.into_iter().find(|v| v.slug() == slug)
            }

            /// Every slug, comma-separated, for error messages.
            pub fn slugs() -> String {
                Self::ALL.map(Self::slug).join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.slug())
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary! {
    /// Who takes a step, as this crate sees them (the web layer maps accounts to these).
    pub enum Role {
        /// Whoever wrote a practice: a stakeholder, or a State's focal point.
        Submitter => "submitter",
        /// The OHCHR secretariat, which moderates the compendium and runs seminars.
        Secretariat => "secretariat",
        /// A seminar's rapporteur, who keeps the notes of each agenda item.
        Rapporteur => "rapporteur",
    }
}

/// Where a practice was carried out or a seminar is held: one of the five UN regional groups
/// ("the five geographic regions" of resolution 56/2, op. 30), the whole world, or somewhere
/// else (several regions that are not the world, a sub-region across groups).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    Group(RegionalGroup),
    Global,
    Other,
}

impl Region {
    pub const ALL: [Region; 7] = [
        Region::Group(RegionalGroup::African),
        Region::Group(RegionalGroup::AsiaPacific),
        Region::Group(RegionalGroup::EasternEuropean),
        Region::Group(RegionalGroup::LatinAmericanCaribbean),
        Region::Group(RegionalGroup::WesternEuropeanOthers),
        Region::Global,
        Region::Other,
    ];

    /// The regional group's own slug (`african`, `asia-pacific`, …), `global` or `other`.
    pub fn slug(self) -> &'static str {
        match self {
            Region::Group(group) => group.slug(),
            Region::Global => "global",
            Region::Other => "other",
        }
    }

    pub fn parse(slug: &str) -> Option<Region> {
        let slug = slug.trim();
        Self::ALL.into_iter().find(|r| r.slug() == slug)
    }

    pub fn slugs() -> String {
        Self::ALL.map(Self::slug).join(", ")
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl Serialize for Region {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let slug = String::deserialize(deserializer)?;
        Region::parse(&slug).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown region \"{slug}\"; expected one of {}",
                Region::slugs()
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.slug()), Some(role));
        }
        for region in Region::ALL {
            assert_eq!(Region::parse(region.slug()), Some(region));
        }
        assert_eq!(
            Region::parse(" asia-pacific "),
            Some(Region::Group(RegionalGroup::AsiaPacific))
        );
        assert_eq!(Region::parse("Asia"), None);
        assert_eq!(Role::slugs(), "submitter, secretariat, rapporteur");
    }
}
