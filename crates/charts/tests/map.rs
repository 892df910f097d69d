//! The world map against the built-in table of States and the vendored boundaries.

mod common;

use std::collections::BTreeSet;

use common::{assert_sound, legend_texts, num_attr, parse};
use taawun_charts::{
    Category, Dir, Geometry, MAP_WIDTH, MapSpec, Pattern, Region, SpecError, WorldMap,
    vote_categories,
};
use taawun_states::{State, UnStatus};

const LABELS: [&str; 7] = [
    "Yes",
    "No",
    "Abstain",
    "Non-voting",
    "Absent",
    "Not a member",
    "No data",
];

/// The 193 Member States and the two observer States: those a vote map must show.
fn un_states() -> Vec<&'static State> {
    taawun_states::all()
        .filter(|s| matches!(s.status, UnStatus::Member | UnStatus::Observer))
        .collect()
}

fn codes(iso3: &[&str]) -> BTreeSet<u16> {
    iso3.iter()
        .map(|c| {
            taawun_states::by_iso3(c)
                .unwrap_or_else(|| panic!("{c}"))
                .m49
        })
        .collect()
}

/// Every UN State, its category cycling through the five vote categories.
fn vote_spec(prefix: &str, dir: Dir) -> MapSpec {
    let regions = un_states()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let category = if s.status == UnStatus::Observer {
                5
            } else {
                i % 5
            };
            Region {
                m49: s.m49,
                category,
                tooltip: format!("{}: {}", s.names.en, LABELS[category]),
            }
        })
        .collect();
    MapSpec {
        id_prefix: prefix.into(),
        title: "How States voted on resolution 56/2".into(),
        description: "A world map.".into(),
        dir,
        categories: vote_categories(LABELS),
        regions,
    }
}

#[test]
fn every_un_state_is_drawn_except_tuvalu() {
    let map = WorldMap::builtin();
    let states = un_states();
    assert_eq!(states.len(), 195);

    let by = |g: Geometry| -> BTreeSet<u16> {
        states
            .iter()
            .filter(|s| map.geometry(s.m49) == g)
            .map(|s| s.m49)
            .collect()
    };
    // world-atlas has no feature for Tuvalu at any scale: Natural Earth's 1:50m and 1:110m
    // Admin 0 layers leave out its atolls.
    assert_eq!(by(Geometry::None), codes(&["TUV"]));
    // Absent from the 1:110m boundaries, found at 1:50m: drawn as markers only.
    assert_eq!(
        by(Geometry::Marker),
        codes(&[
            "AND", "ATG", "BHR", "BRB", "COM", "CPV", "DMA", "FSM", "GRD", "KIR", "KNA", "LCA",
            "LIE", "MCO", "MDV", "MHL", "MLT", "MUS", "NRU", "PLW", "SGP", "SMR", "STP", "SYC",
            "TON", "VAT", "VCT", "WSM",
        ])
    );
    // Drawn at 1:110m, but smaller than the threshold: shape and marker.
    assert_eq!(
        by(Geometry::ShapeAndMarker),
        codes(&[
            "BHS", "BRN", "CYP", "GMB", "JAM", "KWT", "LBN", "LUX", "MNE", "PSE", "QAT", "TLS",
            "TTO", "VUT",
        ])
    );
    assert_eq!(by(Geometry::Shape).len(), 195 - 1 - 28 - 14);
    for s in &states {
        assert_eq!(map.has_geometry(s.m49), s.iso3 != "TUV", "{}", s.iso3);
    }

    let rendered = map.render(&vote_spec("m", Dir::Ltr)).unwrap();
    assert_eq!(rendered.not_drawn, vec![798]);
}

#[test]
fn the_small_state_threshold_falls_where_its_documentation_says() {
    let map = WorldMap::builtin();
    for iso3 in ["KWT", "MNE"] {
        let m49 = taawun_states::by_iso3(iso3).unwrap().m49;
        assert_eq!(map.geometry(m49), Geometry::ShapeAndMarker, "{iso3}");
    }
    for iso3 in ["SVN", "ISR", "FRA", "FJI", "RUS"] {
        let m49 = taawun_states::by_iso3(iso3).unwrap().m49;
        assert_eq!(map.geometry(m49), Geometry::Shape, "{iso3}");
    }
}

#[test]
fn every_drawn_state_has_its_tooltip_and_the_svg_is_sound() {
    let map = WorldMap::builtin();
    let spec = vote_spec("vote-map", Dir::Ltr);
    let rendered = map.render(&spec).unwrap();
    assert_sound(&rendered.svg, "vote-map");
    let doc = parse(&rendered.svg);

    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter(|n| {
            n.parent()
                .is_some_and(|p| p.has_tag_name("path") || p.has_tag_name("circle"))
        })
        .filter_map(|n| n.text())
        .collect();
    let mut expected = Vec::new();
    for r in &spec.regions {
        let times = match map.geometry(r.m49) {
            Geometry::None => 0,
            Geometry::Shape | Geometry::Marker => 1,
            Geometry::ShapeAndMarker => 2,
        };
        expected.extend(std::iter::repeat_n(r.tooltip.as_str(), times));
    }
    let (mut got, mut want) = (titles.clone(), expected);
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);

    // Legend counts are of the States listed, drawn or not.
    let legend: Vec<&str> = legend_texts(&doc).iter().filter_map(|n| n.text()).collect();
    assert_eq!(legend.len(), 7);
    let members = spec.regions.iter().filter(|r| r.category == 0).count();
    assert_eq!(legend[0], format!("Yes ({members})"));
    assert_eq!(legend[5], "Not a member (2)");
    assert_eq!(legend[6], "No data (0)");
}

