//! What can be wrong with a chart's input.

use thiserror::Error;

/// A chart specification the renderer refuses: each is a bug in the calling code, not in the
/// data, so rendering stops rather than drawing something misleading.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SpecError {
    #[error("id prefix {0:?} is not an ASCII letter followed by letters, digits, '-' or '_'")]
    InvalidIdPrefix(String),
    #[error("colour {0:?} is not #rgb, #rgba, #rrggbb or #rrggbbaa")]
    InvalidColour(String),
    #[error("region {m49} refers to category {index}, but there are {len} categories")]
    CategoryOutOfRange { m49: u16, index: usize, len: usize },
    #[error("region {0} is listed more than once")]
    DuplicateRegion(u16),
    #[error("row {row} has {found} counts for {expected} categories")]
    CountsLength {
        row: usize,
        expected: usize,
        found: usize,
    },
    #[error("point {point} refers to group {group}, but there are {len} groups")]
    GroupOutOfRange {
        point: usize,
        group: usize,
        len: usize,
    },
    #[error("highlighted point {index} does not exist ({len} points)")]
    HighlightOutOfRange { index: usize, len: usize },
}

/// Why a TopoJSON document could not be turned into a map.
#[derive(Debug, Error)]
pub enum TopoError {
    #[error("TopoJSON does not parse: {0}")]
    Json(#[from] serde_json::Error),
    #[error("TopoJSON has no object named {0:?}")]
    MissingObject(String),
    #[error("geometry refers to arc {index}, but there are {len} arcs")]
    ArcOutOfRange { index: i64, len: usize },
}
