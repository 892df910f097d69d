//! A map of States by how they vote: classical (Torgerson) multidimensional scaling of the
//! distances `1 - agreement`, in two dimensions.
//!
//! Torgerson: square the distances, double-centre them (`B = -½ J D² J`, J the centring
//! matrix), and take B's two largest eigenpairs; the coordinates are the eigenvectors scaled
//! by the square roots of their eigenvalues. With at most a few hundred States, power
//! iteration with deflation finds two eigenpairs in milliseconds, so no linear-algebra crate
//! is needed.

use crate::agreement::AgreementMatrix;

/// How the map is made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MdsOptions {
    /// A pair of States must share at least this many counted roll calls for their distance to
    /// mean something; States are dropped until every remaining pair does.
    pub min_common: u32,
    pub max_iterations: usize,
    /// Convergence: the change of the unit eigenvector between two iterations.
    pub tolerance: f64,
}

impl Default for MdsOptions {
    fn default() -> Self {
        MdsOptions {
            min_common: 20,
            max_iterations: 20_000,
            tolerance: 1e-10,
        }
    }
}

/// A two-dimensional map of States.
#[derive(Clone, Debug, PartialEq)]
pub struct Mds {
    /// The States placed, in the agreement matrix's order.
    pub states: Vec<String>,
    /// `coordinates[i]` places `states[i]`.
    pub coordinates: Vec<[f64; 2]>,
    /// The two eigenvalues of B: how much of the spread each axis carries. A non-positive one
    /// means the distances are not Euclidean in that direction; its axis is then all zeros.
    pub eigenvalues: [f64; 2],
    /// States left out for sharing too few roll calls with the others, with the reason.
    pub dropped: Vec<(String, String)>,
}

impl Mds {
    /// For each placed State (by index), the `k` States placed nearest to it on the map, nearest
    /// first: the map read as text, for a screen where a point's name cannot be hovered.
    pub fn nearest(&self, k: usize) -> Vec<Vec<usize>> {
        let distance = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
        (0..self.coordinates.len())
            .map(|i| {
                let mut others: Vec<(f64, usize)> = (0..self.coordinates.len())
                    .filter(|&j| j != i)
                    .map(|j| (distance(self.coordinates[i], self.coordinates[j]), j))
                    .collect();
                let k = k.min(others.len());
                if k > 0 {
                    others.select_nth_unstable_by(k - 1, |a, b| a.0.total_cmp(&b.0));
                }
                others.truncate(k);
                others.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                others.into_iter().map(|(_, j)| j).collect()
            })
            .collect()
    }
}

/// Maps the States of an agreement matrix.
pub fn mds_from_agreement(agreement: &AgreementMatrix, options: &MdsOptions) -> Mds {
    let (kept, dropped) = keep_comparable(agreement, options.min_common);
    let n = kept.len();
    let mut distances = vec![0.0; n * n];
    for (i, &a) in kept.iter().enumerate() {
        for (j, &b) in kept.iter().enumerate() {
            if i != j {
                let value = agreement.get(a, b).value.unwrap_or(0.0);
                distances[i * n + j] = 1.0 - value;
            }
        }
    }
    let (coordinates, eigenvalues) = classical_mds(&distances, n, options);
    Mds {
        states: kept.iter().map(|&s| agreement.states[s].clone()).collect(),
        coordinates,
        eigenvalues,
        dropped,
    }
}

