//! UN resolution texts into structured records: the parser behind `taawun parse resolution`
//! and `taawun import resolution`. Pure: no storage, no HTTP.
//!
//! ```no_run
//! let bytes = std::fs::read("resolution.txt").unwrap();
//! let text = taawun_documents::decode(&bytes)?;
//! let resolution =
//!     taawun_documents::parse_resolution(&text, taawun_states::Resolver::builtin())?;
//! println!("{} has {} operative paragraphs", resolution.symbol, resolution.operative.len());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What comes out
//!
//! [`parse_resolution`] reads a resolution's text as PDF extraction gives it, in Arabic or in
//! English (the language with most letters), and returns a [`Resolution`]:
//!
//! - the header: symbol (printed, or built from the body and the title line's number, which
//!   Arabic extraction writes right to left: "2/56" is 56/2), body, session and its dates,
//!   agenda item, original language, title, distribution and adoption dates; the meeting;
//! - the preambular paragraphs (numbered in order) and the operative paragraphs (their own
//!   numbers), as written without list markers, joined across page breaks, with a folded copy
//!   for search ([`normalize_for_search`]);
//! - the footnotes, each marker (`⁽¹⁾`, `¹`) linked to the text found at a page bottom;
//! - the references: every document cited, by symbol or number (normalised by [`symbols`]:
//!   "قرار الجمعية العامة 1/70" → `A/RES/70/1`) or by name (declarations, conferences), with
//!   the date the text gives and the paragraph (or the paragraph whose footnote cites it);
//! - the vote: how it was adopted, the tally as stated, the States named on each side resolved
//!   to ISO3 codes with the [`taawun_states::Resolver`];
//! - the mandates: what operative paragraphs ask of whom (addressee, action, output, due
//!   session), including requests they recall.
//!
//! # Warnings
//!
//! Whatever the parser repaired or could not place is in [`Resolution::warnings`], with a
//! stable code and a location (`header`, `pp-N`, `op-N`, `footnotes`, `vote`, `footer`, `body`):
//!
//! | code | what happened |
//! |---|---|
//! | `damaged-opening` | a preambular paragraph opens with "وإن" (or "وإد"), read as "وإذ" |
//! | `unexpected-opening` | a line was taken as a new preambular paragraph without a usual opening |
//! | `joined-paragraph` | a paragraph continues after a page break; the parts are joined |
//! | `paragraph-numbering` | an operative number does not follow the previous one |
//! | `missing-footnote` | a marker has no footnote text |
//! | `orphan-footnote`, `duplicate-footnote`, `duplicate-footnote-marker` | footnote texts and markers that do not pair up |
//! | `fuzzy-state` | a State name matched only approximately (name, code, edit distance) |
//! | `unresolved-state` | a name in a vote list is no known State (with candidates) |
//! | `duplicate-state` | a State is listed twice in the vote |
//! | `tally-mismatch` | the named States and the stated tally differ (both are kept) |
//! | `damaged-heading` | a vote heading recognised despite damage ("المتنعون") |
//! | `vote-lists-missing`, `too-many-names`, `unknown-vote` | adoption notes not fully understood |
//! | `symbol-mismatch`, `date-mismatch`, `missing-title` | header and footer disagree or lack a part |
//! | `unknown-line` | a line that fits nowhere (at most 50 listed, then a count) |
//!
//! The parts stand on their own too: [`decode`] (bytes to text), [`dates`] (Arabic and English
//! dates and ranges), [`ordinals`] (session ordinals, small cardinals), [`symbols`] (citations
//! and UN symbols), [`normalize_for_search`].

pub mod dates;
mod decode;
mod lex;
pub mod model;
mod normalize;
pub mod ordinals;
mod parse;
pub mod symbols;

pub use decode::{DecodeError, MAX_DOCUMENT_BYTES, decode};
pub use model::*;
pub use normalize::normalize_for_search;
pub use parse::{ParseError, parse_resolution};
