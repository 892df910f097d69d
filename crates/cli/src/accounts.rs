//! `taawun users` and `taawun audit`.

use std::io::Write;

use anyhow::Context;
use taawun_accounts::{
    Binding, INVITATION_SECONDS, RoleGrant, RoleKind, new_secret, normalize_email,
};
use taawun_store::{ChangeContext, NewInvitation, NewMessage, Store};

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Invites `email` as administrator and returns the link. The link is printed for the person
/// at the terminal (there may be no mail set up yet); the same link is also queued by e-mail.
pub async fn create_admin(
    store: &dyn Store,
    email: &str,
    public_url: &str,
) -> anyhow::Result<String> {
    let email =
        normalize_email(email).with_context(|| format!("{email:?} is not an e-mail address"))?;
    let role = RoleGrant::new(RoleKind::Administrator, Binding::Unbound)?;
    let secret = new_secret("");
    let link = format!(
        "{}/invitations/{}",
        public_url.trim_end_matches('/'),
        secret.expose()
    );
    let now = now();
    let message = NewMessage {
        to: email.clone(),
        subject: "Your invitation to Taawun".into(),
        text: format!(
            "You are invited to Taawun as administrator.\n\nOpen this link to choose your name and password (it works once, for 7 days):\n{link}\n"
        ),
    };
    store
        .accounts()
        .create_invitation(
            &ChangeContext::command_line(),
            &NewInvitation {
                email,
                role,
                token_digest: taawun_accounts::digest(secret.expose()),
                expires_at: now + INVITATION_SECONDS,
            },
            &message,
            now,
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(link)
}

/// Walks the chain; prints the result; returns whether it is intact.
pub async fn verify_audit(store: &dyn Store, json: bool) -> anyhow::Result<bool> {
    let total = store.accounts().audit_count().await?;
    let bar = crate::vote_import::progress_bar(total, "verifying");
    let started = std::time::Instant::now();
    let result = store
        .accounts()
        .verify_audit(&|read| bar.set_position(read))
        .await?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &result)?;
        writeln!(out)?;
    } else if let Some(broken) = &result.broken {
        writeln!(
            out,
            "BROKEN at entry {}: {}. {} entries before it are intact ({seconds:.2} s).",
            broken.seq, broken.reason, result.checked
        )?;
    } else {
        writeln!(
            out,
            "The audit chain is intact: {} entries verified in {seconds:.2} s ({:.0} entries/s).\nHead hash: {}",
            result.checked,
            result.checked as f64 / seconds.max(1e-9),
            result.head_hash
        )?;
    }
    Ok(result.is_intact())
}
