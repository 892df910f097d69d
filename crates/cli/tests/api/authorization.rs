//! Every route × every role. The routes come from the application's own route table, so a
//! route added without an expectation here fails this test; the expectations are written out
//! below, one line per route, rather than derived from the policy they check.

use std::collections::HashMap;

use taawun_accounts::RoleGrant;

use crate::accounts::{Browser, csrf_in, invited_user};
use crate::helpers::{TestApp, spawn_app};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Who {
    Public,
    FocalPoint,
    Stakeholder,
    Donor,
    Secretariat,
    Administrator,
}

const EVERYONE: &[Who] = &[
    Who::Public,
    Who::FocalPoint,
    Who::Stakeholder,
    Who::Donor,
    Who::Secretariat,
    Who::Administrator,
];
const SIGNED_IN: &[Who] = &[
    Who::FocalPoint,
    Who::Stakeholder,
    Who::Donor,
    Who::Secretariat,
    Who::Administrator,
];
const ADMIN: &[Who] = &[Who::Administrator];
const INVITERS: &[Who] = &[Who::Secretariat, Who::Administrator];
/// Writing plans: focal points and the secretariat (the handler then answers 404 to a focal
/// point of another State).
const PLAN_WORK: &[Who] = &[Who::FocalPoint, Who::Secretariat, Who::Administrator];
const FOCAL_POINTS: &[Who] = &[Who::FocalPoint];
/// Drafting requests and taking workflow steps: focal points and the fund's people (the
/// handler then checks the request and the step's role).
const FUND_WORK: &[Who] = &[Who::FocalPoint, Who::Secretariat, Who::Administrator];
/// Keeping a fund's ledger and its donors.
const SECRETARIAT: &[Who] = &[Who::Secretariat];
/// Submitting practices to the compendium (the handler then checks the practice and the step).
const PRACTICE_WORK: &[Who] = &[
    Who::FocalPoint,
    Who::Stakeholder,
    Who::Secretariat,
    Who::Administrator,
];
/// Amending the Council's calendar, recording mandates' outputs, discontinuing mandates.
const COUNCIL_RECORDS: &[Who] = &[Who::Secretariat, Who::Administrator];
/// Taking part in the cooperation the Council asked for (answering a call for inputs): any
/// signed-in account, whatever its roles (the handler then checks the call's dates).
const PARTICIPATION: &[Who] = SIGNED_IN;

