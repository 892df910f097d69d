//! Signing in, sessions, reset links and API tokens: the steps shared by the pages and the API.
//! The rules themselves (limits, expiry, password policy) are `taawun-accounts`'; this is their
//! order, with the store.

use taawun_accounts::{SignInGate, new_secret};
use taawun_store::{NewMessage, StoreError, UserRecord};

use crate::AppState;
use crate::auth::{Principal, now};
use crate::i18n::Lang;

/// Why a sign-in failed. Wrong e-mail and wrong password are one answer, so the form does not
/// tell which addresses have accounts.
#[derive(Debug)]
pub enum SignInError {
    BadCredentials,
    Locked { until: i64 },
    Throttled { wait_seconds: i64 },
    Disabled,
    Store(StoreError),
}

impl From<StoreError> for SignInError {
    fn from(e: StoreError) -> Self {
        SignInError::Store(e)
    }
}

pub async fn sign_in(
    app: &AppState,
    email: &str,
    password: &str,
    address: &str,
) -> Result<UserRecord, SignInError> {
    let config = &app.auth;
    let accounts = app.store.accounts();
    let now = now();
    // An address that is not an address cannot have an account; it still costs a hash, so the
    // answer takes as long as any other failure.
    let normalized = taawun_accounts::normalize_email(email);
    // Only an address can have an account, so only an address is locked when it has none (what
    // is not an address reveals nothing by not being locked).
    let is_address = normalized.is_ok();
    let email = normalized.unwrap_or_else(|_| email.trim().to_lowercase());
    let limits = &config.sign_in_limits;
    let failures = accounts
        .sign_in_failures(&email, address, limits.window_start(now))
        .await?;
    let credentials = accounts.credentials(&email).await?;
    // An address without an account is locked as an account would be (from its failure that
    // reached the limit), so that both answer alike.
    let locked_until = match &credentials {
        Some(c) => c.user.locked_until,
        None if !is_address => None,
        None => failures
            .newest_account_failure
            .and_then(|at| limits.lock_after_failure(failures.account, at)),
    };
    let gate = limits.gate(
        locked_until,
        failures.address,
        failures.oldest_address_failure,
        now,
    );
    match gate {
        SignInGate::Open => {}
        SignInGate::AccountLocked { until } => {
            tracing::warn!(address, "sign-in to a locked account");
            return Err(SignInError::Locked { until });
        }
        SignInGate::AddressThrottled { .. } => {
            tracing::warn!(
                address,
                "sign-in refused: too many failures from this address"
            );
            return Err(SignInError::Throttled {
                wait_seconds: gate.wait_seconds(now),
            });
        }
    }
    let hasher = config.hasher.clone();
    let password = password.to_owned();
    let plain = password.clone();
    let stored = credentials.as_ref().map(|c| c.password_hash.clone());
    // Argon2id costs tens of milliseconds of CPU: off the async workers.
    let (verified, needs_rehash) = tokio::task::spawn_blocking(move || match stored {
        Some(hash) => (hasher.verify(&password, &hash), hasher.needs_rehash(&hash)),
        None => {
            hasher.dummy_verify(&password);
            (false, false)
        }
    })
    .await
    .map_err(|e| StoreError::database(format!("password check failed: {e}")))?;
    let credentials = match credentials {
        Some(c) if verified => c,
        other => {
            accounts.record_sign_in(&email, address, false, now).await?;
            tracing::warn!(address, known_account = other.is_some(), "failed sign-in");
            if let Some(until) = limits
                .lock_after_failure(failures.account + 1, now)
                .filter(|_| other.is_some() || is_address)
            {
                if let Some(c) = other {
                    accounts.lock_user(c.user.id, until).await?;
                    tracing::warn!(
                        user_id = c.user.id,
                        until,
                        "account locked after repeated failed sign-ins"
                    );
                }
                return Err(SignInError::Locked { until });
            }
            return Err(SignInError::BadCredentials);
        }
    };
    if credentials.user.disabled {
        tracing::warn!(
            user_id = credentials.user.id,
            "sign-in to a disabled account"
        );
        return Err(SignInError::Disabled);
    }
    accounts.record_sign_in(&email, address, true, now).await?;
    if needs_rehash {
        // Hashes made with older parameters are upgraded while the password is at hand.
        let hasher = config.hasher.clone();
        let hash = tokio::task::spawn_blocking(move || hasher.hash(&plain))
            .await
            .map_err(|e| StoreError::database(format!("password hashing failed: {e}")))?;
        accounts.rehash_password(credentials.user.id, &hash).await?;
    }
    tracing::info!(user_id = credentials.user.id, "signed in");
    Ok(credentials.user)
}

