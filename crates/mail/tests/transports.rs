//! The transports end to end: files that mail readers can parse, a log that never holds a body,
//! SMTP against an in-process fake server, and the configuration URLs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mail_parser::MessageParser;
use taawun_mail::{
    FileTransport, LogTransport, MailError, Message, Sender, SmtpTransport, Transport,
    transport_from_url,
};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

const FROM: &str = "Taawun <no-reply@example.org>";
const SUBJECT: &str = "دعوة إلى تعاون — Invitation to Taawun";
const TEXT: &str = "مرحباً،\n\
    لقد دُعيت للانضمام إلى منصة تعاون.\n\
    You have been invited to join Taawun.\n\
    https://taawun.example.org/invite?token=SECRET-TOKEN-123\n\
    A line with trailing spaces   \n\
    .a line starting with a dot\n";

fn invitation() -> Message {
    Message::new("Amina <amina@example.org>", SUBJECT, TEXT)
}

/// CRLF is the wire form of line breaks; compare texts without it.
fn lf(s: &str) -> String {
    s.replace("\r\n", "\n")
}

fn eml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    files
}

/// Headers and body of a raw message, split at the first empty line.
fn split_raw(raw: &[u8]) -> (&[u8], &[u8]) {
    let at = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header/body separator");
    (&raw[..at], &raw[at + 4..])
}

/// Checks a raw message: ASCII-only headers (RFC 2047), and subject, recipient and body
/// decoding back to what was sent.
fn assert_round_trip(raw: &[u8], message: &Message) {
    let (headers, body) = split_raw(raw);
    assert!(headers.is_ascii(), "headers must be ASCII-only (RFC 2047)");
    let headers = std::str::from_utf8(headers).unwrap();
    assert!(
        headers.contains("=?utf-8?"),
        "subject not encoded:\n{headers}"
    );
    assert!(headers.contains("MIME-Version: 1.0"), "{headers}");
    assert!(
        headers.contains("Content-Type: text/plain; charset=utf-8"),
        "{headers}"
    );
    assert!(
        headers.contains("Content-Transfer-Encoding: base64")
            || headers.contains("Content-Transfer-Encoding: quoted-printable"),
        "{headers}"
    );
    assert!(headers.contains("Message-ID: <"), "{headers}");
    assert!(headers.contains("@example.org>"), "{headers}");
    // Transfer-encoded to ASCII whatever the script, so no relay can mangle 8-bit text.
    assert!(body.is_ascii(), "body must be transfer-encoded");

    let parsed = MessageParser::default()
        .parse(raw)
        .expect("parsable e-mail");
    assert_eq!(parsed.subject(), Some(message.subject.as_str()));
    assert_eq!(
        parsed
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address()),
        Some("amina@example.org")
    );
    assert_eq!(
        parsed
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.address()),
        Some("no-reply@example.org")
    );
    assert_eq!(lf(&parsed.body_text(0).unwrap()), lf(&message.text));
}

#[tokio::test]
async fn file_transport_writes_a_parsable_eml_with_arabic() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("outbox/nested");
    let transport = FileTransport::new(&dir, FROM).unwrap();
    assert!(dir.is_dir(), "the directory is created up front");
    assert_eq!(transport.describe(), format!("files in {}", dir.display()));

    transport.send(&invitation()).await.unwrap();
    transport.send(&invitation()).await.unwrap();

    let files = eml_files(&dir);
    assert_eq!(files.len(), 2, "one file per message: {files:?}");
    let all: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(all.len(), 2, "no temporary files left behind");
    for file in &files {
        let name = file.file_name().unwrap().to_str().unwrap();
        let parts: Vec<_> = name.splitn(3, '-').collect();
        assert!(parts[0].parse::<u128>().is_ok(), "millis first: {name}");
        assert!(parts[1].parse::<u64>().is_ok(), "counter second: {name}");
        assert_eq!(parts[2], "amina@example.org.eml");
        assert_round_trip(&std::fs::read(file).unwrap(), &invitation());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(file).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "secret links: owner-only, got {mode:o}");
        }
    }
}

#[tokio::test]
async fn file_transport_recreates_a_removed_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("outbox");
    let transport = FileTransport::new(&dir, FROM).unwrap();
    std::fs::remove_dir(&dir).unwrap();
    transport.send(&invitation()).await.unwrap();
    assert_eq!(eml_files(&dir).len(), 1);
}

