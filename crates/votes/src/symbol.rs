//! UN document symbols as the vote files write them, and as the rest of the platform writes
//! them (the form the UN Official Document System uses), so that a roll call links to its
//! resolution.

/// A symbol after normalisation, and what was changed, if anything (for a [`crate::Note`]).
#[derive(Debug, PartialEq, Eq)]
pub struct Normalised {
    pub symbol: String,
    pub change: Option<&'static str>,
}

/// An HRC symbol as `all-vote-data.csv` writes it. Mostly already right (`A/HRC/RES/1/2`,
/// `A/HRC/DEC/1/106`, `A/HRC/2/L.48`); three kinds of damage occur and are repaired:
/// a trailing " as orally revised" (a remark, not part of the symbol), `A/HRC/DEC22/117` (slash
/// missing), and `A/HRC/RES/56/L.35` (a draft amendment's `L.` number under `RES/`, which no
/// document has: the draft is `A/HRC/56/L.35`).
pub fn hrc(raw: &str) -> Normalised {
    let mut symbol: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut change = None;
    const REMARK: &str = " as orally revised";
    if symbol.len() > REMARK.len()
        && symbol.is_char_boundary(symbol.len() - REMARK.len())
        && symbol[symbol.len() - REMARK.len()..].eq_ignore_ascii_case(REMARK)
    {
        symbol.truncate(symbol.len() - REMARK.len());
        change = Some("removed the remark \"as orally revised\" from the symbol");
    }
    if let Some(rest) = symbol.strip_prefix("A/HRC/DEC")
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        symbol = format!("A/HRC/DEC/{rest}");
        change = Some("added the missing slash after DEC");
    }
    if let Some(rest) = symbol.strip_prefix("A/HRC/RES/")
        && let Some((session, number)) = rest.split_once('/')
        && number.starts_with("L.")
    {
        symbol = format!("A/HRC/{session}/{number}");
        change = Some("a draft (L.) symbol cannot be a resolution: removed RES/");
    }
    Normalised { symbol, change }
}