/// Who may use each route. Public reading routes are listed by prefix.
fn expected(method: &str, path: &str) -> Option<&'static [Who]> {
    let public_reads = [
        "/",
        "/about/sources",
        "/about/api",
        "/healthz",
        "/readyz",
        "/states",
        "/states/resolve",
        "/states/{iso3}",
        "/states/{iso3}/votes",
        "/resolutions",
        "/resolutions/{*symbol}",
        "/mandates",
        "/mandates/feed.xml",
        "/mandates/{addressee}/{paragraph}/{*symbol}",
        "/sessions",
        "/practices",
        "/practices/{id}",
        "/consultations",
        "/consultations/{id}",
        "/seminars",
        "/seminars/{id}",
        "/summary-reports/{addressee}/{paragraph}/{*symbol}",
        "/votes",
        "/upr",
        "/upr/recommendations",
        "/upr/recommendations/{id}",
        "/upr/states/{iso3}",
        "/upr/sessions/{session}",
        "/upr/themes/{theme}",
        "/sdg",
        "/sdg/{sdg}",
        "/funds",
        "/funds/{id}",
        "/funds/{id}/requests",
        "/funds/{id}/ledger",
        "/funds/requests/{rid}",
        "/search",
        "/lang/{code}",
        "/static/style.css",
        "/static/favicon.svg",
        "/static/fonts/{name}",
        "/favicon.ico",
        "/api/openapi.json",
        "/organisations",
        "/organisations/{id}",
        "/history/{record_type}/{*record_id}",
        "/api/v1/history/{record_type}/{*record_id}",
        "/sign-in",
        "/password/forgot",
        "/password/reset/{token}",
        "/invitations/{token}",
        "/upr/states/{iso3}/plan",
        "/upr/states/{iso3}/plan/actions/{id}",
        "/upr/states/{iso3}/plan/evidence/{id}",
        "/upr/states/{iso3}/plan/report",
        "/upr/states/{iso3}/plan/report.pdf",
    ];
    if method == "GET"
        && (public_reads.contains(&path) || (path.starts_with("/api/v1/") && public_api(path)))
    {
        return Some(EVERYONE);
    }
    Some(match (method, path) {
        (
            "POST",
            "/sign-in" | "/password/forgot" | "/password/reset/{token}" | "/invitations/{token}",
        ) => EVERYONE,
        (
            "POST",
            "/sign-out"
            | "/account/profile"
            | "/account/password"
            | "/account/tokens"
            | "/account/tokens/{id}/revoke",
        ) => SIGNED_IN,
        ("GET", "/account" | "/api/v1/account" | "/api/v1/account/tokens") => SIGNED_IN,
        ("POST", "/api/v1/account/tokens") | ("DELETE", "/api/v1/account/tokens/{id}") => SIGNED_IN,
        (
            "GET",
            "/admin/users"
            | "/admin/users/{id}"
            | "/admin/audit"
            | "/api/v1/audit"
            | "/api/v1/audit/verify",
        ) => ADMIN,
        (
            "POST",
            "/admin/users/{id}/roles"
            | "/admin/users/{id}/roles/revoke"
            | "/admin/users/{id}/status",
        ) => ADMIN,
        ("GET", "/admin/invitations")
        | ("POST", "/admin/invitations" | "/admin/invitations/{id}/revoke") => INVITERS,
        ("GET", "/admin/organisations/new" | "/admin/organisations/{id}/edit") => ADMIN,
        ("POST", "/admin/organisations" | "/admin/organisations/{id}") => ADMIN,
        ("POST", "/api/v1/organisations") | ("PUT", "/api/v1/organisations/{id}") => ADMIN,
        ("GET", "/upr/states/{iso3}/plan/clusters" | "/upr/states/{iso3}/plan/actions/new") => {
            PLAN_WORK
        }
        (
            "POST",
            "/upr/states/{iso3}/plan"
            | "/upr/states/{iso3}/plan/clusters"
            | "/upr/states/{iso3}/plan/membership"
            | "/upr/states/{iso3}/plan/actions"
            | "/upr/states/{iso3}/plan/actions/{id}"
            | "/upr/states/{iso3}/plan/actions/{id}/status",
        ) => PLAN_WORK,
        ("POST", "/upr/states/{iso3}/plan/publication") => FOCAL_POINTS,
        (
            "POST",
            "/upr/recommendations/{id}/sdgs" | "/upr/recommendations/{id}/sdgs/{sdg}/delete",
        ) => INVITERS,
        ("GET", "/funds/{id}/requests/new" | "/funds/requests/{rid}/edit") => FUND_WORK,
        (
            "POST",
            "/funds/{id}/requests"
            | "/funds/requests/{rid}"
            | "/funds/requests/{rid}/steps"
            | "/api/v1/funds/{id}/requests"
            | "/api/v1/funds/requests/{rid}/steps",
        )
        | ("PUT", "/api/v1/funds/requests/{rid}") => FUND_WORK,
        (
            "POST",
            "/funds/{id}/ledger/entries"
            | "/funds/donors"
            | "/api/v1/funds/donors"
            | "/api/v1/funds/{id}/ledger/entries",
        ) => SECRETARIAT,
        (
            "POST",
            "/sessions"
            | "/mandates/{addressee}/{paragraph}/{*symbol}"
            | "/api/v1/mandate-outputs"
            | "/consultations"
            | "/api/v1/consultations"
            | "/seminars"
            | "/api/v1/seminars"
            | "/seminars/{id}/decisions"
            | "/seminars/{id}/notes"
            | "/api/v1/seminar-registrations/{id}/decision"
            | "/summary-reports/{addressee}/{paragraph}/{*symbol}"
            | "/api/v1/summary-reports/{addressee}/{paragraph}/{*symbol}",
        )
        | (
            "PUT",
            "/api/v1/sessions/{number}"
            | "/api/v1/sessions/special/{number}"
            | "/api/v1/mandates/{addressee}/{paragraph}/{*symbol}"
            | "/api/v1/mandate-outputs/{id}"
            | "/api/v1/seminars/{id}/notes/{item}",
        )
        | ("GET", "/consultations/new" | "/seminars/new") => COUNCIL_RECORDS,
        (
            "POST",
            "/consultations/{id}/submissions"
            | "/api/v1/consultations/{id}/submissions"
            | "/seminars/{id}/registrations"
            | "/seminars/{id}/inputs"
            | "/api/v1/seminars/{id}/registrations"
            | "/api/v1/seminars/{id}/inputs",
        ) => PARTICIPATION,
        ("GET", "/practices/new" | "/practices/mine" | "/practices/{id}/edit")
        | (
            "POST",
            "/practices"
            | "/practices/{id}/steps"
            | "/api/v1/practices"
            | "/api/v1/practices/{id}/steps",
        ) => PRACTICE_WORK,
        _ => return None,
    })
}

