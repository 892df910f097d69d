//! The regional seminars of resolution 56/2 (op. 30): a seminar and its agenda, who registers
//! and whom the secretariat admits, what participants bring (challenges, gaps, good practices)
//! and the rapporteur's notes of each agenda item.
//!
//! Days are UTC days: a deadline of 15 March accepts a registration made at 23:59 UTC on
//! 15 March. The platform serves every time zone, and one rule the secretariat can state
//! ("until the end of the day, UTC") is clearer than a rule that depends on the reader.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::field::{self, Errors, FieldError, LONG, MAX_ITEMS, SHORT, Theme, parse_vocabulary};
use crate::vocab::{Region, Role, vocabulary};

vocabulary! {
    /// Who a participant is, as the resolution lists the stakeholders of cooperation.
    pub enum StakeholderType {
        State => "state",
        UnEntity => "un-entity",
        RegionalOrganisation => "regional-organisation",
        InternationalOrganisation => "international-organisation",
        /// A national human rights institution.
        Nhri => "nhri",
        CivilSociety => "civil-society",
    }
}

vocabulary! {
    /// How a seminar is held.
    pub enum VenueKind {
        InPerson => "in-person",
        Online => "online",
        Hybrid => "hybrid",
    }
}

vocabulary! {
    /// What a participant's input is about (op. 30: "challenges, gaps and good practices").
    pub enum InputKind {
        Challenge => "challenge",
        Gap => "gap",
        GoodPractice => "good-practice",
    }
}

vocabulary! {
    /// Where a registration stands.
    pub enum RegistrationStatus {
        Pending => "pending",
        Approved => "approved",
        Declined => "declined",
    }
}

/// Where a seminar is held: a place, online, or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "place", rename_all = "kebab-case")]
pub enum Venue {
    InPerson(String),
    Online,
    Hybrid(String),
}

impl Venue {
    pub fn kind(&self) -> VenueKind {
        match self {
            Venue::InPerson(_) => VenueKind::InPerson,
            Venue::Online => VenueKind::Online,
            Venue::Hybrid(_) => VenueKind::Hybrid,
        }
    }

    pub fn place(&self) -> Option<&str> {
        match self {
            Venue::InPerson(place) | Venue::Hybrid(place) => Some(place),
            Venue::Online => None,
        }
    }
}

/// A seminar's form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeminarDraft {
    pub title: String,
    /// A regional group's slug, or `other`.
    pub region: String,
    /// `YYYY-MM-DD`, as every date below.
    pub start: String,
    pub end: String,
    pub registration_opens: String,
    pub registration_deadline: String,
    /// A [`VenueKind`] slug.
    pub venue: String,
    /// The city and building; required unless the seminar is online.
    pub place: String,
    /// The agenda items' titles, in order; they are numbered from 1.
    pub agenda: Vec<String>,
}

/// An agenda item: its number (from 1) and title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub number: u32,
    pub title: String,
}

/// A seminar. `id` is the store's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seminar {
    pub id: i64,
    pub title: String,
    /// One of the five regional groups, or [`Region::Other`]; never [`Region::Global`].
    pub region: Region,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub registration_opens: NaiveDate,
    /// The last day registrations are taken (inclusive, UTC).
    pub registration_deadline: NaiveDate,
    pub venue: Venue,
    pub agenda: Vec<AgendaItem>,
}

