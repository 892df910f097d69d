//! Every issue name UPR Info's files use has its names in the six languages (a new file with a
//! new issue fails here until the table names it).

use taawun_states::Resolver;
use taawun_upr::{themes, upr_info};

#[test]
fn every_issue_of_the_files_is_named_in_every_language() {
    taawun_testdata::require_shared!();
    let info =
        upr_info::read_dir(&taawun_testdata::shared("data/upr"), Resolver::builtin()).unwrap();
    let mut used = std::collections::BTreeSet::new();
    for issue in info
        .recommendations
        .iter()
        .flat_map(|r| &r.issues)
        .chain(info.pledges.iter().flat_map(|p| &p.issues))
    {
        used.insert(issue.as_str());
    }
    let missing: Vec<&str> = used
        .iter()
        .copied()
        .filter(|name| themes::names(name).is_none())
        .collect();
    assert!(missing.is_empty(), "issues without names: {missing:?}");
    assert_eq!(
        used.len(),
        themes::THEMES.len(),
        "every name in the table is used"
    );
}
