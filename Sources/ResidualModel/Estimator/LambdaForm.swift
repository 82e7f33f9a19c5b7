import Foundation

/// log10 λ written as X + min(0, Y), when each factor on the T-cell and malignant chains is one log-linear
/// term (or nearly: see `Factor.logLinear`) and there is one gene-transfer step: X is log10 of the
/// CAR-carrying malignant cells in the product, Y log10 of the dose share before its cap at 1.
struct LambdaForm {
    let malignant: LogLinear
    /// `nil` when the whole product is infused.
    let share: LogLinear?
    /// Whether every factor is one term, with no split population counted at its dominant term: only then does
    /// the Monte Carlo shortcut give what the step-by-step program gives.
    let isStrict: Bool

    init?(_ balance: MassBalance) {
        let central = balance.centralDraw
        let tChain = balance.chain(.T, through: balance.steps.count, carrying: true)
        let malignantChain = balance.chain(.malignant, through: balance.steps.count, carrying: true)
        guard balance.integrates, balance.steps.filter({ $0.uptake != nil }).count == 1,
            let t0 = balance.initial[.T], t0 > 0, let m0 = balance.initial[.malignant], m0 > 0,
            let carT = tChain.logLinear(at: central),
            let carMalignant = malignantChain.logLinear(at: central)
        else { return nil }
        malignant = carMalignant + .constant(log10(m0))
        share = balance.dose.map { .constant(log10($0)) - carT - .constant(log10(t0)) }
        isStrict = tChain.terms.count == 1 && malignantChain.terms.count == 1
    }

    /// log10 λ ignoring the cap.
    var uncapped: LogLinear { share.map { malignant + $0 } ?? malignant }
}

extension MassBalance.Variable {
    /// Adds `others` to `variables` where their key is not there yet; returns where each of `others` now is.
    static func join(_ others: [MassBalance.Variable], into variables: inout [MassBalance.Variable]) -> [Int] {
        others.map { other in
            if let index = variables.firstIndex(where: { $0.key == other.key }) { return index }
            variables.append(other)
            return variables.count - 1
        }
    }
}