impl SeminarDraft {
    /// The seminar, or every problem of the form. Dates must follow each other: registration
    /// opens, then closes no later than the seminar starts, which ends no earlier than it
    /// starts. A seminar is regional: `global` is refused (the five regions of op. 30, or
    /// `other` for a seminar across groups).
    pub fn validate(&self, id: i64) -> Result<Seminar, Vec<FieldError>> {
        let mut e = Errors::default();
        let title = e.check("title", field::text(&self.title, SHORT));
        let region = e.check(
            "region",
            parse_vocabulary(&self.region, Region::parse, Region::slugs),
        );
        if region == Some(Region::Global) {
            e.push(
                "region",
                "not-a-seminar-region",
                "a seminar is held for one of the five regional groups, or for \"other\"",
            );
        }
        let start = e.check("start", field::date(&self.start));
        let end = e.check("end", field::date(&self.end));
        let opens = e.check("registration_opens", field::date(&self.registration_opens));
        let deadline = e.check(
            "registration_deadline",
            field::date(&self.registration_deadline),
        );
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            e.push(
                "end",
                "ends-before-start",
                format!("the seminar ends ({end}) before it starts ({start})"),
            );
        }
        if let (Some(deadline), Some(start)) = (deadline, start)
            && deadline > start
        {
            e.push(
                "registration_deadline",
                "deadline-after-start",
                format!("registration closes ({deadline}) after the seminar starts ({start})"),
            );
        }
        if let (Some(opens), Some(deadline)) = (opens, deadline)
            && opens > deadline
        {
            e.push(
                "registration_opens",
                "opens-after-deadline",
                format!("registration opens ({opens}) after it closes ({deadline})"),
            );
        }
        let kind = e.check(
            "venue",
            parse_vocabulary(&self.venue, VenueKind::parse, VenueKind::slugs),
        );
        let venue = match kind {
            Some(VenueKind::Online) => Some(Venue::Online),
            Some(kind) => e
                .check("place", field::text(&self.place, SHORT))
                .map(|place| {
                    if kind == VenueKind::Hybrid {
                        Venue::Hybrid(place)
                    } else {
                        Venue::InPerson(place)
                    }
                }),
            None => None,
        };
        let agenda = agenda(&mut e, &self.agenda);
        let seminar = (|| {
            Some(Seminar {
                id,
                title: title?,
                region: region?,
                start: start?,
                end: end?,
                registration_opens: opens?,
                registration_deadline: deadline?,
                venue: venue?,
                agenda,
            })
        })();
        e.finish(seminar)
    }
}

/// The agenda items, numbered from 1 in the order given. Two items may have the same title
/// ("Discussion"); a blank one is a problem, for it would shift the numbers of those after it.
fn agenda(e: &mut Errors, titles: &[String]) -> Vec<AgendaItem> {
    if titles.is_empty() {
        e.push("agenda", "required", "needs at least one entry");
    }
    if titles.len() > MAX_ITEMS {
        e.push(
            "agenda",
            "too-many",
            format!(
                "has {} items; at most {MAX_ITEMS} are accepted",
                titles.len()
            ),
        );
        return Vec::new();
    }
    (1..)
        .zip(titles)
        .filter_map(|(number, title)| {
            let title = e.check(format!("agenda[{}]", number - 1), field::text(title, SHORT))?;
            Some(AgendaItem { number, title })
        })
        .collect()
}

impl Seminar {
    pub fn agenda_item(&self, number: u32) -> Option<&AgendaItem> {
        self.agenda.iter().find(|a| a.number == number)
    }

    /// Whether the seminar has been held by `today`: it has ended, or ends today. The summary
    /// report draws on held seminars only; one still to come has registrations but no debate.
    pub fn is_held(&self, today: NaiveDate) -> bool {
        self.end <= today
    }
}

/// A registration's form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrationDraft {
    /// A [`StakeholderType`] slug.
    pub stakeholder_type: String,
    pub name: String,
    /// Required, except for civil society: a human rights defender may come in their own name.
    pub organisation: String,
    /// ISO3 code: required for a State's delegate, optional otherwise (where the organisation
    /// is based).
    pub state: String,
    pub email: String,
    /// Whether the person agrees to be named in the public list of participants.
    pub listed: bool,
}

/// The secretariat's decision on a registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationDecision {
    pub status: RegistrationStatus,
    /// The reason of a decline; `None` for an approval.
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

/// A registration. `id` is the store's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub id: i64,
    pub seminar_id: i64,
    pub stakeholder_type: StakeholderType,
    pub name: String,
    pub organisation: Option<String>,
    pub state: Option<String>,
    /// Lower-cased: two registrations are the same person when their addresses are.
    pub email: String,
    pub listed: bool,
    pub registered_at: DateTime<Utc>,
    pub status: RegistrationStatus,
    pub decision: Option<RegistrationDecision>,
}

/// Why a registration was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegistrationRefusal {
    #[error("registration for this seminar opens on {opens}")]
    NotOpen { opens: NaiveDate },
    #[error("registration for this seminar closed on {deadline} (the deadline)")]
    DeadlinePassed { deadline: NaiveDate },
    #[error("{email} is already registered for this seminar")]
    Duplicate { email: String },
    #[error("the registration has problems: {}", join(.0))]
    Invalid(Vec<FieldError>),
}

