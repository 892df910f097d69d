//! Where the tests and benchmarks find the public datasets — `../shared/` beside the
//! repository, read in place and never copied — and what they do when it is absent: a clone on
//! its own skips the tests that need it, each saying so; with `TAAWUN_REQUIRE_SHARED=1` (as CI
//! sets it) a missing dataset fails them instead, so that nothing is skipped unnoticed.

use std::path::{Path, PathBuf};

/// Set to `1` to turn a skip into a failure.
pub const REQUIRE_VARIABLE: &str = "TAAWUN_REQUIRE_SHARED";
/// Overrides where the datasets are (default: `shared/` beside the repository).
pub const DIR_VARIABLE: &str = "TAAWUN_SHARED_DIR";

/// The datasets' directory (which may not exist).
pub fn shared_dir() -> PathBuf {
    match std::env::var_os(DIR_VARIABLE) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

/// A file or directory under the datasets' directory.
pub fn shared(path: &str) -> PathBuf {
    shared_dir().join(path)
}

/// Whether the datasets are here. When they are not, prints that `what` is skipped and why and
/// returns false — or panics, when `TAAWUN_REQUIRE_SHARED=1`.
pub fn available(what: &str) -> bool {
    let dir = shared_dir();
    if dir.is_dir() {
        return true;
    }
    let required = std::env::var(REQUIRE_VARIABLE).is_ok_and(|v| v.trim() == "1");
    assert!(
        !required,
        "{what}: the public datasets are missing ({} is not a directory) and {REQUIRE_VARIABLE}=1",
        dir.display()
    );
    eprintln!(
        "{what}: skipped: it reads the public datasets in {}, which is absent (set {DIR_VARIABLE} to their directory; {REQUIRE_VARIABLE}=1 makes this a failure)",
        dir.display()
    );
    false
}

/// Whether a tool a test needs (`check`: its version, or why it cannot run) is installed. When
/// it is not, prints that `what` is skipped and why and returns false — or panics, when
/// `TAAWUN_REQUIRE_SHARED=1` (CI installs the tools as well as providing the datasets).
pub fn tool_available<E: std::fmt::Display>(what: &str, check: Result<String, E>) -> bool {
    match check {
        Ok(_) => true,
        Err(e) => {
            let required = std::env::var(REQUIRE_VARIABLE).is_ok_and(|v| v.trim() == "1");
            assert!(!required, "{what}: {e}");
            eprintln!("{what}: skipped: {e}");
            false
        }
    }
}

/// Returns from the calling test (or benchmark) when the datasets are absent; see [`available`].
/// `require_shared!(value)` returns `value` (in a proptest body: `require_shared!(Ok(()))`).
#[macro_export]
macro_rules! require_shared {
    () => {
        $crate::require_shared!(())
    };
    ($returned:expr) => {
        if !$crate::available(concat!(module_path!(), ":", line!())) {
            return $returned;
        }
    };
}
