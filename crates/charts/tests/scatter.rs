//! The scatter plot of States by voting similarity.

mod common;

use common::{assert_sound, num_attr, parse};
use taawun_charts::{
    Dir, Group, Point, SCATTER_WIDTH, ScatterSpec, Shape, SpecError, render_scatter,
};

fn groups() -> Vec<Group> {
    [
        "African",
        "Asia-Pacific",
        "Eastern European",
        "GRULAC",
        "WEOG",
    ]
    .iter()
    .enumerate()
    .map(|(i, label)| Group {
        label: (*label).into(),
        colour: ["#009E73", "#D55E00", "#E69F00", "#56B4E9", "#CC79A7"][i].into(),
        shape: Shape::nth(i),
    })
    .collect()
}

fn point(x: f64, y: f64, label: &str, group: usize) -> Point {
    Point {
        x,
        y,
        label: label.into(),
        group,
        tooltip: format!("State {label}"),
    }
}

fn spec(points: Vec<Point>, highlight: Option<usize>) -> ScatterSpec {
    ScatterSpec {
        id_prefix: "mds".into(),
        title: "States by voting similarity".into(),
        description: "Classical MDS of agreement.".into(),
        dir: Dir::Ltr,
        groups: groups(),
        points,
        highlight,
    }
}

/// 193 points on a sunflower spiral, dense in the middle: labels must give way there.
fn crowd() -> Vec<Point> {
    (0..193)
        .map(|i| {
            let a = i as f64 * 2.399_963;
            let r = (i as f64).sqrt() * 0.05;
            let label = format!(
                "{}{}{}",
                (b'A' + (i % 26) as u8) as char,
                (b'A' + (i / 26 % 26) as u8) as char,
                (b'A' + (i % 7) as u8) as char
            );
            point(a.cos() * r, a.sin() * r, &label, i % 5)
        })
        .collect()
}

fn point_titles(svg: &str) -> Vec<String> {
    let doc = parse(svg);
    let points = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("taawun-points"))
        .unwrap();
    points
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect()
}

/// (x, y, anchor, text) of every point label.
fn labels(svg: &str) -> Vec<(f64, f64, String, String)> {
    let doc = parse(svg);
    let g = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("taawun-labels"))
        .unwrap();
    g.children()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            (
                num_attr(n, "x"),
                num_attr(n, "y"),
                n.attribute("text-anchor").unwrap().to_owned(),
                n.text().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_point_has_a_tooltip_and_labels_do_not_collide() {
    let points = crowd();
    let rendered = render_scatter(&spec(points.clone(), Some(0))).unwrap();
    assert_sound(&rendered.svg, "mds");
    assert!(rendered.skipped.is_empty());
    assert_eq!(point_titles(&rendered.svg).len(), points.len());

    let labels = labels(&rendered.svg);
    assert_eq!(labels.len() + rendered.unlabelled.len(), points.len());
    assert!(
        !rendered.unlabelled.is_empty(),
        "the crowded centre gives way"
    );
    assert!(labels.len() > points.len() / 2, "{} labelled", labels.len());
    assert!(
        !rendered.unlabelled.contains(&0),
        "the highlighted State is labelled first"
    );

    // Boxes a little smaller than any estimate the renderer could make must not overlap.
    let boxes: Vec<(f64, f64, f64, f64)> = labels
        .iter()
        .map(|(x, y, anchor, text)| {
            let w = text.chars().count() as f64 * 5.5;
            let left = match anchor.as_str() {
                "start" => *x,
                "end" => x - w,
                _ => x - w / 2.0,
            };
            (left + 0.5, y - 7.0, left + w - 0.5, *y)
        })
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(!overlap, "{a:?} {b:?}");
        }
    }
}

#[test]
fn degenerate_inputs_still_draw() {
    // No points.
    let r = render_scatter(&spec(vec![], None)).unwrap();
    assert_sound(&r.svg, "mds");
    assert!(point_titles(&r.svg).is_empty());

    // One point: at the centre of the plot.
    let r = render_scatter(&spec(vec![point(3.0, -7.0, "ONE", 0)], Some(0))).unwrap();
    assert_sound(&r.svg, "mds");
    let doc = parse(&r.svg);
    let ring = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("taawun-highlight"))
        .unwrap();
    let frame = doc
        .descendants()
        .find(|n| n.has_tag_name("rect") && n.attribute("stroke") == Some("#ccc"))
        .unwrap();
    let centre_x = num_attr(frame, "x") + num_attr(frame, "width") / 2.0;
    let centre_y = num_attr(frame, "y") + num_attr(frame, "height") / 2.0;
    assert!((num_attr(ring, "cx") - centre_x).abs() < 0.1);
    assert!((num_attr(ring, "cy") - centre_y).abs() < 0.1);

    // All points equal: all drawn, on top of each other.
    let same: Vec<Point> = (0..6).map(|i| point(0.5, 0.5, "SAM", i % 5)).collect();
    let r = render_scatter(&spec(same, None)).unwrap();
    assert_sound(&r.svg, "mds");
    assert_eq!(point_titles(&r.svg).len(), 6);
    assert!(r.skipped.is_empty());

    // Points on one vertical line: the x axis is unconstrained and must not divide by zero.
    let line: Vec<Point> = (0..4).map(|i| point(1.0, f64::from(i), "LIN", 0)).collect();
    let r = render_scatter(&spec(line, None)).unwrap();
    assert_sound(&r.svg, "mds");
    assert!(!r.svg.contains("NaN") && !r.svg.contains("inf"));
}

