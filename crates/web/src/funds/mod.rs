//! The assistance funds' published procedure: `/funds` lists the configured funds and
//! `/funds/{id}` is one fund's procedure — what it is for, who may ask, what a request must
//! contain, the stages a request goes through and the days each should take — generated from
//! the fund's configuration (`taawun-funds`; the built-in three, or the file `taawun serve
//! --funds` reads), in the page's language where the terms are written in it and in English
//! otherwise, saying so. `/api/v1/funds` and `/api/v1/funds/{id}` give the same in every
//! language the terms are written in.

mod api;
mod pages;

use taawun_funds::{Fund, Texts};

use crate::auth::Routes;
use crate::i18n::Lang;

pub use api::{__path_get_fund, __path_list_funds};

pub fn routes() -> Routes {
    Routes::new()
        .public("/funds", pages::index)
        .public("/funds/{id}", pages::show)
        .public("/api/v1/funds", api::list_funds)
        .public("/api/v1/funds/{id}", api::get_fund)
}

/// The configured fund with this id.
fn find<'a>(funds: &'a [Fund], id: &str) -> Option<&'a Fund> {
    funds.iter().find(|f| f.id == id.trim())
}

/// A fund's text as a page shows it: in the page's language when it is written in it, else in
/// English, with the language it is in (for `lang` and `dir`).
pub struct Localised {
    pub text: String,
    pub lang: &'static str,
    pub dir: &'static str,
    /// Not in the page's language.
    pub fallback: bool,
}

impl Localised {
    fn of(texts: &Texts, lang: Lang) -> Localised {
        let (text, written_in) = texts.get(lang.code());
        let written = Lang::from_code(written_in).unwrap_or(Lang::En);
        Localised {
            text: text.to_owned(),
            lang: written.code(),
            dir: written.dir(),
            fallback: written != lang,
        }
    }
}
