import CLibFuzzer
import FuzzHarness

/// One `.processlint.yml`: read with `extends` and rule files followed, then applied to the reference processes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    ConfigurationPipeline.check(Fuzzer.bytes(start, count))
    return 0
}

@main enum FuzzConfigurationTarget {
    static func main() { Fuzzer.main(driver: LLVMFuzzerRunDriver, fuzzConfiguration) }
}
