use taawun_accounts::{PasswordHasher, SessionTimes, SignInLimits};

/// The settings of accounts and sessions.
#[derive(Clone)]
pub struct AuthConfig {
    /// The address people reach the platform at, for links in e-mails (no trailing slash).
    pub public_url: String,
    /// Cookies carry `Secure` and responses `Strict-Transport-Security`: true when the public
    /// address is `https://` (the platform behind a TLS-terminating proxy).
    pub tls: bool,
    pub hasher: PasswordHasher,
    pub session_times: SessionTimes,
    pub sign_in_limits: SignInLimits,
    /// Take the client's address from the first `X-Forwarded-For` entry (only behind a proxy
    /// that sets it; otherwise anyone could choose their address for the rate limits).
    pub trust_forwarded_for: bool,
    /// API requests allowed per second from one address, sustained (0: no limit), and the
    /// burst above it.
    pub api_requests_per_second: u32,
    pub api_burst: u32,
}

impl AuthConfig {
    pub fn new(public_url: &str, hasher: PasswordHasher) -> AuthConfig {
        let public_url = public_url.trim_end_matches('/').to_owned();
        AuthConfig {
            tls: public_url.starts_with("https://"),
            public_url,
            hasher,
            session_times: SessionTimes::default(),
            sign_in_limits: SignInLimits::default(),
            trust_forwarded_for: false,
            api_requests_per_second: 50,
            api_burst: 200,
        }
    }
}
