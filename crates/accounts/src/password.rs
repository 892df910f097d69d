//! Password rules (NIST SP 800-63B style: length and a blocklist, no composition rules) and
//! password hashing with Argon2id.

use std::collections::HashSet;
use std::sync::LazyLock;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::{Algorithm, Argon2, Params, Version};

/// Long enough that guessing beats nobody's budget, yet a passphrase of three words fits.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Generous for passphrases and password managers; the cap only stops absurd inputs.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Why a new password was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("The password is too short: it needs at least {min} characters.")]
    TooShort { min: usize },
    #[error("The password is too long: it may have at most {max} characters.")]
    TooLong { max: usize },
    #[error("The password is too common: it is on the lists that attackers try first.")]
    Common,
    #[error("The password contains your name or your e-mail address.")]
    ContainsPersonalData,
}

impl PasswordProblem {
    /// A stable id, used as a translation key by the web layer.
    pub const fn code(&self) -> &'static str {
        match self {
            PasswordProblem::TooShort { .. } => "password-too-short",
            PasswordProblem::TooLong { .. } => "password-too-long",
            PasswordProblem::Common => "password-common",
            PasswordProblem::ContainsPersonalData => "password-personal",
        }
    }
}

/// Fragments of personal data shorter than this are ignored: "li" or "bob" would match too many
/// unrelated passwords to be a useful signal.
const MIN_PERSONAL_FRAGMENT_CHARS: usize = 4;

/// Checks a password a user chose (sign-up, reset, change); existing passwords are not re-judged.
///
/// `personal` holds what an attacker targeting this user would try first: the e-mail address
/// (its local part and the words in it count), names, the organisation's name. Length is
/// counted in characters, not bytes, so non-Latin scripts are not penalised.
pub fn check_new_password(password: &str, personal: &[&str]) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort {
            min: MIN_PASSWORD_CHARS,
        });
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong {
            max: MAX_PASSWORD_CHARS,
        });
    }
    let lower = password.to_lowercase();
    if personal_fragments(personal).any(|fragment| lower.contains(&fragment)) {
        return Err(PasswordProblem::ContainsPersonalData);
    }
    if is_common_password(password) {
        return Err(PasswordProblem::Common);
    }
    Ok(())
}

/// Whether `password` is on the common-password list, ignoring case, and also once trailing
/// digits and symbols are stripped ("Dragon2024!" counts as "dragon"), since appending them is
/// the usual way people stretch a weak password to a length rule.
pub fn is_common_password(password: &str) -> bool {
    let lower = password.to_lowercase();
    let stripped = lower.trim_end_matches(|c: char| !c.is_alphabetic());
    COMMON_PASSWORDS.contains(lower.as_str())
        || (!stripped.is_empty() && COMMON_PASSWORDS.contains(stripped))
}

/// The lower-cased words to look for: each e-mail's local part and the words in it, and every
/// word of the other strings.
fn personal_fragments<'a>(personal: &'a [&'a str]) -> impl Iterator<Item = String> + 'a {
    personal.iter().flat_map(|item| {
        let item = item.trim().to_lowercase();
        let mut fragments = Vec::new();
        let text = match item.rsplit_once('@') {
            Some((local, _domain)) => {
                fragments.push(local.to_owned());
                local.to_owned()
            }
            None => item,
        };
        fragments.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .map(str::to_owned),
        );
        fragments
            .into_iter()
            .filter(|f| f.chars().count() >= MIN_PERSONAL_FRAGMENT_CHARS)
    })
}

/// Django's list of the 20,000 most common passwords (Royce Williams' compilation of breach
/// data, lower-cased), fetched from the Django wheel on PyPI by
/// `scripts/vendor-common-passwords.sh`; see `assets/COMMON-PASSWORDS.md`.
///
/// Why this list: it is the default of Django's `CommonPasswordValidator`, so it is widely used
/// and reviewed; its licence (BSD-3-Clause) is clear; and at 160 KB it is small enough to embed.
/// The Rust crates that carry lists either hide them behind a strength-estimator API
/// (`zxcvbn`) or give no source for them and compare case-sensitively (`passwords`).
static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../assets/common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
});

/// Argon2id password hashing, with its cost parameters in one place.
///
/// Hashes are PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), which carry their own
/// parameters, so old hashes keep verifying after the parameters change and
/// [`PasswordHasher::needs_rehash`] tells when to upgrade one at the next sign-in.
#[derive(Clone, Debug)]
pub struct PasswordHasher {
    params: Params,
}

