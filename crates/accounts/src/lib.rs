//! The domain rules of Taawun's user accounts, free of HTTP and SQL so that the web layer and
//! every store apply the same decisions and the rules can be tested on their own.
//!
//! Timestamps are `i64` Unix seconds throughout, the form the stores keep them in.
//!
//! How a sign-in uses it (the store and the web layer supply the data and act on the answers):
//!
//! ```
//! use taawun_accounts::{PasswordHasher, SignInGate, SignInLimits, normalize_email};
//!
//! let hasher = PasswordHasher::for_tests(); // `production()` in the server
//! let stored = hasher.hash("violet kettle harbour"); // from the account's row
//! let now = 1_750_000_000;
//!
//! let email = normalize_email(" Amina@OHCHR.org ").unwrap();
//! assert_eq!(email, "amina@ohchr.org");
//! let limits = SignInLimits::default();
//! assert_eq!(limits.gate(None, 0, None, now), SignInGate::Open);
//! assert!(hasher.verify("violet kettle harbour", &stored));
//! // On a failure the store counts it, and locks the account when told to:
//! assert_eq!(limits.lock_after_failure(5, now), Some(now + 900));
//! ```

pub mod email;
pub mod password;
pub mod roles;
pub mod session;
pub mod throttle;
pub mod token;

pub use email::{EmailProblem, MAX_EMAIL_CHARS, MAX_LOCAL_PART_CHARS, normalize_email};
pub use password::{
    MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordHasher, PasswordProblem, check_new_password,
    is_common_password,
};
pub use roles::{Binding, OrganisationKind, RoleError, RoleGrant, RoleKind};
pub use session::{SessionState, SessionTimes};
pub use throttle::{SignInGate, SignInLimits};
pub use token::{
    INVITATION_SECONDS, PASSWORD_RESET_SECONDS, Secret, constant_time_eq, digest, new_secret,
};