/// Why a registration decision was refused. Nothing changes when one is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecisionRefusal {
    #[error("registrations are decided by the secretariat, not the {0}")]
    WrongRole(Role),
    #[error("a decision is to approve or decline; \"{0}\" is neither")]
    NotADecision(RegistrationStatus),
    #[error("the registration was already {0}")]
    AlreadyDecided(RegistrationStatus),
    #[error("declining a registration needs a reason")]
    ReasonMissing,
}

pub(crate) fn join(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A new registration for `seminar` at `at`, pending the secretariat's decision; `existing`
/// are the registrations stored so far (of this seminar; others are ignored).
///
/// Refused outside the registration period (the error says the deadline), when the form has
/// problems, and when the address is already registered for the seminar (compared without
/// case, whatever the earlier registration's status: a declined person asks the secretariat
/// rather than registering again).
pub fn register(
    seminar: &Seminar,
    existing: &[Registration],
    draft: &RegistrationDraft,
    id: i64,
    at: DateTime<Utc>,
) -> Result<Registration, RegistrationRefusal> {
    let day = at.date_naive();
    if day < seminar.registration_opens {
        return Err(RegistrationRefusal::NotOpen {
            opens: seminar.registration_opens,
        });
    }
    if day > seminar.registration_deadline {
        return Err(RegistrationRefusal::DeadlinePassed {
            deadline: seminar.registration_deadline,
        });
    }
    let mut e = Errors::default();
    let kind = e.check(
        "stakeholder_type",
        parse_vocabulary(
            &draft.stakeholder_type,
            StakeholderType::parse,
            StakeholderType::slugs,
        ),
    );
    let name = e.check("name", field::text(&draft.name, SHORT));
    let organisation = if kind == Some(StakeholderType::CivilSociety) {
        e.check(
            "organisation",
            field::optional_text(&draft.organisation, SHORT),
        )
    } else {
        e.check("organisation", field::text(&draft.organisation, SHORT))
            .map(Some)
    };
    let state = if kind == Some(StakeholderType::State) {
        e.check("state", field::state_code(&draft.state)).map(Some)
    } else {
        e.check("state", field::optional(&draft.state, field::state_code))
    };
    let email = e.check("email", field::email(&draft.email));
    let registration = (|| {
        Some(Registration {
            id,
            seminar_id: seminar.id,
            stakeholder_type: kind?,
            name: name?,
            organisation: organisation?,
            state: state?.map(str::to_owned),
            email: email?,
            listed: draft.listed,
            registered_at: at,
            status: RegistrationStatus::Pending,
            decision: None,
        })
    })();
    let registration = e
        .finish(registration)
        .map_err(RegistrationRefusal::Invalid)?;
    if existing
        .iter()
        .any(|r| r.seminar_id == seminar.id && r.email.to_lowercase() == registration.email)
    {
        return Err(RegistrationRefusal::Duplicate {
            email: registration.email,
        });
    }
    Ok(registration)
}

impl Registration {
    /// The secretariat approves or declines a pending registration (`decision` is
    /// [`RegistrationStatus::Approved`] or [`RegistrationStatus::Declined`]); a decline says
    /// why, for the person is owed the reason. A decision is taken once: a change of mind is a
    /// matter for the secretariat's own records, not a second decision that would silently
    /// remove someone from the list.
    pub fn decide(
        &mut self,
        role: Role,
        decision: RegistrationStatus,
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<(), DecisionRefusal> {
        if role != Role::Secretariat {
            return Err(DecisionRefusal::WrongRole(role));
        }
        if decision == RegistrationStatus::Pending {
            return Err(DecisionRefusal::NotADecision(decision));
        }
        if self.status != RegistrationStatus::Pending {
            return Err(DecisionRefusal::AlreadyDecided(self.status));
        }
        let reason = reason.trim();
        if decision == RegistrationStatus::Declined && reason.is_empty() {
            return Err(DecisionRefusal::ReasonMissing);
        }
        self.status = decision;
        self.decision = Some(RegistrationDecision {
            status: decision,
            reason: (!reason.is_empty()).then(|| reason.to_owned()),
            at,
        });
        Ok(())
    }

    pub fn is_approved(&self) -> bool {
        self.status == RegistrationStatus::Approved
    }
}

/// A participant as the public list shows them: never their e-mail address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicParticipant {
    pub name: String,
    pub organisation: Option<String>,
    pub state: Option<String>,
    pub stakeholder_type: StakeholderType,
}

/// The public list of participants: approved registrations whose people agreed to be listed,
/// in the order given.
pub fn public_participants(registrations: &[Registration]) -> Vec<PublicParticipant> {
    registrations
        .iter()
        .filter(|r| r.is_approved() && r.listed)
        .map(|r| PublicParticipant {
            name: r.name.clone(),
            organisation: r.organisation.clone(),
            state: r.state.clone(),
            stakeholder_type: r.stakeholder_type,
        })
        .collect()
}

/// An input's form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InputDraft {
    /// An [`InputKind`] slug.
    pub kind: String,
    pub theme: String,
    /// The agenda item's number; blank when the input is about the seminar as a whole.
    pub agenda_item: String,
    pub text: String,
    /// Whether the input may be published. Must be stated: `None` (the question left
    /// unanswered) is refused rather than taken as either answer.
    pub publish: Option<bool>,
    /// Whether it may be quoted with the participant's name and organisation. Unanswered is
    /// taken as no: nobody is named without having said yes.
    pub quote: Option<bool>,
}

