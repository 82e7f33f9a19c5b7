/// Limits that keep a hostile or broken file from exhausting time or memory.
///
/// A real process file is a few kilobytes, a handful of levels deep, with few or no aliases;
/// the defaults leave a wide margin above that.
public struct LoadLimits: Sendable, Hashable {
    /// Largest file read, in bytes; larger files are rejected before they are read.
    public var maximumFileBytes: Int
    /// Deepest nesting of mappings and lists, counting what aliases expand to; libyaml itself stops at 1000.
    public var maximumDepth: Int
    /// Most nodes the document may hold once every alias is expanded (stops "billion laughs").
    public var maximumExpandedNodes: Int
    /// Most problems reported for one file; past this, one line says how many more were dropped.
    public var maximumDiagnostics: Int

    public init(
        maximumFileBytes: Int = 4 * 1024 * 1024,
        maximumDepth: Int = 64,
        maximumExpandedNodes: Int = 100_000,
        maximumDiagnostics: Int = 200
    ) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumDepth = maximumDepth
        self.maximumExpandedNodes = maximumExpandedNodes
        self.maximumDiagnostics = maximumDiagnostics
    }

    public static let standard = LoadLimits()

    func tooLargeMessage(_ size: Int, _ kind: YAMLFileKind) -> String {
        switch kind {
        case .process:
            "file is \(size) bytes, over the limit of \(maximumFileBytes) bytes; a process file is a few kilobytes (raise the limit with --max-file-size)"
        case .configuration, .ruleFile:
            "\(kind.noun) is \(size) bytes, over the limit of \(maximumFileBytes) bytes; a \(kind.noun) is a few kilobytes"
        }
    }
}

/// The kinds of YAML file the tool reads, so that each is spoken of in its own terms.
public enum YAMLFileKind: Sendable {
    case process, configuration, ruleFile

    var noun: String {
        switch self {
        case .process: "process file"
        case .configuration: "configuration file"
        case .ruleFile: "rule file"
        }
    }
}
