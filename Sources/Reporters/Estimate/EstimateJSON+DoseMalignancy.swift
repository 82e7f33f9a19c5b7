import ResidualModel

extension EstimateJSON {
    struct DoseMalignancyJSON: Encodable {
        let malignant: SpreadJSON
        let targetNegative: SpreadJSON?
        let targetNegativeShare: SpreadJSON?
        let productFraction: SpreadJSON
        let steps: [StepFractionJSON]

        init(_ dose: DoseMalignancy) {
            malignant = SpreadJSON(dose.malignant)
            targetNegative = dose.targetNegative.map(SpreadJSON.init)
            targetNegativeShare = dose.targetNegativeShare.map(SpreadJSON.init)
            productFraction = SpreadJSON(dose.productFraction)
            steps = dose.steps.map { StepFractionJSON(step: $0.stepID, malignantShare: $0.fraction) }
        }
    }

    struct StepFractionJSON: Encodable {
        let step: String
        let malignantShare: Double
    }

    struct DetectabilityJSON: Encodable {
        let acquiredEvents, events, limitOfDetection, limit: Double
        let specification: Double?
        let passGivenCarrying: Double?
        let fractionOverLimit: SpreadJSON
        let inProcessStep: StepFractionJSON?

        init(_ detection: ReleaseDetectability) {
            acquiredEvents = detection.acquiredEvents
            events = detection.events
            limitOfDetection = detection.limitOfDetection
            limit = detection.limit
            specification = detection.specification
            passGivenCarrying = detection.passGivenCarrying
            fractionOverLimit = SpreadJSON(detection.fractionOverLimit)
            inProcessStep = detection.inProcessStep.map {
                StepFractionJSON(step: $0.stepID, malignantShare: $0.fraction)
            }
        }
    }
}
