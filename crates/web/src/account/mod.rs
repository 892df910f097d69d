//! Accounts as their holders see them: signing in and out, the account page (profile,
//! password, API tokens), password reset by e-mailed link, accepting an invitation — as pages,
//! and the account and its tokens in the API.

mod api;
mod pages;
pub mod service;

use taawun_policy::{Action, Resource};

use crate::auth::Routes;

pub use api::{__path_create_token, __path_list_tokens, __path_me, __path_revoke_token};

pub fn routes() -> Routes {
    Routes::new()
        .get(
            "/sign-in",
            Action::Read,
            Resource::Credentials,
            pages::sign_in_form,
        )
        .post(
            "/sign-in",
            Action::Create,
            Resource::Credentials,
            pages::sign_in,
        )
        .post(
            "/sign-out",
            Action::Delete,
            Resource::OwnAccount,
            pages::sign_out,
        )
        .get(
            "/account",
            Action::Read,
            Resource::OwnAccount,
            pages::account,
        )
        .post(
            "/account/profile",
            Action::Update,
            Resource::OwnAccount,
            pages::update_profile,
        )
        .post(
            "/account/password",
            Action::Update,
            Resource::OwnAccount,
            pages::change_password,
        )
        .post(
            "/account/tokens",
            Action::Create,
            Resource::OwnAccount,
            pages::create_token,
        )
        .post(
            "/account/tokens/{id}/revoke",
            Action::Delete,
            Resource::OwnAccount,
            pages::revoke_token,
        )
        .get(
            "/password/forgot",
            Action::Read,
            Resource::Credentials,
            pages::forgot_form,
        )
        .post(
            "/password/forgot",
            Action::Create,
            Resource::Credentials,
            pages::forgot,
        )
        .get(
            "/password/reset/{token}",
            Action::Read,
            Resource::Credentials,
            pages::reset_form,
        )
        .post(
            "/password/reset/{token}",
            Action::Update,
            Resource::Credentials,
            pages::reset,
        )
        .get(
            "/invitations/{token}",
            Action::Read,
            Resource::Credentials,
            pages::invitation_form,
        )
        .post(
            "/invitations/{token}",
            Action::Create,
            Resource::Credentials,
            pages::accept_invitation,
        )
        .get(
            "/api/v1/account",
            Action::Read,
            Resource::OwnAccount,
            api::me,
        )
        .get(
            "/api/v1/account/tokens",
            Action::Read,
            Resource::OwnAccount,
            api::list_tokens,
        )
        .post(
            "/api/v1/account/tokens",
            Action::Create,
            Resource::OwnAccount,
            api::create_token,
        )
        .delete(
            "/api/v1/account/tokens/{id}",
            Action::Delete,
            Resource::OwnAccount,
            api::revoke_token,
        )
}
