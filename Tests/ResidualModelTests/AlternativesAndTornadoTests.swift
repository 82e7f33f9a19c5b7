import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

/// A step that lists alternatives is estimated once per choice, from the same draws; and every design has a tornado
/// of the figures that carry the uncertainty, each with the study that would narrow it.
@Suite struct AlternativesAndTornadoTests {
    @Test func everyChoiceIsEstimatedAndTheStatedOneComesFirst() throws {
        let design = try Support.design(file: "processes/kymriah.yaml")
        let alternatives = Support.estimator.alternatives(of: design)
        let step = try #require(design.step(withID: "t-cell-enrichment"))
        #expect(alternatives.count == step.choices.count && alternatives.count == 5)
        #expect(alternatives.first?.label == "t-cell-enrichment: elutriation")
        let stated = try #require(Support.estimator.risk(of: design))
        #expect(alternatives.first?.risk.lambda.median == stated.lambda.median)
        // A selection before the vector removes blasts that a density gradient leaves: the bracket spans the difference.
        let bracket = try #require(alternatives.lambdaBracket)
        #expect(bracket.upperBound / bracket.lowerBound > 30)
        // The worst is one of the choices that remove no blast by its markers.
        #expect(
            ["t-cell-enrichment: density-gradient", "t-cell-enrichment: elutriation"].contains(
                alternatives.worst?.label ?? ""))
    }

    @Test func aDesignWithoutAlternativesHasNone() throws {
        #expect(Support.estimator.alternatives(of: try Support.design(file: "processes/breyanzi.yaml")).isEmpty)
    }

    @Test func twoUndecidedStepsAreCombined() throws {
        let design = try Support.process(
            steps: """
                  - {id: enrich, operation: elutriation, alternatives: [{operation: positive-selection, markers: [CD4, CD8]}]}
                  - {id: purge, operation: wash, alternatives: [{operation: depletion, markers: [CD19]}, {operation: depletion, markers: [CD22]}]}
                  - {id: t, operation: transduction}
                """)
        let labels = Support.estimator.alternatives(of: design).map(\.label)
        #expect(labels.count == 6)
        #expect(labels.first == "enrich: elutriation; purge: wash")
        #expect(labels.contains("enrich: positive-selection [CD4, CD8]; purge: depletion [CD22]"))
    }

    /// Where λ is a product of single factors the shares are exact; the sampled regression must find the same ranking.
    @Test func theSampledTornadoAgreesWithTheExactOne() throws {
        let design = try Support.design(file: "processes/ctl019-academic-2018.yaml")
        let estimate = Support.estimator.estimate(design)
        let sampled = Support.estimator.sampledFigureSensitivity(Support.estimator.balance(design, steps: design.steps))
        #expect(estimate.figures.prefix(3).map(\.figure) == sampled.prefix(3).map(\.figure))
        for exact in estimate.figures where exact.varianceShare > 0.05 {
            let share = try #require(sampled.first { $0.figure == exact.figure }).varianceShare
            #expect(abs(share - exact.varianceShare) < 0.05, "\(exact.figure): \(exact.varianceShare) against \(share)")
        }
    }

    /// Two gene transfers (or a selection that splits a population past its dominant term) leave λ no product of single
    /// factors: the tornado then comes from the draws.
    @Test func aDesignThatIsNoProductStillHasATornado() throws {
        let twoTransfers = try Support.process(
            steps: """
                  - {id: t1, operation: transduction}
                  - {id: e, operation: expansion, days: 3}
                  - {id: t2, operation: transduction}
                """)
        #expect(LambdaForm(Support.balance(twoTransfers)) == nil)
        for design in [twoTransfers] {
            let figures = Support.estimator.estimate(design).figures
            #expect(!figures.isEmpty)
            #expect(abs(figures.reduce(0) { $0 + $1.varianceShare } - 1) < 1e-9)
        }
    }

    @Test(arguments: ["ctl019-academic-2018", "kymriah", "yescarta", "tecartus", "breyanzi", "abecma", "carvykti"])
    func everyReferenceProcessHasATornadoWhoseFiguresNameTheirStudy(name: String) throws {
        let figures = Support.estimator.estimate(try Support.design(file: "processes/\(name).yaml")).figures
        #expect(!figures.isEmpty)
        for figure in figures where figure.varianceShare >= 0.01 {
            #expect(figure.narrowedBy != nil, "\(name): \(figure.figure) names no study that would narrow it")
        }
    }
}
