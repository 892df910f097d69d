//! Calls for inputs of the seed resolution's mandates: the secretariat opening one (every wrong
//! field named, nothing written), a stakeholder submitting on time, a submission after the
//! deadline received and marked late, consent to publish that must be stated, a submission
//! without consent counted but shown to the secretariat alone, and the pages saying the same.

use chrono::{Duration, Utc};
use serde_json::{Value, json};
use taawun_accounts::RoleGrant;

use crate::accounts::{Browser, invited_user};
use crate::helpers::{TestApp, send, spawn_app, token_of};

/// A mandate of the seed resolution: (addressee, paragraph, symbol).
async fn seed_mandate(app: &TestApp) -> (String, u64, String) {
    let (status, all) = app.get_json("/api/v1/mandates?per_page=500").await;
    assert_eq!(status, 200, "{all}");
    let mandate = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["symbol"] == "A/HRC/RES/56/2")
        .expect("the seed resolution gives mandates");
    (
        mandate["addressee"].as_str().unwrap().to_owned(),
        mandate["paragraph"].as_u64().unwrap(),
        mandate["symbol"].as_str().unwrap().to_owned(),
    )
}

fn days_from_today(days: i64) -> String {
    (Utc::now().date_naive() + Duration::days(days)).to_string()
}

async fn stakeholder_organisation(app: &TestApp) -> i64 {
    app.store
        .accounts()
        .create_organisation(
            &taawun_store::ChangeContext::command_line(),
            &taawun_store::NewOrganisation {
                names: taawun_store::OrganisationNames {
                    en: Some("Friends of Justice".into()),
                    ..Default::default()
                },
                kind: "civil-society".into(),
                seat_iso3: Some("KEN".into()),
            },
            0,
        )
        .await
        .unwrap()
        .id
}

async fn total_calls(app: &TestApp) -> u64 {
    let (status, list) = app.get_json("/api/v1/consultations").await;
    assert_eq!(status, 200, "{list}");
    list["total"].as_u64().unwrap()
}

