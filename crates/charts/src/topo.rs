//! A decoder for the polygons of a TopoJSON topology.
//!
//! Written here rather than taken from the georust `topojson` crate: its last release (0.5.1)
//! requires `geojson < 0.24` while geojson is at 1.0, so it would put a second, outdated geojson
//! in the tree; its converter panics (`unimplemented!`) on nested geometry collections; and it
//! keeps every point as a `Vec<f64>`. What the map needs — quantized, delta-encoded arcs joined
//! into rings — is the few lines below.

use serde::Deserialize;

use crate::error::TopoError;

#[derive(Deserialize)]
struct Topology {
    transform: Option<Transform>,
    arcs: Vec<Vec<[f64; 2]>>,
    objects: std::collections::HashMap<String, Collection>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    #[serde(default)]
    geometries: Vec<RawGeometry>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    id: Option<serde_json::Value>,
    #[serde(default)]
    arcs: serde_json::Value,
}

/// A ring of (longitude, latitude) points, closed (the last point equals the first).
pub type Ring = Vec<(f64, f64)>;

/// One feature: its polygons, each an outer ring followed by its holes.
pub struct Feature {
    /// The numeric id ("004" → 4); `None` where the data gives none or a non-numeric one
    /// (world-atlas leaves Kosovo, Northern Cyprus and Somaliland without an id).
    pub id: Option<u16>,
    pub polygons: Vec<Vec<Ring>>,
}

/// Decodes every Polygon and MultiPolygon of the object `object`; other geometry types (points,
/// lines, null geometries) carry no area to colour and are skipped.
pub fn decode(json: &str, object: &str) -> Result<Vec<Feature>, TopoError> {
    let topology: Topology = serde_json::from_str(json)?;
    let arcs = absolute_arcs(&topology);
    let collection = topology
        .objects
        .get(object)
        .ok_or_else(|| TopoError::MissingObject(object.to_owned()))?;

    let mut features = Vec::with_capacity(collection.geometries.len());
    for g in &collection.geometries {
        let polygons: Vec<Vec<Ring>> = match g.kind.as_deref() {
            Some("Polygon") => {
                let rings = Vec::<Vec<i64>>::deserialize(&g.arcs)?;
                vec![polygon(&arcs, &rings)?]
            }
            Some("MultiPolygon") => {
                let polys = Vec::<Vec<Vec<i64>>>::deserialize(&g.arcs)?;
                polys
                    .iter()
                    .map(|rings| polygon(&arcs, rings))
                    .collect::<Result<_, _>>()?
            }
            _ => continue,
        };
        let id = match &g.id {
            Some(serde_json::Value::String(s)) => s.parse().ok(),
            Some(serde_json::Value::Number(n)) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
            _ => None,
        };
        features.push(Feature { id, polygons });
    }
    Ok(features)
}

/// Undoes the delta encoding and the quantization of every arc.
fn absolute_arcs(topology: &Topology) -> Vec<Vec<(f64, f64)>> {
    topology
        .arcs
        .iter()
        .map(|arc| match &topology.transform {
            Some(t) => {
                let (mut x, mut y) = (0.0, 0.0);
                arc.iter()
                    .map(|[dx, dy]| {
                        x += dx;
                        y += dy;
                        (
                            x * t.scale[0] + t.translate[0],
                            y * t.scale[1] + t.translate[1],
                        )
                    })
                    .collect()
            }
            None => arc.iter().map(|&[x, y]| (x, y)).collect(),
        })
        .collect()
}

fn polygon(arcs: &[Vec<(f64, f64)>], rings: &[Vec<i64>]) -> Result<Vec<Ring>, TopoError> {
    rings.iter().map(|r| ring(arcs, r)).collect()
}

/// Joins arcs into a ring. A negative index `i` is arc `!i` (that is, `-i - 1`) reversed. Each
/// arc after the first starts on the point where the previous one ended, which is dropped.
fn ring(arcs: &[Vec<(f64, f64)>], indexes: &[i64]) -> Result<Ring, TopoError> {
    let mut points: Ring = Vec::new();
    for &index in indexes {
        let (i, reversed) = if index < 0 {
            (!index, true)
        } else {
            (index, false)
        };
        let arc =
            usize::try_from(i)
                .ok()
                .and_then(|i| arcs.get(i))
                .ok_or(TopoError::ArcOutOfRange {
                    index,
                    len: arcs.len(),
                })?;
        let skip = usize::from(!points.is_empty());
        if reversed {
            points.extend(arc.iter().rev().skip(skip));
        } else {
            points.extend(arc.iter().skip(skip));
        }
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quantized example of the TopoJSON specification, section 1.1.
    const SPEC_EXAMPLE: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [0.0005000500050005, 0.00010001000100010001], "translate": [100, 0]},
        "objects": {"example": {"type": "GeometryCollection", "geometries": [
            {"type": "Point", "coordinates": [4000, 5000]},
            {"type": "LineString", "arcs": [0]},
            {"type": "Polygon", "id": "004", "properties": {"name": "P"}, "arcs": [[1]]},
            {"type": "MultiPolygon", "id": 12, "arcs": [[[1]], [[-2]]]}
        ]}},
        "arcs": [
            [[4000, 0], [1999, 9999], [2000, -9999], [2000, 9999]],
            [[0, 0], [0, 9999], [2000, 0], [0, -9999], [-2000, 0]]
        ]
    }"#;

    /// The example's scale is not an exact fraction, so its corners land within 1e-4 of the
    /// round numbers the specification prints.
    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-3 && (a.1 - b.1).abs() < 1e-3
    }

    #[test]
    fn decodes_the_specification_example() {
        let features = decode(SPEC_EXAMPLE, "example").unwrap();
        assert_eq!(features.len(), 2, "point and line are skipped");
        let p = &features[0];
        assert_eq!(p.id, Some(4));
        let ring = &p.polygons[0][0];
        let expected = [
            (100.0, 0.0),
            (100.0, 1.0),
            (101.0, 1.0),
            (101.0, 0.0),
            (100.0, 0.0),
        ];
        assert_eq!(ring.len(), expected.len());
        for (got, want) in ring.iter().zip(expected) {
            assert!(close(*got, want), "{got:?} != {want:?}");
        }
        let m = &features[1];
        assert_eq!(m.id, Some(12));
        let reversed: Vec<_> = m.polygons[1][0].iter().rev().copied().collect();
        assert_eq!(reversed.len(), m.polygons[0][0].len());
        assert!(
            reversed
                .iter()
                .zip(&m.polygons[0][0])
                .all(|(a, b)| close(*a, *b))
        );
    }

    #[test]
    fn joined_arcs_do_not_repeat_their_shared_point() {
        let json = r#"{"type":"Topology","objects":{"o":{"geometries":[
            {"type":"Polygon","arcs":[[0,1]]}]}},
            "arcs":[[[0,0],[1,0],[1,1]],[[1,1],[0,1],[0,0]]]}"#;
        let features = decode(json, "o").unwrap();
        assert_eq!(
            features[0].polygons[0][0],
            vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(decode("{", "o").is_err());
        assert!(decode(SPEC_EXAMPLE, "missing").is_err());
        let json = r#"{"type":"Topology","objects":{"o":{"geometries":[
            {"type":"Polygon","arcs":[[7]]}]}},"arcs":[]}"#;
        assert!(matches!(
            decode(json, "o"),
            Err(TopoError::ArcOutOfRange { index: 7, len: 0 })
        ));
    }
}
