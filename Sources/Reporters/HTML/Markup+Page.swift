extension Markup {
    /// A whole page, as every report is written: self-contained (nothing may load or run, so a value that slipped
    /// its escaping could not act), readable on a phone, in dark mode and in print, with `body` written into it.
    static func page(title: String, version: String, body: (inout Markup) -> Void) -> String {
        var html = Markup()
        html.trusted("<!DOCTYPE html>\n")
        html.element("html", ["lang": "en"]) { page in
            page.element("head") { head in
                head.empty("meta", ["charset": "utf-8"])
                head.empty(
                    "meta",
                    [
                        "http-equiv": "Content-Security-Policy",
                        "content": "default-src 'none'; style-src 'unsafe-inline'",
                    ])
                head.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                head.empty("meta", ["name": "color-scheme", "content": "light dark"])
                head.empty("meta", ["name": "generator", "content": "processlint \(version)"])
                head.element("title", text: title)
                head.element("style") { $0.trusted(ReportStyle.css) }
            }
            page.element("body", [:], body)
        }
        html.trusted("\n")
        return html.text
    }
}
