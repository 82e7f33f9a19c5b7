/// A position in a source file: 1-based line and 1-based column counted in Unicode scalars, as libyaml counts them.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file, where problems that belong to the whole file are reported.
    public static let fileStart = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open span of source text, from `start` up to (not including) `end`.
public struct SourceRange: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let start: SourcePosition
    public let end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = max(start, end)
    }

    /// A range that only marks where something starts, for values whose extent is unknown.
    public init(at start: SourcePosition) {
        self.init(start: start, end: start)
    }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(start)-\(end)" }
}

/// A file and a range in it: where a diagnostic points.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let file: String
    public let range: SourceRange

    public init(file: String, range: SourceRange) {
        self.file = file
        self.range = range
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.range) < (rhs.file, rhs.range)
    }

    /// `path:line:column`, the form compilers and editors understand.
    public var description: String { "\(file):\(range.start.line):\(range.start.column)" }
}
