//! A transport that only notes that a message would have gone out: for deployments that have
//! no mail yet and want the outbox drained rather than piling up.

use lettre::message::Mailbox;

use crate::{MailError, Message, Transport, build_message, parse_from};

/// Logs each message's recipient, subject and body length at `info` — never the body, which
/// holds secret links that logs must not collect.
#[derive(Debug, Clone)]
pub struct LogTransport {
    from: Mailbox,
}

impl LogTransport {
    /// Checks the from-address, like every transport, so switching transports never turns a
    /// working configuration into a broken one.
    pub fn new(from: &str) -> Result<Self, MailError> {
        Ok(Self {
            from: parse_from(from)?,
        })
    }
}

#[async_trait::async_trait]
impl Transport for LogTransport {
    async fn send(&self, message: &Message) -> Result<(), MailError> {
        // Built though not sent, so invalid recipients fail here as they would in production.
        build_message(&self.from, message)?;
        tracing::info!(
            to = %message.to,
            subject = %message.subject,
            body_bytes = message.text.len(),
            "e-mail not sent (log transport)"
        );
        Ok(())
    }

    fn describe(&self) -> String {
        "log only (messages are not sent)".to_owned()
    }
}
