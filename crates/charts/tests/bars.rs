//! The stacked bar chart of votes by regional group.

mod common;

use common::{assert_sound, legend_texts, num_attr, parse};
use taawun_charts::{
    BAR_CHART_WIDTH, BarRow, BarSpec, Dir, SpecError, render_bars, vote_categories,
};

fn spec(dir: Dir, rows: &[(&str, [u64; 5])]) -> BarSpec {
    BarSpec {
        id_prefix: "bars".into(),
        title: "Votes by regional group".into(),
        description: "Stacked bars.".into(),
        dir,
        categories: vote_categories(["Yes", "No", "Abstain", "Non-voting", "Absent", "", ""])[..5]
            .to_vec(),
        rows: rows
            .iter()
            .map(|(label, counts)| BarRow {
                label: (*label).into(),
                counts: counts.to_vec(),
            })
            .collect(),
    }
}

const GROUPS: [(&str, [u64; 5]); 5] = [
    ("African Group", [30, 10, 8, 4, 2]),
    ("Asia-Pacific Group", [25, 5, 15, 1, 8]),
    ("Eastern European Group", [3, 15, 4, 0, 1]),
    ("Latin American and Caribbean Group", [20, 2, 9, 1, 1]),
    ("Western European and Others Group", [0, 27, 2, 0, 0]),
];

#[test]
fn segment_widths_are_proportional_to_counts_on_one_scale() {
    let s = spec(Dir::Ltr, &GROUPS);
    let rendered = render_bars(&s).unwrap();
    assert_sound(&rendered.svg, "bars");

    let nonzero: usize = GROUPS
        .iter()
        .map(|g| g.1.iter().filter(|&&c| c > 0).count())
        .sum();
    assert_eq!(rendered.segments.len(), nonzero);
    let per_unit: Vec<f64> = rendered
        .segments
        .iter()
        .map(|seg| seg.width / GROUPS[seg.row].1[seg.category] as f64)
        .collect();
    for w in &per_unit {
        // Edges are rounded to 0.01, so a segment of one vote may be off by 0.01.
        assert!((w - per_unit[0]).abs() < 0.011, "{per_unit:?}");
    }
    // Segments tile each bar: each starts where the previous ended.
    for pair in rendered.segments.windows(2) {
        if pair[0].row == pair[1].row {
            assert!((pair[0].x + pair[0].width - pair[1].x).abs() < 1e-9);
        }
    }
    // The longest bar (54 votes) ends inside the chart.
    let end = rendered
        .segments
        .iter()
        .map(|s| s.x + s.width)
        .fold(0.0, f64::max);
    assert!(end < BAR_CHART_WIDTH - 8.0);

    // The SVG's rects are the segments reported.
    let doc = parse(&rendered.svg);
    let rects: Vec<(f64, f64)> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("rect") && n.parent().unwrap().attribute("class") == Some("taawun-bar")
        })
        .map(|n| (num_attr(n, "x"), num_attr(n, "width")))
        .collect();
    let reported: Vec<(f64, f64)> = rendered.segments.iter().map(|s| (s.x, s.width)).collect();
    assert_eq!(rects.len(), reported.len());
    for (a, b) in rects.iter().zip(&reported) {
        assert!(
            (a.0 - b.0).abs() < 0.006 && (a.1 - b.1).abs() < 0.006,
            "{a:?} {b:?}"
        );
    }
}

#[test]
fn rtl_mirrors_the_bars() {
    let ltr = render_bars(&spec(Dir::Ltr, &GROUPS)).unwrap();
    let rtl = render_bars(&spec(Dir::Rtl, &GROUPS)).unwrap();
    assert_sound(&rtl.svg, "bars");
    assert_eq!(ltr.segments.len(), rtl.segments.len());
    for (l, r) in ltr.segments.iter().zip(&rtl.segments) {
        assert_eq!(l.width, r.width);
        assert!((r.x - (BAR_CHART_WIDTH - l.x - l.width)).abs() < 1e-9);
        assert_eq!(l.count_shown, r.count_shown);
    }
    // Group labels sit at the bars' start: the right in RTL, anchored at their left edge.
    let doc = parse(&rtl.svg);
    let labels: Vec<_> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("text") && n.parent().unwrap().attribute("class") == Some("taawun-bar")
        })
        .filter(|n| n.attribute("font-size") == Some("13"))
        .collect();
    assert_eq!(labels.len(), 5);
    for l in labels {
        let x = num_attr(l, "x");
        assert!(
            x > rtl
                .segments
                .iter()
                .map(|s| s.x + s.width)
                .fold(0.0, f64::max)
                - 0.01
        );
        assert_eq!(l.attribute("direction"), Some("rtl"));
        assert_eq!(l.attribute("text-anchor"), Some("end"));
    }
    let legend = legend_texts(&doc);
    assert!(num_attr(legend[0], "x") > num_attr(legend[1], "x"));
}

