import CLibFuzzer
import FuzzHarness

/// One declarative rule file: read, then its rules run over the reference processes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleFile(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    RuleFilePipeline.check(Fuzzer.bytes(start, count))
    return 0
}

@main enum FuzzRuleFileTarget {
    static func main() { Fuzzer.main(driver: LLVMFuzzerRunDriver, fuzzRuleFile) }
}
