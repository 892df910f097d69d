//! The home page: what Taawun is, and the way into its records.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

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

/// One line of what the platform holds, with where it leads.
pub struct Holding {
    pub text: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: PageContext,
    groups: Vec<GroupCount>,
    groups_intro: String,
    holdings: Vec<Holding>,
    latest_sessions: Vec<Holding>,
}

async fn home(State(app): State<AppState>, lang: Lang) -> Result<Response, HtmlError> {
    // The whole record's vote matrix is the one the agreement pages keep in memory; what it
    // holds is counted once per matrix.
    let whole_record = taawun_store::VoteFilter::default();
    let loaded = tokio::try_join!(
        app.store.count_members_by_group(),
        app.store.count_resolutions(),
        crate::votes::analytics::analytics(&app, &whole_record),
    );
    let (counts, texts, analytics) = loaded.map_err(|e| HtmlError::internal(lang, &e))?;
    let mut holdings = vec![Holding {
        text: lang.t_args("home-holds-texts", &[("count", texts.into())]),
        href: "/resolutions".to_owned(),
    }];
    let mut latest_sessions = Vec::new();
    // The Assembly's early roll calls know their month only: no invented day.
    let date =
        |(iso, day_known): &(String, bool)| crate::format::roll_call_date(iso, *day_known, lang);
    for body in analytics.holdings() {
        let registry_body = body.body.name();
        holdings.push(Holding {
            text: lang.t_args(
                &format!("home-holds-{}", body.body.slug()),
                &[
                    ("count", body.roll_calls.into()),
                    ("first", date(&body.first).into()),
                    ("last", date(&body.last).into()),
                ],
            ),
            href: format!("/resolutions?body={registry_body}"),
        });
        for (session, count, last) in &body.latest_sessions {
            latest_sessions.push(Holding {
                text: lang.t_args(
                    "home-latest-session",
                    &[
                        (
                            "body",
                            lang.t(&format!("vote-body-{}", body.body.slug())).into(),
                        ),
                        ("session", (*session).into()),
                        ("count", (*count).into()),
                        ("date", date(last).into()),
                    ],
                ),
                href: format!("/resolutions?body={registry_body}&session={session}"),
            });
        }
    }
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
        holdings,
        latest_sessions,
    };
    Ok(render(&view, StatusCode::OK))
}
