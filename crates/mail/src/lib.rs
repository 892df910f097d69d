//! Outgoing e-mail: the message type and the transports a sender task hands messages to.
//!
//! The platform queues mail (invitations, password-reset links) in an outbox table; a sender
//! task takes each message from there and calls [`Transport::send`]. Which transport runs is
//! configuration ([`transport_from_url`]): files by default, so nothing needs a mail server to
//! run or test, SMTP in production.
//!
//! Bodies carry secret single-use links, so no code here logs a body, and [`Message`]'s
//! `Debug` leaves it out.

use std::fmt;

use lettre::message::{Mailbox, header};

mod file;
mod log;
mod smtp;

pub use file::FileTransport;
pub use log::LogTransport;
pub use smtp::SmtpTransport;

/// One plain-text UTF-8 e-mail to one recipient.
///
/// Only what the platform varies per message; the From address belongs to the transport
/// ([`Sender`]), so it is configured once.
#[derive(Clone, PartialEq, Eq)]
pub struct Message {
    /// The recipient: `user@example.org` or `Name <user@example.org>`.
    pub to: String,
    pub subject: String,
    /// The body; may hold secret links, never log it.
    pub text: String,
}

impl Message {
    pub fn new(to: impl Into<String>, subject: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            to: to.into(),
            subject: subject.into(),
            text: text.into(),
        }
    }
}

/// Hand-written so that `{:?}` on a message (in a log line or a panic) never shows the body.
impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Message")
            .field("to", &self.to)
            .field("subject", &self.subject)
            .field("text", &format_args!("<{} bytes>", self.text.len()))
            .finish()
    }
}

/// Why a message could not be sent.
///
/// The outbox records permanent failures and retries the others; see
/// [`MailError::is_permanent`].
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// A recipient that is not a valid mailbox: retrying cannot help.
    #[error("invalid e-mail address {address:?}: {reason}")]
    InvalidAddress { address: String, reason: String },
    /// Configuration that cannot work (transport URL, from-address, directory).
    #[error("invalid mail configuration: {0}")]
    InvalidConfig(String),
    /// The transport failed this time (network, server, disk); worth retrying.
    #[error("mail transport failed: {0}")]
    Transport(String),
}

impl MailError {
    /// Whether retrying the same message can never succeed, so the sender should record the
    /// failure rather than try again.
    pub fn is_permanent(&self) -> bool {
        match self {
            MailError::InvalidAddress { .. } | MailError::InvalidConfig(_) => true,
            MailError::Transport(_) => false,
        }
    }
}

/// Where messages go. Object-safe so the transport can be chosen at start-up from
/// configuration and shared as `Box<dyn Transport>` / `Arc<dyn Transport>`.
#[async_trait::async_trait]
pub trait Transport: Send + Sync + 'static {
    async fn send(&self, message: &Message) -> Result<(), MailError>;
    /// For the start-up log line: e.g. "files in /x/outbox", "SMTP smtp.example.org:587 (STARTTLS)" — never a password.
    fn describe(&self) -> String;
}

/// The From of every message, e.g. `Taawun <no-reply@example.org>`.
///
/// Kept as the configured string; [`Sender::new`] checks it so a typo fails at start-up rather
/// than at the first invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    pub from: String,
}

impl Sender {
    /// Checks that `from` is a valid mailbox.
    pub fn new(from: impl Into<String>) -> Result<Self, MailError> {
        let sender = Self { from: from.into() };
        sender.mailbox()?;
        Ok(sender)
    }

    /// The parsed From mailbox; an invalid one is a configuration error.
    pub fn mailbox(&self) -> Result<Mailbox, MailError> {
        parse_from(&self.from)
    }

    /// The complete RFC 5322 message, as the transports send it.
    pub fn build(&self, message: &Message) -> Result<lettre::Message, MailError> {
        build_message(&self.mailbox()?, message)
    }
}

/// Parses the configured From address; failures are configuration errors because no message
/// could ever be sent with it.
pub(crate) fn parse_from(from: &str) -> Result<Mailbox, MailError> {
    from.trim().parse::<Mailbox>().map_err(|e| {
        MailError::InvalidConfig(format!(
            "from-address {from:?} is not a valid mailbox ({e}); expected e.g. \"Taawun <no-reply@example.org>\""
        ))
    })
}

/// Parses a recipient; failures are [`MailError::InvalidAddress`], which the outbox records
/// instead of retrying.
pub(crate) fn parse_recipient(to: &str) -> Result<Mailbox, MailError> {
    to.trim()
        .parse::<Mailbox>()
        .map_err(|e| MailError::InvalidAddress {
            address: to.to_owned(),
            reason: e.to_string(),
        })
}

