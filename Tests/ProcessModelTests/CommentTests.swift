import ProcessModel
import Testing

/// The loader reports a file's YAML comments from the parser's scalar ranges: a `#` inside a quoted string or a
/// block scalar is text, and suppression comments are read only from real comments.
@Suite struct CommentTests {
    func comments(_ text: String) -> [String] {
        ProcessLoader().load(bytes: Array(text.utf8), file: "c.yaml").comments.map {
            "\($0.position.line):\($0.position.column)\($0.text)"
        }
    }

    @Test func commentsOnTheirOwnLineAndAfterValuesAreFound() {
        let text = """
            # first
            processlint: 1 # version
            name: plain#not-a-comment   # trailing
              # indented
            steps: [a, b]# after a flow sequence
            """
        #expect(
            comments(text) == [
                "1:1 first", "2:16 version", "3:29 trailing", "4:3 indented", "5:14 after a flow sequence",
            ])
    }

    @Test func aHashInsideAQuotedStringIsText() {
        let text = """
            name: "note #processlint:disable-file residual-tumour-risk -- x"
            description: 'single #quoted' # real
            other: "spans
              # still the string
              lines"
            """
        #expect(comments(text) == ["2:31 real"])
    }

    @Test func aHashInsideABlockScalarIsTextButItsHeaderMayEndInAComment() {
        let text = """
            description: |  # header comment
              # processlint:disable-file residual-tumour-risk -- inside the literal text
              more text
            folded: >-
                # also text
            # after the scalar
            steps:
              - id: a
                notes: |
                  text
                # between keys, less indented than the text
                operation: harvest
            """
        #expect(
            comments(text) == [
                "1:17 header comment", "6:1 after the scalar", "11:5 between keys, less indented than the text",
            ])
    }

    @Test func positionsFollowTheParsersCountOfCharactersAndLineBreaks() {
        // A BOM is not counted, a CR LF is one line break, and columns count characters, not bytes.
        #expect(comments("\u{FEFF}# a\r\nname: \"é#x\" # b\r\n") == ["1:1 a", "2:13 b"])
        // A quoted string that is itself next to a comment with no space between them, as libyaml reads it.
        #expect(comments("name: \"x\"#c\n") == ["1:10c"])
    }

    @Test func aFileThatDoesNotParseHasNoComments() {
        #expect(comments("# a\nname: [unclosed\n").isEmpty)
    }
}
