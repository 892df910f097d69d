//! The Council's calendar (`/sessions`, `/api/v1/sessions…`) and each mandate followed to its
//! outputs (`/mandates/{addressee}/{paragraph}/{symbol}`, `/api/v1/mandate-outputs…`); the
//! mandates dashboard itself is the registry's `/mandates`, which reads its statuses through
//! [`Today`].

pub mod api;
pub mod feed;
pub mod pages;

use chrono::NaiveDate;
use taawun_policy::{Action, Resource};
use taawun_store::StoreError;
use taawun_store::council::{Calendar, MandateKey, Session, SessionKind};

use crate::AppState;
use crate::auth::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .public("/sessions", pages::sessions)
        .post(
            "/sessions",
            Action::Update,
            Resource::CouncilRecords,
            pages::amend_session,
        )
        .public("/mandates/feed.xml", feed::feed)
        .public(
            "/mandates/{addressee}/{paragraph}/{*symbol}",
            pages::mandate,
        )
        .post(
            "/mandates/{addressee}/{paragraph}/{*symbol}",
            Action::Update,
            Resource::CouncilRecords,
            pages::change_mandate,
        )
        .public("/api/v1/sessions", api::list_sessions)
        .public("/api/v1/sessions/{number}", api::get_regular_session)
        .put(
            "/api/v1/sessions/{number}",
            Action::Update,
            Resource::CouncilRecords,
            api::amend_regular_session,
        )
        .public(
            "/api/v1/sessions/special/{number}",
            api::get_special_session,
        )
        .put(
            "/api/v1/sessions/special/{number}",
            Action::Update,
            Resource::CouncilRecords,
            api::amend_special_session,
        )
        .public(
            "/api/v1/mandates/{addressee}/{paragraph}/{*symbol}",
            api::get_mandate,
        )
        .put(
            "/api/v1/mandates/{addressee}/{paragraph}/{*symbol}",
            Action::Update,
            Resource::CouncilRecords,
            api::discontinue_mandate,
        )
        .post(
            "/api/v1/mandate-outputs",
            Action::Create,
            Resource::CouncilRecords,
            api::create_output,
        )
        .put(
            "/api/v1/mandate-outputs/{id}",
            Action::Update,
            Resource::CouncilRecords,
            api::update_output,
        )
}

/// The calendar as amended, the day it is, and what follows for mandates.
pub struct Today {
    pub calendar: Calendar,
    pub today: NaiveDate,
    /// The last regular session closed before today: mandates due at it or earlier and not
    /// delivered are late.
    pub last_closed: Option<u32>,
}

impl Today {
    pub async fn read(app: &AppState) -> Result<Today, StoreError> {
        let calendar = app.store.council().calendar().await?;
        let today = chrono::Utc::now().date_naive();
        Ok(Today {
            last_closed: calendar.last_closed_regular(today),
            calendar,
            today,
        })
    }

    /// The regular session a mandate is due at, as the calendar has it.
    pub fn due(&self, session: Option<u32>) -> Option<&Session> {
        session.and_then(|n| self.calendar.regular(n))
    }
}

/// The address of a mandate's page.
pub fn mandate_href(key: &MandateKey) -> String {
    format!(
        "/mandates/{}/{}/{}",
        key.addressee, key.paragraph, key.symbol
    )
}

/// A mandate's key from its address, or what is wrong with it.
pub fn mandate_key(addressee: &str, paragraph: &str, symbol: &str) -> Result<MandateKey, String> {
    const ADDRESSEES: [&str; 6] = [
        "high-commissioner",
        "secretary-general",
        "states",
        "the-body",
        "un-system",
        "other",
    ];
    if !ADDRESSEES.contains(&addressee) {
        return Err(format!(
            "addressee must be one of {}, not {addressee:?}",
            ADDRESSEES.join(", ")
        ));
    }
    let paragraph = paragraph
        .parse::<u32>()
        .ok()
        .filter(|p| *p > 0)
        .ok_or_else(|| format!("paragraph must be a paragraph number, not {paragraph:?}"))?;
    let symbol = symbol.trim_matches('/').to_owned();
    if symbol.is_empty() {
        return Err("symbol: the resolution's symbol is missing".to_owned());
    }
    Ok(MandateKey {
        symbol,
        paragraph,
        addressee: addressee.to_owned(),
    })
}

/// A session kind's word in a path or form, or what is wrong with it.
pub fn session_kind(raw: &str) -> Result<SessionKind, String> {
    SessionKind::parse(raw).ok_or_else(|| format!("kind must be regular or special, not {raw:?}"))
}