/// A participant's input. `id` is the store's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    pub id: i64,
    pub seminar_id: i64,
    /// The registration of the participant who gave it.
    pub registration_id: i64,
    pub kind: InputKind,
    pub theme: Theme,
    pub agenda_item: Option<u32>,
    pub text: String,
    pub publish: bool,
    /// Never true without `publish`.
    pub quote: bool,
    pub at: DateTime<Utc>,
}

/// Why an input was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InputRefusal {
    #[error("inputs are given by the seminar's approved participants")]
    NotAParticipant,
    #[error("inputs are taken from {opens}, when registration opens")]
    TooEarly { opens: NaiveDate },
    #[error("the seminar ended on {end}; inputs are no longer taken")]
    SeminarEnded { end: NaiveDate },
    #[error("the input has problems: {}", join(.0))]
    Invalid(Vec<FieldError>),
}

/// A participant's input to `seminar` at `at`: from the day registration opens to the
/// seminar's last day, by a participant whose registration for this seminar was approved.
pub fn submit_input(
    seminar: &Seminar,
    participant: &Registration,
    draft: &InputDraft,
    id: i64,
    at: DateTime<Utc>,
) -> Result<Input, InputRefusal> {
    if participant.seminar_id != seminar.id || !participant.is_approved() {
        return Err(InputRefusal::NotAParticipant);
    }
    let day = at.date_naive();
    if day < seminar.registration_opens {
        return Err(InputRefusal::TooEarly {
            opens: seminar.registration_opens,
        });
    }
    if day > seminar.end {
        return Err(InputRefusal::SeminarEnded { end: seminar.end });
    }
    let mut e = Errors::default();
    let kind = e.check(
        "kind",
        parse_vocabulary(&draft.kind, InputKind::parse, InputKind::slugs),
    );
    let theme = e.check("theme", Theme::parse(&draft.theme));
    let agenda_item = e.check(
        "agenda_item",
        field::optional(&draft.agenda_item, |n| agenda_number(seminar, n)),
    );
    let text = e.check("text", field::text(&draft.text, LONG));
    if draft.publish.is_none() {
        e.push(
            "publish",
            "consent-not-stated",
            "say whether the input may be published (yes or no)",
        );
    }
    let publish = draft.publish.unwrap_or(false);
    let quote = draft.quote.unwrap_or(false);
    if quote && draft.publish == Some(false) {
        e.push(
            "quote",
            "quote-without-publication",
            "an input can be quoted with attribution only if it may be published",
        );
    }
    let input = (|| {
        Some(Input {
            id,
            seminar_id: seminar.id,
            registration_id: participant.id,
            kind: kind?,
            theme: theme?,
            agenda_item: agenda_item?,
            text: text?,
            publish,
            quote,
            at,
        })
    })();
    e.finish(input).map_err(InputRefusal::Invalid)
}

