//! Paths to the shared data, read in place (never copied into the repository), and the two
//! datasets read once per test binary.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use taawun_votes::{Dataset, ReadOptions, hrc, unga};

pub fn shared() -> PathBuf {
    taawun_testdata::shared_dir()
}

pub fn votes_dir(body: &str) -> PathBuf {
    shared().join("data/votes").join(body)
}

pub fn hrc_dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        hrc::read_dir(&votes_dir("hrc"), &ReadOptions::default(), None).expect("HRC data reads")
    })
}

pub fn unga_dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        unga::read_dir(&votes_dir("unga"), &ReadOptions::default(), None).expect("UNGA data reads")
    })
}
