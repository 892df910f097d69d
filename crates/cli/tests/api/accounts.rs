//! Accounts end to end: the first administrator's invitation, signing in and out, sessions,
//! passwords, reset links, API tokens, CSRF, lock-out, and the audit trail of all of it.

use crate::helpers::{TestApp, spawn_app, spawn_app_with, taawun};

/// A browser: keeps cookies, does not follow redirects (the tests look at them).
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
}

impl Browser {
    pub fn new(app: &TestApp) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: app.address.clone(),
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// The CSRF token the page's forms carry.
    pub async fn csrf(&self, path: &str) -> String {
        let (_, html) = self.page(path).await;
        csrf_in(&html).unwrap_or_else(|| panic!("{path} has a form with a CSRF token"))
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(form)
            .send()
            .await
            .unwrap()
    }
}

pub fn csrf_in(html: &str) -> Option<String> {
    let re = regex::Regex::new(r#"name="csrf" value="([A-Za-z0-9_-]+)""#).unwrap();
    re.captures(html).map(|c| c[1].to_owned())
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// The links the outbox holds for `to`, in order (claiming the messages, as the sender would).
pub async fn mailed_links(app: &TestApp, to: &str) -> Vec<String> {
    let messages = app
        .store
        .accounts()
        .claim_outbox(now(), 60, 100)
        .await
        .unwrap();
    let re = regex::Regex::new(r"http://taawun\.test(/\S+)").unwrap();
    messages
        .iter()
        .filter(|m| m.to == to)
        .filter_map(|m| re.captures(&m.text).map(|c| c[1].to_owned()))
        .collect()
}

pub const PASSWORD: &str = "cooperation in good faith 56/2";

/// An account made the way people get one: an invitation, accepted in a browser. Returns the
/// signed-in browser.
pub async fn invited_user(
    app: &TestApp,
    email: &str,
    name: &str,
    role: taawun_accounts::RoleGrant,
) -> Browser {
    let secret = taawun_accounts::new_secret("");
    let now = now();
    app.store
        .accounts()
        .create_invitation(
            &taawun_store::ChangeContext::command_line(),
            &taawun_store::NewInvitation {
                email: email.to_owned(),
                role,
                token_digest: taawun_accounts::digest(secret.expose()),
                expires_at: now + 3600,
            },
            &taawun_store::NewMessage {
                to: email.to_owned(),
                subject: "x".into(),
                text: "x".into(),
            },
            now,
        )
        .await
        .unwrap();
    let browser = Browser::new(app);
    let path = format!("/invitations/{}", secret.expose());
    let csrf = browser.csrf(&path).await;
    let response = browser
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("display_name", name),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "accepting the invitation signs in");
    browser
}

#[tokio::test]
async fn the_first_administrator_comes_in_by_the_printed_link_and_the_trail_records_it() {
    let app = spawn_app().await;
    let link = taawun::accounts::create_admin(
        app.store.as_ref(),
        " Admin@Example.ORG ",
        "http://taawun.test",
    )
    .await
    .unwrap();
    let path = link
        .strip_prefix("http://taawun.test")
        .expect("the link is on the public address");
    let browser = Browser::new(&app);
    let (status, html) = browser.page(path).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("admin@example.org"),
        "the invitation names the normalised address"
    );
    let csrf = csrf_in(&html).unwrap();

    // A weak password is refused with the reason, and nothing is created.
    let response = browser
        .post(
            path,
            &[
                ("csrf", &csrf),
                ("display_name", "Amina"),
                ("password", "password1234"),
                ("confirm", "password1234"),
            ],
        )
        .await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("most common passwords")
    );
    assert_eq!(app.store.accounts().count_users().await.unwrap(), 0);

    let response = browser
        .post(
            path,
            &[
                ("csrf", &csrf),
                ("display_name", "Amina"),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/account");
    let (status, html) = browser.page("/account").await;
    assert_eq!(status, 200);
    assert!(html.contains("Amina") && html.contains("Administrator"));

    // The link worked once.
    let (status, html) = browser.page(path).await;
    assert_eq!(status, 410);
    assert!(html.contains("already been used"));

    // The administrator's pages open; the trail holds the invitation, the account, the
    // acceptance, and verifies.
    assert_eq!(browser.page("/admin/users").await.0, 200);
    let (status, html) = browser.page("/admin/audit?verify=1").await;
    assert_eq!(status, 200);
    assert!(html.contains("chain-intact"), "the chain verifies: {html}");
    // Administrators see who acted by name and address (escaped in the page).
    assert!(
        html.contains("Amina &#60;admin@example.org&#62;"),
        "the actor is named: {html}"
    );
    let entries = app
        .store
        .accounts()
        .audit_entries(&Default::default(), taawun_store::Paging::default())
        .await
        .unwrap();
    let kinds: Vec<(String, String)> = entries
        .items
        .iter()
        .map(|e| (e.action.clone(), e.record_type.clone()))
        .collect();
    for expected in [
        ("create", "invitation"),
        ("create", "user"),
        ("accept", "invitation"),
    ] {
        assert!(
            kinds.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {kinds:?}"
        );
    }
    assert!(
        entries
            .items
            .iter()
            .all(|e| !e.after.as_deref().unwrap_or("").contains("argon2")),
        "no password hash in the trail"
    );
}

#[tokio::test]
async fn signing_in_rotates_the_session_and_signing_out_ends_it() {
    let app = spawn_app().await;
    let role = taawun_accounts::RoleGrant::from_parts("focal-point", Some("QAT"), None).unwrap();
    let first = invited_user(&app, "focal@example.org", "Focal Point", role).await;
    drop(first);

    let browser = Browser::new(&app);
    // Wrong password: one answer for a wrong address and a wrong password.
    let csrf = browser.csrf("/sign-in").await;
    let wrong_password = browser
        .post(
            "/sign-in",
            &[
                ("csrf", &csrf),
                ("email", "focal@example.org"),
                ("password", "not the password at all"),
            ],
        )
        .await;
    assert_eq!(wrong_password.status(), 401);
    let wrong_page = wrong_password.text().await.unwrap();
    let wrong_address = browser
        .post(
            "/sign-in",
            &[
                ("csrf", &csrf),
                ("email", "nobody@example.org"),
                ("password", "not the password at all"),
            ],
        )
        .await;
    assert_eq!(wrong_address.status(), 401);
    assert!(wrong_page.contains("The e-mail address or the password is wrong"));

    // Without the CSRF token the form is refused before anything is checked.
    let forged = browser
        .post(
            "/sign-in",
            &[("email", "focal@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(forged.status(), 403);

    let signed_in = browser
        .post(
            "/sign-in",
            &[
                ("csrf", &csrf),
                ("email", "FOCAL@example.org"),
                ("password", PASSWORD),
                ("next", "/states/QAT"),
            ],
        )
        .await;
    assert_eq!(signed_in.status(), 303);
    assert_eq!(location(&signed_in), "/states/QAT");
    let cookies: Vec<String> = signed_in
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("taawun_session="))
        .expect("a session cookie");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    assert!(
        cookies.iter().any(|c| c.starts_with("taawun_csrf=")),
        "the CSRF token is renewed at sign-in"
    );
    let (_, html) = browser.page("/account").await;
    assert!(html.contains("Focal Point"));
    // An offsite `next` is not followed.
    let csrf = browser.csrf("/account").await;
    let elsewhere = Browser::new(&app);
    let c2 = elsewhere.csrf("/sign-in").await;
    let r = elsewhere
        .post(
            "/sign-in",
            &[
                ("csrf", &c2),
                ("email", "focal@example.org"),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(location(&r), "/account");

    let out = browser.post("/sign-out", &[("csrf", &csrf)]).await;
    assert_eq!(out.status(), 303);
    let after = browser.get("/account").await;
    assert_eq!(
        after.status(),
        303,
        "signed out: the account page asks to sign in"
    );
    assert!(location(&after).starts_with("/sign-in?next="));
}

/// Lock-out must not tell who has an account: past the limit, a real address and an unknown
/// one get the same status and the same words, at every attempt.
#[tokio::test]
async fn lock_out_answers_alike_for_a_real_and_an_unknown_address() {
    let app = spawn_app().await;
    let role = taawun_accounts::RoleGrant::from_parts("donor", Some("NOR"), None).unwrap();
    invited_user(&app, "real@example.org", "Real", role).await;
    let limit = taawun_accounts::SignInLimits::default().account_failures;
    let alert = regex::Regex::new(r#"(?s)role="alert"[^>]*>(.*?)</"#).unwrap();
    let mut answers = Vec::new();
    for email in ["real@example.org", "unknown@example.org"] {
        let browser = Browser::new(&app);
        let csrf = browser.csrf("/sign-in").await;
        let mut seen = Vec::new();
        for _ in 0..limit + 2 {
            let response = browser
                .post(
                    "/sign-in",
                    &[
                        ("csrf", &csrf),
                        ("email", email),
                        ("password", "wrong wrong wrong"),
                    ],
                )
                .await;
            let status = response.status().as_u16();
            let html = response.text().await.unwrap();
            // The page's message, without the form (which repeats the address typed).
            let message = alert
                .captures(&html)
                .map(|c| c[1].trim().to_owned())
                .unwrap_or_default();
            seen.push((status, message));
        }
        answers.push(seen);
    }
    assert_eq!(answers[0].last().unwrap().0, 403, "{:?}", answers[0]);
    assert!(!answers[0].last().unwrap().1.is_empty(), "{:?}", answers[0]);
    assert_eq!(answers[0], answers[1]);
}

#[tokio::test]
async fn repeated_failures_lock_the_account_and_the_page_says_so() {
    let app = spawn_app().await;
    let role = taawun_accounts::RoleGrant::from_parts("donor", Some("NOR"), None).unwrap();
    invited_user(&app, "donor@example.org", "Donor", role).await;
    let browser = Browser::new(&app);
    let csrf = browser.csrf("/sign-in").await;
    let limit = taawun_accounts::SignInLimits::default().account_failures;
    let mut last = 0;
    for _ in 0..limit {
        last = browser
            .post(
                "/sign-in",
                &[
                    ("csrf", &csrf),
                    ("email", "donor@example.org"),
                    ("password", "wrong wrong wrong"),
                ],
            )
            .await
            .status()
            .as_u16();
    }
    assert_eq!(last, 403, "the failure that reaches the limit locks");
    let locked = browser
        .post(
            "/sign-in",
            &[
                ("csrf", &csrf),
                ("email", "donor@example.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(locked.status(), 403, "even the right password waits");
    assert!(locked.text().await.unwrap().contains("locked"));

    // A reset link unlocks it.
    let csrf = browser.csrf("/password/forgot").await;
    let asked = browser
        .post(
            "/password/forgot",
            &[("csrf", &csrf), ("email", "donor@example.org")],
        )
        .await;
    assert_eq!(asked.status(), 200);
    let links = mailed_links(&app, "donor@example.org").await;
    assert_eq!(links.len(), 1, "one reset link mailed");
    let reset = &links[0];
    let csrf = browser.csrf(reset).await;
    let new_password = "a new password for the donor";
    let done = browser
        .post(
            reset,
            &[
                ("csrf", &csrf),
                ("password", new_password),
                ("confirm", new_password),
            ],
        )
        .await;
    assert_eq!(done.status(), 303);
    // Used once only.
    assert_eq!(browser.get(reset).await.status(), 410);
    let fresh = Browser::new(&app);
    let csrf = fresh.csrf("/sign-in").await;
    let ok = fresh
        .post(
            "/sign-in",
            &[
                ("csrf", &csrf),
                ("email", "donor@example.org"),
                ("password", new_password),
            ],
        )
        .await;
    assert_eq!(ok.status(), 303);
}

#[tokio::test]
async fn a_reset_asked_for_an_unknown_address_looks_the_same_and_sends_nothing() {
    let app = spawn_app().await;
    let browser = Browser::new(&app);
    let csrf = browser.csrf("/password/forgot").await;
    let response = browser
        .post(
            "/password/forgot",
            &[("csrf", &csrf), ("email", "nobody@example.org")],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("If an account has this address")
    );
    assert_eq!(app.store.accounts().outbox_pending().await.unwrap(), 0);
    // An expired or made-up link is refused with a clear page.
    let (status, html) = browser.page("/password/reset/not-a-real-token").await;
    assert_eq!(status, 404);
    assert!(html.contains("not valid"));
}

#[tokio::test]
async fn api_tokens_are_shown_once_work_as_bearer_tokens_and_die_when_revoked() {
    let app = spawn_app().await;
    let role = taawun_accounts::RoleGrant::from_parts("secretariat", None, None).unwrap();
    let browser = invited_user(&app, "sec@example.org", "Secretariat Officer", role).await;
    let csrf = browser.csrf("/account").await;
    let created = browser
        .post(
            "/account/tokens",
            &[("csrf", &csrf), ("name", "nightly export")],
        )
        .await;
    assert_eq!(created.status(), 201);
    let html = created.text().await.unwrap();
    let secret = regex::Regex::new(r"tw_[A-Za-z0-9_-]{43}")
        .unwrap()
        .find(&html)
        .expect("the secret is shown")
        .as_str()
        .to_owned();
    // Shown once: the account page no longer holds it.
    assert!(!browser.page("/account").await.1.contains(&secret));

    let me = app
        .client
        .get(app.url("/api/v1/account"))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);
    let body: serde_json::Value = me.json().await.unwrap();
    assert_eq!(body["email"], "sec@example.org");
    assert_eq!(body["roles"][0]["role"], "secretariat");

    // The API makes tokens too, shown once in the 201 answer; a body that does not match the
    // schema names the field.
    let bad = app
        .client
        .post(app.url("/api/v1/account/tokens"))
        .bearer_auth(&secret)
        .json(&serde_json::json!({"nom": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let error: serde_json::Value = bad.json().await.unwrap();
    assert!(
        error["error"]["message"].as_str().unwrap().contains("name"),
        "{error}"
    );
    let second = app
        .client
        .post(app.url("/api/v1/account/tokens"))
        .bearer_auth(&secret)
        .json(&serde_json::json!({"name": "second"}))
        .send()
        .await
        .unwrap();
    assert_eq!(second.status(), 201);
    let second: serde_json::Value = second.json().await.unwrap();
    let second_id = second["token"]["id"].as_i64().unwrap();

    // Another user cannot see or revoke them: 404, not 403.
    let other_role = taawun_accounts::RoleGrant::from_parts("administrator", None, None).unwrap();
    let other = invited_user(&app, "root@example.org", "Root", other_role).await;
    let csrf = other.csrf("/account").await;
    let attempt = other
        .post(
            &format!("/account/tokens/{second_id}/revoke"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(attempt.status(), 404);
    let other_token = {
        let created = other
            .post("/account/tokens", &[("csrf", &csrf), ("name", "root")])
            .await;
        let html = created.text().await.unwrap();
        regex::Regex::new(r"tw_[A-Za-z0-9_-]{43}")
            .unwrap()
            .find(&html)
            .unwrap()
            .as_str()
            .to_owned()
    };
    let api_attempt = app
        .client
        .delete(app.url(&format!("/api/v1/account/tokens/{second_id}")))
        .bearer_auth(&other_token)
        .send()
        .await
        .unwrap();
    assert_eq!(api_attempt.status(), 404);

    // Revoked: the token stops working at once.
    let revoked = app
        .client
        .delete(app.url(&format!("/api/v1/account/tokens/{second_id}")))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 204);
    let dead = app
        .client
        .get(app.url("/api/v1/account"))
        .bearer_auth(second["secret"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(dead.status(), 401);
    let made_up = app
        .client
        .get(app.url("/api/v1/account"))
        .bearer_auth("tw_madeup")
        .send()
        .await
        .unwrap();
    assert_eq!(made_up.status(), 401);
}

#[tokio::test]
async fn an_api_write_on_a_session_cookie_needs_the_csrf_header() {
    let app = spawn_app().await;
    let role = taawun_accounts::RoleGrant::from_parts("secretariat", None, None).unwrap();
    let browser = invited_user(&app, "s2@example.org", "S2", role).await;
    let response = browser
        .client
        .post(format!("{}/api/v1/account/tokens", browser.base))
        .json(&serde_json::json!({"name": "from a page"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(
        app.store
            .accounts()
            .list_api_tokens(1)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused() {
    let app = spawn_app().await;
    let big = "x".repeat(3 * 1024 * 1024);
    let response = app
        .client
        .post(app.url("/sign-in"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
}

#[tokio::test]
async fn the_api_rate_limit_answers_429_with_retry_after() {
    let app = spawn_app_with(|auth| {
        auth.api_requests_per_second = 1;
        auth.api_burst = 3;
    })
    .await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let r = app.get("/api/v1/states?per_page=1").await;
        statuses.push(r.status().as_u16());
        if r.status() == 429 {
            assert!(r.headers().contains_key("retry-after"));
        }
    }
    assert!(statuses.starts_with(&[200, 200, 200]), "{statuses:?}");
    assert!(statuses.contains(&429), "{statuses:?}");
    // Pages are not API: not limited.
    assert_eq!(app.get("/states").await.status(), 200);
}

#[tokio::test]
async fn security_headers_are_on_every_answer() {
    let app = spawn_app_with(|auth| auth.tls = true).await;
    let response = app.get("/sign-in").await;
    let headers = response.headers();
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
    assert_eq!(headers["referrer-policy"], "same-origin");
    assert!(
        headers["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=")
    );
    let csrf_cookie = headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("taawun_csrf="))
        .unwrap()
        .to_owned();
    assert!(
        csrf_cookie.contains("Secure")
            && csrf_cookie.contains("SameSite=Strict")
            && csrf_cookie.contains("HttpOnly")
    );
}

#[tokio::test]
async fn public_history_shows_roles_not_people_unless_they_chose_to_be_named() {
    let app = spawn_app().await;
    // The seed resolution was imported at start-up by the system.
    let (status, body) = app
        .get_json("/api/v1/history/resolution/A/HRC/RES/56/2")
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["items"][0]["action"], "create");
    assert_eq!(body["items"][0]["actor_role"], "system");

    let role = taawun_accounts::RoleGrant::from_parts("administrator", None, None).unwrap();
    let admin = invited_user(&app, "named@example.org", "Layla Haddad", role).await;
    let user_id = app
        .store
        .accounts()
        .credentials("named@example.org")
        .await
        .unwrap()
        .unwrap()
        .user
        .id;
    // An account's history is not public.
    assert_eq!(
        app.get(&format!("/api/v1/history/user/{user_id}"))
            .await
            .status(),
        401
    );
    assert_eq!(admin.page(&format!("/history/user/{user_id}")).await.0, 200);

    let csrf = admin.csrf("/account").await;
    admin
        .post(
            "/account/profile",
            &[("csrf", &csrf), ("display_name", "Layla Haddad")],
        )
        .await;
    let org = app
        .store
        .accounts()
        .create_organisation(
            &taawun_store::ChangeContext {
                actor: taawun_store::Actor::user(user_id, "administrator"),
                request_id: None,
            },
            &taawun_store::NewOrganisation {
                names: taawun_store::OrganisationNames {
                    en: Some("Qatar National Human Rights Committee".into()),
                    ar: Some("اللجنة الوطنية لحقوق الإنسان".into()),
                    ..Default::default()
                },
                kind: "nhri".into(),
                seat_iso3: Some("QAT".into()),
            },
            now(),
        )
        .await
        .unwrap();
    let path = format!("/api/v1/history/organisation/{}", org.id);
    let (_, body) = app.get_json(&path).await;
    assert_eq!(body["items"][0]["actor_role"], "administrator");
    assert!(
        body["items"][0]["actor_name"].is_null(),
        "not named: {body}"
    );
    admin
        .post(
            "/account/profile",
            &[
                ("csrf", &csrf),
                ("display_name", "Layla Haddad"),
                ("name_public", "1"),
            ],
        )
        .await;
    let (_, body) = app.get_json(&path).await;
    assert_eq!(body["items"][0]["actor_name"], "Layla Haddad");
    let (status, html) = {
        let r = app
            .get_with(
                &format!("/history/organisation/{}", org.id),
                "accept-language",
                "ar",
            )
            .await;
        (r.status().as_u16(), r.text().await.unwrap())
    };
    assert_eq!(status, 200);
    assert!(html.contains("dir=\"rtl\"") && html.contains("مسؤول النظام · Layla Haddad"));
}

#[tokio::test]
async fn audit_verify_finds_the_first_altered_entry() {
    // Tampering needs the database file: the SQLite case (the PostgreSQL store has the same
    // test in its crate).
    if std::env::var("TAAWUN_TEST_DATABASE_URL").is_ok_and(|u| !u.trim().is_empty()) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let run = |args: &[&str]| {
        taawun()
            .args(["--data-dir", data])
            .args(args)
            .output()
            .unwrap()
    };
    let created = run(&["users", "create-admin", "one@example.org"]);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(String::from_utf8_lossy(&created.stdout).contains("/invitations/"));
    run(&["users", "create-admin", "two@example.org"]);
    let intact = run(&["audit", "verify"]);
    assert!(intact.status.success());
    let out = String::from_utf8_lossy(&intact.stdout);
    assert!(out.contains("intact"), "{out}");

    // Someone with the file edits an entry behind the triggers' back.
    let db = dir.path().join("taawun.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    let refused = sqlx::query("UPDATE audit_log SET actor_role = 'public' WHERE seq = 1")
        .execute(&pool)
        .await;
    assert!(
        refused.unwrap_err().to_string().contains("append-only"),
        "the trigger refuses edits"
    );
    let refused = sqlx::query("DELETE FROM audit_log WHERE seq = 1")
        .execute(&pool)
        .await;
    assert!(refused.is_err(), "the trigger refuses deletions");
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(&pool)
        .await
        .unwrap();
    let seq: i64 = sqlx::query_scalar(
        "SELECT seq FROM audit_log WHERE after_json LIKE '%two@example.org%' ORDER BY seq LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    sqlx::query(
        "UPDATE audit_log SET after_json = replace(after_json, 'two@', 'eve@') WHERE seq = ?",
    )
    .bind(seq)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let broken = run(&["audit", "verify"]);
    assert_eq!(
        broken.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&broken.stdout)
    );
    let out = String::from_utf8_lossy(&broken.stdout);
    assert!(out.contains(&format!("BROKEN at entry {seq}:")), "{out}");
}

#[tokio::test]
async fn an_administrator_records_an_organisation_and_the_public_reads_it_and_its_history() {
    let app = spawn_app().await;
    let role = taawun_accounts::RoleGrant::from_parts("administrator", None, None).unwrap();
    let admin = invited_user(&app, "orgs@example.org", "Registrar", role).await;
    let csrf = admin.csrf("/admin/organisations/new").await;
    // Invalid: no name, an unknown kind and seat; nothing is written.
    let refused = admin
        .post(
            "/admin/organisations",
            &[("csrf", &csrf), ("kind", "club"), ("seat", "XXX")],
        )
        .await;
    assert_eq!(refused.status(), 400);
    assert_eq!(app.get_json("/api/v1/organisations").await.1["total"], 0);
    let created = admin
        .post(
            "/admin/organisations",
            &[
                ("csrf", &csrf),
                ("name_ar", "اللجنة الوطنية لحقوق الإنسان"),
                ("name_en", "National Human Rights Committee"),
                ("kind", "nhri"),
                ("seat", "qat"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let page = location(&created);
    let id = page.rsplit('/').next().unwrap().to_owned();
    let response = app.get_with(&page, "accept-language", "ar").await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("اللجنة الوطنية لحقوق الإنسان"));
    let (status, body) = app.get_json(&format!("/api/v1/organisations/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["seat_iso3"], "QAT");
    // Found by part of its Arabic name, written without the article.
    let (_, found) = app
        .get_json("/api/v1/organisations?text=%D9%84%D8%AC%D9%86%D8%A9")
        .await;
    assert_eq!(found["total"], 1, "{found}");
    // The public cannot change it; its history is public and shows the role.
    let put = app
        .client
        .put(app.url(&format!("/api/v1/organisations/{id}")))
        .json(&serde_json::json!({"names": {"en": "x"}, "kind": "nhri"}))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 401);
    let (_, history) = app
        .get_json(&format!("/api/v1/history/organisation/{id}"))
        .await;
    assert_eq!(history["total"], 1);
    assert_eq!(history["items"][0]["actor_role"], "administrator");
    assert!(
        history["items"][0]["after"]
            .as_str()
            .unwrap()
            .contains("National Human Rights Committee")
    );
}

/// The secretariat may not revoke what it may not give: invitations to the administrator's or
/// the secretariat's role.
#[tokio::test]
async fn the_secretariat_cannot_revoke_an_administrator_or_secretariat_invitation() {
    let app = spawn_app().await;
    let grant = |kind: &str, state: Option<&str>| {
        taawun_accounts::RoleGrant::from_parts(kind, state, None).unwrap()
    };
    let secretariat = invited_user(
        &app,
        "sec@example.org",
        "Officer",
        grant("secretariat", None),
    )
    .await;
    let invite = |email: &'static str, role: taawun_accounts::RoleGrant| {
        let store = app.store.clone();
        async move {
            store
                .accounts()
                .create_invitation(
                    &taawun_store::ChangeContext::command_line(),
                    &taawun_store::NewInvitation {
                        email: email.into(),
                        role,
                        token_digest: taawun_accounts::digest(
                            taawun_accounts::new_secret("").expose(),
                        ),
                        expires_at: now() + 3600,
                    },
                    &taawun_store::NewMessage {
                        to: email.into(),
                        subject: "x".into(),
                        text: "x".into(),
                    },
                    now(),
                )
                .await
                .unwrap()
                .id
        }
    };
    let admin = invite("boss@example.org", grant("administrator", None)).await;
    let peer = invite("peer@example.org", grant("secretariat", None)).await;
    let focal = invite("focal@example.org", grant("focal-point", Some("TUN"))).await;
    let revoked = |id: i64| {
        let store = app.store.clone();
        async move {
            store
                .accounts()
                .list_invitations(taawun_store::Paging {
                    page: 1,
                    per_page: 100,
                })
                .await
                .unwrap()
                .items
                .into_iter()
                .find(|i| i.id == id)
                .unwrap()
                .revoked_at
                .is_some()
        }
    };
    let csrf = secretariat.csrf("/admin/invitations").await;
    for id in [admin, peer] {
        let response = secretariat
            .post(
                &format!("/admin/invitations/{id}/revoke"),
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(response.status(), 403, "invitation {id}");
        assert!(!revoked(id).await, "invitation {id} stays valid");
    }
    let response = secretariat
        .post(
            &format!("/admin/invitations/{focal}/revoke"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(revoked(focal).await);
}

/// A log writer the test can read back.
#[derive(Clone, Default)]
struct CapturedLogs(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for CapturedLogs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Single-use links must not be readable in the database once their e-mail is sent.
#[tokio::test]
async fn sent_mail_and_request_logs_keep_no_single_use_link() {
    // The server runs on this test's thread (a current-thread runtime), so a subscriber set for
    // this thread sees every request's log lines, and no other test's.
    let logs = CapturedLogs::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let app = spawn_app().await;
    let role = taawun_accounts::RoleGrant::from_parts("donor", Some("NOR"), None).unwrap();
    invited_user(&app, "mail@example.org", "Mail", role).await;
    let browser = Browser::new(&app);
    let csrf = browser.csrf("/password/forgot").await;
    let asked = browser
        .post(
            "/password/forgot",
            &[("csrf", &csrf), ("email", "mail@example.org")],
        )
        .await;
    assert_eq!(asked.status(), 200);
    let bodies = app
        .sql
        .strings("SELECT body FROM outbox WHERE body LIKE '%/password/reset/%'")
        .await;
    assert_eq!(bodies.len(), 1, "the reset e-mail waits in the outbox");
    let link = regex::Regex::new(r"http://taawun\.test(/password/reset/(\S+))")
        .unwrap()
        .captures(&bodies[0])
        .expect("the e-mail holds the link");
    let (path, secret) = (link[1].to_owned(), link[2].to_owned());
    assert_eq!(browser.get(&path).await.status(), 200);

    let dir = tempfile::tempdir().unwrap();
    let transport =
        taawun_mail::FileTransport::new(dir.path(), "Taawun <no-reply@taawun.test>").unwrap();
    let sent = taawun::mail::send_pending(app.store.as_ref(), &transport)
        .await
        .unwrap();
    assert!(sent >= 2, "the invitation and the reset were sent ({sent})");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), sent);
    let kept = app
        .sql
        .strings("SELECT body FROM outbox WHERE sent_at IS NOT NULL")
        .await;
    assert!(kept.len() >= 2);
    assert!(kept.iter().all(String::is_empty), "{kept:?}");

    // (Whether every request line was captured depends on tracing's per-callsite caches, shared
    // with the other tests' threads; `request_logs_redact_single_use_links` reads a server's
    // whole log. Here: nothing captured shows a secret.)
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(!logs.contains(&secret), "{logs}");
    let unredacted = regex::Regex::new(r"/(password/reset|invitations)/[^\[\s]").unwrap();
    assert!(!unredacted.is_match(&logs), "{logs}");
}

/// While another process holds SQLite's write lock (as `taawun import votes` does while it
/// commits), a write that waited its time answers 503 with Retry-After — a page in the user's
/// language, or the API's JSON — and never 500; once the lock is released the same write works.
#[tokio::test]
async fn a_write_during_another_processs_write_answers_busy_not_500() {
    let app = spawn_app().await;
    let crate::helpers::RawDatabase::Sqlite(pool) = &app.sql else {
        eprintln!("skipped: PostgreSQL has no database-wide write lock (rows are locked alone)");
        return;
    };
    let browser = Browser::new(&app);
    let csrf = browser.csrf("/sign-in").await;
    let form = [
        ("csrf", csrf.as_str()),
        ("email", "nobody@example.org"),
        ("password", "not the password at all"),
    ];
    let attempt = || browser.post("/sign-in", &form);
    let mut import = pool.acquire().await.unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut *import)
        .await
        .unwrap();
    let busy = attempt().await;
    assert_eq!(busy.status(), 503);
    assert_eq!(busy.headers()["retry-after"], "5");
    let page = busy.text().await.unwrap();
    assert!(page.contains("busy with an import"), "{page}");
    sqlx::query("ROLLBACK").execute(&mut *import).await.unwrap();
    drop(import);
    let after = attempt().await;
    assert_eq!(
        after.status(),
        401,
        "the same write works once the lock is gone"
    );
}

/// A real `taawun import votes` of the General Assembly's whole record into the server's SQLite
/// database, with the server taking writes all the while (a failed sign-in writes its failure):
/// each write queues behind the import's commit and is answered, or, behind a lock longer than
/// the wait, answers 503 with Retry-After — never 500.
#[tokio::test]
async fn writes_during_a_vote_import_queue_behind_it_and_never_answer_500() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    let Some(url) = app.sqlite_url() else {
        eprintln!("skipped: PostgreSQL has no database-wide write lock (rows are locked alone)");
        return;
    };
    let browser = Browser::new(&app);
    let csrf = browser.csrf("/sign-in").await;
    let form = [
        ("csrf", csrf.as_str()),
        ("email", "nobody@example.org"),
        ("password", "not the password at all"),
    ];
    // The import's messages go to a file, which nothing needs to drain while it runs.
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut import = crate::helpers::taawun()
        .args([
            "import",
            "votes",
            "--format",
            "unga",
            "--database-url",
            &url,
        ])
        .arg(crate::helpers::shared("data/votes/unga"))
        .stdout(std::process::Stdio::null())
        .stderr(log.reopen().unwrap())
        .spawn()
        .unwrap();
    let mut answered = Vec::new();
    let finished = loop {
        if let Some(status) = import.try_wait().unwrap() {
            break status;
        }
        let response = browser.post("/sign-in", &form).await;
        let status = response.status().as_u16();
        if status == 503 {
            assert_eq!(response.headers()["retry-after"], "5");
        }
        assert!(
            status < 500 || status == 503,
            "a write during the import answered {status}: {}",
            response.text().await.unwrap_or_default()
        );
        answered.push(status);
    };
    assert!(
        finished.success(),
        "{}",
        std::fs::read_to_string(log.path()).unwrap_or_default()
    );
    assert!(
        !answered.is_empty(),
        "no write was made while the import ran"
    );
    let imported = app
        .sql
        .strings("SELECT CAST(count(*) AS TEXT) FROM roll_calls WHERE body = 'unga'")
        .await;
    assert_ne!(imported, ["0"], "the import wrote its roll calls");
}

/// The administrator picks a role's State and organisation by name in the page's language; the
/// form sends the code and the number, and the invitation is bound to them.
#[tokio::test]
async fn invitations_pick_states_and_organisations_by_name() {
    let app = spawn_app().await;
    let role = taawun_accounts::RoleGrant::from_parts("administrator", None, None).unwrap();
    let admin = invited_user(&app, "admin@example.org", "Admin", role).await;
    let (status, html) = admin.page("/admin/invitations").await;
    assert_eq!(status, 200);
    let egypt = taawun_states::by_iso3("EGY").unwrap();
    assert!(html.contains(&format!(
        "<option value=\"EGY\">{}</option>",
        egypt.names.en
    )));
    let arabic = admin
        .client
        .get(format!("{}/admin/invitations", admin.base))
        .header("accept-language", "ar")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(arabic.contains(&format!(
        "<option value=\"EGY\">{}</option>",
        egypt.names.ar
    )));
    assert!(!arabic.contains("ISO3"), "no code to type");
    let csrf = admin.csrf("/admin/invitations").await;
    let sent = admin
        .post(
            "/admin/invitations",
            &[
                ("csrf", &csrf),
                ("email", "focal@example.org"),
                ("role", "focal-point"),
                ("state", "EGY"),
                ("organisation", ""),
            ],
        )
        .await;
    assert_eq!(sent.status(), 201);
    let stored = app
        .sql
        .strings("SELECT state_iso3 FROM invitations WHERE email = 'focal@example.org'")
        .await;
    assert_eq!(stored, ["EGY"]);
}