/// The number of one of the seminar's agenda items.
fn agenda_number(seminar: &Seminar, text: &str) -> Result<u32, field::Problem> {
    let number = text.trim();
    let parsed = (number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit()))
        .then(|| number.parse::<u32>().ok())
        .flatten();
    match parsed {
        Some(n) if seminar.agenda_item(n).is_some() => Ok(n),
        _ => Err(field::Problem {
            code: "no-such-agenda-item",
            message: format!(
                "{} is not an item of the agenda (1 to {})",
                field::quoted(text),
                seminar.agenda.len()
            ),
        }),
    }
}

/// One version of the rapporteur's notes of an agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
    pub author: String,
    pub role: Role,
    pub at: DateTime<Utc>,
}

/// The rapporteur's notes of one agenda item: every version, the current one last. A new text
/// replaces the current one without losing it, so the summary report can say what was noted
/// on the day and what was corrected later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaNotes {
    pub seminar_id: i64,
    pub agenda_item: u32,
    pub versions: Vec<Note>,
}

/// Why notes were refused. Nothing changes when they are.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoteRefusal {
    #[error("notes are kept by the rapporteur or the secretariat, not the {0}")]
    WrongRole(Role),
    #[error("the seminar has no agenda item {0}")]
    NoSuchAgendaItem(u32),
    #[error("these notes are of another seminar")]
    OtherSeminar,
    #[error("the notes have problems: {}", join(.0))]
    Invalid(Vec<FieldError>),
}

impl AgendaNotes {
    /// No notes yet for `agenda_item` of `seminar`; refused when the agenda has no such item.
    pub fn new(seminar: &Seminar, agenda_item: u32) -> Result<AgendaNotes, NoteRefusal> {
        if seminar.agenda_item(agenda_item).is_none() {
            return Err(NoteRefusal::NoSuchAgendaItem(agenda_item));
        }
        Ok(AgendaNotes {
            seminar_id: seminar.id,
            agenda_item,
            versions: Vec::new(),
        })
    }

    pub fn current(&self) -> Option<&Note> {
        self.versions.last()
    }

    /// Replaces the notes with `text`, keeping the earlier versions.
    pub fn replace(
        &mut self,
        seminar: &Seminar,
        role: Role,
        author: &str,
        text: &str,
        at: DateTime<Utc>,
    ) -> Result<(), NoteRefusal> {
        if !matches!(role, Role::Rapporteur | Role::Secretariat) {
            return Err(NoteRefusal::WrongRole(role));
        }
        if seminar.id != self.seminar_id {
            return Err(NoteRefusal::OtherSeminar);
        }
        if seminar.agenda_item(self.agenda_item).is_none() {
            return Err(NoteRefusal::NoSuchAgendaItem(self.agenda_item));
        }
        let mut e = Errors::default();
        let author = e.check("author", field::text(author, SHORT));
        let text = e.check("text", field::text(text, LONG * 5));
        let note = (|| {
            Some(Note {
                text: text?,
                author: author?,
                role,
                at,
            })
        })();
        let note = e.finish(note).map_err(NoteRefusal::Invalid)?;
        self.versions.push(note);
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;
    use taawun_states::RegionalGroup;

    pub fn day(m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, 12, 0, 0).unwrap()
    }

    pub fn seminar_draft() -> SeminarDraft {
        SeminarDraft {
            title: "Regional seminar for Africa".into(),
            region: "african".into(),
            start: "2026-05-10".into(),
            end: "2026-05-11".into(),
            registration_opens: "2026-03-01".into(),
            registration_deadline: "2026-04-30".into(),
            venue: "hybrid".into(),
            place: "Addis Ababa, UNECA".into(),
            agenda: vec![
                "Opening".into(),
                "Challenges and gaps".into(),
                "Good practices".into(),
            ],
        }
    }

    pub fn seminar() -> Seminar {
        seminar_draft().validate(1).unwrap()
    }

    pub fn registration_draft(email: &str) -> RegistrationDraft {
        RegistrationDraft {
            stakeholder_type: "state".into(),
            name: "Amina Diallo".into(),
            organisation: "Ministry of Justice".into(),
            state: "SEN".into(),
            email: email.into(),
            listed: true,
        }
    }