/// The States to place: first drop those that took part in fewer than `min_common` roll
/// calls, then, while some pair shares fewer, drop the State with the most such pairs (the
/// one with fewer votes on a tie). Greedy, so not always the largest possible set, but it
/// removes the States that joined late or left early, which is what goes wrong in practice.
fn keep_comparable(
    agreement: &AgreementMatrix,
    min_common: u32,
) -> (Vec<usize>, Vec<(String, String)>) {
    let n = agreement.len();
    let mut dropped = Vec::new();
    let mut kept: Vec<usize> = Vec::new();
    for s in 0..n {
        let own = agreement.own(s).votes_counted;
        if own < min_common {
            dropped.push((
                agreement.states[s].clone(),
                format!("took part in {own} roll calls (fewer than {min_common})"),
            ));
        } else {
            kept.push(s);
        }
    }
    let too_few = |a: usize, b: usize| a != b && agreement.get(a, b).votes_counted < min_common;
    let mut bad: Vec<u32> = kept
        .iter()
        .map(|&a| kept.iter().filter(|&&b| too_few(a, b)).count() as u32)
        .collect();
    while let Some(worst) = (0..kept.len()).filter(|&i| bad[i] > 0).max_by(|&i, &j| {
        bad[i]
            .cmp(&bad[j])
            .then(
                agreement
                    .own(kept[j])
                    .votes_counted
                    .cmp(&agreement.own(kept[i]).votes_counted),
            )
            .then(agreement.states[kept[j]].cmp(&agreement.states[kept[i]]))
    }) {
        let state = kept[worst];
        dropped.push((
            agreement.states[state].clone(),
            format!(
                "shares fewer than {min_common} roll calls with {} other States",
                bad[worst]
            ),
        ));
        for i in 0..kept.len() {
            if too_few(kept[i], state) {
                bad[i] -= 1;
            }
        }
        kept.remove(worst);
        bad.remove(worst);
    }
    (kept, dropped)
}

/// Classical MDS of an `n × n` symmetric distance matrix (row-major) into two dimensions:
/// the coordinates and the two eigenvalues.
pub fn classical_mds(
    distances: &[f64],
    n: usize,
    options: &MdsOptions,
) -> (Vec<[f64; 2]>, [f64; 2]) {
    assert_eq!(distances.len(), n * n, "a distance matrix is n × n");
    let mut b = double_centre(distances, n);
    let mut coordinates = vec![[0.0; 2]; n];
    let mut eigenvalues = [0.0; 2];
    for (axis, eigenvalue) in eigenvalues.iter_mut().enumerate() {
        let (lambda, vector) = largest_eigenpair(&b, n, options);
        *eigenvalue = lambda;
        if lambda > 0.0 {
            let scale = lambda.sqrt();
            for (point, v) in coordinates.iter_mut().zip(&vector) {
                point[axis] = v * scale;
            }
        }
        // Deflation: remove this eigenpair so that the next largest comes out next.
        for i in 0..n {
            for j in 0..n {
                b[i * n + j] -= lambda * vector[i] * vector[j];
            }
        }
    }
    (coordinates, eigenvalues)
}

/// `B = -½ J D² J`: subtract row and column means of the squared distances, add back the
/// grand mean.
fn double_centre(distances: &[f64], n: usize) -> Vec<f64> {
    let squared: Vec<f64> = distances.iter().map(|d| d * d).collect();
    let row_means: Vec<f64> = (0..n)
        .map(|i| squared[i * n..(i + 1) * n].iter().sum::<f64>() / n as f64)
        .collect();
    let grand = row_means.iter().sum::<f64>() / n.max(1) as f64;
    let mut b = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            // The matrix is symmetric, so column means are the row means.
            b[i * n + j] = -0.5 * (squared[i * n + j] - row_means[i] - row_means[j] + grand);
        }
    }
    b
}

/// The largest (most positive) eigenvalue of the symmetric matrix `b`, and its unit
/// eigenvector.
///
/// Power iteration finds the eigenvalue of largest magnitude, which for a distance matrix that
/// is not quite Euclidean may be a negative one. So: iterate once on B; if the eigenvalue found
/// is negative, it is B's most negative, and iterating again on `B + |λ| I` (all of whose
/// eigenvalues are then ≥ 0, in the same order) finds the largest.
fn largest_eigenpair(b: &[f64], n: usize, options: &MdsOptions) -> (f64, Vec<f64>) {
    let (lambda, vector) = power_iteration(b, n, 0.0, options);
    if lambda >= 0.0 {
        return (lambda, vector);
    }
    power_iteration(b, n, -lambda, options)
}

