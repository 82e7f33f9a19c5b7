/// A value read from a process file, together with the span of text it came from.
///
/// Every value in the model is located, so a rule can point at the exact place a problem is,
/// and never has to look at raw YAML.
public struct Located<Value> {
    public let value: Value
    public let range: SourceRange

    public init(_ value: Value, at range: SourceRange) {
        self.value = value
        self.range = range
    }

    /// The same location carrying a transformed value.
    public func map<T>(_ transform: (Value) throws -> T) rethrows -> Located<T> {
        Located<T>(try transform(value), at: range)
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