#[test]
fn counts_are_written_where_they_fit() {
    let rendered = render_bars(&spec(Dir::Ltr, &[("G", [100, 1, 1, 0, 0])])).unwrap();
    let shown: Vec<bool> = rendered.segments.iter().map(|s| s.count_shown).collect();
    // The wide segment holds its count; the narrow middle one has only its tooltip; the narrow
    // last one has its count just past the bar's end.
    assert_eq!(shown, [true, false, true]);
    let doc = parse(&rendered.svg);
    let texts: Vec<(&str, f64)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("aria-hidden") == Some("true"))
        .map(|n| (n.text().unwrap(), num_attr(n, "x")))
        .collect();
    let last = rendered.segments[2];
    assert_eq!(texts.len(), 2);
    assert_eq!(texts[0].0, "100");
    assert_eq!(texts[1].0, "1");
    assert!(texts[1].1 > last.x + last.width);
    // Every segment's count is in its tooltip.
    let tooltips: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title") && n.parent().unwrap().has_tag_name("rect"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(tooltips, ["G — Yes: 100", "G — No: 1", "G — Abstain: 1"]);
}

#[test]
fn long_labels_are_cut_and_given_whole_in_a_tooltip() {
    let long = "The Group of States that have a very long name indeed, longer than any real one";
    let rendered = render_bars(&spec(Dir::Ltr, &[(long, [1, 2, 3, 4, 5])])).unwrap();
    let doc = parse(&rendered.svg);
    let label = doc
        .descendants()
        .find(|n| n.has_tag_name("text") && n.attribute("font-size") == Some("13"))
        .unwrap();
    let title = label.children().find(|c| c.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some(long));
    let shown: String = label
        .children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect();
    assert!(shown.ends_with('…') && shown.len() < long.len());
}

#[test]
fn empty_and_zero_charts_draw_without_bars() {
    for rows in [&[][..], &[("Nobody", [0, 0, 0, 0, 0])][..]] {
        let rendered = render_bars(&spec(Dir::Ltr, rows)).unwrap();
        assert_sound(&rendered.svg, "bars");
        assert!(rendered.segments.is_empty());
    }
}

#[test]
fn huge_counts_neither_overflow_nor_lose_proportion() {
    let rows = [
        ("A", [u64::MAX, u64::MAX, 1, 0, 0]),
        ("B", [u64::MAX, 0, 0, 0, 0]),
    ];
    let rendered = render_bars(&spec(Dir::Ltr, &rows)).unwrap();
    assert_sound(&rendered.svg, "bars");
    let a_yes = rendered.segments[0].width;
    let b_yes = rendered.segments[3].width;
    assert_eq!(a_yes, b_yes);
    assert!((rendered.segments[1].width - a_yes).abs() < 0.011);
}

#[test]
fn a_row_with_the_wrong_number_of_counts_is_refused() {
    let mut s = spec(Dir::Ltr, &GROUPS);
    s.rows[2].counts.pop();
    assert_eq!(
        render_bars(&s),
        Err(SpecError::CountsLength {
            row: 2,
            expected: 5,
            found: 4
        })
    );
}

#[test]
fn escaping_reaches_row_labels_and_tooltips() {
    let rendered = render_bars(&spec(Dir::Ltr, &[("<b>&</b>", [1, 0, 0, 0, 0])])).unwrap();
    assert!(rendered.svg.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
    assert!(!rendered.svg.contains("<b>"));
    assert_sound(&rendered.svg, "bars");
}