/// Power iteration on `b + shift·I`; returns the Rayleigh quotient on `b` and the vector, its
/// sign fixed so that its largest component is positive (so maps do not flip between runs).
fn power_iteration(b: &[f64], n: usize, shift: f64, options: &MdsOptions) -> (f64, Vec<f64>) {
    if n == 0 {
        return (0.0, Vec::new());
    }
    // A fixed start that is not orthogonal to anything in particular (the all-ones vector
    // would be: double centring puts it in B's null space).
    let mut v: Vec<f64> = (0..n)
        .map(|i| ((i as f64 + 1.0) * 0.618_033_988_75).fract() - 0.5)
        .collect();
    normalise(&mut v);
    let mut next = vec![0.0; n];
    for _ in 0..options.max_iterations {
        multiply(b, n, &v, shift, &mut next);
        if normalise(&mut next) == 0.0 {
            // v lies in the null space: every remaining eigenvalue is 0.
            return (0.0, v);
        }
        // A negative dominant eigenvalue flips the sign every step: compare up to sign.
        let change_same: f64 = v.iter().zip(&next).map(|(a, b)| (a - b).powi(2)).sum();
        let change_flip: f64 = v.iter().zip(&next).map(|(a, b)| (a + b).powi(2)).sum();
        std::mem::swap(&mut v, &mut next);
        if change_same.min(change_flip).sqrt() < options.tolerance {
            break;
        }
    }
    multiply(b, n, &v, 0.0, &mut next);
    let lambda: f64 = v.iter().zip(&next).map(|(a, b)| a * b).sum();
    let largest = v
        .iter()
        .copied()
        .max_by(|a, b| a.abs().total_cmp(&b.abs()))
        .unwrap_or(0.0);
    if largest < 0.0 {
        v.iter_mut().for_each(|x| *x = -*x);
    }
    (lambda, v)
}

fn multiply(b: &[f64], n: usize, v: &[f64], shift: f64, out: &mut [f64]) {
    for (i, o) in out.iter_mut().enumerate() {
        let row = &b[i * n..(i + 1) * n];
        *o = row.iter().zip(v).map(|(x, y)| x * y).sum::<f64>() + shift * v[i];
    }
}

