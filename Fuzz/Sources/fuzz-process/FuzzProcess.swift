import CLibFuzzer
import FuzzHarness

/// One process file through the whole lint pipeline: load, rules, estimate, suppressions, reporters and exit status.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProcess(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    ProcessPipeline.check(Fuzzer.bytes(start, count))
    return 0
}

@main enum FuzzProcessTarget {
    static func main() { Fuzzer.main(driver: LLVMFuzzerRunDriver, fuzzProcess) }
}
