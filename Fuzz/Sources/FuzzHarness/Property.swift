/// The properties every fuzz run holds its input to. A broken one stops the fuzzer like a crash, so libFuzzer
/// saves the input (`crash-…`) and prints the message.
public enum Property {
    public static func require(
        _ condition: Bool, _ message: @autoclosure () -> String,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        if !condition { fatalError("property broken: \(message())", file: file, line: line) }
    }
}