#[test]
fn non_finite_points_are_skipped_and_reported() {
    let points = vec![
        point(0.0, 0.0, "AAA", 0),
        point(f64::NAN, 1.0, "NAN", 1),
        point(1.0, f64::INFINITY, "INF", 2),
        point(1.0, 1.0, "BBB", 3),
        point(f64::NEG_INFINITY, f64::NAN, "BOT", 4),
    ];
    let r = render_scatter(&spec(points, Some(1))).unwrap();
    assert_sound(&r.svg, "mds");
    assert_eq!(r.skipped, vec![1, 2, 4]);
    assert_eq!(point_titles(&r.svg), ["State AAA", "State BBB"]);
    // The highlighted point was skipped, so there is no highlight ring.
    assert!(!r.svg.contains("taawun-highlight"));
}

#[test]
fn both_axes_share_one_scale() {
    let points = vec![
        point(0.0, 0.0, "O", 0),
        point(1.0, 0.0, "X", 0),
        point(0.0, 1.0, "Y", 0),
        point(-2.0, -0.5, "Z", 0),
    ];
    let r = render_scatter(&spec(points, None)).unwrap();
    let doc = parse(&r.svg);
    let centre = |label: &str| -> (f64, f64) {
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name("title") && n.text() == Some(&format!("State {label}")))
            .unwrap();
        let circle = title.parent().unwrap();
        (num_attr(circle, "cx"), num_attr(circle, "cy"))
    };
    let (o, x, y) = (centre("O"), centre("X"), centre("Y"));
    let dx = x.0 - o.0;
    let dy = o.1 - y.1;
    assert!(dx > 10.0, "x grows to the right");
    assert!(dy > 10.0, "y grows upwards");
    assert!((dx - dy).abs() < 0.2, "{dx} vs {dy}: unequal scales");
    assert!((x.1 - o.1).abs() < 0.1 && (y.0 - o.0).abs() < 0.1);
}

#[test]
fn groups_differ_in_shape_as_well_as_colour() {
    let points: Vec<Point> = (0..5).map(|i| point(i as f64, 0.0, "P", i)).collect();
    let r = render_scatter(&spec(points, None)).unwrap();
    let doc = parse(&r.svg);
    let legend = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("taawun-legend"))
        .unwrap();
    let markers: Vec<(String, usize)> = legend
        .children()
        .filter(|n| n.has_tag_name("circle") || n.has_tag_name("path"))
        .map(|n| {
            let vertices = n
                .attribute("d")
                .map_or(0, |d| d.matches(['M', 'L']).count());
            (n.tag_name().name().to_owned(), vertices)
        })
        .collect();
    assert_eq!(
        markers,
        [
            ("circle".to_owned(), 0),
            ("path".to_owned(), 4),
            ("path".to_owned(), 3),
            ("path".to_owned(), 4),
            ("path".to_owned(), 12)
        ]
    );
    // The square and the diamond both have four corners; the square's first is its top-left,
    // the diamond's its top.
    let ds: Vec<&str> = legend.children().filter_map(|n| n.attribute("d")).collect();
    assert_ne!(ds[0].split('L').next(), ds[2].split('L').next());
}

#[test]
fn rtl_puts_the_y_ticks_and_legend_on_the_right() {
    let mut s = spec(crowd(), None);
    s.dir = Dir::Rtl;
    let r = render_scatter(&s).unwrap();
    assert_sound(&r.svg, "mds");
    let doc = parse(&r.svg);
    let axes = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("taawun-axes"))
        .unwrap();
    let frame = axes.children().find(|n| n.has_tag_name("rect")).unwrap();
    let right = num_attr(frame, "x") + num_attr(frame, "width");
    let y_ticks: Vec<f64> = axes
        .children()
        .filter(|n| n.has_tag_name("text") && n.attribute("text-anchor") == Some("start"))
        .map(|n| num_attr(n, "x"))
        .collect();
    assert!(!y_ticks.is_empty());
    assert!(y_ticks.iter().all(|&x| x > right));
    let legend = common::legend_texts(&doc);
    assert!(num_attr(legend[0], "x") > SCATTER_WIDTH / 2.0);
    assert_eq!(legend[0].attribute("direction"), Some("rtl"));
}

#[test]
fn inconsistent_specs_are_refused() {
    let mut s = spec(vec![point(0.0, 0.0, "A", 5)], None);
    assert_eq!(
        render_scatter(&s),
        Err(SpecError::GroupOutOfRange {
            point: 0,
            group: 5,
            len: 5
        })
    );
    s.points[0].group = 0;
    s.highlight = Some(1);
    assert_eq!(
        render_scatter(&s),
        Err(SpecError::HighlightOutOfRange { index: 1, len: 1 })
    );
    s.highlight = None;
    s.groups[0].colour = "blue".into();
    assert!(matches!(
        render_scatter(&s),
        Err(SpecError::InvalidColour(_))
    ));
}

#[test]
fn labels_and_tooltips_are_escaped() {
    let mut p = point(0.0, 0.0, "<i>", 0);
    p.tooltip = "a\"b<c>&".into();
    let r = render_scatter(&spec(vec![p], None)).unwrap();
    assert_sound(&r.svg, "mds");
    assert!(r.svg.contains("&lt;i&gt;") && r.svg.contains("a&quot;b&lt;c&gt;&amp;"));
}