#[test]
fn paths_do_not_jump_across_the_map() {
    // A ring that crosses the antimeridian uncut becomes a stroke from one edge to the other.
    let rendered = WorldMap::builtin()
        .render(&vote_spec("m", Dir::Ltr))
        .unwrap();
    let doc = parse(&rendered.svg);
    for path in doc.descendants().filter(|n| n.has_tag_name("path")) {
        if path.attribute("class") == Some("taawun-map-sphere") {
            continue;
        }
        let d = path.attribute("d").unwrap();
        for ring in d.split('M').filter(|r| !r.is_empty()) {
            let steps = ring
                .split_once('l')
                .map_or("", |(_, s)| s.trim_end_matches('z'));
            let numbers = numbers(steps);
            for dx in numbers.iter().step_by(2) {
                assert!(dx.abs() < MAP_WIDTH / 2.0, "step {dx} in {ring}");
            }
        }
    }
}

/// The numbers of compact path data ("1.5-2 3" → 1.5, -2, 3).
fn numbers(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in s.chars() {
        if (c == '-' || c == ' ') && !current.is_empty() {
            out.push(current.parse().unwrap());
            current.clear();
        }
        if c != ' ' {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(current.parse().unwrap());
    }
    out
}

#[test]
fn markers_do_not_overlap() {
    let full = vote_spec("m", Dir::Ltr);
    // The Lesser Antilles alone: a different set of markers, placed afresh.
    let caribbean = codes(&["ATG", "BRB", "DMA", "GRD", "KNA", "LCA", "VCT", "TTO"]);
    let mut antilles = full.clone();
    antilles.regions.retain(|r| caribbean.contains(&r.m49));
    for (spec, expected) in [(&full, 28 + 14), (&antilles, 8), (&full, 28 + 14)] {
        let rendered = WorldMap::builtin().render(spec).unwrap();
        let doc = parse(&rendered.svg);
        let group = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("taawun-map-markers"))
            .unwrap();
        let circles: Vec<(f64, f64, f64)> = group
            .children()
            .filter(|n| n.has_tag_name("circle"))
            .map(|n| (num_attr(n, "cx"), num_attr(n, "cy"), num_attr(n, "r")))
            .collect();
        assert_eq!(circles.len(), expected);
        for (i, a) in circles.iter().enumerate() {
            for b in &circles[i + 1..] {
                let d = (a.0 - b.0).hypot(a.1 - b.1);
                assert!(d >= a.2 + b.2 - 0.2, "{a:?} and {b:?} overlap");
            }
        }
    }
}

#[test]
fn caller_text_is_escaped() {
    let mut spec = vote_spec("m", Dir::Ltr);
    let nasty = "<script>alert('x')</script> & \"co\"\u{0}";
    spec.title = nasty.into();
    spec.description = nasty.into();
    spec.categories[0].label = nasty.into();
    spec.categories[0].key = "\"><script>".into();
    spec.regions[0].tooltip = nasty.into();
    let rendered = WorldMap::builtin().render(&spec).unwrap();
    assert!(!rendered.svg.contains("<script"));
    assert!(
        rendered
            .svg
            .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;")
    );
    let doc = parse(&rendered.svg);
    let cleaned = nasty.replace('\u{0}', "\u{FFFD}");
    let titles: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title") && n.text() == Some(cleaned.as_str()))
        .collect();
    assert!(titles.len() >= 2, "the svg title and the region's tooltip");
    assert!(
        doc.descendants()
            .any(|n| n.attribute("class") == Some("taawun-cat taawun-cat----script-"))
    );
}

