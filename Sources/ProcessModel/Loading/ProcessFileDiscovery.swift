import Foundation

/// Finds the process files under the paths a user names.
///
/// A named file is always taken, whatever its extension. A directory is walked for `*.yaml` and
/// `*.yml`, skipping hidden entries (`.git`, `.build`). Symbolic links are followed, but every directory is
/// walked and every file taken once, by device and inode, whatever paths lead to it (links to shared
/// targets would otherwise multiply the walk); a link back into a directory being walked is reported.
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
                walk.file(path)
            }
        }
        return (walk.files.sorted(), walk.problems)
    }

    private struct Walk {
        var files: [String] = []
        var problems: [LoadDiagnostic] = []
        /// Directories walked and files taken so far.
        private var seen: Set<FileIdentity> = []

        /// Takes a file unless another path to it was taken already.
        mutating func file(_ path: String) {
            // A file that cannot be stat'ed is still taken: the loader then says why it cannot be read.
            guard let identity = FileIdentity(path) else { return files.append(path) }
            if seen.insert(identity).inserted { files.append(path) }
        }

        mutating func problem(_ path: String, _ message: String) {
            problems.append(
                LoadDiagnostic(
                    .error, .unreadableFile, message,
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
            guard seen.insert(identity).inserted else { return }
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
                    file(child)
                }
            }
        }
    }

    /// A file's or directory's device and inode: reached by two paths, it has one identity.
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