#[tokio::test]
async fn invalid_recipient_is_a_permanent_invalid_address() {
    let tmp = tempfile::tempdir().unwrap();
    let transport = FileTransport::new(tmp.path(), FROM).unwrap();
    for bad in [
        "",
        "not an address",
        "amina@",
        "@example.org",
        "a@b@c",
        "<>",
    ] {
        let message = Message::new(bad, "s", "t");
        match transport.send(&message).await {
            Err(e @ MailError::InvalidAddress { .. }) => {
                assert!(e.is_permanent());
                let MailError::InvalidAddress { address, reason } = &e else {
                    unreachable!()
                };
                assert_eq!(address, bad);
                assert!(!reason.is_empty());
                assert!(e.to_string().contains(&format!("{bad:?}")), "{e}");
            }
            other => panic!("{bad:?}: expected InvalidAddress, got {other:?}"),
        }
    }
    assert!(eml_files(tmp.path()).is_empty(), "nothing written");
}

#[tokio::test]
async fn a_newline_in_the_subject_cannot_inject_a_header() {
    let tmp = tempfile::tempdir().unwrap();
    let transport = FileTransport::new(tmp.path(), FROM).unwrap();
    let message = Message::new(
        "amina@example.org",
        "Hello\r\nBcc: evil@example.com",
        "text",
    );
    transport.send(&message).await.unwrap();
    let raw = std::fs::read(&eml_files(tmp.path())[0]).unwrap();
    let (headers, _) = split_raw(&raw);
    let headers = std::str::from_utf8(headers).unwrap();
    assert!(!headers.lines().any(|l| l.starts_with("Bcc:")), "{headers}");
}

#[test]
fn sender_validates_the_from_address() {
    assert!(Sender::new(FROM).is_ok());
    assert!(Sender::new("no-reply@example.org").is_ok());
    let e = Sender::new("Taawun <no-reply>").unwrap_err();
    assert!(matches!(e, MailError::InvalidConfig(_)), "{e:?}");
    assert!(e.to_string().contains("from-address"), "{e}");
    assert!(e.to_string().contains("Taawun <no-reply>"), "{e}");

    let email = Sender::new(FROM).unwrap().build(&invitation()).unwrap();
    assert_round_trip(&email.formatted(), &invitation());
}

/// A `tracing` writer into a shared buffer, to see exactly what would reach the logs.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// Records everything, at every level, while the returned guard lives (on this thread).
fn capture_logs() -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(captured.clone())
        .finish();
    (captured, tracing::subscriber::set_default(subscriber))
}

#[tokio::test]
async fn log_transport_logs_recipient_and_subject_but_never_the_body() {
    let (logs, _guard) = capture_logs();
    let transport = LogTransport::new(FROM).unwrap();
    transport.send(&invitation()).await.unwrap();

    let logs = logs.text();
    assert!(logs.contains("amina@example.org"), "{logs}");
    assert!(logs.contains(SUBJECT), "{logs}");
    assert!(logs.contains(&TEXT.len().to_string()), "{logs}");
    assert!(
        !logs.contains("SECRET-TOKEN"),
        "the body leaked into the log:\n{logs}"
    );
    assert!(!logs.contains("invite?token"), "{logs}");
    assert!(!logs.contains("مرحباً"), "{logs}");
    assert!(transport.describe().contains("log"));

    let bad = Message::new("nobody", "s", "t");
    assert!(matches!(
        transport.send(&bad).await,
        Err(MailError::InvalidAddress { .. })
    ));
}

#[tokio::test]
async fn no_transport_logs_the_body() {
    let (logs, _guard) = capture_logs();
    let tmp = tempfile::tempdir().unwrap();
    let file = FileTransport::new(tmp.path(), FROM).unwrap();
    file.send(&invitation()).await.unwrap();
    tracing::debug!(mail = ?invitation(), "a careless caller");
    let server = FakeSmtp::start().await;
    let smtp = SmtpTransport::from_url(&server.url(), FROM).unwrap();
    smtp.send(&invitation()).await.unwrap();
    server.finish().await;

    let logs = logs.text();
    assert!(logs.contains("a careless caller"), "{logs}");
    assert!(!logs.contains("SECRET-TOKEN"), "the body leaked:\n{logs}");
}

/// What the fake server was told.
#[derive(Debug, Default)]
struct Received {
    mail_from: Vec<String>,
    rcpt_to: Vec<String>,
    /// Messages as received after DATA, dot-stuffing undone.
    data: Vec<Vec<u8>>,
    quit: bool,
}

