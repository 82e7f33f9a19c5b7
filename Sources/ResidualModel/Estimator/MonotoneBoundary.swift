/// Where a monotone function of one variable crosses zero, found within a bracket that never loses the root.
///
/// The inverse questions of the estimate (what log reduction a step needs, what malignant fraction a design can
/// take) each move one figure along a line until the gate figure crosses a target. The gate figure is monotone in
/// that figure, draw by draw (every point reads the same draws), so a bracket cannot be misled by noise. Its log is
/// close to a straight line in a log reduction (P ∝ 10^−x while P is small), so the bracket is cut where the
/// secant crosses zero, with the Illinois correction so that neither end stalls, and halved where a value is not
/// finite (a gate figure of exactly 0): a handful of estimates instead of the dozen bisection needs.
enum MonotoneBoundary {
    /// A point where `g` is within `accuracy` of zero, or the end of the bracket on the side where `g ≤ 0` once the
    /// bracket is narrower than `tolerance`.
    ///
    /// - Precondition: `g(inside) ≤ 0 < g(outside)`; either may be the larger; `g` is monotone between them.
    static func crossing(
        inside: Double, outside: Double, tolerance: Double, accuracy: Double = 1e-4, _ g: (Double) -> Double
    ) -> Double {
        var (a, ga) = (inside, g(inside))
        var (b, gb) = (outside, g(outside))
        // Which end was kept last, for the Illinois correction: an end kept twice has its value halved.
        var kept = 0
        for _ in 0..<100 {
            guard abs(b - a) > tolerance else { break }
            let secant = ga.isFinite && gb.isFinite && gb != ga ? a - ga * (b - a) / (gb - ga) : (a + b) / 2
            // Keep the cut strictly inside the bracket, so the bracket always narrows.
            let margin = abs(b - a) * 1e-3
            let x = min(max(secant, min(a, b) + margin), max(a, b) - margin)
            let gx = g(x)
            if abs(gx) <= accuracy { return x }
            if gx <= 0 {
                (a, ga) = (x, gx)
                if kept == -1 { gb /= 2 }
                kept = -1
            } else {
                (b, gb) = (x, gx)
                if kept == 1 { ga /= 2 }
                kept = 1
            }
        }
        return a
    }
}
