//! The assistance funds' published procedure: `/funds` lists the configured funds and
//! `/funds/{id}` is one fund's procedure — what it is for, who may ask, what a request must
//! contain, the stages a request goes through and the days each should take — generated from
//! the fund's configuration (`taawun-funds`; the built-in three, or the file `taawun serve
//! --funds` reads), in the page's language where the terms are written in it and in English
//! otherwise, saying so. `/api/v1/funds` and `/api/v1/funds/{id}` give the same in every
//! language the terms are written in.

mod api;
pub mod export;
pub mod ledger_api;
mod pages;
mod requests_api;
mod requests_pages;
pub mod work;

use taawun_funds::{Fund, Texts};

use taawun_policy::{Action, Resource};

use crate::auth::Routes;
use crate::i18n::Lang;

pub use api::{__path_get_fund, __path_list_funds};
pub use ledger_api::{
    __path_create_donor, __path_create_entry, __path_donors, __path_iati, __path_ledger,
};
pub use requests_api::{
    __path_create_request, __path_get_request, __path_register, __path_take_step,
    __path_update_request,
};

pub fn routes() -> Routes {
    Routes::new()
        .public("/funds", pages::index)
        .public("/funds/{id}", pages::show)
        .public("/funds/{id}/requests", requests_pages::register)
        .public("/funds/{id}/ledger", requests_pages::ledger)
        .get(
            "/funds/{id}/requests/new",
            Action::Create,
            Resource::FundWork,
            requests_pages::new_request,
        )
        .post(
            "/funds/{id}/requests",
            Action::Create,
            Resource::FundWork,
            requests_pages::create_request,
        )
        .public("/funds/requests/{rid}", requests_pages::show_request)
        .get(
            "/funds/requests/{rid}/edit",
            Action::Update,
            Resource::FundWork,
            requests_pages::edit_request,
        )
        .post(
            "/funds/requests/{rid}",
            Action::Update,
            Resource::FundWork,
            requests_pages::update_request,
        )
        .post(
            "/funds/requests/{rid}/steps",
            Action::Update,
            Resource::FundWork,
            requests_pages::take_step,
        )
        .post(
            "/funds/{id}/ledger/entries",
            Action::Create,
            Resource::FundLedger,
            requests_pages::create_entry,
        )
        .post(
            "/funds/donors",
            Action::Create,
            Resource::FundLedger,
            requests_pages::create_donor,
        )
        .public("/api/v1/funds", api::list_funds)
        .public("/api/v1/funds/donors", ledger_api::donors)
        .post(
            "/api/v1/funds/donors",
            Action::Create,
            Resource::FundLedger,
            ledger_api::create_donor,
        )
        .public("/api/v1/funds/iati.xml", ledger_api::iati)
        .public("/api/v1/funds/{id}", api::get_fund)
        .public("/api/v1/funds/{id}/requests", requests_api::register)
        .post(
            "/api/v1/funds/{id}/requests",
            Action::Create,
            Resource::FundWork,
            requests_api::create_request,
        )
        .public("/api/v1/funds/{id}/ledger", ledger_api::ledger)
        .post(
            "/api/v1/funds/{id}/ledger/entries",
            Action::Create,
            Resource::FundLedger,
            ledger_api::create_entry,
        )
        .public("/api/v1/funds/requests/{rid}", requests_api::get_request)
        .put(
            "/api/v1/funds/requests/{rid}",
            Action::Update,
            Resource::FundWork,
            requests_api::update_request,
        )
        .post(
            "/api/v1/funds/requests/{rid}/steps",
            Action::Update,
            Resource::FundWork,
            requests_api::take_step,
        )
}

/// The configured fund with this id.
fn find<'a>(funds: &'a [Fund], id: &str) -> Option<&'a Fund> {
    funds.iter().find(|f| f.id == id.trim())
}

/// The configured fund with this id, or the API's 404.
fn fund_of<'a>(funds: &'a [Fund], id: &str) -> Result<&'a Fund, crate::error::ApiError> {
    find(funds, id)
        .ok_or_else(|| crate::error::ApiError::not_found(format!("no fund {:?}", id.trim())))
}

/// A `state` parameter: none when empty, else a State's ISO3 code (upper case), or the
/// parameter named as invalid.
fn state_param(text: Option<&str>) -> Result<Option<String>, crate::error::ApiError> {
    text.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let code = s.to_ascii_uppercase();
            taawun_states::by_iso3(&code).map(|_| code).ok_or_else(|| {
                crate::error::ApiError::invalid(
                    "state",
                    format!("{s:?} is not a State's ISO3 code"),
                )
            })
        })
        .transpose()
}

/// A fund's text as a page shows it: in the page's language when it is written in it, else in
/// English, with the language it is in (for `lang` and `dir`).
pub struct Localised {
    pub text: String,
    pub lang: &'static str,
    pub dir: &'static str,
    /// Not in the page's language.
    pub fallback: bool,
}

impl Localised {
    fn of(texts: &Texts, lang: Lang) -> Localised {
        let (text, written_in) = texts.get(lang.code());
        let written = Lang::from_code(written_in).unwrap_or(Lang::En);
        Localised {
            text: text.to_owned(),
            lang: written.code(),
            dir: written.dir(),
            fallback: written != lang,
        }
    }
}
