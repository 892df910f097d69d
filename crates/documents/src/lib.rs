//! UN resolution texts into structured records: the parser behind `taawun parse resolution`
//! and `taawun import resolution`. Pure: no storage, no HTTP.

pub mod model;

pub use model::*;