/// The API's reading routes of published records.
fn public_api(path: &str) -> bool {
    [
        "/api/v1/states",
        "/api/v1/resolutions",
        "/api/v1/mandates",
        "/api/v1/sessions",
        "/api/v1/practices",
        "/api/v1/consultations",
        "/api/v1/seminars",
        "/api/v1/summary-reports",
        "/api/v1/votes",
        "/api/v1/upr",
        "/api/v1/sdg",
        "/api/v1/funds",
        "/api/v1/search",
        "/api/v1/organisations",
    ]
    .iter()
    .any(|p| path.starts_with(p))
}

fn concrete(path: &str) -> String {
    path.replace("{iso3}", "QAT")
        .replace("{*symbol}", "A/HRC/RES/56/2")
        .replace("{code}", "ar")
        .replace("{addressee}", "high-commissioner")
        .replace("{paragraph}", "1")
        .replace("{number}", "59")
        .replace("{record_type}", "resolution")
        .replace("{*record_id}", "A/HRC/RES/56/2")
        .replace("{token}", "no-such-token")
        .replace("{id}", "999999")
        .replace("{rid}", "999999")
        .replace("{name}", "noto-sans-latin-400-normal.woff2")
        .replace("{session}", "20")
        .replace("{theme}", "Torture")
        .replace("{sdg}", "16.3")
}

/// Whether the answer is the policy's refusal: a redirect to sign in or 403 for pages; 401 or
/// 403 for the API.
fn refused(path: &str, response: &reqwest::Response) -> bool {
    let status = response.status().as_u16();
    if path.starts_with("/api/") {
        status == 401 || status == 403
    } else {
        status == 403
            || (status == 303
                && response
                    .headers()
                    .get("location")
                    .is_some_and(|l| l.to_str().unwrap().starts_with("/sign-in")))
    }
}

struct Client {
    who: Who,
    browser: Browser,
    /// For API routes: the role's API token.
    token: Option<String>,
}

