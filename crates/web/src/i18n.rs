//! Interface languages: negotiation (a cookie set by the switcher link, then `Accept-Language`,
//! then English) and message lookup in the Fluent files under `locales/`.
//!
//! The interface is offered in the languages whose message files are complete — Arabic and
//! English ([`Lang::INTERFACE`]); a test fails when a message is missing in one of them, or when
//! the code asks for a message no file has. The other four UN languages remain languages of
//! records (a text in French is marked `lang="fr"`), and join the interface when their files
//! are complete.

use std::borrow::Cow;
use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path};
use axum::http::HeaderValue;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, LOCATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};
use serde::Deserialize;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent wraps arguments in U+2068/U+2069 isolation marks: in HTML that is exactly the bidi
        // isolation a number or a Latin name inside Arabic text needs. (JSON and CSV never take
        // text from Fluent.)
        customise: |bundle| bundle.set_use_isolating(true),
    };
}

/// The cookie that remembers the interface language.
pub const LANG_COOKIE: &str = "taawun_lang";

/// An interface language: one of the six official UN languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Ar,
    En,
    Fr,
    Es,
    Ru,
    Zh,
}

static ID_AR: LanguageIdentifier = langid!("ar");
static ID_EN: LanguageIdentifier = langid!("en");
static ID_FR: LanguageIdentifier = langid!("fr");
static ID_ES: LanguageIdentifier = langid!("es");
static ID_RU: LanguageIdentifier = langid!("ru");
static ID_ZH: LanguageIdentifier = langid!("zh");

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Zh];

    /// The languages the interface is offered in: those with every message translated.
    pub const INTERFACE: [Lang; 2] = [Lang::Ar, Lang::En];

    pub fn is_interface(self) -> bool {
        Self::INTERFACE.contains(&self)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// `rtl` for Arabic, `ltr` otherwise.
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar { "rtl" } else { "ltr" }
    }

    /// The language's name in itself, for the switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ru => "Русский",
            Lang::Zh => "中文",
        }
    }

    /// What separates the items of a list: the Arabic comma in Arabic, the enumeration comma in
    /// Chinese.
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::Ar => "، ",
            Lang::Zh => "、",
            _ => ", ",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Ar => &ID_AR,
            Lang::En => &ID_EN,
            Lang::Fr => &ID_FR,
            Lang::Es => &ID_ES,
            Lang::Ru => &ID_RU,
            Lang::Zh => &ID_ZH,
        }
    }

    /// The message `id` in this language (English when this language's file lacks it).
    pub fn t(self, id: &str) -> String {
        LOCALES.lookup(self.id(), id)
    }

    /// The message `id` when this language or the fallback has it: for ids made from data (an
    /// issue tag of the voting records), where a missing message means "show the data as it is".
    pub fn t_opt(self, id: &str) -> Option<String> {
        LOCALES.try_lookup(self.id(), id)
    }

    /// The message `id` with named arguments (numbers stay numbers, for plural rules).
    pub fn t_args(self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect();
        LOCALES.lookup_with_args(self.id(), id, &args)
    }

    /// Chooses the language from the request: the switcher's cookie, then `Accept-Language`
    /// (highest quality first), then English.
    pub fn negotiate(headers: &HeaderMap) -> Lang {
        cookie_lang(headers)
            .or_else(|| accept_language(headers))
            .unwrap_or(Lang::En)
    }
}

fn cookie_lang(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .and_then(|(_, value)| Lang::from_code(value))
        .filter(|lang| lang.is_interface())
}

fn accept_language(headers: &HeaderMap) -> Option<Lang> {
    let header = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut ranges: Vec<(f32, Lang)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let lang = Lang::from_code(pieces.next()?.trim()).filter(|l| l.is_interface())?;
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (quality > 0.0).then_some((quality, lang))
        })
        .collect();
    // Stable sort: among equal qualities the header's order stands.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranges.first().map(|(_, lang)| *lang)
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Lang::negotiate(&parts.headers))
    }
}

pub fn routes() -> crate::auth::Routes {
    crate::auth::Routes::new().public("/lang/{code}", switch_language)
}

#[derive(Deserialize)]
struct SwitchQuery {
    next: Option<String>,
}

