//! The Sustainable Development Goals: the 17 goals, their targets and indicators, with their
//! titles in the six UN languages, read from the open-sdg translation layout
//! (`<language>/global_{goals,targets,indicators}.yml`); the codes people write for them
//! (`SDG 16.3`, `Target 16.a`, `١٦٫٣`); and a transparent keyword suggester of targets for a
//! recommendation's text, which gives its reasons and never links anything by itself.
//!
//! ```no_run
//! use taawun_sdg::{Language, Suggester, TargetCode};
//!
//! let sdgs = taawun_sdg::read_dir("shared/data/sdg")?;
//! let target: TargetCode = "SDG 16.3".parse()?;
//! println!("{}", sdgs.target(target).unwrap().titles.get(Language::Ar).unwrap());
//! for warning in &sdgs.warnings {
//!     eprintln!("{warning}");
//! }
//! let suggester = Suggester::with_titles(&sdgs);
//! for s in suggester.suggest("Ratify the Optional Protocol to the Convention against Torture", &[]) {
//!     println!("{} {:.2} {}", s.target, s.score, s.reasons.join("; "));
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! No HTTP and no SQL: the texts come from files or bytes the caller hands over, and storing
//! them or the suggestions a person accepted is the store crates' work. So the crate runs
//! offline, in tests and in the command line alike, and has no network or database to fail.

mod code;
mod keywords;
mod model;
mod reader;
mod suggest;

pub use code::{CodeError, GOAL_COUNT, GoalCode, IndicatorCode, SdgCode, TargetCode, TargetId};
pub use model::{Goal, Indicator, Language, Sdgs, Target, Titles};
pub use reader::{FILE_NAMES, ReadError, Warning, read_dir, read_files};
pub use suggest::{MIN_SCORE, Suggester, Suggestion, TITLE_WORD_MAX_TARGETS};
