import Foundation

/// File URIs and paths: findings name files by path, the editor by URI.
enum DocumentURI {
    /// The path of a `file:` URI, percent-decoded; `nil` for other schemes (an unsaved buffer).
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    /// The `file:` URI of a path.
    static func uri(ofPath path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}