#[tokio::test]
async fn a_call_takes_submissions_on_time_and_late_and_shows_what_consent_allows() {
    let app = spawn_app().await;
    let secretariat_browser = invited_user(
        &app,
        "secretariat@ohchr.example",
        "Secretariat Officer",
        RoleGrant::from_parts("secretariat", None, None).unwrap(),
    )
    .await;
    let organisation = stakeholder_organisation(&app).await;
    let stakeholder_browser = invited_user(
        &app,
        "ngo@friends.example",
        "Friends of Justice",
        RoleGrant::from_parts("stakeholder", None, Some(organisation)).unwrap(),
    )
    .await;
    let secretariat = token_of(&app, "secretariat@ohchr.example").await;
    let stakeholder = token_of(&app, "ngo@friends.example").await;
    let post = reqwest::Method::POST;
    let (addressee, paragraph, symbol) = seed_mandate(&app).await;
    let mandate = json!({"addressee": addressee, "paragraph": paragraph, "symbol": symbol});
    let call = |title: &str, opens: i64, deadline: i64| {
        json!({
            "title": title,
            "questions": [
                "What challenges does your State face in cooperation?",
                "Which good practices would you share?",
            ],
            "opens": days_from_today(opens),
            "deadline": days_from_today(deadline),
            "mandate": mandate,
        })
    };
    assert_eq!(total_calls(&app).await, 0);

    // Every wrong field named, nothing written.
    let mut bad = call("Call for inputs on cooperation", -10, 20);
    bad["questions"] = json!(["What challenges?", "  "]);
    bad["deadline"] = json!("15 March");
    let (status, refused) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        "/api/v1/consultations",
        bad,
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    let message = refused["error"]["message"].as_str().unwrap();
    for field in ["questions[1]", "deadline"] {
        assert!(message.contains(field), "{field} not named in {message}");
    }
    assert_eq!(refused["error"]["parameter"], "questions[1]");
    let mut no_questions = call("Call for inputs on cooperation", -10, 20);
    no_questions["questions"] = json!([]);
    no_questions["mandate"]["paragraph"] = json!("op. 1");
    let (status, refused) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        "/api/v1/consultations",
        no_questions,
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    let message = refused["error"]["message"].as_str().unwrap();
    for field in ["mandate.paragraph", "questions"] {
        assert!(message.contains(field), "{field} not named in {message}");
    }
    assert_eq!(total_calls(&app).await, 0);
    // Only the secretariat opens calls.
    let good = call("Call for inputs on cooperation", -10, 20);
    let (status, _) = send(
        &app,
        None,
        post.clone(),
        "/api/v1/consultations",
        good.clone(),
    )
    .await;
    assert_eq!(status, 401);
    let (status, _) = send(
        &app,
        Some(&stakeholder),
        post.clone(),
        "/api/v1/consultations",
        good.clone(),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(total_calls(&app).await, 0);

    let (status, open) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        "/api/v1/consultations",
        good,
    )
    .await;
    assert_eq!(status, 201, "{open}");
    assert_eq!(open["status"], "open");
    assert_eq!(open["mandate"]["symbol"], symbol);
    assert_eq!(open["questions"][1]["number"], 2);
    let open_id = open["id"].as_i64().unwrap();
    let (status, past) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        "/api/v1/consultations",
        call("An earlier call for inputs", -40, -1),
    )
    .await;
    assert_eq!(status, 201, "{past}");
    assert_eq!(past["status"], "closed");
    let past_id = past["id"].as_i64().unwrap();
    let (status, upcoming) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        "/api/v1/consultations",
        call("A later call for inputs", 5, 30),
    )
    .await;
    assert_eq!(status, 201, "{upcoming}");
    let upcoming_id = upcoming["id"].as_i64().unwrap();
    let (_, list) = app.get_json("/api/v1/consultations").await;
    assert_eq!(list["total"], 3);
    // Newest deadline first.
    let deadlines: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["deadline"].as_str().unwrap())
        .collect();
    let mut sorted = deadlines.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(deadlines, sorted);

    let submission = |name: &str, publish: Value| {
        json!({
            "submitter_type": "ngo",
            "name": name,
            "email": "contact@friends.example",
            "answers": [
                {"question": 2, "text": "Legal aid clinics run with a partner State."},
                {"question": 1, "text": "Funding that arrives late."},
            ],
            "publish": publish,
        })
    };
    let submissions_of = |id: i64| format!("/api/v1/consultations/{id}/submissions");
    let mut received = 0;
    let mut published = 0;

    // On time.
    let (status, on_time) = send(
        &app,
        Some(&stakeholder),
        post.clone(),
        &submissions_of(open_id),
        submission("Friends of Justice", json!(true)),
    )
    .await;
    assert_eq!(status, 201, "{on_time}");
    assert_eq!(on_time["late"], false);
    received += 1;
    published += 1;

    // Consent not stated: refused by name, nothing written.
    let (status, refused) = send(
        &app,
        Some(&stakeholder),
        post.clone(),
        &submissions_of(open_id),
        submission("Friends of Justice", Value::Null),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["error"]["parameter"], "publish");

    // Without consent: counted, not shown to the public.
    let (status, private) = send(
        &app,
        Some(&stakeholder),
        post.clone(),
        &submissions_of(open_id),
        submission("A discreet submitter", json!(false)),
    )
    .await;
    assert_eq!(status, 201, "{private}");
    received += 1;

    // Anonymous: sign in first.
    let (status, _) = send(
        &app,
        None,
        post.clone(),
        &submissions_of(open_id),
        submission("Nobody", json!(true)),
    )
    .await;
    assert_eq!(status, 401);
    // Before the call opens: refused, nothing written.
    let (status, refused) = send(
        &app,
        Some(&stakeholder),
        post.clone(),
        &submissions_of(upcoming_id),
        submission("Friends of Justice", json!(true)),
    )
    .await;
    assert_eq!(status, 409, "{refused}");

    // After the deadline: received, and marked late.
    let (status, late) = send(
        &app,
        Some(&stakeholder),
        post.clone(),
        &submissions_of(past_id),
        submission("Friends of Justice", json!(true)),
    )
    .await;
    assert_eq!(status, 201, "{late}");
    assert_eq!(late["late"], true);

    let (status, public) = app
        .get_json(&format!("/api/v1/consultations/{open_id}"))
        .await;
    assert_eq!(status, 200, "{public}");
    assert_eq!(public["received"], received);
    assert_eq!(public["published"], published);
    assert_eq!(public["late"], 0);
    assert_eq!(public["all_submissions"], false);
    let shown = public["submissions"].as_array().unwrap();
    assert_eq!(shown.len(), published);
    assert!(!public.to_string().contains("A discreet submitter"));
    assert!(!public.to_string().contains("contact@friends.example"));
    assert_eq!(shown[0]["answers"][0]["question"], 1);

    let (status, whole) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::GET,
        &format!("/api/v1/consultations/{open_id}"),
        Value::Null,
    )
    .await;
    assert_eq!(status, 200, "{whole}");
    assert_eq!(whole["all_submissions"], true);
    assert_eq!(whole["submissions"].as_array().unwrap().len(), received);
    assert!(whole.to_string().contains("A discreet submitter"));
    assert!(whole.to_string().contains("contact@friends.example"));

    let (_, past_now) = app
        .get_json(&format!("/api/v1/consultations/{past_id}"))
        .await;
    assert_eq!(past_now["received"], 1);
    assert_eq!(past_now["late"], 1);
    assert_eq!(past_now["submissions"][0]["late"], true);
    let (_, upcoming_now) = app
        .get_json(&format!("/api/v1/consultations/{upcoming_id}"))
        .await;
    assert_eq!(upcoming_now["received"], 0);

    // The pages say the same.
    let public_browser = Browser::new(&app);
    let (status, html) = public_browser.page("/consultations").await;
    assert_eq!(status, 200);
    assert!(html.contains("Call for inputs on cooperation"));
    assert!(html.contains(&format!("data-received=\"{received}\"")));
    assert!(!html.contains("id=\"new-call\""));
    let (status, html) = public_browser
        .page(&format!("/consultations/{open_id}"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!(
        "data-received=\"{received}\" data-late=\"0\" data-published=\"{published}\""
    )));
    assert!(html.contains("Legal aid clinics run with a partner State."));
    assert!(!html.contains("A discreet submitter"));
    assert!(!html.contains("contact@friends.example"));
    assert!(html.contains("sign-in-to-submit"));
    assert!(!html.contains("submission-form"));
    let (_, html) = public_browser
        .page(&format!("/consultations/{past_id}"))
        .await;
    assert!(html.contains("received after the deadline"));
    let (_, html) = secretariat_browser
        .page(&format!("/consultations/{open_id}"))
        .await;
    assert!(html.contains("A discreet submitter"));
    assert!(html.contains("contact@friends.example"));
    let (_, html) = secretariat_browser.page("/consultations").await;
    assert!(html.contains("id=\"new-call\""));
    // In Arabic, with the counts in words.
    let response = app
        .get_with(
            &format!("/consultations/{past_id}"),
            "accept-language",
            "ar",
        )
        .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("وردت بعد الموعد النهائي"), "{html}");
    assert!(html.contains("وردت مساهمة واحدة"), "{html}");
    assert!(
        !html.contains("consultation-"),
        "a message id shown: {html}"
    );
    // A signed-in account sees the form where it may submit, and when the call opens where not.
    let (_, html) = stakeholder_browser
        .page(&format!("/consultations/{open_id}"))
        .await;
    assert!(html.contains("id=\"submission-form\""));
    let (_, html) = stakeholder_browser
        .page(&format!("/consultations/{upcoming_id}"))
        .await;
    assert!(html.contains("id=\"not-open\""));
    assert!(!html.contains("id=\"submission-form\""));
}

