//! The pages' charts: how a roll call went, as a bar chart by regional group and a world map,
//! and the map of States by voting similarity — drawn on the server by `taawun-charts` with
//! labels in the page's language.

use std::collections::HashMap;

use taawun_charts::{
    BarRow, BarSpec, Dir, Group, MapSpec, Point, Region, ScatterSpec, Shape, WorldMap,
};
use taawun_states::{RegionalGroup, UnStatus};

use crate::i18n::Lang;

/// The vote categories in the charts' order: yes, no, abstain, non-voting, absent, not a
/// member, no data.
const CHOICES: [&str; 7] = [
    "yes",
    "no",
    "abstain",
    "non-voting",
    "absent",
    "not-member",
    "no-data",
];
/// Bars show votes cast or withheld by members present in the record, not "not a member".
const BAR_CATEGORIES: usize = 5;

pub fn dir(lang: Lang) -> Dir {
    if lang.dir() == "rtl" {
        Dir::Rtl
    } else {
        Dir::Ltr
    }
}

/// A vote's label in `lang`.
pub fn choice_label(lang: Lang, choice: &str) -> String {
    lang.t(&format!("vote-{choice}"))
}

fn categories(lang: Lang) -> Vec<taawun_charts::Category> {
    let labels = CHOICES.map(|c| choice_label(lang, c));
    taawun_charts::vote_categories([
        &labels[0], &labels[1], &labels[2], &labels[3], &labels[4], &labels[5], &labels[6],
    ])
}

fn category_of(choice: &str) -> usize {
    CHOICES.iter().position(|c| *c == choice).unwrap_or(6)
}

/// A State's row in the bar chart: its regional group, or "none" for observers, territories
/// and historic States.
fn group_row(state: Option<&taawun_states::State>) -> usize {
    state
        .and_then(|s| s.regional_group)
        .and_then(|g| RegionalGroup::ALL.iter().position(|x| *x == g))
        .unwrap_or(RegionalGroup::ALL.len())
}

/// What the page shows of one vote besides its tables.
pub struct VoteCharts {
    pub bars: String,
    pub map: String,
    /// States whose vote the map cannot show (no boundary in the map data): name and vote.
    pub not_drawn: Vec<(String, String)>,
}

/// The bar chart and the map of one vote, from `(ISO3, choice)` pairs. `complete` says whether
/// the votes list every member of the body (a voting record) or only those the text names:
/// States missing from a complete record are "not a member", otherwise "no data".
pub fn vote_charts(
    votes: &[(&str, &str)],
    complete: bool,
    lang: Lang,
    id_prefix: &str,
    caption: &str,
) -> VoteCharts {
    let categories = categories(lang);
    let mut rows: Vec<BarRow> = RegionalGroup::ALL
        .iter()
        .map(|g| BarRow {
            label: crate::states::group_label(lang, Some(g.slug())),
            counts: vec![0; BAR_CATEGORIES],
        })
        .collect();
    rows.push(BarRow {
        label: lang.t("group-none"),
        counts: vec![0; BAR_CATEGORIES],
    });
    let mut by_state: HashMap<&str, usize> = HashMap::with_capacity(votes.len());
    for (iso3, choice) in votes {
        let category = category_of(choice);
        by_state.insert(iso3, category);
        if category < BAR_CATEGORIES {
            rows[group_row(taawun_states::by_iso3(iso3))].counts[category] += 1;
        }
    }
    rows.retain(|r| r.counts.iter().any(|n| *n > 0));
    let bars = taawun_charts::render_bars(&BarSpec {
        id_prefix: format!("{id_prefix}-bars"),
        title: lang.t_args("chart-bars-title", &[("vote", caption.to_owned().into())]),
        description: lang.t("chart-bars-description"),
        dir: dir(lang),
        categories: categories[..BAR_CATEGORIES].to_vec(),
        rows,
    })
    .map(|r| r.svg)
    .unwrap_or_else(|e| {
        tracing::error!(error = %e, "bar chart spec rejected");
        String::new()
    });

    // Every present-day State is on the map; those the votes do not name are "not a member"
    // (a complete record) or "no data" (a text lists only the States that voted).
    let missing = if complete { 5 } else { 6 };
    let mut regions = Vec::new();
    let mut drawn_codes = std::collections::HashSet::new();
    for state in taawun_states::all() {
        let listed = by_state.get(state.iso3).copied();
        if listed.is_none() && !matches!(state.status, UnStatus::Member | UnStatus::Observer) {
            continue;
        }
        let category = listed.unwrap_or(missing);
        drawn_codes.insert(state.m49);
        regions.push(Region {
            m49: state.m49,
            category,
            tooltip: format!(
                "{}: {}",
                state.names.get(lang.code()),
                categories[category].label
            ),
        });
    }
    let (map, not_drawn_codes) = match WorldMap::builtin().render(&MapSpec {
        id_prefix: format!("{id_prefix}-map"),
        title: lang.t_args("chart-map-title", &[("vote", caption.to_owned().into())]),
        description: lang.t("chart-map-description"),
        dir: dir(lang),
        categories: categories.clone(),
        regions,
    }) {
        Ok(rendered) => (rendered.svg, rendered.not_drawn),
        Err(e) => {
            tracing::error!(error = %e, "map spec rejected");
            (String::new(), Vec::new())
        }
    };
    let not_drawn = votes
        .iter()
        .filter_map(|(iso3, choice)| {
            let state = taawun_states::by_iso3(iso3)?;
            let category = category_of(choice);
            (category < BAR_CATEGORIES && not_drawn_codes.contains(&state.m49)).then(|| {
                (
                    state.names.get(lang.code()).to_owned(),
                    choice_label(lang, choice),
                )
            })
        })
        .collect();
    VoteCharts {
        bars,
        map,
        not_drawn,
    }
}

