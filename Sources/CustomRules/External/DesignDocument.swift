import LintKit
import ProcessModel

/// A process design as the JSON an external rule reads, with where each of its values was written.
///
/// It is the typed model, not the file's YAML, and itself a valid format-1 process document: keys are the
/// file format's, markers are normalised (`cd19+` is `CD19`), a release test is always an object, a key the
/// file leaves out is absent (no defaults are filled in), and YAML anchors, comments and flow style are gone.
/// A value's place is its path in this document: keys by name, list items by position from 0, joined with
/// dots (`steps.7.dmso_percent`, `dose.car_t_cells`, `release_tests.2.max`); so a program points at what it
/// read, and `ranges` turns that back into text.
struct DesignDocument: Sendable {
    let json: JSONValue
    /// Where each path's value is in the file; objects and lists span their first to their last value.
    let ranges: [String: SourceRange]

    init(_ design: ProcessDesign) {
        var builder = Builder()
        json = builder.design(design)
        ranges = builder.ranges
    }

    /// Records each value's range under its path while it builds the JSON.
    private struct Builder {
        var ranges: [String: SourceRange] = [:]

        mutating func design(_ design: ProcessDesign) -> JSONValue {
            var members: [String: JSONValue] = [:]
            members["processlint"] = value(design.formatVersion, "processlint") { .integer($0) }
            members["name"] = value(design.name, "name") { .string($0) }
            if let description = design.description {
                members["description"] = value(description, "description") { .string($0) }
            }
            let product = design.product
            members["product"] = object(
                "product", nil,
                [
                    "car_target": value(product.carTarget, "product.car_target") { .string($0.name) },
                    "vector": value(product.vector, "product.vector") { .string($0.rawValue) },
                    "label": product.label.map { value($0, "product.label") { .string($0.rawValue) } },
                    "edits": product.edits.isEmpty
                        ? nil
                        : list(
                            "product.edits", nil,
                            product.edits.enumerated().map { index, edit in
                                { builder in builder.value(edit, "product.edits.\(index)") { .string($0.rawValue) } }
                            }),
                    "target_blocker": product.targetBlocker.map {
                        value($0, "product.target_blocker") { .string($0.name) }
                    },
                    "tcr_intact_reason": product.tcrIntactReason.map {
                        value($0, "product.tcr_intact_reason") { .string($0) }
                    },
                    "lymphodepletion": product.lymphodepletion.map {
                        value($0, "product.lymphodepletion") { .string($0) }
                    },
                ])
            members["indication"] = value(design.indication, "indication") { .string($0) }
            members["starting_material"] = startingMaterial(design.startingMaterial)
            members["steps"] = list("steps", nil, design.steps.map { step in { builder in builder.step(step) } })
            if let dose = design.dose {
                members["dose"] = object(
                    "dose", dose.range,
                    [
                        "car_t_cells": dose.carTCells.map { value($0, "dose.car_t_cells") { .number($0) } },
                        "car_t_cells_per_kg": dose.carTCellsPerKilogram.map {
                            value($0, "dose.car_t_cells_per_kg") { .number($0) }
                        },
                        "body_weight_kg": dose.bodyWeightKilograms.map {
                            value($0, "dose.body_weight_kg") { .number($0) }
                        },
                    ])
            }
            guard design.releaseTestsRange != nil || !design.releaseTests.isEmpty else { return .object(members) }
            members["release_tests"] = list(
                "release_tests", design.releaseTestsRange,
                design.releaseTests.enumerated().map { index, test in
                    { builder in
                        let path = "release_tests.\(index)"
                        return builder.object(
                            path, test.kind.range,
                            [
                                "test": builder.value(test.kind, path + ".test") { .string($0.rawValue) },
                                "max": test.maximum.map { builder.value($0, path + ".max") { .number($0) } },
                                "min": test.minimum.map { builder.value($0, path + ".min") { .number($0) } },
                                "method": test.method.map { builder.value($0, path + ".method") { .string($0) } },
                                "detection": test.detection.map { detection in
                                    builder.object(
                                        path + ".detection", detection.range,
                                        [
                                            "limit_of_detection": detection.limitOfDetection.map {
                                                builder.value($0, path + ".detection.limit_of_detection") {
                                                    .number($0)
                                                }
                                            },
                                            "acquired_events": detection.acquiredEvents.map {
                                                builder.value($0, path + ".detection.acquired_events") { .number($0) }
                                            },
                                            "events": detection.events.map {
                                                builder.value($0, path + ".detection.events") { .number($0) }
                                            },
                                        ])
                                },
                            ])
                    }
                })
            return .object(members)
        }

        mutating func startingMaterial(_ material: StartingMaterial) -> JSONValue {
            let path = "starting_material"
            let composition =
                material.composition.isEmpty
                ? nil
                : object(
                    path + ".composition", material.compositionRange,
                    Dictionary(
                        uniqueKeysWithValues: material.composition.map { population, fraction in
                            (
                                population.rawValue,
                                value(fraction, "\(path).composition.\(population.rawValue)") { .number($0) }
                            )
                        }))
            return object(
                path, material.range,
                [
                    "kind": value(material.kind, path + ".kind") { .string($0.rawValue) },
                    "donor": material.donor.map { value($0, path + ".donor") { .string($0.rawValue) } },
                    "cryopreserved": material.isCryopreserved.map {
                        value($0, path + ".cryopreserved") { .boolean($0) }
                    },
                    "total_nucleated_cells": material.totalNucleatedCells.map {
                        value($0, path + ".total_nucleated_cells") { .number($0) }
                    },
                    "composition": composition,
                    "malignant_markers": material.malignantMarkers.map { markers(path + ".malignant_markers", $0) },
                    "malignant_marker_negative": material.malignantMarkerNegative.isEmpty
                        ? nil
                        : list(
                            path + ".malignant_marker_negative", nil,
                            material.malignantMarkerNegative.enumerated().map { index, share in
                                { builder in
                                    let item = "\(path).malignant_marker_negative.\(index)"
                                    return builder.object(
                                        item, share.range,
                                        [
                                            "marker": builder.value(share.marker, item + ".marker") {
                                                .string($0.name)
                                            },
                                            "fraction": builder.value(share.fraction, item + ".fraction") {
                                                .number($0)
                                            },
                                        ])
                                }
                            }),
                ])
        }