/// Starts a session for `user`: a new secret (the old session, if any, is ended: the id is
/// never reused across a sign-in), and returns the cookie value.
pub async fn start_session(
    app: &AppState,
    user: &UserRecord,
    previous: Option<&str>,
) -> Result<String, StoreError> {
    let secret = new_secret("");
    let digest = taawun_accounts::digest(secret.expose());
    app.store
        .accounts()
        .create_session(&digest, user.id, now(), previous)
        .await?;
    Ok(secret.expose().to_owned())
}

/// A link to the platform, as e-mails carry it.
pub fn link(app: &AppState, path: &str) -> String {
    format!("{}{path}", app.auth.public_url)
}

/// Queues a reset link for the account at `email`, if there is one (silently otherwise).
pub async fn send_reset_link(app: &AppState, email: &str, lang: Lang) -> Result<(), StoreError> {
    let Ok(email) = taawun_accounts::normalize_email(email) else {
        return Ok(());
    };
    let Some(credentials) = app.store.accounts().credentials(&email).await? else {
        tracing::info!("password reset asked for an address without an account");
        return Ok(());
    };
    if credentials.user.disabled {
        return Ok(());
    }
    let secret = new_secret("");
    let now = now();
    let url = link(app, &format!("/password/reset/{}", secret.expose()));
    let message = NewMessage {
        to: email.clone(),
        subject: lang.t("mail-reset-subject"),
        // Fluent isolates placeables with invisible bidi marks; in a plain-text e-mail they
        // would stick to the link and break it.
        text: taawun_text::strip_bidi_controls(&lang.t_args(
            "mail-reset-body",
            &[
                ("name", credentials.user.display_name.clone().into()),
                ("link", url.into()),
                (
                    "minutes",
                    (taawun_accounts::PASSWORD_RESET_SECONDS / 60).into(),
                ),
            ],
        )),
    };
    app.store
        .accounts()
        .create_password_reset(
            credentials.user.id,
            &taawun_accounts::digest(secret.expose()),
            now + taawun_accounts::PASSWORD_RESET_SECONDS,
            &message,
            now,
        )
        .await
}

/// A new API token for the principal: the record, and the secret (shown once).
pub async fn create_token(
    app: &AppState,
    principal: &Principal,
    name: &str,
) -> Result<(taawun_store::ApiTokenRecord, String), taawun_store::AccountError> {
    let user = principal
        .user
        .as_ref()
        .ok_or_else(|| taawun_store::AccountError::NotFound("not signed in".into()))?;
    let secret = new_secret("tw_");
    let prefix: String = secret.expose().chars().take(10).collect();
    let record = app
        .store
        .accounts()
        .create_api_token(
            &principal.change_context(),
            user.id,
            name,
            &taawun_accounts::digest(secret.expose()),
            &prefix,
            now(),
        )
        .await?;
    Ok((record, secret.expose().to_owned()))
}

/// A name for a token: 1 to 100 characters after trimming.
pub fn valid_token_name(name: &str) -> Option<String> {
    let name = name.trim();
    (!name.is_empty() && name.chars().count() <= 100).then(|| name.to_owned())
}
