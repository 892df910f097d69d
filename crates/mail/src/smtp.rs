//! The production transport: SMTP through lettre, over rustls.

use std::fmt;
use std::net::IpAddr;

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use percent_encoding::percent_decode_str;
use url::{Host, Url};

use crate::{MailError, Message, Transport, build_message, parse_from, redact_password};

/// Submission port with STARTTLS (RFC 6409).
const SUBMISSION_PORT: u16 = 587;
/// Submission port with implicit TLS (RFC 8314).
const SUBMISSIONS_PORT: u16 = 465;
/// Plain SMTP, what a local relay listens on.
const SMTP_PORT: u16 = 25;

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Security {
    /// `smtp://`: STARTTLS, and refuse to go on without it, so a man in the middle cannot
    /// strip it and read the links.
    StartTls,
    /// `smtps://`: TLS from the first byte.
    ImplicitTls,
    /// `smtp://…?tls=none`: only for a relay on the same machine or network.
    None,
}

/// Sends over SMTP, one connection per message, configured by URL:
///
/// - `smtp://user:pass@host:port`: STARTTLS required (port 587 by default);
/// - `smtps://user:pass@host:port`: implicit TLS (port 465 by default);
/// - `smtp://host:port?tls=none`: no TLS, for a local relay (port 25 by default; no credentials,
///   which would cross the network in clear).
///
/// User and password are percent-decoded, so a password with `@`, `:` or `/` is written
/// percent-encoded. Certificates are checked against the Mozilla roots (webpki-roots).
pub struct SmtpTransport {
    inner: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    host: String,
    port: u16,
    security: Security,
    user: Option<String>,
}

impl SmtpTransport {
    /// Parses the URL and the from-address; errors name the URL with its password hidden.
    pub fn from_url(url: &str, from: &str) -> Result<Self, MailError> {
        let from = parse_from(from)?;
        let shown = redact_password(url);
        let bad = |what: &str| MailError::InvalidConfig(format!("SMTP URL {shown:?}: {what}"));

        let parsed = Url::parse(url).map_err(|e| bad(&format!("not a valid URL ({e})")))?;
        let implicit_tls = match parsed.scheme() {
            "smtp" => false,
            "smtps" => true,
            other => {
                return Err(bad(&format!(
                    "scheme {other:?} is not \"smtp\" or \"smtps\""
                )));
            }
        };
        let host = match parsed.host() {
            // A non-ASCII name comes back percent-encoded, which no resolver understands.
            Some(Host::Domain(d)) if d.contains('%') => {
                return Err(bad(
                    "host name must be ASCII (write an IDN in its xn-- form)",
                ));
            }
            Some(Host::Domain(d)) if !d.is_empty() => d.to_owned(),
            Some(Host::Ipv4(ip)) => IpAddr::V4(ip).to_string(),
            // lettre wants the bare address, not the bracketed URL form.
            Some(Host::Ipv6(ip)) => IpAddr::V6(ip).to_string(),
            _ => return Err(bad("no host")),
        };
        if !matches!(parsed.path(), "" | "/") {
            return Err(bad(&format!(
                "unexpected path {:?}; expected smtp://user:pass@host:port",
                parsed.path()
            )));
        }
        if parsed.fragment().is_some() {
            return Err(bad("unexpected #fragment"));
        }

        let mut tls_param = None;
        for (key, value) in parsed.query_pairs() {
            match key.as_ref() {
                "tls" if tls_param.is_none() => tls_param = Some(value.into_owned()),
                "tls" => return Err(bad("\"tls\" given twice")),
                other => {
                    return Err(bad(&format!(
                        "unknown parameter {other:?}; the only one is \"tls=none\" for smtp://"
                    )));
                }
            }
        }
        let security = match (implicit_tls, tls_param.as_deref()) {
            (true, None) => Security::ImplicitTls,
            (true, Some(_)) => {
                return Err(bad(
                    "smtps:// always uses TLS and takes no \"tls\" parameter",
                ));
            }
            (false, None | Some("starttls") | Some("required")) => Security::StartTls,
            (false, Some("none")) => Security::None,
            (false, Some(other)) => {
                return Err(bad(&format!(
                    "tls={other:?} is not supported; use no parameter (STARTTLS required), \
                     tls=none (local relay) or smtps:// (implicit TLS)"
                )));
            }
        };

        let user = decode(parsed.username()).map_err(|()| bad("user name is not UTF-8"))?;
        let password = parsed
            .password()
            .map(decode)
            .transpose()
            .map_err(|()| bad("password is not UTF-8"))?;
        let credentials = match (user.is_empty(), password) {
            (true, None) => None,
            (true, Some(_)) => return Err(bad("a password without a user name")),
            (false, None) => return Err(bad("a user name without a password")),
            (false, Some(password)) => Some(Credentials::new(user.clone(), password)),
        };
        if credentials.is_some() && security == Security::None {
            return Err(bad(
                "credentials with tls=none would send the password unencrypted; \
                 drop tls=none or the credentials",
            ));
        }

        let port = parsed.port().unwrap_or(match security {
            Security::StartTls => SUBMISSION_PORT,
            Security::ImplicitTls => SUBMISSIONS_PORT,
            Security::None => SMTP_PORT,
        });
        let tls = match security {
            Security::None => Tls::None,
            Security::StartTls | Security::ImplicitTls => {
                let params = TlsParameters::new(host.clone())
                    .map_err(|e| bad(&format!("TLS set-up for {host:?} failed ({e})")))?;
                if security == Security::StartTls {
                    Tls::Required(params)
                } else {
                    Tls::Wrapper(params)
                }
            }
        };

        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host.clone())
            .port(port)
            .tls(tls);
        if let Some(credentials) = credentials {
            builder = builder.credentials(credentials);
        }
        Ok(Self {
            inner: builder.build(),
            from,
            host,
            port,
            security,
            user: (!user.is_empty()).then_some(user),
        })
    }
}

