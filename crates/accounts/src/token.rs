//! Random secrets handed to users (API tokens, invitation and password-reset links) and how
//! they are stored.
//!
//! The database keeps only the SHA-256 digest of a secret: a leaked table then opens nothing.
//! A plain hash (not Argon2) is enough because the secrets have 256 random bits, far beyond
//! guessing, and it lets the store find a token by its digest with an index.

use std::fmt;

use base64ct::{Base64UrlUnpadded, Encoding};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// How long an invitation link stays valid: a week, time enough for a busy official.
pub const INVITATION_SECONDS: i64 = 7 * 24 * 60 * 60;
/// How long a password-reset link stays valid: an hour, since it grants the account.
pub const PASSWORD_RESET_SECONDS: i64 = 60 * 60;

/// Random bytes in a secret: 256 bits.
const SECRET_BYTES: usize = 32;

/// A secret to show the user once; it prints as `Secret(…redacted…)` so logs and panics never
/// carry it, and only [`Secret::expose`] gives the text.
pub struct Secret(String);

impl Secret {
    /// The secret itself, for the one place that must send or show it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…redacted…)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…redacted…)")
    }
}

/// `prefix` followed by 32 bytes from the OS RNG in unpadded base64url (43 characters).
///
/// The prefix ("tw_" for API tokens) makes a leaked token recognisable to secret scanners and
/// to people; base64url keeps it safe in URLs and headers.
///
/// # Panics
/// Only if the operating system cannot provide random bytes, when no safe secret can be made.
pub fn new_secret(prefix: &str) -> Secret {
    let mut bytes = [0u8; SECRET_BYTES];
    getrandom::fill(&mut bytes).expect("the OS random number generator");
    Secret(format!(
        "{prefix}{}",
        Base64UrlUnpadded::encode_string(&bytes)
    ))
}

/// Lower-case hex SHA-256 of the secret's text (prefix included): what the database stores.
pub fn digest(secret: &str) -> String {
    use fmt::Write as _;
    Sha256::digest(secret.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// Equality whose time does not depend on where the strings differ, for comparing secrets or
/// digests; the length is not hidden, so compare values of fixed length such as digests.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn secrets_are_prefixed_random_base64url() {
        let secrets: Vec<Secret> = (0..100).map(|_| new_secret("tw_")).collect();
        let distinct: HashSet<&str> = secrets.iter().map(Secret::expose).collect();
        assert_eq!(distinct.len(), 100);
        for secret in &secrets {
            let text = secret.expose();
            let body = text.strip_prefix("tw_").unwrap();
            assert_eq!(body.len(), 43, "{text}");
            assert!(
                body.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{text}"
            );
            assert_eq!(
                Base64UrlUnpadded::decode_vec(body).unwrap().len(),
                SECRET_BYTES
            );
        }
        assert_eq!(new_secret("").expose().len(), 43);
    }

    #[test]
    fn secrets_do_not_print() {
        let secret = new_secret("tw_");
        assert_eq!(format!("{secret:?}"), "Secret(…redacted…)");
        assert_eq!(format!("{secret}"), "Secret(…redacted…)");
        assert_eq!(format!("{:?}", Some(&secret)), "Some(Secret(…redacted…))");
    }

    #[test]
    fn digest_matches_the_sha256_test_vectors() {
        // FIPS 180-2, appendix B.1 and B.2, and the digest of the empty string.
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            digest(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn digest_is_stable_and_distinguishes() {
        let secret = new_secret("tw_");
        assert_eq!(digest(secret.expose()), digest(secret.expose()));
        assert_ne!(digest("tw_a"), digest("tw_b"));
    }

    #[test]
    fn constant_time_equality() {
        assert!(constant_time_eq("", ""));
        assert!(constant_time_eq(&digest("x"), &digest("x")));
        assert!(!constant_time_eq(&digest("x"), &digest("y")));
        assert!(!constant_time_eq("abc", "abcd"));
        assert!(!constant_time_eq("abc", "abd"));
    }

    #[test]
    fn lifetimes() {
        assert_eq!(INVITATION_SECONDS, 604_800);
        assert_eq!(PASSWORD_RESET_SECONDS, 3_600);
    }
}
