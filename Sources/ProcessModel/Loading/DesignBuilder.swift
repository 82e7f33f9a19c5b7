import Yams

/// Builds the typed model from a tree that `ShapeValidator` found free of errors.
///
/// Because the tree is already valid, reading is total: a value of the wrong kind cannot occur,
/// and an absent optional key is simply `nil`.
struct DesignBuilder {
    let file: String

    func build(_ root: Node.Mapping) -> ProcessDesign {
        let product = root.value(forKey: "product")?.mapping
        let material = root.value(forKey: "starting_material")?.mapping
        let composition = material?.value(forKey: "composition")
        return ProcessDesign(
            file: file,
            formatVersion: number(root, "processlint").map { $0.map { Int($0) } }!,
            name: text(root, "name")!,
            description: text(root, "description"),
            product: Product(carTarget: marker(product?.value(forKey: "car_target"))!, vector: choice(product, "vector")!),
            indication: text(root, "indication")!,
            startingMaterial: StartingMaterial(
                kind: choice(material, "kind")!,
                isCryopreserved: boolean(material, "cryopreserved"),
                totalNucleatedCells: number(material, "total_nucleated_cells"),
                composition: Dictionary(uniqueKeysWithValues: Population.allCases.compactMap { population in
                    number(composition?.mapping, population.rawValue).map { (population, $0) }
                }),
                compositionRange: composition?.range,
                malignantMarkers: material?.value(forKey: "malignant_markers").map(markers)
            ),
            steps: (root.value(forKey: "steps")?.sequence ?? []).enumerated().map { step($1.mapping!, index: $0, range: $1.range) },
            dose: root.value(forKey: "dose").map { node in
                let dose = node.mapping
                return Dose(carTCells: number(dose, "car_t_cells"), carTCellsPerKilogram: number(dose, "car_t_cells_per_kg"),
                            bodyWeightKilograms: number(dose, "body_weight_kg"), range: node.range)
            },
            releaseTests: (root.value(forKey: "release_tests")?.sequence ?? []).map(releaseTest)
        )
    }

    private func step(_ node: Node.Mapping, index: Int, range: SourceRange) -> Step {
        let kind: Located<OperationKind> = choice(node, "operation")!
        let selection = { UnitOperation.Selection(markers: markers(node.value(forKey: "markers")), device: text(node, "device")) }
        let payload: Located<VectorKind>? = choice(node, "payload")
        let operation: UnitOperation = switch kind.value {
        case .densityGradient: .densityGradient(medium: text(node, "medium"))
        case .elutriation: .elutriation(device: text(node, "device"))
        case .adherence: .adherence(hours: number(node, "hours"))
        case .positiveSelection: .positiveSelection(selection(), separateArms: boolean(node, "separate_arms"))
        case .depletion: .depletion(selection())
        case .activation: .activation(reagent: choice(node, "reagent")!, cytokines: texts(node, "cytokines"))
        case .transduction: .transduction(vector: choice(node, "vector"), moi: number(node, "moi"))
        case .electroporation: .electroporation(payload: payload, device: text(node, "device"))
        case .transfection: .transfection(payload: payload, device: text(node, "device"))
        case .expansion: .expansion(days: number(node, "days")!, device: text(node, "device"), cytokines: texts(node, "cytokines"))
        case .beadRemoval: .beadRemoval(device: text(node, "device"))
        case .wash: .wash
        case .harvest: .harvest
        case .formulation: .formulation
        case .cryopreservation: .cryopreservation(dmsoPercent: number(node, "dmso_percent"))
        case .thaw: .thaw
        case .hold: .hold(hours: number(node, "hours"), temperatureCelsius: number(node, "temperature_c"))
        }
        return Step(
            id: text(node, "id")!,
            operation: kind.map { _ in operation },
            note: text(node, "note"),
            performance: node.value(forKey: "performance").map(performance),
            range: range,
            index: index
        )
    }

    private func performance(_ node: Node) -> PerformanceOverride {
        let mapping = node.mapping
        return PerformanceOverride(
            source: text(mapping, "source")!,
            figures: Dictionary(uniqueKeysWithValues: PerformanceFigure.allCases.compactMap { figure in
                number(mapping, figure.rawValue).map { (figure, $0) }
            }),
            range: node.range
        )
    }

    private func releaseTest(_ node: Node) -> ReleaseTest {
        guard let mapping = node.mapping else {
            return ReleaseTest(kind: located(node).map { ReleaseTestKind(rawValue: $0)! }, maximum: nil, minimum: nil, method: nil)
        }
        return ReleaseTest(kind: choice(mapping, "test")!, maximum: number(mapping, "max"), minimum: number(mapping, "min"),
                           method: text(mapping, "method"))
    }

    // MARK: - Reading scalars the validator has already checked

    private func located(_ node: Node) -> Located<String> { Located(node.string ?? "", at: node.range) }

    private func text(_ mapping: Node.Mapping?, _ key: String) -> Located<String>? {
        mapping?.value(forKey: key).map(located)
    }

    private func texts(_ mapping: Node.Mapping?, _ key: String) -> [Located<String>] {
        (mapping?.value(forKey: key)?.sequence ?? []).map(located)
    }

    private func number(_ mapping: Node.Mapping?, _ key: String) -> Located<Double>? {
        guard let node = mapping?.value(forKey: key), let scalar = node.scalar, case .number(let value) = ScalarValue(scalar)
        else { return nil }
        return Located(value, at: node.range)
    }

    private func boolean(_ mapping: Node.Mapping?, _ key: String) -> Located<Bool>? {
        guard let node = mapping?.value(forKey: key), let scalar = node.scalar, case .boolean(let value) = ScalarValue(scalar)
        else { return nil }
        return Located(value, at: node.range)
    }

    private func choice<Value: NamedValue>(_ mapping: Node.Mapping?, _ key: String) -> Located<Value>? {
        guard let node = mapping?.value(forKey: key), let value = node.string.flatMap(Value.init(rawValue:)) else { return nil }
        return Located(value, at: node.range)
    }

    private func marker(_ node: Node?) -> Located<Marker>? {
        node.map { located($0).map(Marker.init(normalising:)) }
    }

    private func markers(_ node: Node?) -> [Located<Marker>] {
        (node?.sequence ?? []).compactMap(marker)
    }
}