    pub fn approved(id: i64, email: &str) -> Registration {
        let mut r = register(&seminar(), &[], &registration_draft(email), id, day(4, 1)).unwrap();
        r.decide(
            Role::Secretariat,
            RegistrationStatus::Approved,
            "",
            day(4, 2),
        )
        .unwrap();
        r
    }

    pub fn input_draft(kind: &str, theme: &str) -> InputDraft {
        InputDraft {
            kind: kind.into(),
            theme: theme.into(),
            agenda_item: "2".into(),
            text: "Courts are far from rural areas.".into(),
            publish: Some(true),
            quote: Some(false),
        }
    }

    #[test]
    fn a_seminar_validates_with_its_numbered_agenda() {
        let s = seminar();
        assert_eq!(s.region, Region::Group(RegionalGroup::African));
        assert_eq!(s.venue, Venue::Hybrid("Addis Ababa, UNECA".into()));
        assert_eq!(s.agenda[2].number, 3);
        assert_eq!(s.agenda_item(2).unwrap().title, "Challenges and gaps");
        let mut online = seminar_draft();
        online.venue = "online".into();
        online.place.clear();
        assert_eq!(online.validate(2).unwrap().venue, Venue::Online);
    }

    #[test]
    fn a_seminar_with_dates_out_of_order_names_each() {
        let mut d = seminar_draft();
        d.region = "global".into();
        d.end = "2026-05-09".into();
        d.registration_deadline = "2026-05-12".into();
        d.registration_opens = "2026-06-01".into();
        d.venue = "in-person".into();
        d.place = " ".into();
        d.agenda.clear();
        let errors: Vec<String> = d
            .validate(1)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            errors,
            [
                "region: a seminar is held for one of the five regional groups, or for \"other\"",
                "end: the seminar ends (2026-05-09) before it starts (2026-05-10)",
                "registration_deadline: registration closes (2026-05-12) after the seminar starts (2026-05-10)",
                "registration_opens: registration opens (2026-06-01) after it closes (2026-05-12)",
                "place: is required",
                "agenda: needs at least one entry",
            ]
        );
    }

    #[test]
    fn registration_is_taken_until_the_deadline_and_once_per_address() {
        let s = seminar();
        let first = register(
            &s,
            &[],
            &registration_draft("a.diallo@justice.sn"),
            1,
            day(4, 30),
        )
        .unwrap();
        assert_eq!(first.status, RegistrationStatus::Pending);
        assert_eq!(first.state.as_deref(), Some("SEN"));
        let late = register(&s, &[], &registration_draft("b@x.org"), 2, day(5, 1)).unwrap_err();
        assert_eq!(
            late.to_string(),
            "registration for this seminar closed on 2026-04-30 (the deadline)"
        );
        let early = register(&s, &[], &registration_draft("b@x.org"), 2, day(2, 28)).unwrap_err();
        assert_eq!(
            early.to_string(),
            "registration for this seminar opens on 2026-03-01"
        );
        let again = register(
            &s,
            std::slice::from_ref(&first),
            &registration_draft(" A.Diallo@Justice.SN"),
            3,
            day(4, 2),
        );
        assert_eq!(
            again,
            Err(RegistrationRefusal::Duplicate {
                email: "a.diallo@justice.sn".into()
            })
        );
        // The same address may register for another seminar.
        let other = Seminar { id: 9, ..s.clone() };
        assert!(
            register(
                &other,
                &[first],
                &registration_draft("a.diallo@justice.sn"),
                4,
                day(4, 2)
            )
            .is_ok()
        );
    }

    #[test]
    fn a_states_delegate_names_the_state_and_civil_society_may_come_alone() {
        let s = seminar();
        let mut d = registration_draft("x@y.org");
        d.state = "".into();
        let Err(RegistrationRefusal::Invalid(errors)) = register(&s, &[], &d, 1, day(4, 1)) else {
            panic!("a State's delegate without a State was taken");
        };
        assert_eq!(errors[0].to_string(), "state: is required");
        let mut defender = registration_draft("x@y.org");
        defender.stakeholder_type = "civil-society".into();
        defender.organisation = "".into();
        defender.state = "".into();
        let r = register(&s, &[], &defender, 1, day(4, 1)).unwrap();
        assert_eq!((r.organisation, r.state), (None, None));
    }

    #[test]
    fn the_secretariat_decides_and_a_decline_says_why() {
        let s = seminar();
        let mut r = register(&s, &[], &registration_draft("x@y.org"), 1, day(4, 1)).unwrap();
        let pending = r.clone();
        assert_eq!(
            r.decide(Role::Submitter, RegistrationStatus::Approved, "", day(4, 2)),
            Err(DecisionRefusal::WrongRole(Role::Submitter))
        );
        assert_eq!(
            r.decide(
                Role::Secretariat,
                RegistrationStatus::Declined,
                " ",
                day(4, 2)
            ),
            Err(DecisionRefusal::ReasonMissing)
        );
        assert_eq!(r, pending);
        r.decide(
            Role::Secretariat,
            RegistrationStatus::Declined,
            "Seats are full.",
            day(4, 2),
        )
        .unwrap();
        assert_eq!(
            r.decision.as_ref().unwrap().reason.as_deref(),
            Some("Seats are full.")
        );
        assert_eq!(
            r.decide(
                Role::Secretariat,
                RegistrationStatus::Approved,
                "",
                day(4, 3)
            ),
            Err(DecisionRefusal::AlreadyDecided(
                RegistrationStatus::Declined
            ))
        );
    }

    #[test]
    fn the_public_list_has_approved_consenting_participants_only() {
        let listed = approved(1, "a@x.org");
        let mut unlisted = approved(2, "b@x.org");
        unlisted.listed = false;
        let pending = register(
            &seminar(),
            &[],
            &registration_draft("c@x.org"),
            3,
            day(4, 1),
        )
        .unwrap();
        let public = public_participants(&[listed, unlisted, pending]);
        assert_eq!(public.len(), 1);
        assert_eq!(public[0].name, "Amina Diallo");
    }

    #[test]
    fn inputs_come_from_approved_participants_during_the_window() {
        let s = seminar();
        let p = approved(1, "a@x.org");
        let input = submit_input(
            &s,
            &p,
            &input_draft("gap", " Access to Justice "),
            10,
            day(5, 11),
        )
        .unwrap();
        assert_eq!(input.theme.key, "access to justice");
        assert_eq!(input.theme.label, "Access to Justice");
        assert_eq!(input.agenda_item, Some(2));
        assert_eq!(
            submit_input(&s, &p, &input_draft("gap", "x"), 11, day(5, 12)),
            Err(InputRefusal::SeminarEnded { end: s.end })
        );
        assert!(matches!(
            submit_input(&s, &p, &input_draft("gap", "x"), 11, day(2, 1)),
            Err(InputRefusal::TooEarly { .. })
        ));
        let pending = register(&s, &[], &registration_draft("c@x.org"), 3, day(4, 1)).unwrap();
        assert_eq!(
            submit_input(&s, &pending, &input_draft("gap", "x"), 11, day(5, 10)),
            Err(InputRefusal::NotAParticipant)
        );
    }

    #[test]
    fn an_input_states_its_consent_and_names_an_existing_agenda_item() {
        let s = seminar();
        let p = approved(1, "a@x.org");
        let mut d = input_draft("lesson", "");
        d.agenda_item = "4".into();
        d.publish = None;
        d.text = "".into();
        let Err(InputRefusal::Invalid(errors)) = submit_input(&s, &p, &d, 1, day(5, 10)) else {
            panic!("a wrong input was taken");
        };
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "kind: \"lesson\" is not one of challenge, gap, good-practice",
                "theme: is required",
                "agenda_item: \"4\" is not an item of the agenda (1 to 3)",
                "text: is required",
                "publish: say whether the input may be published (yes or no)",
            ]
        );
        let mut quote_unpublished = input_draft("gap", "x");
        quote_unpublished.publish = Some(false);
        quote_unpublished.quote = Some(true);
        let Err(InputRefusal::Invalid(errors)) =
            submit_input(&s, &p, &quote_unpublished, 1, day(5, 10))
        else {
            panic!("a quote of an unpublished input was taken");
        };
        assert_eq!(errors[0].field, "quote");
        let mut unanswered_quote = input_draft("gap", "x");
        unanswered_quote.quote = None;
        assert!(
            !submit_input(&s, &p, &unanswered_quote, 1, day(5, 10))
                .unwrap()
                .quote
        );
    }

    #[test]
    fn notes_are_replaced_and_their_history_kept() {
        let s = seminar();
        let mut notes = AgendaNotes::new(&s, 2).unwrap();
        assert_eq!(
            AgendaNotes::new(&s, 4),
            Err(NoteRefusal::NoSuchAgendaItem(4))
        );
        notes
            .replace(
                &s,
                Role::Rapporteur,
                "R. Mensah",
                "First notes.",
                day(5, 10),
            )
            .unwrap();
        notes
            .replace(
                &s,
                Role::Rapporteur,
                "R. Mensah",
                "Corrected notes.",
                day(5, 12),
            )
            .unwrap();
        assert_eq!(
            notes.replace(&s, Role::Submitter, "X", "Mine.", day(5, 12)),
            Err(NoteRefusal::WrongRole(Role::Submitter))
        );
        assert!(matches!(
            notes.replace(&s, Role::Rapporteur, "", "", day(5, 12)),
            Err(NoteRefusal::Invalid(errors)) if errors.len() == 2
        ));
        assert_eq!(notes.current().unwrap().text, "Corrected notes.");
        assert_eq!(notes.versions.len(), 2);
    }

    #[test]
    fn records_serialise_with_slugs_and_read_back() {
        let s = seminar();
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["region"], "african");
        assert_eq!(
            json["venue"],
            serde_json::json!({"kind": "hybrid", "place": "Addis Ababa, UNECA"})
        );
        assert_eq!(serde_json::from_value::<Seminar>(json).unwrap(), s);
        let p = approved(1, "a@x.org");
        let input = submit_input(
            &s,
            &p,
            &input_draft("good-practice", " Legal  Aid "),
            3,
            day(5, 10),
        )
        .unwrap();
        let json = serde_json::to_value(&input).unwrap();
        assert_eq!(json["kind"], "good-practice");
        // A stored key that disagrees with its label is computed again.
        let mut tampered = json.clone();
        tampered["theme"]["key"] = "something else".into();
        assert_eq!(serde_json::from_value::<Input>(tampered).unwrap(), input);
        assert_eq!(serde_json::to_value(&p).unwrap()["status"], "approved");
    }

    proptest! {
        #[test]
        fn seminar_forms_never_panic(fields in prop::collection::vec("\\PC{0,24}", 8), agenda in prop::collection::vec("\\PC{0,10}", 0..5)) {
            let d = SeminarDraft {
                title: fields[0].clone(),
                region: fields[1].clone(),
                start: fields[2].clone(),
                end: fields[3].clone(),
                registration_opens: fields[4].clone(),
                registration_deadline: fields[5].clone(),
                venue: fields[6].clone(),
                place: fields[7].clone(),
                agenda,
            };
            if let Ok(s) = d.validate(1) {
                prop_assert!(s.registration_opens <= s.registration_deadline);
                prop_assert!(s.registration_deadline <= s.start && s.start <= s.end);
            }
        }

        #[test]
        fn registration_and_input_forms_never_panic(
            fields in prop::collection::vec("\\PC{0,24}", 9),
            flags in prop::collection::vec(prop::option::of(any::<bool>()), 2),
            listed in any::<bool>(),
        ) {
            let s = seminar();
            let d = RegistrationDraft {
                stakeholder_type: fields[0].clone(),
                name: fields[1].clone(),
                organisation: fields[2].clone(),
                state: fields[3].clone(),
                email: fields[4].clone(),
                listed,
            };
            let _ = register(&s, &[], &d, 1, day(4, 1));
            let p = approved(1, "a@x.org");
            let input = InputDraft {
                kind: fields[5].clone(),
                theme: fields[6].clone(),
                agenda_item: fields[7].clone(),
                text: fields[8].clone(),
                publish: flags[0],
                quote: flags[1],
            };
            if let Ok(i) = submit_input(&s, &p, &input, 1, day(5, 10)) {
                prop_assert!(!i.quote || i.publish);
                prop_assert!(flags[0].is_some());
            }
        }
    }
}
