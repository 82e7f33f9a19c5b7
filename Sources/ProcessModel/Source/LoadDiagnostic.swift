/// A problem found while reading a process file: unreadable bytes, broken YAML, or a value that breaks format 1.
///
/// Loading reports every problem it can find in a file, not only the first. Errors make the file
/// unusable (rules do not run on it); a warning would leave a usable model (the loader gives none today:
/// an unknown marker, once a warning, is an error since it could lower a rule's severity).
public struct LoadDiagnostic: Error, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    /// What kind of problem it is; a stable identifier that machine-readable output can carry.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case unreadableFile = "unreadable-file"
        case notAProcessFile = "not-a-process-file"
        case fileTooLarge = "file-too-large"
        case notUTF8 = "not-utf8"
        case yamlSyntax = "yaml-syntax"
        case nestingTooDeep = "nesting-too-deep"
        case aliasExpansion = "alias-expansion"
        case emptyFile = "empty-file"
        case multipleDocuments = "multiple-documents"
        case duplicateKey = "duplicate-key"
        case unknownKey = "unknown-key"
        case missingKey = "missing-key"
        case wrongType = "wrong-type"
        case invalidValue = "invalid-value"
        case outOfRange = "out-of-range"
        case duplicateStepID = "duplicate-step-id"
        case unsupportedVersion = "unsupported-version"
        case unknownMarker = "unknown-marker"
        case inconsistent = "inconsistent"
    }

    public let severity: Severity
    public let kind: Kind
    public let message: String
    public let location: SourceLocation

    public init(_ severity: Severity, _ kind: Kind, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.kind = kind
        self.message = message
        self.location = location
    }

    public static func < (lhs: LoadDiagnostic, rhs: LoadDiagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }

    /// `path:line:column: severity: message`, one line, as a compiler prints it.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
