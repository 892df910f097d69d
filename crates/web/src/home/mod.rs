//! The home page: what Taawun is, and the way into its records.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::HtmlError;
use crate::i18n::Lang;
use crate::page::{PageContext, render};

pub fn routes() -> crate::auth::Routes {
    crate::auth::Routes::new().public("/", home)
}

pub struct GroupCount {
    pub slug: String,
    pub label: String,
    pub count: u64,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: PageContext,
    groups: Vec<GroupCount>,
    groups_intro: String,
}

async fn home(State(app): State<AppState>, lang: Lang) -> Response {
    let counts = match app.store.count_members_by_group().await {
        Ok(counts) => counts,
        Err(e) => return HtmlError::internal(lang, &e).into_response(),
    };
    let members: u64 = counts.iter().map(|(_, n)| n).sum();
    let groups = counts
        .into_iter()
        .map(|(slug, count)| GroupCount {
            label: crate::states::group_label(lang, Some(&slug)),
            slug,
            count,
        })
        .collect();
    let view = HomePage {
        page: PageContext::new(lang, "/", lang.t("site-name")),
        groups,
        groups_intro: lang.t_args("home-groups-intro", &[("count", members.into())]),
    };
    render(&view, StatusCode::OK)
}
