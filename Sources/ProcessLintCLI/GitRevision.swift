import Foundation
import LintKit

/// The process files of a past revision of the current git repository, written out to a temporary folder
/// so they can be linted like any others.
struct GitRevision {
    let revision: String

    /// Where the paths ended up, and how to show a path inside that folder.
    struct Checkout: Sendable {
        /// The temporary folder holding the revision's whole tree.
        let folder: String
        /// The user's paths, mapped into the folder.
        let paths: [String]
        /// The repository's root in the working tree.
        let root: String
        /// Files git reports as renamed since the revision (tracked or staged in the working tree), as paths
        /// in the repository: old to new. A process whose name changed too is still compared through them.
        let renames: [String: String]

        /// A path inside the folder as its path in the repository; any other path as it is.
        func displayed(_ path: String) -> String {
            let relative = path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
            return relative.hasPrefix("./") ? String(relative.dropFirst(2)) : relative
        }

        /// A path of the working tree as its path in the repository, as `displayed` shows a base path.
        func inRepository(_ path: String) -> String {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            return absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Extracts the repository that holds `paths` as it was at the revision, and maps the paths into it.
    func checkout(_ paths: [String]) -> Result<Checkout, GitError> {
        let absolute = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        // Ask git from where the first path is, so the command works from any folder.
        var directory: ObjCBool = false
        let first = absolute.first ?? FileManager.default.currentDirectoryPath
        let start =
            FileManager.default.fileExists(atPath: first, isDirectory: &directory) && directory.boolValue
            ? first : URL(fileURLWithPath: first).deletingLastPathComponent().path
        let root: String
        switch git(start, ["rev-parse", "--show-toplevel"]) {
        case .success(let output):
            root = URL(fileURLWithPath: output.trimmingCharacters(in: .whitespacesAndNewlines)).standardizedFileURL.path
        case .failure(let error): return .failure(error)
        }
        guard case .success = git(root, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"]) else {
            return .failure(GitError(message: "'\(revision)' is not a commit of the repository at \(root)"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "processlint-base-\(UUID().uuidString)"
        ).path
        let archive = folder + ".tar"
        defer { try? FileManager.default.removeItem(atPath: archive) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return .failure(GitError(message: "cannot create a temporary folder: \(error.localizedDescription)"))
        }
        // The whole tree, so the configuration files above the named paths apply as they were too.
        let extracted = git(root, ["archive", "--format=tar", "-o", archive, revision])
            .flatMap { _ in Self.run(["tar", "-xf", archive, "-C", folder]) }
        if case .failure(let error) = extracted {
            try? FileManager.default.removeItem(atPath: folder)
            return .failure(error)
        }
        let mapped = absolute.map { path in
            path == root ? folder : path.hasPrefix(root + "/") ? folder + "/" + path.dropFirst(root.count + 1) : path
        }
        // Renames are a help to pairing, not a requirement: without them, processes are paired by name and place.
        let renames =
            (try? git(root, ["diff", "--find-renames", "--name-status", "-z", revision, "--"]).get()).map(Self.renames)
            ?? [:]
        return .success(Checkout(folder: folder, paths: mapped, root: root, renames: renames))
    }

    /// `git diff --name-status -z` output's renames: `R<score>`, the old path and the new one, NUL-separated.
    static func renames(_ output: String) -> [String: String] {
        let fields = output.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        var result: [String: String] = [:]
        var index = 0
        while index < fields.count {
            let status = fields[index]
            // Renames and copies name two paths; every other status one.
            let paths = status.hasPrefix("R") || status.hasPrefix("C") ? 2 : 1
            if status.hasPrefix("R"), index + 2 < fields.count { result[fields[index + 1]] = fields[index + 2] }
            index += 1 + paths
        }
        return result
    }

    private func git(_ directory: String, _ arguments: [String]) -> Result<String, GitError> {
        Self.run(["git", "-C", directory] + arguments)
    }

    /// Runs a program found on PATH; its output, or its error message. Archiving a large repository may take
    /// a while, hence the generous limit; a git that hangs (waiting for credentials, say) still ends.
    private static func run(_ arguments: [String]) -> Result<String, GitError> {
        let child = ChildProcess(
            command: arguments, directory: FileManager.default.currentDirectoryPath,
            timeoutSeconds: 300, outputLimit: 16 * 1024 * 1024)
        let outcome: ChildProcess.Outcome
        do { outcome = try child.run() } catch { return .failure(GitError(message: error.reason)) }
        guard outcome.ending == .exited(0) else {
            let message = String(decoding: outcome.errorOutput, as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            return .failure(
                GitError(
                    message: message.isEmpty
                        ? "\(arguments.joined(separator: " ")) failed (\(outcome.ending))" : message))
        }
        return .success(String(decoding: outcome.output, as: UTF8.self))
    }
}

/// Why a revision could not be read.
struct GitError: Error {
    let message: String
}
