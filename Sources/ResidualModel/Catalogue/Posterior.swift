import Foundation

/// The catalogue's figures updated on the clinical record: what the commercial products' zero events say
/// about the figures their processes read, as a multivariate normal over the standard-normal draws behind
/// those figures (one per stream of draws, `MassBalance.Variable.column`).
///
/// A figure's prior is its catalogue range (the laboratory evidence). The record then rules out the draws
/// under which a product treated thousands of patients would have been expected to cause several relapses
/// from a CAR-carrying malignant cell that nobody saw. `PosteriorFit` computes the update; this is its
/// result, kept in `Resources/posterior.json` and applied only to the catalogue it was fitted on.
public struct Posterior: Codable, Sendable {
    /// How the update was made and on what, for the output and the docs.
    public let method: String
    /// The product files whose record the update used, with the events seen in each.
    public let cohorts: [String: Int]
    /// The streams of draws updated, and the posterior mean and covariance of their standard normals.
    public let columns: [String]
    public let mean: [Double]
    public let covariance: [[Double]]
    /// Effective sample size of the chain behind the moments (the smallest over the columns).
    public let effectiveSampleSize: Double
    /// For a product whose file lists alternatives for a step, the chance of each design given the record.
    public let alternativeProbabilities: [String: [String: Double]]
    /// Fingerprint of the catalogue figures the update started from: a posterior applies to that catalogue only.
    public let catalogueFingerprint: String

    public init(
        method: String, cohorts: [String: Int], columns: [String], mean: [Double], covariance: [[Double]],
        effectiveSampleSize: Double, alternativeProbabilities: [String: [String: Double]], catalogueFingerprint: String
    ) {
        self.method = method
        self.cohorts = cohorts
        self.columns = columns
        self.mean = mean
        self.covariance = covariance
        self.effectiveSampleSize = effectiveSampleSize
        self.alternativeProbabilities = alternativeProbabilities
        self.catalogueFingerprint = catalogueFingerprint
    }

    /// The update in a line, for the output: which products' records it used and what they saw.
    public var summary: String {
        let seen = cohorts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "the catalogue's figures updated on the record of \(cohorts.count) products (events seen: \(seen))"
    }

    /// The update shipped with the tool, for the bundled catalogue.
    public static let bundled: Posterior? = {
        guard let url = Bundle.module.url(forResource: "posterior", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        do {
            return try JSONDecoder().decode(Posterior.self, from: data)
        } catch {
            fatalError("the bundled posterior does not decode: \(error)")
        }
    }()

    /// Whether the update was fitted on this catalogue: any changed figure (a test's catalogue, a new
    /// source) leaves the priors in force, since the update conditioned on the old ones.
    public func applies(to catalogue: Catalogue) -> Bool {
        catalogueFingerprint == Self.fingerprint(of: catalogue)
    }

    /// FNV-1a over every figure's path, central value and range: stable across machines and runs.
    public static func fingerprint(of catalogue: Catalogue) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (path, figure) in catalogue.allFigures {
            let text = "\(path)=\(figure.central),\(figure.low ?? .nan),\(figure.high ?? .nan);"
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return String(hash, radix: 16)
    }
}

/// The posterior ready for drawing: each updated stream's index, and the lower-triangular factor L with
/// L·Lᵀ the covariance, so that mean + L·ε turns independent standard normals ε into posterior draws.
struct PosteriorDraws: Sendable {
    let columns: [String]
    let index: [String: Int]
    let mean: [Double]
    let covariance: [[Double]]
    let factor: [[Double]]

    /// No update: every stream independent, as the catalogue states it.
    static let none = PosteriorDraws(columns: [], mean: [], covariance: [])

    init(_ posterior: Posterior) {
        self.init(columns: posterior.columns, mean: posterior.mean, covariance: posterior.covariance)
    }

    private init(columns: [String], mean: [Double], covariance: [[Double]]) {
        self.columns = columns
        index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        self.mean = mean
        self.covariance = covariance
        factor = Self.cholesky(covariance)
    }

    /// Cholesky factor; a pivot that rounding made non-positive is set to zero (that direction is fixed).
    static func cholesky(_ matrix: [[Double]]) -> [[Double]] {
        let n = matrix.count
        var factor = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= factor[i][k] * factor[j][k] }
                if i == j {
                    factor[i][i] = sum > 0 ? sum.squareRoot() : 0
                } else {
                    factor[i][j] = factor[j][j] > 0 ? sum / factor[j][j] : 0
                }
            }
        }
        return factor
    }

    /// Mean and covariance of the standard normals behind two streams: the posterior's where it updated both,
    /// else those of independent standard normals (one stream read twice is the same draw).
    func mean(of column: String) -> Double { index[column].map { mean[$0] } ?? 0 }

    func covariance(_ a: String, _ b: String) -> Double {
        if let i = index[a], let j = index[b] { return covariance[i][j] }
        return a == b ? 1 : 0
    }
}
