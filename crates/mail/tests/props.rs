//! Configuration and message text come from outside (environment, database); whatever they
//! hold, the crate answers with a value or an error, never a panic.

use proptest::prelude::*;
use taawun_mail::{Message, Sender, transport_from_url};

const FROM: &str = "Taawun <no-reply@example.org>";

proptest! {
    #[test]
    fn transport_from_url_never_panics(
        prefix in prop_oneof![
            Just(""), Just("log"), Just("smtp://"), Just("smtps://"), Just("smtp://u:p@"),
            Just("file:"),
        ],
        rest in "\\PC*|[a-z0-9:/@?=&.%\\[\\]#-]*",
        from in prop_oneof![Just(FROM.to_owned()), "\\PC*".prop_map(|s| s)],
    ) {
        // Keep `file:` inside a scratch directory: the transport creates it.
        let tmp = tempfile::tempdir().unwrap();
        let url = if prefix == "file:" {
            prop_assume!(!rest.contains(".."));
            format!("file:{}/{rest}", tmp.path().display())
        } else {
            format!("{prefix}{rest}")
        };
        if let Err(e) = transport_from_url(&url, &from) {
            prop_assert!(e.is_permanent());
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn building_a_message_never_panics(
        from in "\\PC*", to in "\\PC*", subject in "\\PC*", text in "\\PC*",
    ) {
        let _ = Sender { from }.build(&Message { to, subject, text });
    }

    #[test]
    fn any_subject_name_and_text_survive_encoding(
        name in "\\PC{0,40}",
        local in "[a-z0-9._+-]{1,20}",
        subject in "\\PC*",
        text in "\\PC*",
    ) {
        prop_assume!(!local.starts_with('.') && !local.ends_with('.') && !local.contains(".."));
        let quoted = name.replace('\\', "\\\\").replace('"', "\\\"");
        let message = Message::new(format!("\"{quoted}\" <{local}@example.org>"), &subject, &text);
        let email = Sender::new(FROM).unwrap().build(&message).unwrap();
        let raw = email.formatted();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        prop_assert!(raw[..split].is_ascii(), "non-ASCII header: {:?}", String::from_utf8_lossy(&raw[..split]));

        let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
        let to = parsed.to().and_then(|a| a.first()).and_then(|a| a.address()).map(str::to_owned);
        prop_assert_eq!(to, Some(format!("{local}@example.org")));
        let body = parsed.body_text(0).map(|b| b.replace("\r\n", "\n")).unwrap_or_default();
        prop_assert_eq!(body, text.replace("\r\n", "\n"));
    }
}