#[test]
fn rtl_legends_run_from_the_right() {
    let map = WorldMap::builtin();
    let ltr_svg = map.render(&vote_spec("m", Dir::Ltr)).unwrap().svg;
    let rtl_svg = map.render(&vote_spec("m", Dir::Rtl)).unwrap().svg;
    let (ltr, rtl) = (parse(&ltr_svg), parse(&rtl_svg));
    let (ltr_texts, rtl_texts) = (legend_texts(&ltr), legend_texts(&rtl));
    assert_eq!(ltr_texts.len(), rtl_texts.len());

    for t in &ltr_texts {
        assert_eq!(t.attribute("direction"), Some("ltr"));
        assert_eq!(t.attribute("text-anchor"), Some("start"));
    }
    for t in &rtl_texts {
        assert_eq!(t.attribute("direction"), Some("rtl"));
        // SVG 2: with direction="rtl", "start" puts the text's right edge at x.
        assert_eq!(t.attribute("text-anchor"), Some("start"));
    }
    let xs = |texts: &[roxmltree::Node<'_, '_>]| -> Vec<f64> {
        texts.iter().map(|t| num_attr(*t, "x")).collect()
    };
    let (lx, rx) = (xs(&ltr_texts), xs(&rtl_texts));
    // First entry at the start edge, in mirror image; entries advance inwards.
    assert!(lx[0] < 50.0 && rx[0] > MAP_WIDTH - 50.0, "{lx:?} {rx:?}");
    assert!(
        (lx[0] + rx[0] - MAP_WIDTH).abs() < 0.5,
        "{} + {}",
        lx[0],
        rx[0]
    );
    assert!(lx.windows(2).all(|w| w[1] > w[0]) || lx.len() < 2);
    assert!(rx[1] < rx[0]);

    // Each swatch sits before its text in reading order: left of it in LTR, right in RTL.
    let swatch_x = |doc: &roxmltree::Document<'_>| -> f64 {
        let g = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("taawun-legend"))
            .unwrap();
        num_attr(g.children().find(|c| c.has_tag_name("rect")).unwrap(), "x")
    };
    assert!(swatch_x(&ltr) < lx[0]);
    assert!(swatch_x(&rtl) > rx[0]);
}

#[test]
fn patterns_are_defined_once_per_textured_category() {
    let rendered = WorldMap::builtin()
        .render(&vote_spec("pm", Dir::Ltr))
        .unwrap();
    let doc = parse(&rendered.svg);
    let patterns: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("pattern"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    // yes, not a member and no data are plain; no, abstain, non-voting, absent are textured.
    assert_eq!(patterns, ["pm-pat1", "pm-pat2", "pm-pat3", "pm-pat4"]);
    let fills: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("taawun-cat "))
        })
        .filter_map(|n| n.attribute("fill"))
        .collect();
    assert!(fills.contains("#009E73") && fills.contains("url(#pm-pat1)"));
}

#[test]
fn region_order_does_not_change_the_output() {
    let map = WorldMap::builtin();
    let spec = vote_spec("m", Dir::Ltr);
    let mut reversed = spec.clone();
    reversed.regions.reverse();
    assert_eq!(map.render(&spec).unwrap(), map.render(&reversed).unwrap());
}

#[test]
fn codes_without_geometry_are_reported_in_order() {
    let mut spec = vote_spec("m", Dir::Ltr);
    for m49 in [999, 0, 65535] {
        spec.regions.push(Region {
            m49,
            category: 6,
            tooltip: "?".into(),
        });
    }
    let rendered = WorldMap::builtin().render(&spec).unwrap();
    assert_eq!(rendered.not_drawn, vec![0, 798, 999, 65535]);
}

#[test]
fn inconsistent_specs_are_refused() {
    let map = WorldMap::builtin();
    let base = vote_spec("m", Dir::Ltr);

    let mut spec = base.clone();
    spec.id_prefix = "1 map".into();
    assert_eq!(
        map.render(&spec),
        Err(SpecError::InvalidIdPrefix("1 map".into()))
    );

    let mut spec = base.clone();
    spec.categories[2].colour = "url(https://example.org/x)".into();
    assert!(matches!(
        map.render(&spec),
        Err(SpecError::InvalidColour(_))
    ));

    let mut spec = base.clone();
    spec.regions[3].category = 7;
    assert!(matches!(
        map.render(&spec),
        Err(SpecError::CategoryOutOfRange {
            index: 7,
            len: 7,
            ..
        })
    ));

    let mut spec = base;
    spec.regions.push(spec.regions[0].clone());
    assert_eq!(
        map.render(&spec),
        Err(SpecError::DuplicateRegion(spec.regions[0].m49))
    );
}

#[test]
fn an_empty_map_is_still_a_map() {
    let spec = MapSpec {
        id_prefix: "e".into(),
        title: "Nothing yet".into(),
        description: String::new(),
        dir: Dir::Rtl,
        categories: vec![],
        regions: vec![],
    };
    let rendered = WorldMap::builtin().render(&spec).unwrap();
    assert_sound(&rendered.svg, "e");
    assert!(rendered.not_drawn.is_empty());
    // One textured category alone still gets its pattern.
    let spec = MapSpec {
        categories: vec![Category::new("x", "X", "#123", Pattern::Dots)],
        regions: vec![Region {
            m49: 250,
            category: 0,
            tooltip: "France".into(),
        }],
        ..spec
    };
    assert_sound(&WorldMap::builtin().render(&spec).unwrap().svg, "e");
}

#[test]
fn two_maps_on_one_page_share_no_id() {
    let map = WorldMap::builtin();
    let a = map.render(&vote_spec("first", Dir::Ltr)).unwrap().svg;
    let b = map.render(&vote_spec("second", Dir::Ltr)).unwrap().svg;
    let ids = |svg: &str| -> BTreeSet<String> {
        parse(svg)
            .descendants()
            .filter_map(|n| n.attribute("id").map(str::to_owned))
            .collect()
    };
    assert!(ids(&a).is_disjoint(&ids(&b)));
}