/// Colours of the regional groups in the similarity map (Okabe–Ito, in `RegionalGroup::ALL`
/// order, then the colour of States outside the groups); shapes tell them apart without colour.
const GROUP_COLOURS: [&str; 6] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#000000",
];

/// The map of States by voting similarity, as SVG; `highlight` is the State the page is about.
pub fn similarity_map(
    mds: &taawun_votes::Mds,
    highlight: Option<&str>,
    lang: Lang,
    description: String,
) -> String {
    let mut groups: Vec<Group> = RegionalGroup::ALL
        .iter()
        .enumerate()
        .map(|(i, g)| Group {
            label: crate::states::group_label(lang, Some(g.slug())),
            colour: GROUP_COLOURS[i].to_owned(),
            shape: Shape::nth(i),
        })
        .collect();
    groups.push(Group {
        label: lang.t("group-none"),
        colour: GROUP_COLOURS[5].to_owned(),
        shape: Shape::Cross,
    });
    let points: Vec<Point> = mds
        .states
        .iter()
        .zip(&mds.coordinates)
        .map(|(iso3, [x, y])| {
            let state = taawun_states::by_iso3(iso3);
            Point {
                x: *x,
                // SVG's y grows downwards; MDS axes have no direction, so this only keeps the
                // picture the same as a plot of the API's coordinates.
                y: -*y,
                // Arabic pages name the States in Arabic (a label that finds no free place is
                // left out, and the table beside the map lists every State); other pages use
                // the short ISO code, which every Latin-script reader knows.
                label: match (lang, state) {
                    (Lang::Ar, Some(s)) => s.names.ar.to_owned(),
                    _ => iso3.clone(),
                },
                group: group_row(state),
                tooltip: state
                    .map_or_else(|| iso3.clone(), |s| s.names.get(lang.code()).to_owned()),
            }
        })
        .collect();
    let highlight = highlight.and_then(|h| mds.states.iter().position(|s| s == h));
    taawun_charts::render_scatter(&ScatterSpec {
        id_prefix: "similarity".into(),
        title: lang.t("chart-similarity-title"),
        description,
        dir: dir(lang),
        groups,
        points,
        highlight,
    })
    .map(|r| r.svg)
    .unwrap_or_else(|e| {
        tracing::error!(error = %e, "scatter spec rejected");
        String::new()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use taawun_charts::VOTE_STYLES;

    #[test]
    fn choices_follow_the_charts_vote_styles() {
        for (choice, (key, _, _)) in CHOICES.iter().zip(VOTE_STYLES) {
            assert_eq!(*choice, key);
        }
    }
}
