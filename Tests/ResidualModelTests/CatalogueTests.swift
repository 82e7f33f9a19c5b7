import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

@Suite struct CatalogueTests {
    let catalogue = Catalogue.bundled

    @Test func catalogueHoldsTheFiguresTheEstimatorReads() {
        #expect(catalogue.allFigures.count > 60)
    }

    @Test func everyFigureNamesItsSourceOrSaysAssumption() {
        for (path, figure) in catalogue.allFigures {
            let source = figure.source.trimmingCharacters(in: .whitespaces)
            #expect(source.count >= 10, "\(path) has no source")
            // A cited figure names something checkable: a DOI, PMID, PMC id, journal, label or report.
            let cites = [
                "DOI", "PMID", "PMC", "Blood", "Transfusion", "Cytotherapy", "J ", "Nat Med", "Gene Ther",
                "Clin Hematol Int", "Leukemia", "Reuters", "label",
            ].contains { source.contains($0) }
            let declared = figure.isAssumption || source.hasPrefix("definition") || source.hasPrefix("derived")
            #expect(cites || declared, "\(path): '\(source)' neither cites a source nor says assumption")
        }
    }

    @Test func rangesContainTheirCentralValueAndUnitsAreKnown() {
        for (path, figure) in catalogue.allFigures {
            if let low = figure.low, let high = figure.high {
                #expect(low <= figure.central && figure.central <= high, "\(path)")
            } else {
                #expect(figure.low == nil && figure.high == nil, "\(path) has half a range")
            }
            #expect(
                ["fraction", "log10", "log10 per day", "days", "kg", "per patient", "cells", "patients"].contains(
                    figure.unit), "\(path): \(figure.unit)")
            if figure.unit == "fraction" {
                #expect(
                    (0...1).contains(figure.low ?? figure.central) && (0...1).contains(figure.high ?? figure.central),
                    "\(path)")
            }
        }
    }

    @Test func everyMarkerOfAPopulationIsInTheVocabulary() {
        for (population, table) in catalogue.markerExpression {
            #expect(Population(rawValue: population) != nil, "\(population)")
            for marker in table.keys {
                #expect(Marker(normalising: marker).isKnown && Marker(normalising: marker).name == marker, "\(marker)")
            }
        }
    }

    @Test func everyPopulationHasACultureRateAndEveryGeneTransferAnUptake() {
        for population in Population.allCases where population != .malignant {
            #expect(catalogue.culture.logFoldPerDay[population.rawValue] != nil, "\(population)")
        }
        // Malignant cells take their disease's rate, and its uptake of each viral vector; other payloads one figure for all.
        #expect(
            catalogue.culture.logFoldPerDay[Population.malignant.rawValue] == nil, "malignant culture is by disease")
        for (disease, biology) in catalogue.malignantBiology {
            #expect(biology.transduction.keys.sorted() == ["gamma-retroviral", "lentiviral"], "\(disease)")
        }
        for vector in VectorKind.allCases where vector != .none {
            let expected = vector.isViral ? ["T"] : ["T", "malignant"]
            #expect(catalogue.transductionEfficiency[vector.rawValue]?.keys.sorted() == expected, "\(vector)")
        }
        for kind in [OperationKind.wash, .harvest, .beadRemoval, .formulation, .hold] {
            #expect(catalogue.stepRecovery[kind.rawValue] != nil, "\(kind)")
        }
    }

    @Test func calibrationReferenceIsTheBundledAcademicProcess() throws {
        let bundled = try String(
            contentsOfFile: Support.path("Sources/ResidualModel/Resources/calibration-reference.yaml"), encoding: .utf8)
        let reference = try String(contentsOfFile: Support.path("processes/ctl019-academic-2018.yaml"), encoding: .utf8)
        #expect(
            bundled == reference,
            "copy processes/ctl019-academic-2018.yaml to Sources/ResidualModel/Resources/calibration-reference.yaml")
    }
}