/// `GET /lang/{code}?next=/path`: remembers the language for a year and goes back to the page.
/// Only local paths are followed, so the link cannot be used to send people elsewhere.
async fn switch_language(
    lang: Lang,
    Path(code): Path<String>,
    crate::params::Params(query): crate::params::Params<SwitchQuery>,
) -> Response {
    let Some(chosen) = Lang::from_code(&code).filter(|l| l.is_interface()) else {
        return crate::error::HtmlError::not_found(
            lang,
            lang.t_args("error-unknown-language", &[("code", code.into())]),
        )
        .into_response();
    };
    let next = query
        .next
        .filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .unwrap_or_else(|| "/".to_owned());
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        chosen.code()
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let (Ok(location), Ok(cookie)) =
        (HeaderValue::from_str(&next), HeaderValue::from_str(&cookie))
    {
        headers.insert(LOCATION, location);
        headers.insert(SET_COOKIE, cookie);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.append(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn cookie_beats_accept_language_which_beats_the_default() {
        assert_eq!(Lang::negotiate(&headers(&[])), Lang::En);
        assert_eq!(
            Lang::negotiate(&headers(&[("accept-language", "ar-EG,ar;q=0.9,en;q=0.8")])),
            Lang::Ar
        );
        assert_eq!(
            Lang::negotiate(&headers(&[(
                "accept-language",
                "de-DE, fr;q=0.4, ar;q=0.7"
            )])),
            Lang::Ar
        );
        assert_eq!(
            Lang::negotiate(&headers(&[
                ("accept-language", "ar"),
                ("cookie", "a=b; taawun_lang=en")
            ])),
            Lang::En
        );
        assert_eq!(
            Lang::negotiate(&headers(&[("cookie", "taawun_lang=xx")])),
            Lang::En
        );
    }

    /// The ids of every message in the language's files.
    fn message_ids(lang: Lang) -> std::collections::BTreeSet<String> {
        let folder = format!("{}/locales/{}", env!("CARGO_MANIFEST_DIR"), lang.code());
        std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|entry| entry.path().extension().is_some_and(|e| e == "ftl"))
            .flat_map(|entry| {
                std::fs::read_to_string(entry.path())
                    .unwrap_or_default()
                    .lines()
                    .filter(|l| !l.starts_with([' ', '#', '.', '*', '[']) && l.contains(" ="))
                    .map(|l| l.split(" =").next().unwrap().trim().to_owned())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn every_interface_language_has_every_message() {
        let english = message_ids(Lang::En);
        assert!(english.len() > 100, "the English messages are read");
        for lang in Lang::INTERFACE {
            let ids = message_ids(lang);
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(missing.is_empty(), "{} lacks: {missing:?}", lang.code());
            assert!(
                extra.is_empty(),
                "{} has messages English lacks: {extra:?}",
                lang.code()
            );
        }
    }

    /// Latin text quoted inside an Arabic message (a command, a header) is isolated left to
    /// right: without the marks, its punctuation ("--format", "…") moves to the wrong end.
    #[test]
    fn latin_text_quoted_in_arabic_messages_is_isolated() {
        let folder = format!("{}/locales/ar", env!("CARGO_MANIFEST_DIR"));
        let mut quoted = 0;
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for (start, _) in text.match_indices('«') {
                let inner = &text[start + '«'.len_utf8()..];
                let inner = &inner[..inner.find(['»', '\n']).unwrap_or(inner.len())];
                if inner.contains('{') || !inner.chars().any(|c| c.is_ascii_alphabetic()) {
                    continue;
                }
                quoted += 1;
                assert!(
                    inner.starts_with('\u{2066}') && inner.ends_with('\u{2069}'),
                    "{}: «{inner}» is not isolated (U+2066 … U+2069)",
                    entry.path().display()
                );
            }
        }
        assert!(quoted > 0, "the Arabic messages are read");
    }

    /// Every message the templates and the code ask for by a literal id exists (a typo would
    /// show the id itself to the user).
    #[test]
    fn every_message_asked_for_exists() {
        let english = message_ids(Lang::En);
        let mut missing = std::collections::BTreeSet::new();
        let mut files = Vec::new();
        let mut folders = vec![
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/templates")),
        ];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for call in [".t(\"", ".t_args(\""] {
                for (at, _) in text.match_indices(call) {
                    let rest = &text[at + call.len()..];
                    let id: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    // An id built at run time (`format!("vote-body-{b}")`) ends at the brace.
                    let whole = rest[id.len()..].starts_with('"');
                    if whole && !id.is_empty() && !english.contains(&id) {
                        missing.insert(format!("{id} ({})", file.display()));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "messages asked for but not written: {missing:?}"
        );
    }

    #[test]
    fn only_interface_languages_are_negotiated() {
        assert_eq!(
            Lang::negotiate(&headers(&[("accept-language", "fr-FR,fr;q=0.9,ar;q=0.5")])),
            Lang::Ar
        );
        assert_eq!(
            Lang::negotiate(&headers(&[("cookie", "taawun_lang=zh")])),
            Lang::En
        );
    }
}
