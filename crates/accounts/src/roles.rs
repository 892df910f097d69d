//! Roles and what each one is bound to.
//!
//! A grant is only meaningful with the right binding (a focal point speaks for one State, a
//! stakeholder for one organisation), so a [`RoleGrant`] can only be built through
//! [`RoleGrant::new`] or [`RoleGrant::from_parts`], which enforce the rules, and deserialising one
//! goes through the same check.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a user may do on the platform; one user may hold several grants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoleKind {
    /// Speaks for a State's government.
    FocalPoint,
    /// Speaks for an organisation (NHRI, civil society, UN entity, …).
    Stakeholder,
    /// Offers support, either as a State or as an organisation.
    Donor,
    /// The secretariat that runs the platform's matching work.
    Secretariat,
    /// Manages accounts and the platform itself.
    Administrator,
    /// Sits on an assistance fund's review panel: recommends, with reasons, on requests.
    FundReviewer,
    /// Decides for an assistance fund: approves or declines requests, with reasons.
    FundApprover,
}

impl RoleKind {
    /// Every role, in the order forms list them.
    pub const ALL: [RoleKind; 7] = [
        RoleKind::FocalPoint,
        RoleKind::Stakeholder,
        RoleKind::Donor,
        RoleKind::Secretariat,
        RoleKind::Administrator,
        RoleKind::FundReviewer,
        RoleKind::FundApprover,
    ];

    /// The stable identifier used in the database, URLs, forms and translation keys.
    pub const fn slug(&self) -> &'static str {
        match self {
            RoleKind::FocalPoint => "focal-point",
            RoleKind::Stakeholder => "stakeholder",
            RoleKind::Donor => "donor",
            RoleKind::Secretariat => "secretariat",
            RoleKind::Administrator => "administrator",
            RoleKind::FundReviewer => "fund-reviewer",
            RoleKind::FundApprover => "fund-approver",
        }
    }

    /// Whether a grant of this role with `binding` is allowed.
    pub fn accepts(&self, binding: &Binding) -> bool {
        matches!(
            (self, binding),
            (RoleKind::FocalPoint, Binding::State(_))
                | (RoleKind::Stakeholder, Binding::Organisation(_))
                | (
                    RoleKind::Donor,
                    Binding::State(_) | Binding::Organisation(_)
                )
                | (
                    RoleKind::Secretariat
                        | RoleKind::Administrator
                        | RoleKind::FundReviewer
                        | RoleKind::FundApprover,
                    Binding::Unbound
                )
        )
    }

    fn binding_error(self) -> RoleError {
        match self {
            RoleKind::FocalPoint => RoleError::NeedsState { role: self },
            RoleKind::Stakeholder => RoleError::NeedsOrganisation { role: self },
            RoleKind::Donor => RoleError::NeedsStateOrOrganisation { role: self },
            RoleKind::Secretariat
            | RoleKind::Administrator
            | RoleKind::FundReviewer
            | RoleKind::FundApprover => RoleError::MustBeUnbound { role: self },
        }
    }
}

impl fmt::Display for RoleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for RoleKind {
    type Err = RoleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RoleKind::ALL
            .into_iter()
            .find(|kind| kind.slug() == s)
            .ok_or_else(|| RoleError::UnknownRole {
                value: s.to_owned(),
            })
    }
}

/// The kinds of organisation a stakeholder or donor can belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrganisationKind {
    /// A national human rights institution.
    Nhri,
    /// A civil-society organisation.
    CivilSociety,
    /// A UN entity (agency, fund, programme, OHCHR field presence, …).
    UnEntity,
    /// A regional organisation (African Union, Council of Europe, …).
    RegionalOrganisation,
    /// Any other international organisation.
    InternationalOrganisation,
}

impl OrganisationKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [OrganisationKind; 5] = [
        OrganisationKind::Nhri,
        OrganisationKind::CivilSociety,
        OrganisationKind::UnEntity,
        OrganisationKind::RegionalOrganisation,
        OrganisationKind::InternationalOrganisation,
    ];

    /// The stable identifier used in the database, URLs, forms and translation keys.
    pub const fn slug(&self) -> &'static str {
        match self {
            OrganisationKind::Nhri => "nhri",
            OrganisationKind::CivilSociety => "civil-society",
            OrganisationKind::UnEntity => "un-entity",
            OrganisationKind::RegionalOrganisation => "regional-organisation",
            OrganisationKind::InternationalOrganisation => "international-organisation",
        }
    }
}