/// Builds the message with lettre so that non-ASCII headers are RFC 2047-encoded and the
/// body gets a valid Content-Transfer-Encoding (base64 or quoted-printable for Arabic).
pub(crate) fn build_message(
    from: &Mailbox,
    message: &Message,
) -> Result<lettre::Message, MailError> {
    let to = parse_recipient(&message.to)?;
    // Message-ID from the sender's domain rather than this machine's hostname, which in a
    // container is meaningless and can hurt deliverability.
    let message_id = format!("<{}@{}>", uuid::Uuid::new_v4(), from.email.domain());
    lettre::Message::builder()
        .from(from.clone())
        .to(to)
        .subject(message.subject.as_str())
        .message_id(Some(message_id))
        // A plain body rather than a MIME `SinglePart`, which would append a line break to
        // every text.
        .header(header::MIME_VERSION_1_0)
        .header(header::ContentType::TEXT_PLAIN)
        .body(message.text.clone())
        .map_err(|e| MailError::InvalidAddress {
            // Every header but the addresses is encoded, so lettre only fails on addresses.
            address: message.to.clone(),
            reason: e.to_string(),
        })
}

/// Chooses the transport from configuration: `file:<dir>`, `log`, `smtp://…`, `smtps://…`.
/// Errors name the value and what is wrong (unknown scheme, bad from-address, …).
///
/// Error messages show the URL with any password replaced by `***`, since they end up in logs.
pub fn transport_from_url(url: &str, from: &str) -> Result<Box<dyn Transport>, MailError> {
    let value = url.trim();
    let scheme_end = value.find(':');
    let scheme = scheme_end.map(|i| value[..i].to_ascii_lowercase());
    match scheme.as_deref() {
        None if value.eq_ignore_ascii_case("log") => Ok(Box::new(LogTransport::new(from)?)),
        Some("file") => {
            let rest = &value["file:".len()..];
            // Accept the URL spelling `file:///x/outbox` as well as `file:/x/outbox`.
            let dir = rest.strip_prefix("//").unwrap_or(rest);
            if dir.is_empty() {
                return Err(MailError::InvalidConfig(format!(
                    "mail transport {value:?} names no directory; expected e.g. \"file:/var/lib/taawun/outbox\""
                )));
            }
            Ok(Box::new(FileTransport::new(dir, from)?))
        }
        Some("smtp") | Some("smtps") => Ok(Box::new(SmtpTransport::from_url(value, from)?)),
        _ => Err(MailError::InvalidConfig(format!(
            "mail transport {:?}: unknown kind; expected \"file:<dir>\", \"log\", \"smtp://…\" or \"smtps://…\"",
            redact_password(value)
        ))),
    }
}

/// Replaces the password of a `scheme://user:password@host` value with `***`, so that a
/// configuration error can name the value without putting the password in the log.
///
/// Works on the raw text rather than a parsed URL because it must also cover values that do not
/// parse; everything up to the last `@` counts as user information, so a password containing
/// `/` or `@` is still hidden.
pub(crate) fn redact_password(value: &str) -> String {
    let Some(scheme_end) = value.find("://") else {
        return value.to_owned();
    };
    let start = scheme_end + "://".len();
    let Some(at) = value[start..].rfind('@').map(|i| start + i) else {
        return value.to_owned();
    };
    let userinfo = &value[start..at];
    match userinfo.find(':') {
        Some(colon) => format!("{}:***{}", &value[..start + colon], &value[at..]),
        None => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact_password("smtp://user:secret@host:587"),
            "smtp://user:***@host:587"
        );
        assert_eq!(
            redact_password("smtp://user:se/c@ret@host"),
            "smtp://user:***@host"
        );
        assert_eq!(redact_password("smtp://host:25"), "smtp://host:25");
        assert_eq!(redact_password("smtp://user@host"), "smtp://user@host");
        assert_eq!(redact_password("log"), "log");
        assert_eq!(redact_password("smtp://é:ü@h"), "smtp://é:***@h");
    }

    #[test]
    fn debug_hides_the_body() {
        let m = Message::new("a@example.org", "Reset", "https://x/reset?token=SECRET");
        let shown = format!("{m:?}");
        assert!(!shown.contains("SECRET"), "{shown}");
        assert!(shown.contains("a@example.org"));
    }

    #[test]
    fn permanence() {
        assert!(
            MailError::InvalidAddress {
                address: "x".into(),
                reason: "y".into()
            }
            .is_permanent()
        );
        assert!(MailError::InvalidConfig("x".into()).is_permanent());
        assert!(!MailError::Transport("x".into()).is_permanent());
    }
}
