/// Builds the typed model from a tree that `ShapeValidator` found free of errors.
///
/// Because the tree is already valid, reading is total: a value of the wrong kind cannot occur,
/// and an absent optional key is simply `nil`.
struct DesignBuilder {
    let file: String

    func build(_ root: YAMLNode.Mapping) -> ProcessDesign {
        let root = Fields(.mapping(root))
        let product = Fields(root["product"])
        let material = Fields(root["starting_material"])
        let composition = material["composition"]
        let compositionFields = Fields(composition)
        return ProcessDesign(
            file: file,
            formatVersion: number(root, "processlint").map { $0.map { Int($0) } }!,
            name: text(root, "name")!,
            description: text(root, "description"),
            product: Product(
                carTarget: marker(product["car_target"])!, vector: choice(product, "vector")!,
                label: choice(product, "label"),
                edits: (product["edits"]?.sequence ?? []).compactMap { node in
                    node.string.flatMap(GeneEdit.init(rawValue:)).map { Located($0, at: node.range) }
                },
                targetBlocker: marker(product["target_blocker"]), tcrIntactReason: text(product, "tcr_intact_reason"),
                lymphodepletion: text(product, "lymphodepletion"),
                range: root["product"]?.range ?? SourceRange(at: .fileStart)
            ),
            indication: text(root, "indication")!,
            startingMaterial: StartingMaterial(
                kind: choice(material, "kind")!,
                donor: choice(material, "donor"),
                isCryopreserved: boolean(material, "cryopreserved"),
                totalNucleatedCells: number(material, "total_nucleated_cells"),
                composition: Dictionary(
                    uniqueKeysWithValues: Population.allCases.compactMap { population in
                        number(compositionFields, population.rawValue).map { (population, $0) }
                    }),
                compositionRange: composition?.range,
                malignantMarkers: material["malignant_markers"].map(markers),
                malignantMarkerNegative: (material["malignant_marker_negative"]?.sequence ?? []).compactMap { node in
                    let share = Fields(node)
                    guard let marker = marker(share["marker"]), let fraction = number(share, "fraction") else {
                        return nil
                    }
                    return MarkerShare(marker: marker, fraction: fraction, range: node.range)
                },
                range: root["starting_material"]?.range ?? SourceRange(at: .fileStart)
            ),
            steps: (root["steps"]?.sequence ?? []).enumerated().map { step(Fields($1), index: $0, range: $1.extent) },
            dose: root["dose"].map { node in
                let dose = Fields(node)
                return Dose(
                    carTCells: number(dose, "car_t_cells"), carTCellsPerKilogram: number(dose, "car_t_cells_per_kg"),
                    bodyWeightKilograms: number(dose, "body_weight_kg"), range: node.range)
            },
            releaseTests: (root["release_tests"]?.sequence ?? []).map(releaseTest),
            releaseTestsRange: root["release_tests"]?.range
        )
    }

    private func step(_ fields: Fields, index: Int, range: SourceRange) -> Step {
        Step(
            id: text(fields, "id")!,
            operation: operation(fields),
            note: text(fields, "note"),
            performance: fields["performance"].map(performance),
            range: range,
            index: index,
            alternatives: (fields["alternatives"]?.sequence ?? []).map { node in
                let alternative = Fields(node)
                return StepAlternative(
                    operation: operation(alternative), note: text(alternative, "note"),
                    performance: alternative["performance"].map(performance), range: node.extent)
            }
        )
    }