/// Just enough SMTP on 127.0.0.1 for one client connection: no TLS, no AUTH.
struct FakeSmtp {
    port: u16,
    task: tokio::task::JoinHandle<Received>,
}

impl FakeSmtp {
    async fn start() -> Self {
        Self::start_rejecting_rcpt(false).await
    }

    async fn start_rejecting_rcpt(reject: bool) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let task = tokio::spawn(async move {
            let (socket, _) = listener.accept().await.unwrap();
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read);
            let mut got = Received::default();
            write.write_all(b"220 fake.test ESMTP\r\n").await.unwrap();
            let mut line = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await.unwrap() == 0 {
                    break;
                }
                let command = line.trim_end().to_owned();
                let verb = command
                    .split(' ')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_uppercase();
                let reply: &[u8] = match verb.as_str() {
                    "EHLO" => b"250-fake.test\r\n250 8BITMIME\r\n",
                    "HELO" | "NOOP" | "RSET" => b"250 OK\r\n",
                    "MAIL" => {
                        got.mail_from.push(command.clone());
                        b"250 OK\r\n"
                    }
                    "RCPT" if reject => b"550 5.1.1 no such user\r\n",
                    "RCPT" => {
                        got.rcpt_to.push(command.clone());
                        b"250 OK\r\n"
                    }
                    "DATA" => {
                        write.write_all(b"354 go ahead\r\n").await.unwrap();
                        let mut data = Vec::new();
                        loop {
                            let mut l = Vec::new();
                            if lines.read_until(b'\n', &mut l).await.unwrap() == 0 {
                                break;
                            }
                            if l == b".\r\n" {
                                break;
                            }
                            let l = l.strip_prefix(b".").unwrap_or(&l);
                            data.extend_from_slice(l);
                        }
                        got.data.push(data);
                        b"250 2.0.0 queued\r\n"
                    }
                    "QUIT" => {
                        got.quit = true;
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        break;
                    }
                    _ => b"502 5.5.2 not implemented\r\n",
                };
                write.write_all(reply).await.unwrap();
            }
            got
        });
        Self { port, task }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}?tls=none", self.port)
    }

    async fn finish(self) -> Received {
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("fake SMTP server finished")
            .unwrap()
    }
}

#[tokio::test]
async fn smtp_transport_delivers_to_a_local_relay() {
    let server = FakeSmtp::start().await;
    let url = server.url();
    let transport = transport_from_url(&url, FROM).unwrap();
    assert_eq!(
        transport.describe(),
        format!("SMTP 127.0.0.1:{} (no TLS)", server.port)
    );
    tokio::time::timeout(Duration::from_secs(10), transport.send(&invitation()))
        .await
        .expect("send finished")
        .unwrap();

    let got = server.finish().await;
    assert_eq!(got.mail_from, ["MAIL FROM:<no-reply@example.org>"]);
    assert_eq!(got.rcpt_to, ["RCPT TO:<amina@example.org>"]);
    assert_eq!(got.data.len(), 1);
    assert_round_trip(&got.data[0], &invitation());
    assert!(got.quit, "one connection per message, closed politely");
}

#[tokio::test]
async fn smtp_failures_are_temporary_transport_errors() {
    // A server that refuses the recipient.
    let server = FakeSmtp::start_rejecting_rcpt(true).await;
    let transport = SmtpTransport::from_url(&server.url(), FROM).unwrap();
    let e = transport.send(&invitation()).await.unwrap_err();
    assert!(matches!(e, MailError::Transport(_)), "{e:?}");
    assert!(!e.is_permanent());
    assert!(e.to_string().contains("550"), "{e}");
    drop(server);

    // Nobody listening.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let transport =
        SmtpTransport::from_url(&format!("smtp://127.0.0.1:{port}?tls=none"), FROM).unwrap();
    let e = transport.send(&invitation()).await.unwrap_err();
    assert!(matches!(e, MailError::Transport(_)), "{e:?}");
    assert!(e.to_string().contains(&format!("127.0.0.1:{port}")), "{e}");

    // An invalid recipient never reaches the network.
    let bad = Message::new("not an address", "s", "t");
    assert!(matches!(
        transport.send(&bad).await,
        Err(MailError::InvalidAddress { .. })
    ));
}

fn describe(url: &str) -> String {
    match transport_from_url(url, FROM) {
        Ok(t) => t.describe(),
        Err(e) => panic!("{url:?} rejected: {e}"),
    }
}

