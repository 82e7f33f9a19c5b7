/// The rules a run knows: the built-in pack, plus whatever a user's package registers.
public struct RuleRegistry: Sendable {
    public private(set) var rules: [any Rule.Type]

    public init(_ rules: [any Rule.Type] = []) {
        self.rules = rules
    }

    /// Adds rules, as a user's Swift package does to extend the tool.
    public mutating func register(_ more: [any Rule.Type]) {
        rules += more
    }

    public func rule(withID id: String) -> (any Rule.Type)? {
        rules.first { $0.description.id == id }
    }
}
