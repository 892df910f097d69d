//! The organisation form's rules, shared by the pages and the API: one pure function,
//! [`validate`], turns what was typed into a [`NewOrganisation`] or says everything wrong with it.

use serde::Deserialize;
use taawun_accounts::OrganisationKind;
use taawun_store::{NewOrganisation, OrganisationNames, OrganisationRecord};

use crate::i18n::Lang;

/// Longest accepted name, in characters.
pub const MAX_NAME_CHARS: usize = 300;

/// What the form sends (and what the API's body becomes): every field as typed.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct OrganisationForm {
    #[serde(default)]
    pub name_ar: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub name_fr: String,
    #[serde(default)]
    pub name_es: String,
    #[serde(default)]
    pub name_ru: String,
    #[serde(default)]
    pub name_zh: String,
    /// An [`OrganisationKind`] slug.
    #[serde(default)]
    pub kind: String,
    /// ISO3 code of the State of the seat; blank for none.
    #[serde(default)]
    pub seat: String,
}

impl OrganisationForm {
    /// The name typed for `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar => &self.name_ar,
            Lang::En => &self.name_en,
            Lang::Fr => &self.name_fr,
            Lang::Es => &self.name_es,
            Lang::Ru => &self.name_ru,
            Lang::Zh => &self.name_zh,
        }
    }

    /// The form filled with a stored organisation, for editing.
    pub fn from_record(record: &OrganisationRecord) -> OrganisationForm {
        let n = &record.names;
        let text = |name: &Option<String>| name.clone().unwrap_or_default();
        OrganisationForm {
            name_ar: text(&n.ar),
            name_en: text(&n.en),
            name_fr: text(&n.fr),
            name_es: text(&n.es),
            name_ru: text(&n.ru),
            name_zh: text(&n.zh),
            kind: record.kind.clone(),
            seat: record.seat_iso3.clone().unwrap_or_default(),
        }
    }
}

/// A field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The names as a whole (none given).
    Names,
    Name(Lang),
    Kind,
    Seat,
}

/// One thing wrong with what was typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    NoName,
    NameTooLong { lang: Lang, chars: usize },
    NameControl { lang: Lang },
    MissingKind,
    UnknownKind { value: String },
    UnknownSeat { value: String },
}

impl Problem {
    pub fn field(&self) -> Field {
        match self {
            Problem::NoName => Field::Names,
            Problem::NameTooLong { lang, .. } | Problem::NameControl { lang } => Field::Name(*lang),
            Problem::MissingKind | Problem::UnknownKind { .. } => Field::Kind,
            Problem::UnknownSeat { .. } => Field::Seat,
        }
    }

    /// The message for the page, in the user's language.
    pub fn message(&self, ui: Lang) -> String {
        let language = |lang: &Lang| ui.t(&format!("organisation-language-{}", lang.code()));
        match self {
            Problem::NoName => ui.t("organisation-problem-no-name"),
            Problem::NameTooLong { lang, chars } => ui.t_args(
                "organisation-problem-name-too-long",
                &[
                    ("language", language(lang).into()),
                    ("max", MAX_NAME_CHARS.into()),
                    ("chars", (*chars).into()),
                ],
            ),
            Problem::NameControl { lang } => ui.t_args(
                "organisation-problem-name-control",
                &[("language", language(lang).into())],
            ),
            Problem::MissingKind => ui.t("organisation-problem-no-kind"),
            Problem::UnknownKind { value } => ui.t_args(
                "organisation-problem-unknown-kind",
                &[("value", value.clone().into())],
            ),
            Problem::UnknownSeat { value } => ui.t_args(
                "organisation-problem-unknown-seat",
                &[("code", value.clone().into())],
            ),
        }
    }

    /// The field as the API's body names it.
    pub fn api_field(&self) -> String {
        match self.field() {
            Field::Names => "names".to_owned(),
            Field::Name(lang) => format!("names.{}", lang.code()),
            Field::Kind => "kind".to_owned(),
            Field::Seat => "seat_iso3".to_owned(),
        }
    }

    /// The message for the API, in English.
    pub fn api_message(&self) -> String {
        let field = self.api_field();
        match self {
            Problem::NoName => {
                format!(
                    "{field}: give the organisation's name in at least one of ar, en, fr, es, ru, zh"
                )
            }
            Problem::NameTooLong { chars, .. } => {
                format!(
                    "{field}: a name is at most {MAX_NAME_CHARS} characters; this one has {chars}"
                )
            }
            Problem::NameControl { .. } => {
                format!("{field}: a name cannot contain control characters (line breaks, tabs, …)")
            }
            Problem::MissingKind => format!("{field}: give the kind of organisation: {}", kinds()),
            Problem::UnknownKind { value } => {
                format!(
                    "{field}: unknown organisation kind {value:?}; use one of {}",
                    kinds()
                )
            }
            Problem::UnknownSeat { value } => format!(
                "{field}: no State has the ISO 3166-1 alpha-3 code {value:?} (see /api/v1/states)"
            ),
        }
    }
}