fn rejection(url: &str, from: &str) -> String {
    match transport_from_url(url, from) {
        Ok(t) => panic!("{url:?} accepted as {}", t.describe()),
        Err(e) => {
            assert!(matches!(e, MailError::InvalidConfig(_)), "{e:?}");
            assert!(e.is_permanent());
            e.to_string()
        }
    }
}

#[test]
fn transport_from_url_accepts_the_documented_forms() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("outbox");
    assert_eq!(
        describe(&format!("file:{}", dir.display())),
        format!("files in {}", dir.display())
    );
    assert!(dir.is_dir());
    assert_eq!(
        describe(&format!("file://{}", dir.display())),
        format!("files in {}", dir.display())
    );
    assert!(describe("log").starts_with("log"));
    assert!(describe(" LOG ").starts_with("log"));
    assert_eq!(
        describe("smtp://user:secret@smtp.example.org:2587"),
        "SMTP smtp.example.org:2587 (STARTTLS) as user"
    );
    assert_eq!(
        describe("smtp://user:secret@smtp.example.org"),
        "SMTP smtp.example.org:587 (STARTTLS) as user"
    );
    assert_eq!(
        describe("smtp://smtp.example.org?tls=required"),
        "SMTP smtp.example.org:587 (STARTTLS)"
    );
    assert_eq!(
        describe("smtps://user%40example.org:p%40ss%2Fw@smtp.example.org"),
        "SMTP smtp.example.org:465 (implicit TLS) as user@example.org"
    );
    assert_eq!(
        describe("smtp://localhost?tls=none"),
        "SMTP localhost:25 (no TLS)"
    );
    assert_eq!(
        describe("smtp://[::1]:2525/?tls=none"),
        "SMTP [::1]:2525 (no TLS)"
    );
    for url in [
        "smtp://user:secret@smtp.example.org",
        "smtps://user:secret@smtp.example.org",
    ] {
        let described = describe(url);
        assert!(!described.contains("secret"), "{described}");
        let debug = format!("{:?}", SmtpTransport::from_url(url, FROM).unwrap());
        assert!(!debug.contains("secret"), "{debug}");
    }
}

#[test]
fn transport_from_url_rejects_with_clear_messages() {
    let cases: &[(&str, &[&str])] = &[
        ("", &["unknown kind", "\"file:<dir>\""]),
        (
            "ftp://example.org",
            &["\"ftp://example.org\"", "unknown kind"],
        ),
        ("sendmail", &["\"sendmail\"", "unknown kind"]),
        ("file:", &["names no directory"]),
        ("smtp://", &["no host"]),
        ("smtp:relay", &["no host"]),
        ("smtp://host:99999", &["not a valid URL"]),
        ("smtp://host/ehlo.name", &["unexpected path"]),
        ("smtp://host?tls=maybe", &["tls=\"maybe\""]),
        ("smtp://host?tls=none&tls=none", &["twice"]),
        ("smtp://host?timeout=3", &["unknown parameter \"timeout\""]),
        ("smtps://host?tls=none", &["takes no \"tls\""]),
        ("smtp://:secret@host", &["password without a user"]),
        ("smtp://user@host", &["user name without a password"]),
        ("smtp://user:secret@host?tls=none", &["unencrypted"]),
        ("smtp://host#x", &["fragment"]),
        ("smtp://مثال.example", &["ASCII"]),
    ];
    for (url, needles) in cases {
        let message = rejection(url, FROM);
        for needle in *needles {
            assert!(
                message.contains(needle),
                "{url:?}: {message:?} lacks {needle:?}"
            );
        }
        assert!(!message.contains("secret"), "password shown: {message}");
    }

    // A misspelt scheme still hides the password.
    let message = rejection("smpt://user:secret@host", FROM);
    assert!(message.contains("smpt://user:***@host"), "{message}");

    // A bad from-address, whatever the transport.
    for url in ["log", "file:/nonexistent-never-created", "smtp://host"] {
        let message = rejection(url, "Taawun <no-reply>");
        assert!(message.contains("from-address"), "{message}");
        assert!(message.contains("Taawun <no-reply>"), "{message}");
    }
    assert!(!Path::new("/nonexistent-never-created").exists());
}

#[cfg(unix)]
#[test]
fn an_uncreatable_directory_is_a_configuration_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, b"").unwrap();
    let message = rejection(&format!("file:{}/outbox", file.display()), FROM);
    assert!(message.contains("cannot create"), "{message}");
}
