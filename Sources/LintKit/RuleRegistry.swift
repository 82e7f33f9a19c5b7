/// The rules a run knows: the built-in pack, plus whatever a user's package or configuration registers.
public struct RuleRegistry: Sendable {
    public private(set) var rules: [any Rule]

    public init(_ rules: [any Rule] = []) {
        self.rules = rules
    }

    /// Adds rules, as a user's Swift package or a configuration's custom rules do to extend the tool.
    public mutating func register(_ more: [any Rule]) {
        rules += more
    }

    public func rule(withID id: String) -> (any Rule)? {
        rules.first { $0.description.id == id }
    }

    /// Every rule's description, by id.
    public var descriptions: [RuleDescription] { rules.map { $0.description }.sorted { $0.id < $1.id } }

    /// Every rule id.
    public var ids: Set<String> { Set(rules.map { $0.description.id }) }
}