// OWASP's minimum memory cost for Argon2id is 19 MiB.
const _: () = assert!(PasswordHasher::PRODUCTION_M_COST_KIB >= 19 * 1024);

/// Stored hashes asking for more than these are refused rather than computed: a corrupted or
/// planted row must not make one sign-in allocate gigabytes or spin for minutes.
const MAX_VERIFY_M_COST_KIB: u32 = 256 * 1024;
const MAX_VERIFY_T_COST: u32 = 16;
const MAX_VERIFY_P_COST: u32 = 8;

/// The salt of [`PasswordHasher::dummy_verify`]: the same length as a real one, so the work is
/// the same; being fixed is harmless since the result is thrown away.
const DUMMY_SALT: [u8; 16] = *b"taawun-dummy-slt";

impl PasswordHasher {
    /// Memory cost of [`PasswordHasher::production`], in KiB.
    pub const PRODUCTION_M_COST_KIB: u32 = 31 * 1024;
    /// Passes of [`PasswordHasher::production`].
    pub const PRODUCTION_T_COST: u32 = 2;
    /// Lanes of [`PasswordHasher::production`].
    pub const PRODUCTION_P_COST: u32 = 1;

    /// The parameters for real accounts: Argon2id, m = 31 MiB, t = 2, p = 1.
    ///
    /// Chosen so that a sign-in stays responsive while offline guessing stays expensive.
    /// Measured on the project's 2-core machine with
    /// `cargo bench -p taawun-accounts --bench password` (20 verifies per run), while other
    /// builds kept the load average near 6: median 86-132 ms per verify across runs (min 56,
    /// max 303); CPU time 60-78 ms per verify, which is what a quiet machine shows.
    ///
    /// Why these values: the memory is above OWASP's 19 MiB minimum but just below glibc's
    /// 32 MiB ceiling for reusing freed memory; from 32 MiB up every verify maps fresh pages,
    /// and on this machine the page faults add a third to a half of the cost while adding
    /// nothing to an attacker's (32 MiB with t=2 took about 84 ms of CPU, 31 MiB about 72).
    /// One lane because the argon2 crate computes lanes one after the other: more lanes add
    /// time, not hardness per second.
    pub fn production() -> Self {
        Self::with_params(
            Self::PRODUCTION_M_COST_KIB,
            Self::PRODUCTION_T_COST,
            Self::PRODUCTION_P_COST,
        )
        .expect("the production Argon2 parameters are valid")
    }

    /// Tiny costs (8 KiB, one pass) with the same algorithm, so tests that create accounts stay
    /// fast; never use it for stored passwords.
    pub fn for_tests() -> Self {
        Self::with_params(8, 1, 1).expect("the test Argon2 parameters are valid")
    }

    /// Other costs, e.g. for a deployment on slower or faster hardware; `None` when Argon2
    /// rejects them (memory below 8 KiB per lane, zero passes or lanes).
    pub fn with_params(memory_kib: u32, iterations: u32, parallelism: u32) -> Option<Self> {
        let params = Params::new(memory_kib, iterations, parallelism, None).ok()?;
        Some(PasswordHasher { params })
    }

