//! The regional seminars of resolution 56/2 (op. 30): `/seminars` (every seminar, by start),
//! a seminar's page (agenda and the rapporteur's notes, the public list of participants, the
//! published inputs; registration and inputs for signed-in participants; the secretariat's
//! decisions and notes), the secretariat's form; the same through `/api/v1/seminars…`.

pub mod api;
pub mod pages;

use taawun_cooperation::Region;
use taawun_cooperation::seminar::{InputKind, RegistrationStatus, StakeholderType, VenueKind};
use taawun_policy::{Action, Resource};
use taawun_store::StoreError;
use taawun_store::cooperation::{RegistrationRow, SeminarRow};

use crate::AppState;
use crate::auth::{Principal, Routes};
use crate::i18n::Lang;

pub fn routes() -> Routes {
    Routes::new()
        .public("/seminars", pages::list)
        .get(
            "/seminars/new",
            Action::Create,
            Resource::CouncilRecords,
            pages::new_seminar,
        )
        .post(
            "/seminars",
            Action::Create,
            Resource::CouncilRecords,
            pages::create_seminar,
        )
        .public("/seminars/{id}", pages::show)
        .post(
            "/seminars/{id}/registrations",
            Action::Create,
            Resource::Participation,
            pages::register,
        )
        .post(
            "/seminars/{id}/inputs",
            Action::Create,
            Resource::Participation,
            pages::submit_input,
        )
        .post(
            "/seminars/{id}/decisions",
            Action::Update,
            Resource::CouncilRecords,
            pages::decide,
        )
        .post(
            "/seminars/{id}/notes",
            Action::Update,
            Resource::CouncilRecords,
            pages::replace_notes,
        )
        .public("/api/v1/seminars", api::list)
        .post(
            "/api/v1/seminars",
            Action::Create,
            Resource::CouncilRecords,
            api::create,
        )
        .public("/api/v1/seminars/{id}", api::get)
        .post(
            "/api/v1/seminars/{id}/registrations",
            Action::Create,
            Resource::Participation,
            api::register,
        )
        .post(
            "/api/v1/seminars/{id}/inputs",
            Action::Create,
            Resource::Participation,
            api::submit_input,
        )
        .post(
            "/api/v1/seminar-registrations/{id}/decision",
            Action::Update,
            Resource::CouncilRecords,
            api::decide,
        )
        .put(
            "/api/v1/seminars/{id}/notes/{item}",
            Action::Update,
            Resource::CouncilRecords,
            api::replace_notes,
        )
}

/// The address of a seminar's page.
pub fn href(id: i64) -> String {
    format!("/seminars/{id}")
}

/// Whether the reader runs seminars (decides registrations, keeps notes, sees every input).
pub fn runs_seminars(principal: &Principal) -> bool {
    principal.subject().is_secretariat() || principal.subject().is_admin()
}

/// A seminar by the id in its address (`None` for one that does not parse or exist).
pub async fn seminar_of(app: &AppState, id: &str) -> Result<Option<SeminarRow>, StoreError> {
    match id.trim().parse::<i64>() {
        Ok(id) => app.store.cooperation().seminar(id).await,
        Err(_) => Ok(None),
    }
}

/// The reader's own registration for the seminar, if any.
pub fn own_registration<'a>(
    principal: &Principal,
    registrations: &'a [RegistrationRow],
) -> Option<&'a RegistrationRow> {
    let user = principal.user.as_ref()?;
    registrations.iter().find(|r| {
        r.user_id == Some(user.id) || r.registration.email.eq_ignore_ascii_case(&user.email)
    })
}

pub fn region_name(lang: Lang, region: Region) -> String {
    match region {
        Region::Group(group) => lang.t(&format!("group-{}", group.slug())),
        other => lang.t(&format!("practice-region-{}", other.slug())),
    }
}

pub fn stakeholder_name(lang: Lang, kind: StakeholderType) -> String {
    lang.t(&format!("stakeholder-{}", kind.slug()))
}

pub fn input_kind_name(lang: Lang, kind: InputKind) -> String {
    lang.t(&format!("input-kind-{}", kind.slug()))
}

pub fn venue_name(lang: Lang, kind: VenueKind) -> String {
    lang.t(&format!("venue-{}", kind.slug()))
}

pub fn registration_status_name(lang: Lang, status: RegistrationStatus) -> String {
    lang.t(&format!("registration-{}", status.slug()))
}
