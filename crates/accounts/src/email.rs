//! E-mail addresses as account identifiers.
//!
//! The address is the sign-in name, so it is normalised once (trimmed, lower-cased) before it
//! is stored or looked up: "Amina@OHCHR.org " and "amina@ohchr.org" are one account. The checks
//! are deliberately loose, catching typing mistakes only; whether the address works is proved by
//! the invitation or reset e-mail reaching it.

/// The longest address SMTP can carry (RFC 5321's 256-octet path minus the angle brackets).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The longest local part SMTP accepts (RFC 5321, 4.5.3.1.1).
pub const MAX_LOCAL_PART_CHARS: usize = 64;

/// What is wrong with an address that [`normalize_email`] refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailProblem {
    #[error("the e-mail address is empty")]
    Empty,
    #[error("the e-mail address is too long: at most {max} characters")]
    TooLong { max: usize },
    #[error("the e-mail address has no \"@\"")]
    MissingAt,
    #[error("the e-mail address has more than one \"@\"")]
    SeveralAt,
    #[error("the e-mail address has nothing before the \"@\"")]
    EmptyLocalPart,
    #[error("the part before the \"@\" is too long: at most {max} characters")]
    LocalPartTooLong { max: usize },
    #[error("the domain after the \"@\" has no dot")]
    DomainWithoutDot,
    #[error("the domain after the \"@\" has an empty part (two dots in a row, or a dot at an end)")]
    EmptyDomainLabel,
    #[error("the e-mail address contains a space or a control character")]
    ForbiddenCharacter,
}

impl EmailProblem {
    /// A stable id, for the web layer's translation keys.
    pub const fn code(&self) -> &'static str {
        match self {
            EmailProblem::Empty => "email-empty",
            EmailProblem::TooLong { .. } => "email-too-long",
            EmailProblem::MissingAt => "email-missing-at",
            EmailProblem::SeveralAt => "email-several-at",
            EmailProblem::EmptyLocalPart => "email-empty-local-part",
            EmailProblem::LocalPartTooLong { .. } => "email-local-part-too-long",
            EmailProblem::DomainWithoutDot => "email-domain-without-dot",
            EmailProblem::EmptyDomainLabel => "email-empty-domain-label",
            EmailProblem::ForbiddenCharacter => "email-forbidden-character",
        }
    }
}

