//! The e-mail sender: takes messages from the outbox (written in the same transaction as the
//! change that sends them) and hands them to the transport. A message that fails for a reason
//! that will not pass (a bad address) is marked failed; others are tried again, up to
//! `MAX_ATTEMPTS`.

use std::sync::Arc;
use std::time::Duration;

use taawun_mail::{Message, Transport};
use taawun_store::Store;

const MAX_ATTEMPTS: u32 = 10;
const LEASE_SECONDS: i64 = 120;
const BATCH: u32 = 20;

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Sends what is waiting now; returns how many were sent.
pub async fn send_pending(store: &dyn Store, transport: &dyn Transport) -> anyhow::Result<usize> {
    let accounts = store.accounts();
    let mut sent = 0;
    loop {
        let batch = accounts.claim_outbox(now(), LEASE_SECONDS, BATCH).await?;
        if batch.is_empty() {
            return Ok(sent);
        }
        for message in batch {
            let mail = Message {
                to: message.to.clone(),
                subject: message.subject.clone(),
                text: message.text.clone(),
            };
            match transport.send(&mail).await {
                Ok(()) => {
                    accounts.outbox_sent(message.id, now()).await?;
                    sent += 1;
                    // The recipient and subject only: the body holds a secret link.
                    tracing::info!(id = message.id, subject = %message.subject, "e-mail sent");
                }
                Err(error) => {
                    let permanent = error.is_permanent() || message.attempts >= MAX_ATTEMPTS;
                    tracing::warn!(id = message.id, attempts = message.attempts, permanent, %error, "e-mail not sent");
                    accounts
                        .outbox_failed(message.id, &error.to_string(), permanent, now())
                        .await?;
                }
            }
        }
    }
}

/// Runs for the life of the server: the outbox every few seconds, expired sessions hourly.
pub fn spawn_sender(
    store: Arc<dyn Store>,
    transport: Arc<dyn Transport>,
    session_times: taawun_accounts::SessionTimes,
) {
    tokio::spawn(async move {
        let mut ticks: u64 = 0;
        let mut interval = tokio::time::interval(Duration::from_secs(3));
        loop {
            interval.tick().await;
            if let Err(error) = send_pending(store.as_ref(), transport.as_ref()).await {
                tracing::error!(%error, "the e-mail sender could not read the outbox");
            }
            ticks += 1;
            if ticks % 1200 == 1 {
                let now = now();
                match store
                    .accounts()
                    .purge_sessions(
                        now - session_times.idle_seconds,
                        now - session_times.absolute_seconds,
                    )
                    .await
                {
                    Ok(n) if n > 0 => tracing::info!(sessions = n, "expired sessions removed"),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "could not remove expired sessions"),
                }
            }
        }
    });
}
