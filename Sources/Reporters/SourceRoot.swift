import Foundation

/// The folder that CI formats write file paths relative to (the repository's root), so code-scanning alerts,
/// annotations and test reports land on the repository's files whatever directory the tool ran from.
public struct SourceRoot: Sendable {
    /// The root as an absolute, standardized path without a trailing slash.
    public let path: String
    private let currentDirectory: URL

    /// `path` may be relative to `currentDirectory`, as process file paths given on the command line are.
    public init(_ path: String, currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.currentDirectory = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        let root = URL(fileURLWithPath: path, isDirectory: true, relativeTo: self.currentDirectory).standardizedFileURL
            .path
        self.path = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// The path of `file` relative to the root, or `nil` when the file is outside it.
    public func relative(_ file: String) -> String? {
        let absolute = URL(fileURLWithPath: file, relativeTo: currentDirectory).standardizedFileURL.path
        let prefix = path == "/" ? "/" : path + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : nil
    }

    /// The path to show for `file`: relative to the root inside it, as given outside it.
    public func display(_ file: String) -> String { relative(file) ?? file }

    /// The root as a `file://` URI ending in a slash, as SARIF's `originalUriBaseIds` requires.
    public var uri: String { "file://" + Self.encode(path == "/" ? "/" : path + "/") }

    /// A path as a URI reference: every byte outside RFC 3986's unreserved characters, `/` and the sub-delimiters
    /// percent-encoded (a `:` too, which would otherwise read as a scheme in a relative reference).
    public static func encode(_ path: String) -> String {
        path.utf8.map { byte in
            allowed.contains(byte) ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }.joined()
    }

    private static let allowed = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=@".utf8)
}