/// Trims and lower-cases an address and checks its shape; the result is the account's key.
///
/// Lower-casing the local part too is technically lossy (RFC 5321 lets it be case-sensitive),
/// but no real mail system relies on that, and two accounts differing only by case would be a
/// worse problem.
pub fn normalize_email(input: &str) -> Result<String, EmailProblem> {
    let email = input.trim().to_lowercase();
    if email.is_empty() {
        return Err(EmailProblem::Empty);
    }
    if email.chars().count() > MAX_EMAIL_CHARS {
        return Err(EmailProblem::TooLong {
            max: MAX_EMAIL_CHARS,
        });
    }
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(EmailProblem::ForbiddenCharacter);
    }
    let (local, domain) = match email.split_once('@') {
        None => return Err(EmailProblem::MissingAt),
        Some((_, domain)) if domain.contains('@') => return Err(EmailProblem::SeveralAt),
        Some(parts) => parts,
    };
    if local.is_empty() {
        return Err(EmailProblem::EmptyLocalPart);
    }
    if local.chars().count() > MAX_LOCAL_PART_CHARS {
        return Err(EmailProblem::LocalPartTooLong {
            max: MAX_LOCAL_PART_CHARS,
        });
    }
    if !domain.contains('.') {
        return Err(EmailProblem::DomainWithoutDot);
    }
    if domain.split('.').any(str::is_empty) {
        return Err(EmailProblem::EmptyDomainLabel);
    }
    Ok(email)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn trims_and_lower_cases() {
        assert_eq!(
            normalize_email("  Amina.Khouri@OHCHR.org\n").unwrap(),
            "amina.khouri@ohchr.org"
        );
        assert_eq!(
            normalize_email("x+tag@mail.example.org").unwrap(),
            "x+tag@mail.example.org"
        );
        // Internationalised addresses are fine; lower-casing is Unicode-aware.
        assert_eq!(
            normalize_email("ÉLODIE@exemple.fr").unwrap(),
            "élodie@exemple.fr"
        );
    }

    #[test]
    fn empty() {
        assert_eq!(normalize_email(""), Err(EmailProblem::Empty));
        assert_eq!(normalize_email(" \t "), Err(EmailProblem::Empty));
    }

    #[test]
    fn at_most_254_characters() {
        let domain = format!("{}.org", "d".repeat(250 - 2 - 4 + 1));
        let ok = format!("a@{domain}");
        assert_eq!(ok.chars().count(), 251);
        assert!(normalize_email(&ok).is_ok());
        let exactly = format!("abcd@{}.org", "d".repeat(254 - 5 - 4));
        assert_eq!(exactly.chars().count(), 254);
        assert!(normalize_email(&exactly).is_ok());
        let over = format!("abcde@{}.org", "d".repeat(254 - 5 - 4));
        assert_eq!(
            normalize_email(&over),
            Err(EmailProblem::TooLong { max: 254 })
        );
    }

    #[test]
    fn exactly_one_at() {
        assert_eq!(
            normalize_email("amina.ohchr.org"),
            Err(EmailProblem::MissingAt)
        );
        assert_eq!(
            normalize_email("a@b@ohchr.org"),
            Err(EmailProblem::SeveralAt)
        );
    }

    #[test]
    fn local_part_present_and_at_most_64() {
        assert_eq!(
            normalize_email("@ohchr.org"),
            Err(EmailProblem::EmptyLocalPart)
        );
        assert!(normalize_email(&format!("{}@ohchr.org", "a".repeat(64))).is_ok());
        assert_eq!(
            normalize_email(&format!("{}@ohchr.org", "a".repeat(65))),
            Err(EmailProblem::LocalPartTooLong { max: 64 })
        );
    }

    #[test]
    fn domain_needs_a_dot_and_no_empty_labels() {
        assert_eq!(
            normalize_email("amina@localhost"),
            Err(EmailProblem::DomainWithoutDot)
        );
        assert_eq!(
            normalize_email("amina@"),
            Err(EmailProblem::DomainWithoutDot)
        );
        for bad in [
            "amina@ohchr..org",
            "amina@.ohchr.org",
            "amina@ohchr.org.",
            "amina@.",
        ] {
            assert_eq!(
                normalize_email(bad),
                Err(EmailProblem::EmptyDomainLabel),
                "{bad}"
            );
        }
    }

    #[test]
    fn no_spaces_or_control_characters() {
        for bad in [
            "amina khouri@ohchr.org",
            "amina@ohchr .org",
            "amina@oh\u{0}chr.org",
            "ami\u{7f}na@ohchr.org",
            "amina@ohchr\u{a0}x.org",
        ] {
            assert_eq!(
                normalize_email(bad),
                Err(EmailProblem::ForbiddenCharacter),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn messages_and_codes() {
        assert_eq!(
            EmailProblem::MissingAt.to_string(),
            "the e-mail address has no \"@\""
        );
        assert_eq!(
            EmailProblem::TooLong { max: 254 }.to_string(),
            "the e-mail address is too long: at most 254 characters"
        );
        assert_eq!(EmailProblem::SeveralAt.code(), "email-several-at");
    }

    proptest! {
        #[test]
        fn never_panics(input in ".*") {
            let _ = normalize_email(&input);
        }

        #[test]
        fn accepted_addresses_are_stable(input in "[A-Za-z0-9._+-]{1,20}@[A-Za-z0-9-]{1,10}(\\.[A-Za-z]{2,6}){1,3}") {
            let once = normalize_email(&input).unwrap();
            prop_assert_eq!(normalize_email(&once).unwrap(), once.clone());
            prop_assert_eq!(once, input.to_lowercase());
        }
    }
}