/// Scales to unit length; returns the former length.
fn normalise(v: &mut [f64]) -> f64 {
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    norm
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_nearest_on_the_map_come_nearest_first() {
        let map = super::Mds {
            states: ["A", "B", "C", "D"].map(String::from).to_vec(),
            coordinates: vec![[0.0, 0.0], [1.0, 0.0], [3.0, 0.0], [0.0, 0.5]],
            eigenvalues: [1.0, 0.0],
            dropped: Vec::new(),
        };
        let nearest = map.nearest(2);
        assert_eq!(nearest[0], [3, 1]);
        assert_eq!(nearest[2], [1, 0]);
        assert_eq!(map.nearest(10)[0].len(), 3);
        assert!(map.nearest(0).iter().all(Vec::is_empty));
    }

    use super::*;
    use crate::agreement::{Definition, agreement_matrix};
    use crate::{VoteChoice, VoteMatrix};

    fn distances(points: &[[f64; 2]]) -> Vec<f64> {
        let n = points.len();
        let mut d = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..n {
                d[i * n + j] = ((points[i][0] - points[j][0]).powi(2)
                    + (points[i][1] - points[j][1]).powi(2))
                .sqrt();
            }
        }
        d
    }

    #[test]
    fn recovers_a_known_planar_configuration() {
        // A rectangle 4 × 2 with a point at its centre and one off-centre: the map must have the
        // same pairwise distances (MDS is unique up to rotation, reflection and translation).
        let points = [
            [0.0, 0.0],
            [4.0, 0.0],
            [4.0, 2.0],
            [0.0, 2.0],
            [2.0, 1.0],
            [3.0, 0.5],
        ];
        let n = points.len();
        let d = distances(&points);
        let (coordinates, eigenvalues) = classical_mds(&d, n, &MdsOptions::default());
        let recovered = distances(&coordinates);
        for (a, b) in d.iter().zip(&recovered) {
            assert!((a - b).abs() < 1e-6, "{a} vs {b}");
        }
        // The eigenvalues are the sums of squares of the centred coordinates along the
        // principal axes; the first axis (length 4) carries more than the second.
        let mean = [
            points.iter().map(|p| p[0]).sum::<f64>() / n as f64,
            points.iter().map(|p| p[1]).sum::<f64>() / n as f64,
        ];
        let total: f64 = points
            .iter()
            .map(|p| (p[0] - mean[0]).powi(2) + (p[1] - mean[1]).powi(2))
            .sum();
        assert!((eigenvalues[0] + eigenvalues[1] - total).abs() < 1e-6);
        assert!(eigenvalues[0] > eigenvalues[1]);
        // Centred.
        let centre: f64 = coordinates.iter().map(|c| c[0]).sum();
        assert!(centre.abs() < 1e-9);
    }

    #[test]
    fn points_on_a_line_have_a_zero_second_axis() {
        let points = [[0.0, 0.0], [1.0, 0.0], [3.0, 0.0], [7.0, 0.0]];
        let (coordinates, eigenvalues) =
            classical_mds(&distances(&points), 4, &MdsOptions::default());
        assert!(eigenvalues[1].abs() < 1e-6);
        assert!(coordinates.iter().all(|c| c[1].abs() < 1e-4));
        let recovered = distances(&coordinates);
        assert!((recovered[3] - 7.0).abs() < 1e-6);
    }

    #[test]
    fn non_euclidean_distances_do_not_derail_it() {
        // Four points pairwise at distance 1, plus one at 1.9 from all: B has a negative
        // eigenvalue. The first axis must still be the one separating the odd point.
        let n = 5;
        let mut d = vec![1.0; n * n];
        for i in 0..n {
            d[i * n + i] = 0.0;
            if i < 4 {
                d[i * n + 4] = 1.9;
                d[4 * n + i] = 1.9;
            }
        }
        d[1] = 0.1; // 0-1 close, breaking the symmetry a little
        d[n] = 0.1;
        let (coordinates, eigenvalues) = classical_mds(&d, n, &MdsOptions::default());
        assert!(eigenvalues[0] > 0.0 && eigenvalues[0] >= eigenvalues[1]);
        let odd = coordinates[4][0].abs();
        assert!(coordinates[..4].iter().all(|c| c[0].abs() < odd));
    }

    #[test]
    fn two_voting_blocs_fall_on_either_side() {
        // Ten roll calls; bloc one (AAA, BBB, CCC) votes yes, bloc two (XXX, YYY) no, except
        // that CCC abstains sometimes. LATE votes only twice and must be dropped.
        let mut rows: Vec<(String, &str, VoteChoice)> = Vec::new();
        for r in 0..30 {
            let id = format!("r{r}");
            for s in ["AAA", "BBB"] {
                rows.push((id.clone(), s, VoteChoice::Yes));
            }
            let ccc = if r % 3 == 0 {
                VoteChoice::Abstain
            } else {
                VoteChoice::Yes
            };
            rows.push((id.clone(), "CCC", ccc));
            for s in ["XXX", "YYY"] {
                rows.push((id.clone(), s, VoteChoice::No));
            }
            if r < 2 {
                rows.push((id.clone(), "LATE", VoteChoice::Yes));
            }
        }
        let matrix = VoteMatrix::from_rows(rows.iter().map(|(r, s, c)| (r.as_str(), *s, *c)));
        let agreement = agreement_matrix(&matrix, Definition::HalfAbstain);
        let map = mds_from_agreement(&agreement, &MdsOptions::default());
        assert_eq!(map.dropped.len(), 1);
        assert_eq!(map.dropped[0].0, "LATE");
        let x = |code: &str| map.coordinates[map.states.iter().position(|s| s == code).unwrap()][0];
        assert!(x("AAA") * x("XXX") < 0.0, "the blocs are on opposite sides");
        assert!((x("AAA") - x("BBB")).abs() < 1e-9);
        assert!((x("XXX") - x("YYY")).abs() < 1e-9);
        // CCC sits between its bloc and the other, nearer its own.
        assert!((x("CCC") - x("AAA")).abs() < (x("CCC") - x("XXX")).abs());
    }
}