    fn argon2(&self, params: Params) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }

    /// Hashes with a fresh random salt from the OS.
    ///
    /// # Panics
    /// Only if the operating system cannot provide random bytes, when nothing safe can be done.
    pub fn hash(&self, password: &str) -> String {
        self.argon2(self.params.clone())
            .hash_password(password.as_bytes())
            .expect("Argon2id hashing with a random salt")
            .to_string()
    }

    /// Checks `password` against a stored PHC string, with the parameters the string carries.
    ///
    /// Returns `false`, never panics, for a malformed string, another algorithm than Argon2id, or
    /// costs beyond sane bounds.
    pub fn verify(&self, password: &str, phc: &str) -> bool {
        let Ok(hash) = PasswordHash::new(phc) else {
            return false;
        };
        if hash.algorithm.as_str() != Algorithm::Argon2id.ident().as_str() {
            return false;
        }
        let Ok(params) = Params::try_from(&hash) else {
            return false;
        };
        if params.m_cost() > MAX_VERIFY_M_COST_KIB
            || params.t_cost() > MAX_VERIFY_T_COST
            || params.p_cost() > MAX_VERIFY_P_COST
        {
            return false;
        }
        self.argon2(params)
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    }

    /// Whether a stored hash should be replaced (at the next successful sign-in, when the
    /// password is at hand) because it was made with other parameters; malformed strings too.
    pub fn needs_rehash(&self, phc: &str) -> bool {
        let Ok(hash) = PasswordHash::new(phc) else {
            return true;
        };
        let Ok(params) = Params::try_from(&hash) else {
            return true;
        };
        hash.algorithm.as_str() != Algorithm::Argon2id.ident().as_str()
            || hash.version != Some(Version::V0x13.into())
            || params.m_cost() != self.params.m_cost()
            || params.t_cost() != self.params.t_cost()
            || params.p_cost() != self.params.p_cost()
            || params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN)
                != Params::DEFAULT_OUTPUT_LEN
    }

    /// Does the work of a verify and throws the result away.
    ///
    /// Sign-in calls it when no account has the e-mail given, so that answering "wrong e-mail or
    /// password" takes as long as for an existing account and timing does not reveal who has one.
    pub fn dummy_verify(&self, password: &str) {
        let hash = self
            .argon2(self.params.clone())
            .hash_password_with_salt(password.as_bytes(), &DUMMY_SALT);
        std::hint::black_box(hash.is_ok());
    }

    /// The parameters in words, for logs and the benchmark: "Argon2id m=47104 KiB, t=2, p=1".
    pub fn describe(&self) -> String {
        format!(
            "Argon2id m={} KiB, t={}, p={}",
            self.params.m_cost(),
            self.params.t_cost(),
            self.params.p_cost()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const GOOD: &str = "violet kettle harbour";

    #[test]
    fn length_is_counted_in_characters() {
        assert_eq!(
            check_new_password("short pass1", &[]),
            Err(PasswordProblem::TooShort { min: 12 })
        );
        assert_eq!(check_new_password("a quiet lamp", &[]), Ok(()));
        // 12 Arabic letters are 24 bytes but 12 characters.
        assert_eq!(check_new_password("كلمةمرورطويل", &[]), Ok(()));
        assert_eq!(
            check_new_password("كلمةمرورطوي", &[]),
            Err(PasswordProblem::TooShort { min: 12 })
        );
        let longest = "x".repeat(MAX_PASSWORD_CHARS - 3) + "yz!";
        assert_eq!(check_new_password(&longest, &[]), Ok(()));
        assert_eq!(
            check_new_password(&(longest + "!"), &[]),
            Err(PasswordProblem::TooLong { max: 256 })
        );
    }

    #[test]
    fn common_passwords_are_refused() {
        for common in [
            "qwerty123456",
            "QWERTY123456",
            "1q2w3e4r5t6y",
            "123456123456",
            "Password123456",
            "dragon!!2024!!",
            "Football1234567",
            "iloveyou12345!",
        ] {
            assert_eq!(
                check_new_password(common, &[]),
                Err(PasswordProblem::Common),
                "{common}"
            );
        }
        assert!(is_common_password("PASSWORD"));
        assert!(is_common_password("monkey"));
        assert!(!is_common_password(GOOD));
        // Only trailing digits and symbols are stripped.
        assert!(!is_common_password("2024dragonfly lantern"));
    }

    #[test]
    fn the_list_is_loaded_and_lower_case() {
        assert!(
            COMMON_PASSWORDS.len() > 19_000,
            "{}",
            COMMON_PASSWORDS.len()
        );
        assert!(
            COMMON_PASSWORDS
                .iter()
                .all(|p| *p == p.to_lowercase() && *p == p.trim())
        );
    }

    #[test]
    fn personal_data_is_refused() {
        let personal = ["amina.khouri@ohchr.org", "Amina Al-Khouri", "Geneva Office"];
        for bad in [
            "my amina.khouri pass",
            "AMINA-rocks-2024",
            "xx khouri xx 99",
            "geneva is lovely!",
            "the office of mine",
        ] {
            assert_eq!(
                check_new_password(bad, &personal),
                Err(PasswordProblem::ContainsPersonalData),
                "{bad}"
            );
        }
        // "al" is too short to count, and the domain is not personal.
        assert_eq!(check_new_password("al dente pasta!", &personal), Ok(()));
        assert_eq!(check_new_password("ohchr violet kettle", &personal), Ok(()));
        assert_eq!(check_new_password(GOOD, &personal), Ok(()));
        // A short local part is ignored, the same as a short word.
        assert_eq!(
            check_new_password("bob's violet kettle", &["bob@un.org"]),
            Ok(())
        );
    }

    #[test]
    fn problems_have_codes_and_sentences() {
        let all = [
            PasswordProblem::TooShort { min: 12 },
            PasswordProblem::TooLong { max: 256 },
            PasswordProblem::Common,
            PasswordProblem::ContainsPersonalData,
        ];
        assert_eq!(
            all.map(|p| p.code()),
            [
                "password-too-short",
                "password-too-long",
                "password-common",
                "password-personal"
            ]
        );
        assert_eq!(
            all[0].to_string(),
            "The password is too short: it needs at least 12 characters."
        );
        for problem in all {
            let text = problem.to_string();
            assert!(text.starts_with("The password") && text.ends_with('.'));
        }
    }

    #[test]
    fn hash_then_verify() {
        let hasher = PasswordHasher::for_tests();
        let phc = hasher.hash(GOOD);
        assert!(phc.starts_with("$argon2id$v=19$m=8,t=1,p=1$"), "{phc}");
        assert!(hasher.verify(GOOD, &phc));
        assert!(!hasher.verify("violet kettle harbouR", &phc));
        assert!(!hasher.verify("", &phc));
        // A random salt each time.
        assert_ne!(hasher.hash(GOOD), phc);
        // The stored parameters are used, not the verifier's.
        assert!(
            PasswordHasher::with_params(16, 2, 1)
                .unwrap()
                .verify(GOOD, &phc)
        );
    }

    #[test]
    fn verify_refuses_malformed_and_foreign_hashes() {
        let hasher = PasswordHasher::for_tests();
        let phc = hasher.hash(GOOD);
        for bad in [
            String::new(),
            "not a hash".into(),
            phc.replace("argon2id", "argon2i"),
            phc.replace("argon2id", "scrypt"),
            phc[..phc.len() - 5].to_owned(),
            phc.replace("m=8", "m=4294967295"),
            phc.replace("t=1", "t=100000"),
            "$argon2id$v=19$m=8,t=1,p=1$$".into(),
        ] {
            assert!(!hasher.verify(GOOD, &bad), "{bad}");
        }
    }

    #[test]
    fn needs_rehash_when_parameters_differ() {
        let small = PasswordHasher::for_tests();
        let other = PasswordHasher::with_params(16, 1, 1).unwrap();
        let phc = small.hash(GOOD);
        assert!(!small.needs_rehash(&phc));
        assert!(other.needs_rehash(&phc));
        assert!(PasswordHasher::production().needs_rehash(&phc));
        assert!(small.needs_rehash("garbage"));
    }

    #[test]
    fn describe_names_the_parameters() {
        assert_eq!(
            PasswordHasher::for_tests().describe(),
            "Argon2id m=8 KiB, t=1, p=1"
        );
        assert_eq!(
            PasswordHasher::production().describe(),
            format!(
                "Argon2id m={} KiB, t={}, p={}",
                PasswordHasher::PRODUCTION_M_COST_KIB,
                PasswordHasher::PRODUCTION_T_COST,
                PasswordHasher::PRODUCTION_P_COST
            )
        );
    }

    #[test]
    fn dummy_verify_runs() {
        PasswordHasher::for_tests().dummy_verify(GOOD);
    }

    #[test]
    fn hasher_is_shareable() {
        fn check<T: Clone + Send + Sync + 'static>() {}
        check::<PasswordHasher>();
    }

    proptest! {
        #[test]
        fn check_never_panics(password in ".{0,300}", personal in proptest::collection::vec(".*", 0..4)) {
            let personal: Vec<&str> = personal.iter().map(String::as_str).collect();
            let _ = check_new_password(&password, &personal);
        }

        #[test]
        fn verify_never_panics_on_any_hash(password in ".*", phc in ".*") {
            prop_assert!(!PasswordHasher::for_tests().verify(&password, &phc));
        }

        #[test]
        fn verify_never_panics_on_near_phc_strings(
            password in ".*",
            phc in r"\$argon2(id|i|d)?\$(v=(16|19|[0-9]{1,3})\$)?(m=[0-9]{1,3},t=[0-9],p=[0-9])?\$[A-Za-z0-9+/]{0,30}(\$[A-Za-z0-9+/]{0,60})?",
        ) {
            let _ = PasswordHasher::for_tests().verify(&password, &phc);
        }
    }
}
