//! Random specs — any text, Arabic and markup included, counts from 0 to u64::MAX, coordinates
//! including NaN and infinities — never make a chart panic, and every chart drawn is
//! well-formed XML that passes the CSP checks.

mod common;

use proptest::prelude::*;
use taawun_charts::{
    BarRow, BarSpec, Category, Dir, Group, MapSpec, Pattern, Point, Region, ScatterSpec, Shape,
    SpecError, WorldMap, render_bars, render_scatter,
};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,24}",
        "[\\p{Arabic} ]{0,24}",
        "[<>&\"'a-z/ ]{0,24}",
        Just("<script>alert('x')</script>".to_owned()),
        Just("\u{202E}مصر\u{0}\u{FFFF}".to_owned()),
    ]
}

fn prefix() -> impl Strategy<Value = String> {
    prop_oneof![30 => "[a-zA-Z][a-zA-Z0-9_-]{0,12}", 1 => ".{0,6}"]
}

fn colour() -> impl Strategy<Value = String> {
    prop_oneof![
        60 => "#[0-9a-fA-F]{6}",
        10 => "#[0-9a-f]{3}",
        1 => ".{0,8}",
    ]
}

fn pattern() -> impl Strategy<Value = Pattern> {
    prop::sample::select(vec![
        Pattern::Solid,
        Pattern::DiagonalHatch,
        Pattern::ReverseDiagonalHatch,
        Pattern::CrossHatch,
        Pattern::Dots,
        Pattern::HorizontalLines,
        Pattern::VerticalLines,
    ])
}

fn dir() -> impl Strategy<Value = Dir> {
    prop_oneof![Just(Dir::Ltr), Just(Dir::Rtl)]
}

fn categories() -> impl Strategy<Value = Vec<Category>> {
    prop::collection::vec(
        (text(), text(), colour(), pattern())
            .prop_map(|(key, label, colour, pattern)| Category::new(key, label, colour, pattern)),
        0..8,
    )
}

fn count() -> impl Strategy<Value = u64> {
    prop_oneof![Just(0u64), 0u64..100, Just(u64::MAX), any::<u64>()]
}

fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => -1.0f64..1.0,
        2 => any::<f64>(),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::MAX),
        1 => Just(f64::MIN_POSITIVE / 4.0),
    ]
}

/// One case in this many keeps its inconsistencies (indexes out of range, wrong lengths, repeated
/// codes), to check they are refused without a panic; the others are made consistent, so that
/// most cases reach the drawing code.
const CORRUPT_ONE_IN: u8 = 10;

/// A consistent spec may only be refused for a random prefix or colour, never for its indexes.
fn consistent_unless_faulty(
    result: &Result<(), &SpecError>,
    faulty: bool,
) -> Result<(), TestCaseError> {
    match result {
        Err(SpecError::InvalidColour(_) | SpecError::InvalidIdPrefix(_)) | Ok(()) => Ok(()),
        Err(e) => {
            prop_assert!(faulty, "consistent spec refused: {e}");
            Ok(())
        }
    }
}

fn check(svg: &str) {
    let doc = common::parse(svg);
    common::assert_csp_safe(&doc);
    let prefix = doc
        .root_element()
        .attribute("aria-labelledby")
        .and_then(|a| a.strip_suffix("-desc"))
        .and_then(|a| a.split(' ').next())
        .and_then(|a| a.strip_suffix("-title"))
        .unwrap()
        .to_owned();
    common::assert_ids_resolve(&doc, &prefix);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn maps(
        id_prefix in prefix(),
        title in text(),
        description in text(),
        dir in dir(),
        categories in categories(),
        regions in prop::collection::vec(
            (prop_oneof![0u16..1000, any::<u16>()], any::<usize>(), text()),
            0..220,
        ),
        roll in 0..CORRUPT_ONE_IN,
    ) {
        let faulty = roll == 0;
        let n = categories.len();
        let mut seen = std::collections::HashSet::new();
        let regions: Vec<Region> = regions
            .into_iter()
            .filter(|(m49, _, _)| faulty || seen.insert(*m49))
            .filter(|_| faulty || n > 0)
            .map(|(m49, category, tooltip)| Region {
                m49,
                category: if faulty { category % 9 } else { category % n.max(1) },
                tooltip,
            })
            .collect();
        let spec = MapSpec { id_prefix, title, description, dir, categories, regions };
        let result = WorldMap::builtin().render(&spec);
        consistent_unless_faulty(&result.as_ref().map(|_| ()), faulty)?;
        if let Ok(rendered) = result {
            check(&rendered.svg);
            for code in &rendered.not_drawn {
                prop_assert!(!WorldMap::builtin().has_geometry(*code));
            }
        }
    }

    #[test]
    fn bar_charts(
        id_prefix in prefix(),
        title in text(),
        dir in dir(),
        categories in categories(),
        rows in prop::collection::vec((text(), prop::collection::vec(count(), 0..8)), 0..8),
        roll in 0..CORRUPT_ONE_IN,
    ) {
        let faulty = roll == 0;
        let n = categories.len();
        let spec = BarSpec {
            id_prefix,
            title,
            description: String::new(),
            dir,
            categories,
            rows: rows
                .into_iter()
                .map(|(label, mut counts)| {
                    if !faulty {
                        counts.resize(n, 0);
                    }
                    BarRow { label, counts }
                })
                .collect(),
        };
        let result = render_bars(&spec);
        consistent_unless_faulty(&result.as_ref().map(|_| ()), faulty)?;
        if let Ok(rendered) = result {
            check(&rendered.svg);
            for s in &rendered.segments {
                prop_assert!(s.width.is_finite() && s.width >= 0.0 && s.x.is_finite());
            }
        }
    }

    #[test]
    fn scatter_plots(
        id_prefix in prefix(),
        title in text(),
        dir in dir(),
        groups in prop::collection::vec((text(), colour(), 0usize..5), 0..7),
        points in prop::collection::vec((coordinate(), coordinate(), text(), 0usize..7, text()), 0..80),
        highlight in prop::option::of(0usize..90),
        roll in 0..CORRUPT_ONE_IN,
    ) {
        let faulty = roll == 0;
        let (n_groups, n_points) = (groups.len(), points.len());
        let points: Vec<_> = points
            .into_iter()
            .filter(|_| faulty || n_groups > 0)
            .map(|(x, y, label, group, tooltip)| {
                (x, y, label, if faulty { group } else { group % n_groups.max(1) }, tooltip)
            })
            .collect();
        let highlight = if faulty { highlight } else { highlight.map(|h| h % n_points.max(1)).filter(|&h| h < points.len()) };
        let spec = ScatterSpec {
            id_prefix,
            title,
            description: String::new(),
            dir,
            groups: groups
                .into_iter()
                .map(|(label, colour, shape)| Group { label, colour, shape: Shape::nth(shape) })
                .collect(),
            points: points
                .into_iter()
                .map(|(x, y, label, group, tooltip)| Point { x, y, label, group, tooltip })
                .collect(),
            highlight,
        };
        let result = render_scatter(&spec);
        consistent_unless_faulty(&result.as_ref().map(|_| ()), faulty)?;
        if let Ok(rendered) = result {
            check(&rendered.svg);
            for &i in &rendered.skipped {
                prop_assert!(!(spec.points[i].x.is_finite() && spec.points[i].y.is_finite()));
            }
            prop_assert!(!rendered.svg.contains("NaN") && !rendered.svg.contains("inf\""));
        }
    }
}