impl SmtpTransport {
    /// "SMTP host:port", with an IPv6 address in brackets so the port stays readable.
    fn server(&self) -> String {
        if self.host.contains(':') {
            format!("SMTP [{}]:{}", self.host, self.port)
        } else {
            format!("SMTP {}:{}", self.host, self.port)
        }
    }
}

/// Percent-decodes a URL's user or password; `Err` when the result is not UTF-8.
fn decode(s: &str) -> Result<String, ()> {
    percent_decode_str(s)
        .decode_utf8()
        .map(|c| c.into_owned())
        .map_err(|_| ())
}

#[async_trait::async_trait]
impl Transport for SmtpTransport {
    async fn send(&self, message: &Message) -> Result<(), MailError> {
        let email = build_message(&self.from, message)?;
        let mut bytes = email.formatted();
        // lettre ends the data with CRLF "." CRLF whatever the message ends with; drop a final
        // line break so the recipient gets exactly the text, not one more empty line.
        if bytes.ends_with(b"\r\n") {
            bytes.truncate(bytes.len() - 2);
        }
        self.inner
            .send_raw(email.envelope(), &bytes)
            .await
            .map_err(|e| MailError::Transport(format!("{}: {e}", self.server())))?;
        Ok(())
    }

    fn describe(&self) -> String {
        let security = match self.security {
            Security::StartTls => "STARTTLS",
            Security::ImplicitTls => "implicit TLS",
            Security::None => "no TLS",
        };
        let mut s = format!("{} ({security})", self.server());
        if let Some(user) = &self.user {
            s.push_str(&format!(" as {user}"));
        }
        s
    }
}

/// Hand-written so that no password can reach a log through `{:?}`.
impl fmt::Debug for SmtpTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpTransport")
            .field("server", &self.describe())
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}
