import Foundation

/// Finds the process files under the paths a user names.
///
/// A named file is always taken, whatever its extension. A directory is walked for `*.yaml` and
/// `*.yml`, skipping hidden entries (`.git`, `.build`); symbolic links are followed once, and a
/// link back into a directory already being walked is reported instead of followed forever.
public struct ProcessFileDiscovery: Sendable {
    public static let extensions: Set<String> = ["yaml", "yml"]

    public init() {}

    /// The files found, sorted, and a diagnostic for each path that could not be walked.
    public func files(under paths: [String]) -> (files: [String], problems: [LoadDiagnostic]) {
        var walk = Walk()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                walk.problem(path, "no such file or directory")
                continue
            }
            if isDirectory.boolValue {
                walk.directory(path, ancestors: [])
            } else {
                walk.files.append(path)
            }
        }
        return (Array(Set(walk.files)).sorted(), walk.problems)
    }

    private struct Walk {
        var files: [String] = []
        var problems: [LoadDiagnostic] = []

        mutating func problem(_ path: String, _ message: String) {
            problems.append(LoadDiagnostic(.error, .unreadableFile, message,
                                           at: SourceLocation(file: path, range: SourceRange(at: .fileStart))))
        }

        /// Walks a directory; `ancestors` holds the identities of the directories above it on this path.
        mutating func directory(_ path: String, ancestors: Set<FileIdentity>) {
            guard let identity = FileIdentity(path) else {
                return problem(path, "cannot read directory")
            }
            guard !ancestors.contains(identity) else {
                return problem(path, "symbolic link loop: this directory contains itself; not followed")
            }
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                return problem(path, "cannot read directory: permission denied or not a directory")
            }
            for entry in entries.sorted() where !entry.hasPrefix(".") {
                let child = path.hasSuffix("/") ? path + entry : path + "/" + entry
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else {
                    problem(child, "broken symbolic link")
                    continue
                }
                if isDirectory.boolValue {
                    directory(child, ancestors: ancestors.union([identity]))
                } else if ProcessFileDiscovery.extensions.contains((entry as NSString).pathExtension.lowercased()) {
                    files.append(child)
                }
            }
        }
    }

    /// A directory's device and inode: the same directory reached by two paths has one identity.
    struct FileIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }
}
