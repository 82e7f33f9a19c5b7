import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

/// One random variable per figure per run, whatever the number of steps that read it.
@Suite struct VariableSharingTests {
    static let days = "  - {id: t, operation: transduction}\n"

    func expansion(split parts: Int) throws -> ProcessDesign {
        let steps = (0..<parts).map { "  - {id: e\($0), operation: expansion, days: \(9 / parts)}" }.joined(
            separator: "\n")
        return try Support.process(steps: Self.days + steps)
    }

    /// The first edition drew the culture rates once per step: nine 1-day steps narrowed λ's interval from
    /// 4.4 to 2.8 logs and cut its mean 16-fold. Drawn once per run, the two designs are the same process.
    @Test func oneNineDayExpansionAndNineOneDayExpansionsGiveOneDistribution() throws {
        let whole = try #require(Support.estimator.risk(of: try expansion(split: 1)))
        let split = try #require(Support.estimator.risk(of: try expansion(split: 9)))
        for (a, b) in [(whole.lambda, split.lambda), (whole.calibratedLambda, split.calibratedLambda)] {
            #expect(abs(log10(a.median / b.median)) < 1e-9)
            #expect(abs(log10(a.low / b.low)) < 1e-9)
            #expect(abs(log10(a.high / b.high)) < 1e-9)
            #expect(abs(a.mean / b.mean - 1) < 1e-9)
        }
        #expect(
            Support.balance(try expansion(split: 9)).variables.count
                == Support.balance(try expansion(split: 1)).variables.count)
    }

    /// Two steps of one kind read one figure: two washes are one draw of the wash recovery.
    @Test func stepsOfOneKindShareTheirFigure() throws {
        let balance = Support.balance(
            try Support.process(steps: Self.days + "  - {id: w1, operation: wash}\n  - {id: w2, operation: wash}"))
        let wash = balance.variables.filter { $0.key == "stepRecovery.wash" }
        #expect(wash.count == 1)
        #expect(wash.first?.stepIDs == ["w1", "w2"])
    }

    /// A figure a step measured itself is that step's own variable, not the catalogue's.
    @Test func aMeasuredFigureIsAVariableOfItsOwn() throws {
        let balance = Support.balance(
            try Support.process(
                steps: Self.days
                    + "  - {id: w1, operation: wash}\n  - {id: w2, operation: wash, performance: {recovery: 0.7, source: site run 4}}"
            ))
        #expect(
            Set(balance.variables.map(\.key)).isSuperset(of: [
                "stepRecovery.wash", "stepRecovery.wash (measured in step 'w2')",
            ]))
    }
}
