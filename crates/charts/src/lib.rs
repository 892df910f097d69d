//! SVG charts drawn on the server: the world map of how each State voted, stacked bars of votes
//! by regional group, and the scatter plot of States by voting similarity.
//!
//! The SVG is meant to be inlined in pages served with `Content-Security-Policy: default-src
//! 'self'; style-src 'self'`: it has no `style` attribute and no `<style>` element, only
//! presentation attributes and `class`es (`taawun-chart`, `taawun-map`, `taawun-cat-<key>`, …)
//! for the page's stylesheet. Every chart:
//!
//! - is `role="img"` with `aria-labelledby` naming its `<title>` and `<desc>`, and gives each
//!   shape a `<title>` (shown on hover);
//! - reads without colour: categories have a pattern as well as a colour, scatter groups a
//!   marker shape;
//! - lays out from the right for [`Dir::Rtl`], with `direction="rtl"` on its text;
//! - escapes all caller text, and prefixes its ids with the caller's `id_prefix`.
//!
//! Rendering never panics on any input; a spec that is inconsistent (a category index out of
//! range, a colour that is not hex) is a [`SpecError`].
//!
//! ```
//! use taawun_charts::{Dir, MapSpec, Region, WorldMap, vote_categories};
//!
//! let spec = MapSpec {
//!     id_prefix: "vote-map".into(),
//!     title: "How States voted on A/HRC/RES/56/2".into(),
//!     description: "Adopted by 30 votes to 10, with 7 abstentions.".into(),
//!     dir: Dir::Ltr,
//!     categories: vote_categories(
//!         ["Yes", "No", "Abstain", "Non-voting", "Absent", "Not a member", "No data"],
//!     ),
//!     regions: vec![
//!         Region { m49: 250, category: 0, tooltip: "France: Yes".into() },
//!         Region { m49: 462, category: 2, tooltip: "Maldives: Abstain".into() },
//!         Region { m49: 798, category: 1, tooltip: "Tuvalu: No".into() },
//!     ],
//! };
//! let rendered = WorldMap::builtin().render(&spec)?;
//! assert!(rendered.svg.starts_with("<svg"));
//! // Tuvalu has no geometry in the boundaries: the page names it in text.
//! assert_eq!(rendered.not_drawn, [798]);
//! # Ok::<(), taawun_charts::SpecError>(())
//! ```

mod bar;
mod category;
mod error;
mod map;
mod projection;
mod scatter;
mod svg;
mod topo;

pub use bar::{BAR_CHART_WIDTH, BarRow, BarSpec, RenderedBars, Segment, render_bars};
pub use category::{Category, Dir, Pattern, VOTE_STYLES, parse_colour, vote_categories};
pub use error::{SpecError, TopoError};
pub use map::{Geometry, MAP_WIDTH, MapSpec, Region, RenderedMap, SMALL_AREA, WorldMap};
pub use projection::equal_earth;
pub use scatter::{
    Group, Point, RenderedScatter, SCATTER_WIDTH, ScatterSpec, Shape, render_scatter,
};
