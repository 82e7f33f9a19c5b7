import ProcessModel

/// A value for some of the populations, in a fixed slot for each: a mass balance writes one for every population at
/// every step of every file, and a dictionary hashed each key to do it.
struct PopulationTable<Value: Sendable>: Sendable {
    private var slots: [Value?] = Array(repeating: nil, count: 6)

    subscript(population: Population) -> Value? {
        get { slots[Self.slot(population)] }
        set { slots[Self.slot(population)] = newValue }
    }

    /// The populations that have a value, with it, in the order of `Population.allCases`.
    var entries: [(population: Population, value: Value)] {
        Population.allCases.compactMap { population in self[population].map { (population, $0) } }
    }

    private static func slot(_ population: Population) -> Int {
        switch population {
        case .T: 0
        case .B: 1
        case .NK: 2
        case .monocyte: 3
        case .granulocyte: 4
        case .malignant: 5
        }
    }
}