    /// The operation of a step, or of one of its alternatives, with its parameters.
    private func operation(_ fields: Fields) -> Located<UnitOperation> {
        let kind: Located<OperationKind> = choice(fields, "operation")!
        let device = text(fields, "device")
        let selection = { UnitOperation.Selection(markers: markers(fields["markers"]), device: device) }
        let payload: Located<VectorKind>? = choice(fields, "payload")
        let operation: UnitOperation =
            switch kind.value {
            case .densityGradient: .densityGradient(medium: text(fields, "medium"))
            case .elutriation: .elutriation(device: device)
            case .adherence: .adherence(hours: number(fields, "hours"))
            case .positiveSelection: .positiveSelection(selection(), separateArms: boolean(fields, "separate_arms"))
            case .depletion: .depletion(selection())
            case .activation: .activation(reagent: choice(fields, "reagent")!, cytokines: texts(fields, "cytokines"))
            case .transduction: .transduction(vector: choice(fields, "vector"), moi: number(fields, "moi"))
            case .electroporation: .electroporation(payload: payload, device: device)
            case .transfection: .transfection(payload: payload, device: device)
            case .expansion:
                .expansion(days: number(fields, "days")!, device: device, cytokines: texts(fields, "cytokines"))
            case .beadRemoval: .beadRemoval(device: device)
            case .wash: .wash
            case .harvest: .harvest
            case .formulation: .formulation
            case .cryopreservation: .cryopreservation(dmsoPercent: number(fields, "dmso_percent"))
            case .thaw: .thaw
            case .hold: .hold(hours: number(fields, "hours"), temperatureCelsius: number(fields, "temperature_c"))
            }
        return kind.map { _ in operation }
    }

    private func performance(_ node: YAMLNode) -> PerformanceOverride {
        let fields = Fields(node)
        return PerformanceOverride(
            source: text(fields, "source")!,
            figures: Dictionary(
                uniqueKeysWithValues: PerformanceFigure.allCases.compactMap { figure in
                    number(fields, figure.rawValue).map { (figure, $0) }
                }),
            range: node.range
        )
    }

    private func releaseTest(_ node: YAMLNode) -> ReleaseTest {
        guard node.mapping != nil else {
            return ReleaseTest(
                kind: located(node).map { ReleaseTestKind(rawValue: $0)! }, maximum: nil, minimum: nil, method: nil,
                detection: nil)
        }
        let fields = Fields(node)
        return ReleaseTest(
            kind: choice(fields, "test")!, maximum: number(fields, "max"), minimum: number(fields, "min"),
            method: text(fields, "method"),
            detection: fields["detection"].map { node in
                let detection = Fields(node)
                return DetectionLimit(
                    limitOfDetection: number(detection, "limit_of_detection"),
                    acquiredEvents: number(detection, "acquired_events"), events: number(detection, "events"),
                    range: node.range)
            })
    }

    // MARK: - Reading values the validator has already checked

    /// A mapping's values by key: a scan of its few keys per lookup, which costs less than hashing every key into a
    /// table built for each mapping (the tree builder has already refused any key written twice).
    private struct Fields {
        private let mapping: YAMLNode.Mapping?

        init(_ node: YAMLNode?) {
            if case .mapping(let mapping) = node { self.mapping = mapping } else { mapping = nil }
        }

        subscript(key: String) -> YAMLNode? { mapping?.value(forKey: key) }
    }

    private func located(_ node: YAMLNode) -> Located<String> { Located(node.string ?? "", at: node.range) }

    private func text(_ fields: Fields, _ key: String) -> Located<String>? { fields[key].map(located) }

    private func texts(_ fields: Fields, _ key: String) -> [Located<String>] {
        (fields[key]?.sequence ?? []).map(located)
    }

    private func number(_ fields: Fields, _ key: String) -> Located<Double>? {
        guard let node = fields[key], let scalar = node.scalar, case .number(let value) = ScalarValue(scalar) else {
            return nil
        }
        return Located(value, at: node.range)
    }

    private func boolean(_ fields: Fields, _ key: String) -> Located<Bool>? {
        guard let node = fields[key], let scalar = node.scalar, case .boolean(let value) = ScalarValue(scalar) else {
            return nil
        }
        return Located(value, at: node.range)
    }

    private func choice<Value: NamedValue>(_ fields: Fields, _ key: String) -> Located<Value>? {
        guard let node = fields[key], let value = node.string.flatMap(Value.init(rawValue:)) else { return nil }
        return Located(value, at: node.range)
    }

    private func marker(_ node: YAMLNode?) -> Located<Marker>? {
        node.map { located($0).map(Marker.init(normalising:)) }
    }

    private func markers(_ node: YAMLNode?) -> [Located<Marker>] { (node?.sequence ?? []).compactMap(marker) }
}
