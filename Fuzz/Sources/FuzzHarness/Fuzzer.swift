import Foundation

/// Runs libFuzzer on one target: the program's command line (corpus folders, `-runs=`, `-dict=`...) goes to
/// libFuzzer's driver, which calls `body` with each input.
public enum Fuzzer {
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    public typealias Driver = (
        UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        Callback
    ) -> CInt

    public static func main(driver: Driver, _ body: Callback) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(driver(&argc, &argv, body))
    }

    /// The input as bytes.
    public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }
}