#[tokio::test]
async fn the_forms_name_what_is_wrong_and_confirm_what_was_received() {
    let app = spawn_app().await;
    let secretariat = invited_user(
        &app,
        "secretariat@ohchr.example",
        "Secretariat Officer",
        RoleGrant::from_parts("secretariat", None, None).unwrap(),
    )
    .await;
    let organisation = stakeholder_organisation(&app).await;
    let stakeholder = invited_user(
        &app,
        "ngo@friends.example",
        "Friends of Justice",
        RoleGrant::from_parts("stakeholder", None, Some(organisation)).unwrap(),
    )
    .await;
    let (addressee, paragraph, symbol) = seed_mandate(&app).await;
    let paragraph = paragraph.to_string();

    // The mandate's page links to the form with the mandate filled in.
    let url = reqwest::Url::parse_with_params(
        "http://taawun.test/consultations/new",
        [
            ("addressee", addressee.as_str()),
            ("paragraph", paragraph.as_str()),
            ("symbol", symbol.as_str()),
        ],
    )
    .unwrap();
    let (status, html) = secretariat
        .page(&format!("{}?{}", url.path(), url.query().unwrap()))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("name=\"symbol\" value=\"{symbol}\"")));
    assert!(html.contains(&format!("<option value=\"{addressee}\" selected>")));
    let csrf = crate::accounts::csrf_in(&html).unwrap();
    let (opens, deadline) = (days_from_today(-3), days_from_today(10));
    let form = |questions: &str, deadline: &str| {
        vec![
            ("csrf", csrf.clone()),
            (
                "title",
                "Call for inputs on technical cooperation".to_owned(),
            ),
            ("questions", questions.to_owned()),
            ("opens", opens.clone()),
            ("deadline", deadline.to_owned()),
            ("addressee", addressee.clone()),
            ("paragraph", paragraph.clone()),
            ("symbol", symbol.clone()),
        ]
    };
    let post = |path: &'static str, browser: &Browser, fields: Vec<(&'static str, String)>| {
        let request = browser
            .client
            .post(format!("{}{path}", browser.base))
            .form(&fields);
        async move { request.send().await.unwrap() }
    };
    let response = post("/consultations", &secretariat, form("\n \n", "the 5th")).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("data-field=\"questions\""), "{html}");
    assert!(html.contains("data-field=\"deadline\""));
    assert!(html.contains("Call for inputs on technical cooperation"));
    let (_, list) = app.get_json("/api/v1/consultations").await;
    assert_eq!(list["total"], 0);

    let response = post(
        "/consultations",
        &secretariat,
        form("What challenges?\nWhich practices?", &deadline),
    )
    .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/consultations/"), "{location}");

    // A signed-in account sees the form; consent must be stated.
    let (status, html) = stakeholder.page(&location).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"submission-form\""));
    let consent_given =
        regex::Regex::new(r#"name="publish" value="(yes|no)"[^>]*checked"#).unwrap();
    assert!(!consent_given.is_match(&html), "consent has no default");
    let csrf = crate::accounts::csrf_in(&html).unwrap();
    let submit = |publish: Option<&str>| {
        let mut fields = vec![
            ("csrf", csrf.clone()),
            ("submitter_type", "ngo".to_owned()),
            ("name", "Friends of Justice".to_owned()),
            ("answer_1", "".to_owned()),
            (
                "answer_2",
                "Peer exchanges between institutions.".to_owned(),
            ),
        ];
        if let Some(p) = publish {
            fields.push(("publish", p.to_owned()));
        }
        fields
    };
    let path = format!("{location}/submissions");
    let response = stakeholder
        .client
        .post(format!("{}{path}", stakeholder.base))
        .form(&submit(None))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("data-field=\"publish\""));
    assert!(html.contains("Peer exchanges between institutions."));
    let id = location.trim_start_matches("/consultations/");
    let (_, call) = app.get_json(&format!("/api/v1/consultations/{id}")).await;
    assert_eq!(call["received"], 0);

    let response = stakeholder
        .client
        .post(format!("{}{path}", stakeholder.base))
        .form(&submit(Some("yes")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let confirmed = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(confirmed.contains("submitted=on-time"), "{confirmed}");
    let (_, html) = stakeholder.page(&confirmed).await;
    assert!(html.contains("id=\"confirmation\" data-when=\"on-time\""));
    let (_, call) = app.get_json(&format!("/api/v1/consultations/{id}")).await;
    assert_eq!(call["received"], 1);
    assert_eq!(
        call["submissions"][0]["answers"].as_array().unwrap().len(),
        1
    );
}
