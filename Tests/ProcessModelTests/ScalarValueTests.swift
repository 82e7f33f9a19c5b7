import Testing

@testable import ProcessModel

/// The one scalar typing of every YAML file the tool reads (process, rule and configuration files): YAML 1.2's core
/// schema for plain scalars, quoted scalars as text, and an explicit core tag deciding the type.
@Suite struct ScalarValueTests {
    static let str = "tag:yaml.org,2002:str", int = "tag:yaml.org,2002:int", float = "tag:yaml.org,2002:float"
    static let bool = "tag:yaml.org,2002:bool", null = "tag:yaml.org,2002:null"

    @Test(
        arguments: [
            ("true", true, nil, ScalarValue.boolean(true)), ("True", true, nil, .boolean(true)),
            ("TRUE", true, nil, .boolean(true)),
            ("false", true, nil, .boolean(false)), ("False", true, nil, .boolean(false)),
            ("FALSE", true, nil, .boolean(false)),
            ("yes", true, nil, .text("yes")), ("on", true, nil, .text("on")), ("tRUE", true, nil, .text("tRUE")),
            ("true", false, nil, .text("true")), ("~", true, nil, .null), ("", true, nil, .null),
            ("null", true, nil, .null),
            ("1.0e10", true, nil, .number(1e10)), ("-2", true, nil, .number(-2)),
            ("1e400", true, nil, .number(.infinity)),
            (".inf", true, nil, .number(.infinity)), ("-.Inf", true, nil, .number(-.infinity)),
            ("0x1F", true, nil, .text("0x1F")),
            ("9", true, str, .text("9")), ("9", true, "!", .text("9")), ("9", true, float, .number(9)),
            ("9", true, int, .number(9)),
            ("True", true, bool, .boolean(true)), ("~", true, null, .null), ("9", true, "!custom", .text("9")),
        ] as [(String, Bool, String?, ScalarValue)])
    func typing(text: String, isPlain: Bool, tag: String?, expected: ScalarValue) {
        #expect(ScalarValue(text: text, isPlain: isPlain, tag: tag) == expected)
    }

    @Test func nanIsANumberThatIsNotFinite() {
        guard case .number(let value) = ScalarValue(text: ".nan", isPlain: true, tag: nil) else {
            Issue.record("not a number")
            return
        }
        #expect(value.isNaN)
    }

    @Test(
        arguments: [
            (nil, "9", nil), (str, "9", nil), ("!", "9", nil), (int, "9", nil), (float, "1.5", nil),
            (bool, "false", nil), (null, "~", nil),
            (int, "1.5", "tag '!!int' on 'f' does not fit the value '1.5'; remove the tag"),
            (bool, "yes", "tag '!!bool' on 'f' does not fit the value 'yes'; remove the tag"),
            (
                "!custom", "x",
                "tag '!custom' on 'f' is not allowed; expected no tag, or one of YAML's core tags (!!bool, !!float, !!int, !!map, "
                    + "!!null, !!seq, !!str) that fits the value"
            ),
            (
                "tag:yaml.org,2002:python/object", "x",
                "tag '!!python/object' on 'f' is not allowed; expected no tag, or one of YAML's core "
                    + "tags (!!bool, !!float, !!int, !!map, !!null, !!seq, !!str) that fits the value"
            ),
        ] as [(String?, String, String?)])
    func tagsThatDoNotFit(tag: String?, text: String, problem: String?) {
        #expect(ScalarValue.tagProblem(tag: tag, scalarText: text, isMapping: false, field: "f") == problem)
    }

    @Test func collectionTagsMustMatchTheCollection() {
        #expect(
            ScalarValue.tagProblem(tag: "tag:yaml.org,2002:map", scalarText: nil, isMapping: true, field: "f") == nil)
        #expect(
            ScalarValue.tagProblem(tag: "tag:yaml.org,2002:seq", scalarText: nil, isMapping: true, field: "f")
                == "tag '!!seq' on 'f' cannot mark a mapping; remove the tag")
    }
}