/// The session number of an HRC symbol: `A/HRC/RES/56/2`, `A/HRC/DEC/1/106` and
/// `A/HRC/2/L.48` give 56, 1 and 2. `None` for special sessions (`A/HRC/RES/S-1/1`), see
/// [`crate::RollCall::session`], and for anything unrecognised.
pub fn hrc_session(symbol: &str) -> Option<u32> {
    let rest = hrc_after_series(symbol)?;
    let number = rest.split('/').next()?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

/// The special-session number of an HRC symbol (`A/HRC/RES/S-28/1` → 28).
pub fn hrc_special_session(symbol: &str) -> Option<u32> {
    let rest = hrc_after_series(symbol)?;
    let number = rest.split('/').next()?.strip_prefix("S-")?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

/// What follows `A/HRC/`, `A/HRC/RES/` or `A/HRC/DEC/`.
fn hrc_after_series(symbol: &str) -> Option<&str> {
    let rest = symbol.strip_prefix("A/HRC/")?;
    Some(
        rest.strip_prefix("RES/")
            .or_else(|| rest.strip_prefix("DEC/"))
            .unwrap_or(rest),
    )
}

/// An HRC symbol of a draft: `L.` documents are drafts and amendments to drafts.
pub fn hrc_is_draft(symbol: &str) -> bool {
    symbol.contains("/L.")
}

/// A UNGA `unres` value as the Voeten data writes it, into a General Assembly resolution symbol:
///
/// | `unres`      | symbol            |
/// |--------------|-------------------|
/// | `R/1/66`     | `A/RES/1/66`      |
/// | `A/RES/71/5` | `A/RES/71/5`      |
/// | `ESS/10/19`  | `A/RES/ES-10/19`  |
/// | `SS/1/59`    | `A/RES/S-1/59`    |
///
/// Suffixes are kept (`R/34/233/XII` → `A/RES/34/233/XII`, the part of an omnibus resolution
/// voted on). For sessions 1 to 30 the UN itself wrote `A/RES/66(I)`; this keeps the uniform
/// `A/RES/<session>/<number>` form for every session, and leaves the historic form to whoever
/// links to the documents themselves.
/// An empty value is `None`; a value of no known form is kept as given, with a note.
pub fn unga(raw: &str) -> Option<Normalised> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let session_and_rest = |prefix: &str| -> Option<(String, String)> {
        let (session, rest) = raw.strip_prefix(prefix)?.split_once('/')?;
        let valid = !session.is_empty()
            && session.bytes().all(|b| b.is_ascii_digit())
            && !rest.is_empty()
            && !rest.contains(char::is_whitespace);
        valid.then(|| (session.to_owned(), rest.to_owned()))
    };
    let symbol = if raw.starts_with("A/RES/") && !raw.contains(char::is_whitespace) {
        raw.to_owned()
    } else if let Some((session, rest)) = session_and_rest("R/") {
        format!("A/RES/{session}/{rest}")
    } else if let Some((session, rest)) = session_and_rest("ESS/") {
        format!("A/RES/ES-{session}/{rest}")
    } else if let Some((session, rest)) = session_and_rest("SS/") {
        format!("A/RES/S-{session}/{rest}")
    } else {
        return Some(Normalised {
            symbol: raw.to_owned(),
            change: Some("not a resolution number of a known form; kept as given"),
        });
    };
    Some(Normalised {
        symbol,
        change: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrc_symbols() {
        assert_eq!(hrc("A/HRC/RES/56/2").symbol, "A/HRC/RES/56/2");
        assert_eq!(hrc("A/HRC/RES/56/2").change, None);
        assert_eq!(hrc("A/HRC/DEC22/117").symbol, "A/HRC/DEC/22/117");
        assert_eq!(
            hrc("A/HRC/50/L.37 as orally revised").symbol,
            "A/HRC/50/L.37"
        );
        assert_eq!(hrc("A/HRC/RES/56/L.35").symbol, "A/HRC/56/L.35");
        assert!(hrc("A/HRC/RES/56/L.35").change.is_some());
        assert_eq!(hrc("A/HRC/RES/S-1/1").symbol, "A/HRC/RES/S-1/1");
    }

    #[test]
    fn hrc_sessions() {
        assert_eq!(hrc_session("A/HRC/RES/56/2"), Some(56));
        assert_eq!(hrc_session("A/HRC/DEC/1/106"), Some(1));
        assert_eq!(hrc_session("A/HRC/2/L.48"), Some(2));
        assert_eq!(hrc_session("A/HRC/RES/S-1/1"), None);
        assert_eq!(hrc_special_session("A/HRC/RES/S-28/1"), Some(28));
        assert_eq!(hrc_special_session("A/HRC/RES/28/1"), None);
        assert_eq!(hrc_session("E/CN.4/RES/2005/1"), None);
        assert!(hrc_is_draft("A/HRC/2/L.48"));
        assert!(!hrc_is_draft("A/HRC/RES/2/1"));
    }

    #[test]
    fn unga_symbols() {
        let symbol = |raw| unga(raw).map(|n| n.symbol);
        assert_eq!(symbol("R/1/66").as_deref(), Some("A/RES/1/66"));
        assert_eq!(symbol("R/1/176A").as_deref(), Some("A/RES/1/176A"));
        assert_eq!(symbol("A/RES/71/5").as_deref(), Some("A/RES/71/5"));
        assert_eq!(symbol("ESS/10/19").as_deref(), Some("A/RES/ES-10/19"));
        assert_eq!(symbol("SS/1/59").as_deref(), Some("A/RES/S-1/59"));
        assert_eq!(symbol("R/34/233/XII").as_deref(), Some("A/RES/34/233/XII"));
        assert_eq!(symbol(""), None);
        let odd = unga("R/10 65").unwrap();
        assert_eq!(odd.symbol, "R/10 65");
        assert!(odd.change.is_some());
        assert!(unga("R/6444A").unwrap().change.is_some());
        assert!(unga("GOAR/1/1288B").unwrap().change.is_some());
    }
}