impl fmt::Display for OrganisationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for OrganisationKind {
    type Err = RoleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OrganisationKind::ALL
            .into_iter()
            .find(|kind| kind.slug() == s)
            .ok_or_else(|| RoleError::UnknownOrganisationKind {
                value: s.to_owned(),
            })
    }
}

/// What a grant is bound to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Binding {
    /// Platform-wide roles (secretariat, administrator).
    Unbound,
    /// A State by its ISO 3166-1 alpha-3 code, upper case (`"FRA"`).
    State(String),
    /// An organisation by its database id.
    Organisation(i64),
}

/// One role held by a user, with its binding; valid by construction.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "UncheckedGrant")]
pub struct RoleGrant {
    pub kind: RoleKind,
    pub binding: Binding,
}

/// The serialised shape of a grant, checked by [`RoleGrant::new`] before it becomes one.
#[derive(Deserialize)]
struct UncheckedGrant {
    kind: RoleKind,
    binding: Binding,
}

impl TryFrom<UncheckedGrant> for RoleGrant {
    type Error = RoleError;

    fn try_from(raw: UncheckedGrant) -> Result<Self, Self::Error> {
        RoleGrant::new(raw.kind, raw.binding)
    }
}

impl RoleGrant {
    /// Checks the binding against the role's rule; an ISO3 code is upper-cased.
    ///
    /// Focal points are bound to a State, stakeholders to an organisation, donors to either, and
    /// the secretariat and administrators to nothing.
    pub fn new(kind: RoleKind, binding: Binding) -> Result<RoleGrant, RoleError> {
        let binding = match binding {
            Binding::State(code) => Binding::State(normalize_iso3(&code)?),
            other => other,
        };
        if kind.accepts(&binding) {
            Ok(RoleGrant { kind, binding })
        } else {
            Err(kind.binding_error())
        }
    }

    /// Builds a grant from the columns a database row or a form carries.
    ///
    /// Forms send an empty field for "none", so a blank `state` counts as absent; giving both a
    /// State and an organisation is an error rather than a silent choice.
    pub fn from_parts(
        kind: &str,
        state: Option<&str>,
        organisation: Option<i64>,
    ) -> Result<RoleGrant, RoleError> {
        let kind: RoleKind = kind.trim().parse()?;
        let state = state.map(str::trim).filter(|s| !s.is_empty());
        let binding = match (state, organisation) {
            (None, None) => Binding::Unbound,
            (Some(code), None) => Binding::State(code.to_owned()),
            (None, Some(id)) => Binding::Organisation(id),
            (Some(_), Some(_)) => return Err(RoleError::TwoBindings { role: kind }),
        };
        RoleGrant::new(kind, binding)
    }

    /// The inverse of [`RoleGrant::from_parts`]: role slug, State code, organisation id.
    pub fn to_parts(&self) -> (&'static str, Option<&str>, Option<i64>) {
        (self.kind.slug(), self.state(), self.organisation())
    }

    /// The State's ISO3 code, when the grant is bound to a State.
    pub fn state(&self) -> Option<&str> {
        match &self.binding {
            Binding::State(code) => Some(code),
            _ => None,
        }
    }

    /// The organisation's id, when the grant is bound to an organisation.
    pub fn organisation(&self) -> Option<i64> {
        match self.binding {
            Binding::Organisation(id) => Some(id),
            _ => None,
        }
    }
}

fn normalize_iso3(code: &str) -> Result<String, RoleError> {
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(code.to_ascii_uppercase())
    } else {
        Err(RoleError::BadIso3 {
            value: code.to_owned(),
        })
    }
}

/// Why a role grant, role name or organisation kind was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RoleError {
    #[error("unknown role {value:?}; the roles are: {}", list(&RoleKind::ALL.map(|k| k.slug())))]
    UnknownRole { value: String },
    #[error(
        "unknown organisation kind {value:?}; the kinds are: {}",
        list(&OrganisationKind::ALL.map(|k| k.slug()))
    )]
    UnknownOrganisationKind { value: String },
    #[error("the {role} role must be bound to a State (its ISO3 code)")]
    NeedsState { role: RoleKind },
    #[error("the {role} role must be bound to an organisation")]
    NeedsOrganisation { role: RoleKind },
    #[error("the {role} role must be bound to a State or to an organisation")]
    NeedsStateOrOrganisation { role: RoleKind },
    #[error("the {role} role is platform-wide: it must not be bound to a State or an organisation")]
    MustBeUnbound { role: RoleKind },
    #[error("the {role} role was given both a State and an organisation; it takes at most one")]
    TwoBindings { role: RoleKind },
    #[error("{value:?} is not an ISO3 State code: it must be exactly 3 ASCII letters")]
    BadIso3 { value: String },
}

