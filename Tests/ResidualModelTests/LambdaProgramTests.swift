import ProcessModel
import Testing

@testable import ResidualModel

/// Monte Carlo runs the program a factor at a time over every draw (`lambdas`); the step-by-step program for one draw
/// (`lambda`) is its definition. They must agree bit for bit, or a lint run and `estimate` would print other figures.
@Suite struct LambdaProgramTests {
    static func designs() throws -> [ProcessDesign] {
        let files = [
            "processes/ctl019-academic-2018.yaml", "processes/kymriah.yaml", "processes/breyanzi.yaml",
            "processes/flawed/cd19-depletion-cd19-negative-relapse.yaml",
        ]
        return try files.map { try Support.design(file: $0) } + [
            // Two gene transfers: the plain cells after the first one are read again at the second.
            Support.process(
                steps: """
                      - {id: t1, operation: transduction}
                      - {id: e, operation: expansion, days: 3}
                      - {id: t2, operation: transduction}
                    """),
            // A selection that splits the malignant cells into two terms.
            Support.process(
                steps: """
                      - {id: select, operation: positive-selection, markers: [CD3]}
                      - {id: transduce, operation: transduction}
                      - {id: expand, operation: expansion, days: 9}
                    """, malignantMarkers: "[CD19, CD3]"),
        ]
    }

    @Test func everyDrawAgreesWithTheStepByStepProgram() throws {
        let count = 300
        for design in try Self.designs() {
            let balance = Support.balance(design)
            for capsShare in [true, false] {
                let program = LambdaProgram(balance, capsShare: capsShare)
                var generator = SplitMix64(seed: 11)
                let values = balance.variables.map { variable in
                    (0..<count).map { _ in variable.distribution.value(generator.nextStandardNormal()) }
                }
                let (lambdas, shares) = program.lambdas(values, count: count)
                for index in 0..<count {
                    var draw = balance.centralDraw
                    for variable in balance.variables.indices { draw[variable] = values[variable][index] }
                    let one = draw.withUnsafeBufferPointer { program.lambda($0) }
                    #expect(lambdas[index].bitPattern == one.lambda.bitPattern, "\(design.name.value), draw \(index)")
                    #expect(shares[index].bitPattern == one.doseShare.bitPattern)
                }
            }
        }
    }
}