fn kinds() -> String {
    OrganisationKind::ALL.map(|k| k.slug()).join(", ")
}

/// Checks everything at once, so the form can show every problem together.
pub fn validate(form: &OrganisationForm) -> Result<NewOrganisation, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut names = OrganisationNames::default();
    for lang in Lang::ALL {
        let name = form.name(lang).trim();
        if name.is_empty() {
            continue;
        }
        let chars = name.chars().count();
        if chars > MAX_NAME_CHARS {
            problems.push(Problem::NameTooLong { lang, chars });
            continue;
        }
        if name.chars().any(char::is_control) {
            problems.push(Problem::NameControl { lang });
            continue;
        }
        let slot = match lang {
            Lang::Ar => &mut names.ar,
            Lang::En => &mut names.en,
            Lang::Fr => &mut names.fr,
            Lang::Es => &mut names.es,
            Lang::Ru => &mut names.ru,
            Lang::Zh => &mut names.zh,
        };
        *slot = Some(name.to_owned());
    }
    let any_name = Lang::ALL.iter().any(|l| !form.name(*l).trim().is_empty());
    if !any_name {
        problems.push(Problem::NoName);
    }

    let kind = form.kind.trim();
    let kind = if kind.is_empty() {
        problems.push(Problem::MissingKind);
        None
    } else {
        match kind.parse::<OrganisationKind>() {
            Ok(kind) => Some(kind),
            Err(_) => {
                problems.push(Problem::UnknownKind {
                    value: kind.to_owned(),
                });
                None
            }
        }
    };

    let seat = form.seat.trim();
    let seat_iso3 = if seat.is_empty() {
        None
    } else {
        match known_state(seat) {
            Some(state) => Some(state.iso3.to_owned()),
            None => {
                problems.push(Problem::UnknownSeat {
                    value: seat.to_owned(),
                });
                None
            }
        }
    };

    match kind {
        Some(kind) if problems.is_empty() => Ok(NewOrganisation {
            names,
            kind: kind.slug().to_owned(),
            seat_iso3,
        }),
        _ => Err(problems),
    }
}

