//! Render times: the world map with every UN State (the vote page's map), the bar chart of the
//! five regional groups, the scatter plot of 193 States, and the one-time build of the map.
//!
//! Run: `cargo bench -p taawun-charts --bench render`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use taawun_charts::{
    BarRow, BarSpec, Dir, Group, MapSpec, Point, Region, ScatterSpec, Shape, VOTE_STYLES, WorldMap,
    render_bars, render_scatter, vote_categories,
};
use taawun_states::{RegionalGroup, UnStatus};

const LABELS: [&str; 7] = [
    "Yes",
    "No",
    "Abstain",
    "Non-voting",
    "Absent",
    "Not a member",
    "No data",
];

fn map_spec() -> MapSpec {
    let regions = taawun_states::all()
        .filter(|s| matches!(s.status, UnStatus::Member | UnStatus::Observer))
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
        id_prefix: "vote-map".into(),
        title: "How States voted".into(),
        description: "Recorded vote on resolution 56/2.".into(),
        dir: Dir::Ltr,
        categories: vote_categories(LABELS),
        regions,
    }
}

fn bar_spec() -> BarSpec {
    let rows = [
        ("African Group", [30, 10, 8, 4, 2]),
        ("Asia-Pacific Group", [25, 5, 15, 1, 8]),
        ("Eastern European Group", [3, 15, 4, 0, 1]),
        ("Latin American and Caribbean Group", [20, 2, 9, 1, 1]),
        ("Western European and Others Group", [0, 27, 2, 0, 0]),
    ];
    BarSpec {
        id_prefix: "vote-bars".into(),
        title: "Votes by regional group".into(),
        description: String::new(),
        dir: Dir::Ltr,
        categories: vote_categories(LABELS)[..5].to_vec(),
        rows: rows
            .iter()
            .map(|(label, counts)| BarRow {
                label: (*label).into(),
                counts: counts.to_vec(),
            })
            .collect(),
    }
}

fn scatter_spec() -> ScatterSpec {
    let points = taawun_states::all()
        .filter(|s| s.status == UnStatus::Member)
        .enumerate()
        .map(|(i, s)| {
            let group = s
                .regional_group
                .and_then(|g| RegionalGroup::ALL.iter().position(|x| *x == g))
                .unwrap_or(0);
            let (a, r) = (i as f64 * 2.4, (i as f64).sqrt() * 0.05);
            Point {
                x: a.cos() * r + group as f64 * 0.1,
                y: a.sin() * r,
                label: s.iso3.into(),
                group,
                tooltip: s.names.en.into(),
            }
        })
        .collect();
    ScatterSpec {
        id_prefix: "mds".into(),
        title: "States by voting similarity".into(),
        description: String::new(),
        dir: Dir::Ltr,
        groups: RegionalGroup::ALL
            .iter()
            .enumerate()
            .map(|(i, g)| Group {
                label: g.slug().into(),
                colour: VOTE_STYLES[i].1.into(),
                shape: Shape::nth(i),
            })
            .collect(),
        points,
        highlight: Some(0),
    }
}

fn render(c: &mut Criterion) {
    let map = WorldMap::builtin();
    let (map_spec, bar_spec, scatter_spec) = (map_spec(), bar_spec(), scatter_spec());
    let rendered = map.render(&map_spec).unwrap();
    println!(
        "world map: {} regions, {} bytes of SVG, not drawn: {:?}",
        map_spec.regions.len(),
        rendered.svg.len(),
        rendered.not_drawn
    );
    println!(
        "bar chart: {} bytes; scatter plot: {} bytes",
        render_bars(&bar_spec).unwrap().svg.len(),
        render_scatter(&scatter_spec).unwrap().svg.len()
    );

    c.bench_function("world map, 195 States", |b| {
        b.iter(|| map.render(black_box(&map_spec)).unwrap())
    });
    c.bench_function("bar chart, 5 groups", |b| {
        b.iter(|| render_bars(black_box(&bar_spec)).unwrap())
    });
    c.bench_function("scatter plot, 193 States", |b| {
        b.iter(|| render_scatter(black_box(&scatter_spec)).unwrap())
    });

    let mut build = c.benchmark_group("one-time");
    build.sample_size(10);
    build.bench_function("world map build (decode, project, format)", |b| {
        b.iter(|| {
            WorldMap::from_topojson(
                include_str!("../assets/countries-110m.json"),
                Some(include_str!("../assets/countries-50m.json")),
            )
            .unwrap()
        })
    });
    build.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
