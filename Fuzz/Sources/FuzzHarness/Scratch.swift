import Foundation

/// The fuzzer's own folder for the files it writes (the input as a file for the command line, a configuration),
/// one per fuzzing process and removed when it exits.
public enum Scratch {
    public static let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-fuzz-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Scratch.folder) }
        return path
    }()

    /// Writes `bytes` to `relative` in the folder (creating its folders) and returns the file's path.
    @discardableResult
    public static func write(_ bytes: [UInt8], to relative: String) -> String {
        let path = folder + "/" + relative
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        Property.require(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
        return path
    }
}