/// The State with this ISO3 code (any case), if the platform knows it.
pub fn known_state(code: &str) -> Option<&'static taawun_states::State> {
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| taawun_states::by_iso3(code))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name_en: &str, kind: &str, seat: &str) -> OrganisationForm {
        OrganisationForm {
            name_en: name_en.into(),
            kind: kind.into(),
            seat: seat.into(),
            ..OrganisationForm::default()
        }
    }

    #[test]
    fn a_complete_form_becomes_a_new_organisation() {
        let mut f = form("  Qatar National Human Rights Committee ", "nhri", "qat");
        f.name_ar = "اللجنة الوطنية لحقوق الإنسان".into();
        f.name_fr = "   ".into();
        let new = validate(&f).unwrap();
        assert_eq!(
            new,
            NewOrganisation {
                names: OrganisationNames {
                    ar: Some("اللجنة الوطنية لحقوق الإنسان".into()),
                    en: Some("Qatar National Human Rights Committee".into()),
                    ..OrganisationNames::default()
                },
                kind: "nhri".into(),
                seat_iso3: Some("QAT".into()),
            }
        );
    }

    #[test]
    fn the_seat_is_optional_and_any_one_name_is_enough() {
        let f = OrganisationForm {
            name_zh: "联合国开发计划署".into(),
            kind: "un-entity".into(),
            ..OrganisationForm::default()
        };
        let new = validate(&f).unwrap();
        assert_eq!(new.seat_iso3, None);
        assert_eq!(new.names.zh.as_deref(), Some("联合国开发计划署"));
        assert_eq!(new.names.en, None);
    }

    #[test]
    fn every_kind_slug_is_accepted() {
        for kind in OrganisationKind::ALL {
            assert_eq!(
                validate(&form("X", kind.slug(), "")).unwrap().kind,
                kind.slug()
            );
        }
    }

    #[test]
    fn no_name_at_all_is_refused() {
        let problems = validate(&form("  ", "nhri", "")).unwrap_err();
        assert_eq!(problems, vec![Problem::NoName]);
        assert_eq!(problems[0].field(), Field::Names);
        assert_eq!(problems[0].api_field(), "names");
    }

    #[test]
    fn names_longer_than_the_limit_are_refused() {
        let exactly = "م".repeat(MAX_NAME_CHARS);
        let f = OrganisationForm {
            name_ar: exactly.clone(),
            kind: "civil-society".into(),
            ..OrganisationForm::default()
        };
        assert_eq!(validate(&f).unwrap().names.ar, Some(exactly));

        let f = OrganisationForm {
            name_ar: "م".repeat(MAX_NAME_CHARS + 1),
            kind: "civil-society".into(),
            ..OrganisationForm::default()
        };
        let problems = validate(&f).unwrap_err();
        assert_eq!(
            problems,
            vec![Problem::NameTooLong {
                lang: Lang::Ar,
                chars: MAX_NAME_CHARS + 1
            }]
        );
        assert_eq!(problems[0].field(), Field::Name(Lang::Ar));
        assert_eq!(problems[0].api_field(), "names.ar");
        assert!(problems[0].api_message().contains("300"));
    }

    #[test]
    fn control_characters_in_names_are_refused() {
        let problems = validate(&form("Line\nbreak", "nhri", "")).unwrap_err();
        assert_eq!(problems, vec![Problem::NameControl { lang: Lang::En }]);
    }

    #[test]
    fn kind_must_be_given_and_known() {
        assert_eq!(
            validate(&form("X", "", "")).unwrap_err(),
            vec![Problem::MissingKind]
        );
        let problems = validate(&form("X", "ngo", "")).unwrap_err();
        assert_eq!(
            problems,
            vec![Problem::UnknownKind {
                value: "ngo".into()
            }]
        );
        assert_eq!(problems[0].api_field(), "kind");
        assert!(problems[0].api_message().contains("civil-society"));
        // Slugs are exact.
        assert!(validate(&form("X", "NHRI", "")).is_err());
    }

    #[test]
    fn seat_must_be_a_known_iso3() {
        assert_eq!(
            validate(&form("X", "nhri", " fra "))
                .unwrap()
                .seat_iso3
                .as_deref(),
            Some("FRA")
        );
        for bad in ["XXX", "FR", "FRAN", "12 ", "ÉTA"] {
            let problems = validate(&form("X", "nhri", bad)).unwrap_err();
            assert_eq!(
                problems,
                vec![Problem::UnknownSeat {
                    value: bad.trim().into()
                }],
                "{bad:?}"
            );
            assert_eq!(problems[0].api_field(), "seat_iso3");
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let f = OrganisationForm {
            name_fr: "a".repeat(MAX_NAME_CHARS + 5),
            kind: "king".into(),
            seat: "ZZZ".into(),
            ..OrganisationForm::default()
        };
        let fields: Vec<Field> = validate(&f)
            .unwrap_err()
            .iter()
            .map(Problem::field)
            .collect();
        assert_eq!(
            fields,
            vec![Field::Name(Lang::Fr), Field::Kind, Field::Seat]
        );
    }

    #[test]
    fn problems_have_messages_in_english_and_arabic() {
        let problems = [
            Problem::NoName,
            Problem::NameTooLong {
                lang: Lang::Ru,
                chars: 301,
            },
            Problem::NameControl { lang: Lang::Zh },
            Problem::MissingKind,
            Problem::UnknownKind {
                value: "ngo".into(),
            },
            Problem::UnknownSeat {
                value: "ZZZ".into(),
            },
        ];
        for problem in &problems {
            for lang in [Lang::En, Lang::Ar] {
                let message = problem.message(lang);
                assert!(
                    !message.is_empty() && !message.contains("Unknown localization"),
                    "{message}"
                );
            }
        }
        assert!(
            problems[1].message(Lang::En).contains("Russian"),
            "{}",
            problems[1].message(Lang::En)
        );
        assert!(
            problems[1].message(Lang::Ar).contains("الروسية"),
            "{}",
            problems[1].message(Lang::Ar)
        );
    }

    #[test]
    fn a_record_fills_the_form_back() {
        let record = OrganisationRecord {
            id: 3,
            names: OrganisationNames {
                en: Some("Council of Europe".into()),
                fr: Some("Conseil de l'Europe".into()),
                ..OrganisationNames::default()
            },
            kind: "regional-organisation".into(),
            seat_iso3: Some("FRA".into()),
            created_at: 0,
            updated_at: 0,
        };
        let f = OrganisationForm::from_record(&record);
        assert_eq!(f.name(Lang::Fr), "Conseil de l'Europe");
        assert_eq!(f.name(Lang::Ar), "");
        let new = validate(&f).unwrap();
        assert_eq!(new.names, record.names);
        assert_eq!(new.kind, record.kind);
        assert_eq!(new.seat_iso3, record.seat_iso3);
    }
}
