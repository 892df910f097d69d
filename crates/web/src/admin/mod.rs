//! Administration: accounts and their roles, invitations, and the audit trail (its
//! verification and its entries) — as pages, and the audit trail in the API.

mod api;
mod audit;
mod invitations;
mod users;

use taawun_policy::{Action, Resource};

use crate::auth::Routes;

pub use api::{__path_audit_entries, __path_verify_audit};
pub use audit::{EntryView, entry_view, names_for};

pub fn routes() -> Routes {
    Routes::new()
        .get("/admin/users", Action::Read, Resource::Users, users::list)
        .get(
            "/admin/users/{id}",
            Action::Read,
            Resource::Users,
            users::show,
        )
        .post(
            "/admin/users/{id}/roles",
            Action::Update,
            Resource::Users,
            users::grant,
        )
        .post(
            "/admin/users/{id}/roles/revoke",
            Action::Update,
            Resource::Users,
            users::revoke,
        )
        .post(
            "/admin/users/{id}/status",
            Action::Update,
            Resource::Users,
            users::set_status,
        )
        .get(
            "/admin/invitations",
            Action::Read,
            Resource::Invitations,
            invitations::list,
        )
        .post(
            "/admin/invitations",
            Action::Create,
            Resource::Invitations,
            invitations::create,
        )
        .post(
            "/admin/invitations/{id}/revoke",
            Action::Update,
            Resource::Invitations,
            invitations::revoke,
        )
        .get(
            "/admin/audit",
            Action::Read,
            Resource::AuditLog,
            audit::page,
        )
        .get(
            "/api/v1/audit",
            Action::Read,
            Resource::AuditLog,
            api::audit_entries,
        )
        .get(
            "/api/v1/audit/verify",
            Action::Read,
            Resource::AuditLog,
            api::verify_audit,
        )
}