async fn client_for(app: &TestApp, who: Who, organisation: i64) -> Client {
    let role = match who {
        Who::Public => None,
        Who::FocalPoint => Some(RoleGrant::from_parts("focal-point", Some("QAT"), None).unwrap()),
        Who::Stakeholder => {
            Some(RoleGrant::from_parts("stakeholder", None, Some(organisation)).unwrap())
        }
        Who::Donor => Some(RoleGrant::from_parts("donor", Some("NOR"), None).unwrap()),
        Who::Secretariat => Some(RoleGrant::from_parts("secretariat", None, None).unwrap()),
        Who::Administrator => Some(RoleGrant::from_parts("administrator", None, None).unwrap()),
    };
    let Some(role) = role else {
        return Client {
            who,
            browser: Browser::new(app),
            token: None,
        };
    };
    let email = format!("{who:?}@example.org").to_lowercase();
    let browser = invited_user(app, &email, &format!("{who:?}"), role).await;
    let csrf = browser.csrf("/account").await;
    let html = browser
        .post("/account/tokens", &[("csrf", &csrf), ("name", "matrix")])
        .await
        .text()
        .await
        .unwrap();
    let token = regex::Regex::new(r"tw_[A-Za-z0-9_-]{43}")
        .unwrap()
        .find(&html)
        .unwrap()
        .as_str()
        .to_owned();
    Client {
        who,
        browser,
        token: Some(token),
    }
}

#[tokio::test]
async fn every_route_answers_every_role_as_the_policy_says() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    let organisation = app
        .store
        .accounts()
        .create_organisation(
            &taawun_store::ChangeContext::command_line(),
            &taawun_store::NewOrganisation {
                names: taawun_store::OrganisationNames {
                    en: Some("Test NGO".into()),
                    ..Default::default()
                },
                kind: "civil-society".into(),
                seat_iso3: Some("QAT".into()),
            },
            0,
        )
        .await
        .unwrap()
        .id;
    let mut clients = Vec::new();
    for who in [
        Who::Public,
        Who::FocalPoint,
        Who::Stakeholder,
        Who::Donor,
        Who::Secretariat,
        Who::Administrator,
    ] {
        clients.push(client_for(&app, who, organisation).await);
    }
    let table = taawun_web::route_table();
    // Signing out last, so that every other route sees the role signed in.
    let mut specs = table.specs().to_vec();
    specs.sort_by_key(|s| s.path == "/sign-out");
    assert!(
        specs.len() > 40,
        "the route table lists every route ({})",
        specs.len()
    );
    let mut missing = Vec::new();
    let mut wrong = Vec::new();
    let mut checked: HashMap<Who, usize> = HashMap::new();
    for spec in &specs {
        let method = spec.method.as_str();
        let Some(allowed) = expected(method, spec.path) else {
            missing.push(format!("{method} {}", spec.path));
            continue;
        };
        let path = concrete(spec.path);
        for client in &clients {
            let url = format!("{}{path}", client.browser.base);
            let api = path.starts_with("/api/");
            // Pages carry the browser's cookies and a valid CSRF token, so that only the
            // policy can refuse; the API carries the role's token.
            let request = if api {
                let plain = reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .unwrap();
                let request = plain.request(spec.method.clone(), &url);
                let request = match &client.token {
                    Some(token) => request.bearer_auth(token),
                    None => request,
                };
                if method == "GET" || method == "DELETE" {
                    request
                } else {
                    request.json(&serde_json::json!({}))
                }
            } else if method == "GET" {
                client.browser.client.get(&url)
            } else {
                let csrf = {
                    let (_, html) = client.browser.page("/password/forgot").await;
                    csrf_in(&html).unwrap()
                };
                client
                    .browser
                    .client
                    .request(spec.method.clone(), &url)
                    .form(&[("csrf", csrf.as_str())])
            };
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let was_refused = refused(&path, &response);
            let should_refuse = !allowed.contains(&client.who);
            if was_refused != should_refuse || status >= 500 {
                wrong.push(format!(
                    "{method} {path} as {:?}: {status} (expected {})",
                    client.who,
                    if should_refuse { "refusal" } else { "access" }
                ));
            }
            *checked.entry(client.who).or_default() += 1;
        }
    }
    assert!(
        missing.is_empty(),
        "routes without an expectation in the matrix:\n{}",
        missing.join("\n")
    );
    assert!(
        wrong.is_empty(),
        "answers that differ from the policy:\n{}",
        wrong.join("\n")
    );
    assert_eq!(checked.len(), 6);
}