fn list(slugs: &[&str]) -> String {
    slugs.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slugs_round_trip_and_are_the_documented_ones() {
        for kind in RoleKind::ALL {
            assert_eq!(kind.slug().parse::<RoleKind>().unwrap(), kind);
            assert_eq!(kind.to_string(), kind.slug());
        }
        for kind in OrganisationKind::ALL {
            assert_eq!(kind.slug().parse::<OrganisationKind>().unwrap(), kind);
            assert_eq!(kind.to_string(), kind.slug());
        }
        assert_eq!(
            RoleKind::ALL.map(|k| k.slug()),
            [
                "focal-point",
                "stakeholder",
                "donor",
                "secretariat",
                "administrator",
                "fund-reviewer",
                "fund-approver"
            ]
        );
        assert_eq!(
            OrganisationKind::ALL.map(|k| k.slug()),
            [
                "nhri",
                "civil-society",
                "un-entity",
                "regional-organisation",
                "international-organisation"
            ]
        );
    }

    #[test]
    fn unknown_slugs_name_the_value_and_the_choices() {
        let message = "Focal_Point".parse::<RoleKind>().unwrap_err().to_string();
        assert!(message.contains("\"Focal_Point\""), "{message}");
        assert!(
            message.contains("focal-point, stakeholder, donor, secretariat, administrator"),
            "{message}"
        );
        let message = "ngo".parse::<OrganisationKind>().unwrap_err().to_string();
        assert!(message.contains("\"ngo\""), "{message}");
        assert!(
            message.contains(
                "nhri, civil-society, un-entity, regional-organisation, international-organisation"
            ),
            "{message}"
        );
        // Slugs are exact: the database and forms always send them as written.
        assert!("Donor".parse::<RoleKind>().is_err());
    }

    #[test]
    fn serde_uses_the_slugs() {
        for kind in RoleKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.slug()));
            assert_eq!(serde_json::from_str::<RoleKind>(&json).unwrap(), kind);
        }
        for kind in OrganisationKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.slug()));
            assert_eq!(
                serde_json::from_str::<OrganisationKind>(&json).unwrap(),
                kind
            );
        }
    }

    #[test]
    fn focal_point_needs_a_state() {
        let grant = RoleGrant::new(RoleKind::FocalPoint, Binding::State("fra".into())).unwrap();
        assert_eq!(grant.binding, Binding::State("FRA".into()));
        assert_eq!(grant.state(), Some("FRA"));
        for binding in [Binding::Unbound, Binding::Organisation(7)] {
            let err = RoleGrant::new(RoleKind::FocalPoint, binding).unwrap_err();
            assert_eq!(
                err,
                RoleError::NeedsState {
                    role: RoleKind::FocalPoint
                }
            );
            assert_eq!(
                err.to_string(),
                "the focal-point role must be bound to a State (its ISO3 code)"
            );
        }
    }

    #[test]
    fn stakeholder_needs_an_organisation() {
        let grant = RoleGrant::new(RoleKind::Stakeholder, Binding::Organisation(42)).unwrap();
        assert_eq!(grant.organisation(), Some(42));
        for binding in [Binding::Unbound, Binding::State("KEN".into())] {
            let err = RoleGrant::new(RoleKind::Stakeholder, binding).unwrap_err();
            assert_eq!(
                err.to_string(),
                "the stakeholder role must be bound to an organisation"
            );
        }
    }

    #[test]
    fn donor_needs_a_state_or_an_organisation() {
        assert!(RoleGrant::new(RoleKind::Donor, Binding::State("NOR".into())).is_ok());
        assert!(RoleGrant::new(RoleKind::Donor, Binding::Organisation(3)).is_ok());
        let err = RoleGrant::new(RoleKind::Donor, Binding::Unbound).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the donor role must be bound to a State or to an organisation"
        );
    }

    #[test]
    fn secretariat_and_administrator_are_unbound() {
        for kind in [RoleKind::Secretariat, RoleKind::Administrator] {
            assert!(RoleGrant::new(kind, Binding::Unbound).is_ok());
            for binding in [Binding::State("CHE".into()), Binding::Organisation(1)] {
                let err = RoleGrant::new(kind, binding).unwrap_err();
                assert_eq!(err, RoleError::MustBeUnbound { role: kind });
                assert!(err.to_string().contains(kind.slug()));
            }
        }
    }

    #[test]
    fn iso3_must_be_three_ascii_letters() {
        for bad in ["", "FR", "FRAN", "FR1", "F A", "ÉTA", " FRA"] {
            let err = RoleGrant::new(RoleKind::FocalPoint, Binding::State(bad.into())).unwrap_err();
            assert_eq!(err, RoleError::BadIso3 { value: bad.into() }, "{bad:?}");
            assert!(err.to_string().contains("3 ASCII letters"));
        }
        // A bad code is reported even for a role that cannot take a State at all: the code is
        // what the user typed wrong first.
        assert!(matches!(
            RoleGrant::new(RoleKind::Stakeholder, Binding::State("12".into())),
            Err(RoleError::BadIso3 { .. })
        ));
    }

    #[test]
    fn from_parts_reads_rows_and_forms() {
        assert_eq!(
            RoleGrant::from_parts("focal-point", Some("bra"), None).unwrap(),
            RoleGrant {
                kind: RoleKind::FocalPoint,
                binding: Binding::State("BRA".into())
            }
        );
        assert_eq!(
            RoleGrant::from_parts("stakeholder", Some("  "), Some(9)).unwrap(),
            RoleGrant {
                kind: RoleKind::Stakeholder,
                binding: Binding::Organisation(9)
            }
        );
        assert_eq!(
            RoleGrant::from_parts(" administrator ", Some(""), None).unwrap(),
            RoleGrant {
                kind: RoleKind::Administrator,
                binding: Binding::Unbound
            }
        );
        assert_eq!(
            RoleGrant::from_parts("donor", Some("NOR"), Some(1)).unwrap_err(),
            RoleError::TwoBindings {
                role: RoleKind::Donor
            }
        );
        assert!(matches!(
            RoleGrant::from_parts("king", None, None),
            Err(RoleError::UnknownRole { .. })
        ));
        assert!(matches!(
            RoleGrant::from_parts("secretariat", Some("USA"), None),
            Err(RoleError::MustBeUnbound { .. })
        ));
    }

    #[test]
    fn to_parts_inverts_from_parts() {
        for (kind, state, org) in [
            ("focal-point", Some("MAR"), None),
            ("stakeholder", None, Some(5)),
            ("donor", Some("JPN"), None),
            ("donor", None, Some(8)),
            ("secretariat", None, None),
            ("administrator", None, None),
        ] {
            let grant = RoleGrant::from_parts(kind, state, org).unwrap();
            assert_eq!(grant.to_parts(), (kind, state, org));
        }
    }

    #[test]
    fn deserialising_a_grant_applies_the_rules() {
        let grant = RoleGrant::from_parts("donor", None, Some(4)).unwrap();
        let json = serde_json::to_string(&grant).unwrap();
        assert_eq!(json, r#"{"kind":"donor","binding":{"organisation":4}}"#);
        assert_eq!(serde_json::from_str::<RoleGrant>(&json).unwrap(), grant);

        let upper: RoleGrant =
            serde_json::from_str(r#"{"kind":"focal-point","binding":{"state":"sen"}}"#).unwrap();
        assert_eq!(upper.state(), Some("SEN"));
        let err =
            serde_json::from_str::<RoleGrant>(r#"{"kind":"focal-point","binding":"unbound"}"#)
                .unwrap_err();
        assert!(
            err.to_string().contains("must be bound to a State"),
            "{err}"
        );
    }

    proptest! {
        #[test]
        fn from_parts_never_panics(kind in ".*", state in proptest::option::of(".*"), org in proptest::option::of(any::<i64>())) {
            let _ = RoleGrant::from_parts(&kind, state.as_deref(), org);
        }

        #[test]
        fn from_parts_accepts_exactly_the_rules(
            kind in proptest::sample::select(RoleKind::ALL.to_vec()),
            state in proptest::option::of("[a-zA-Z]{3}"),
            org in proptest::option::of(any::<i64>()),
        ) {
            let result = RoleGrant::from_parts(kind.slug(), state.as_deref(), org);
            let expected = match (kind, &state, org) {
                (_, Some(_), Some(_)) => false,
                (RoleKind::FocalPoint, s, _) => s.is_some(),
                (RoleKind::Stakeholder, _, o) => o.is_some(),
                (RoleKind::Donor, s, o) => s.is_some() || o.is_some(),
                (
                    RoleKind::Secretariat
                    | RoleKind::Administrator
                    | RoleKind::FundReviewer
                    | RoleKind::FundApprover,
                    s,
                    o,
                ) => s.is_none() && o.is_none(),
            };
            prop_assert_eq!(result.is_ok(), expected);
        }
    }
}
