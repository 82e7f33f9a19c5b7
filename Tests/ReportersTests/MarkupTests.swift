import Testing

@testable import Reporters

/// The HTML writer's escaping, on which every value of the report depends.
@Suite struct MarkupTests {
    @Test func textAndAttributesAreEscaped() {
        var html = Markup()
        html.element("p", ["title": #"a "quoted" 'value' <b>&"#]) { $0.text("<script>alert('x')</script> & &lt;") }
        #expect(
            html.text
                == #"<p title="a &quot;quoted&quot; &#39;value&#39; &lt;b&gt;&amp;">&lt;script&gt;alert('x')&lt;/script&gt; &amp; &amp;lt;</p>"#
        )
    }

    @Test func charactersHTMLForbidsBecomeReplacementCharacters() {
        // NUL, a C0 control, a C1 control and a noncharacter: each would make the page invalid HTML.
        #expect(
            Markup.escaped("a\u{0}b\u{1B}c\u{85}d\u{FFFF}e\tf\r\ng") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\tf\n\ng")
    }

    @Test func textIsKeptOtherwise() {
        #expect(Markup.escaped("λ ÷ 1.7e2 – 90%: 1.5e1–9.5e5 ✖") == "λ ÷ 1.7e2 – 90%: 1.5e1–9.5e5 ✖")
    }

    @Test func coordinatesHaveOneDecimalAtMost() {
        #expect(SVGCanvas.number(12) == "12")
        #expect(SVGCanvas.number(12.34) == "12.3")
        #expect(SVGCanvas.number(-0.05) == "-0.1")
        #expect(SVGCanvas.number(-0.04) == "0")
        #expect(SVGCanvas.number(.nan) == "0")
    }

    @Test func logScaleMapsPowersOfTenEvenly() {
        let scale = SVGCanvas.Scale.log10(exponents: 0...4, from: 400, to: 0)
        #expect(scale(0) == 400)
        #expect(scale(2) == 200)
        #expect(scale(9) == 0, "clamped to the top of the scale")
    }
}