        mutating func step(_ step: Step) -> JSONValue {
            let path = "steps.\(step.index)"
            var fields: [String: JSONValue?] = [
                "id": value(step.id, path + ".id") { .string($0) },
                "operation": value(step.operation, path + ".operation") { .string($0.kind.rawValue) },
                "note": step.note.map { value($0, path + ".note") { .string($0) } },
            ]
            for (key, parameter) in parameters(of: step.operation.value, path) { fields[key] = parameter }
            if let performance = step.performance {
                var figures: [String: JSONValue?] = [
                    "source": value(performance.source, path + ".performance.source") { .string($0) }
                ]
                for (figure, number) in performance.figures {
                    figures[figure.rawValue] = value(number, "\(path).performance.\(figure.rawValue)") { .number($0) }
                }
                fields["performance"] = object(path + ".performance", performance.range, figures)
            }
            return object(path, step.range, fields)
        }

        /// The operation's parameters under the keys the file format gives them.
        mutating func parameters(of operation: UnitOperation, _ path: String) -> [String: JSONValue?] {
            func text(_ key: String, _ located: Located<String>?) -> (String, JSONValue?) {
                (key, located.map { value($0, "\(path).\(key)") { .string($0) } })
            }
            func number(_ key: String, _ located: Located<Double>?) -> (String, JSONValue?) {
                (key, located.map { value($0, "\(path).\(key)") { .number($0) } })
            }
            func vector(_ key: String, _ located: Located<VectorKind>?) -> (String, JSONValue?) {
                (key, located.map { value($0, "\(path).\(key)") { .string($0.rawValue) } })
            }
            func texts(_ key: String, _ items: [Located<String>]) -> (String, JSONValue?) {
                (
                    key,
                    items.isEmpty
                        ? nil
                        : list(
                            "\(path).\(key)", nil,
                            items.enumerated().map { index, item in
                                { builder in builder.value(item, "\(path).\(key).\(index)") { .string($0) } }
                            })
                )
            }
            func selection(_ selection: UnitOperation.Selection) -> [(String, JSONValue?)] {
                [("markers", markers(path + ".markers", selection.markers)), text("device", selection.device)]
            }
            let pairs: [(String, JSONValue?)] =
                switch operation {
                case .densityGradient(let medium): [text("medium", medium)]
                case .elutriation(let device), .beadRemoval(let device): [text("device", device)]
                case .adherence(let hours): [number("hours", hours)]
                case .positiveSelection(let chosen, let separateArms):
                    selection(chosen) + [
                        ("separate_arms", separateArms.map { value($0, path + ".separate_arms") { .boolean($0) } })
                    ]
                case .depletion(let chosen): selection(chosen)
                case .activation(let reagent, let cytokines):
                    [
                        ("reagent", value(reagent, path + ".reagent") { .string($0.rawValue) }),
                        texts("cytokines", cytokines),
                    ]
                case .transduction(let kind, let moi): [vector("vector", kind), number("moi", moi)]
                case .electroporation(let payload, let device), .transfection(let payload, let device):
                    [vector("payload", payload), text("device", device)]
                case .expansion(let days, let device, let cytokines):
                    [number("days", days), text("device", device), texts("cytokines", cytokines)]
                case .wash, .harvest, .formulation, .thaw: []
                case .cryopreservation(let dmsoPercent): [number("dmso_percent", dmsoPercent)]
                case .hold(let hours, let temperature): [number("hours", hours), number("temperature_c", temperature)]
                }
            return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        }

        mutating func markers(_ path: String, _ markers: [Located<Marker>]) -> JSONValue {
            list(
                path, nil,
                markers.enumerated().map { index, marker in
                    { builder in builder.value(marker, "\(path).\(index)") { .string($0.name) } }
                })
        }

        mutating func value<Value>(_ located: Located<Value>, _ path: String, _ encode: (Value) -> JSONValue)
            -> JSONValue
        {
            ranges[path] = located.range
            return encode(located.value)
        }

        /// An object of the present members; without a range of its own, it spans its members'.
        mutating func object(_ path: String, _ range: SourceRange?, _ members: [String: JSONValue?]) -> JSONValue {
            let present = members.compactMapValues { $0 }
            if let span = range ?? span(of: present.keys.map { "\(path).\($0)" }) { ranges[path] = span }
            return .object(present)
        }

        /// A list whose items are built in order, each registering its own paths first.
        mutating func list(_ path: String, _ range: SourceRange?, _ items: [(inout Builder) -> JSONValue]) -> JSONValue
        {
            var values: [JSONValue] = []
            for item in items { values.append(item(&self)) }
            if let span = range ?? span(of: values.indices.map { "\(path).\($0)" }) { ranges[path] = span }
            return .array(values)
        }

        func span(of paths: [String]) -> SourceRange? {
            let known = paths.compactMap { ranges[$0] }
            guard let start = known.map(\.start).min(), let end = known.map(\.end).max() else { return nil }
            return SourceRange(start: start, end: end)
        }
    }
}
