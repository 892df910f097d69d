//! The default transport: every message becomes an `.eml` file, so development, tests and
//! demonstrations need no mail server, and the messages can be opened in any mail reader.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use lettre::message::Mailbox;

use crate::{MailError, Message, Transport, build_message, parse_from};

/// Process-wide, so two transports writing to the same directory still get distinct names.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Longest recipient part of a file name; keeps names well under file-system limits.
const MAX_RECIPIENT_CHARS: usize = 64;

/// Writes each message as an RFC 5322 `.eml` file named
/// `<unix-millis>-<counter>-<recipient>.eml` in a directory.
///
/// Files are written to a temporary file in the same directory and renamed into place, so a
/// reader never sees half a message; they are readable by the owner only (the bodies hold
/// secret links).
#[derive(Debug, Clone)]
pub struct FileTransport {
    dir: PathBuf,
    from: Mailbox,
}

impl FileTransport {
    /// Creates `dir` if needed; fails on an invalid from-address or a directory that cannot be
    /// created, both configuration errors worth failing start-up for.
    pub fn new(dir: impl Into<PathBuf>, from: &str) -> Result<Self, MailError> {
        let dir = dir.into();
        let from = parse_from(from)?;
        std::fs::create_dir_all(&dir).map_err(|e| {
            MailError::InvalidConfig(format!(
                "mail directory {}: cannot create it: {e}",
                dir.display()
            ))
        })?;
        Ok(Self { dir, from })
    }

    /// The directory messages are written to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

#[async_trait::async_trait]
impl Transport for FileTransport {
    async fn send(&self, message: &Message) -> Result<(), MailError> {
        let email = build_message(&self.from, message)?;
        let recipient = email
            .envelope()
            .to()
            .first()
            .map(|a| sanitise(a.as_ref()))
            .unwrap_or_default();
        let bytes = email.formatted();
        let dir = self.dir.clone();
        let path = tokio::task::spawn_blocking(move || write_atomically(&dir, &recipient, &bytes))
            .await
            .map_err(|e| MailError::Transport(format!("writing the message file: {e}")))?
            .map_err(|e| {
                MailError::Transport(format!(
                    "writing a message file in {}: {e}",
                    self.dir.display()
                ))
            })?;
        tracing::debug!(path = %path.display(), "e-mail written to file");
        Ok(())
    }

    fn describe(&self) -> String {
        format!("files in {}", self.dir.display())
    }
}

/// Writes `bytes` to a fresh `.eml` file in `dir` and returns its path.
fn write_atomically(dir: &Path, recipient: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    // Recreated here too: someone may have removed the directory since start-up.
    std::fs::create_dir_all(dir)?;
    // tempfile names start with a dot and end without `.eml`, so readers listing `*.eml`
    // skip it, and it is created with mode 0600.
    let mut tmp = tempfile::Builder::new().suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    loop {
        let millis = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        let counter = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{millis}-{counter}-{recipient}.eml"));
        // No-clobber: another process writing to the same directory must not replace a message.
        match tmp.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(e.error),
        }
    }
}

/// The recipient address reduced to characters that are safe in a file name on any system.
fn sanitise(address: &str) -> String {
    address
        .chars()
        .take(MAX_RECIPIENT_CHARS)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '_' | '+' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::sanitise;

    #[test]
    fn sanitises_recipients() {
        assert_eq!(sanitise("a.b+c@example.org"), "a.b+c@example.org");
        assert_eq!(sanitise("\"a b\"/..@x"), "_a_b__..@x");
        assert_eq!(sanitise("عربي@مثال.com"), "____@____.com");
        assert_eq!(sanitise(&"x".repeat(200)).len(), 64);
    }
}
