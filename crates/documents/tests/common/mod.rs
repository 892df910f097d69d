//! Reading the seed and the fixtures in place.

#![allow(dead_code)]

use std::path::PathBuf;

use taawun_documents::{Resolution, decode, parse_resolution};
use taawun_states::Resolver;

pub const SEED: &str = "../../../shared/seeds/000_b863d33a48876efe.txt";

pub fn read(relative: &str) -> String {
    // The public datasets are found where the shared helper says (and may be absent).
    let path = match relative.strip_prefix("../../../shared/") {
        Some(rest) => taawun_testdata::shared(rest),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative),
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    decode(&bytes).expect("the file decodes")
}

pub fn parse(relative: &str) -> Resolution {
    parse_resolution(&read(relative), Resolver::builtin()).expect("the file parses")
}

pub fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}
