import Foundation
import ProcessModel
import TestSupport
import Testing

/// `processlint report` and `lint --format html`: what the page holds, and that nothing from a process file
/// can become markup. The browser and the validator hold it to more in `HTMLReportBrowserTests`.
@Suite struct HTMLReportTests {
    /// The report of `paths`, written by the command to a scratch file.
    static func report(_ paths: [String], extra: [String] = []) throws -> (
        output: CommandRunner.Output, html: String, folder: ScratchFolder
    ) {
        let folder = try ScratchFolder()
        let file = folder.path + "/report.html"
        let output = CommandRunner.run(["report"] + paths + ["--output", file] + extra)
        let html = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return (output, html, folder)
    }

    /// A process whose name, indication and step note hold markup, and a file (itself named with markup) whose
    /// step id does: the id breaks the format, so its message and the quoted line carry it into the page.
    static func hostileFolder() throws -> ScratchFolder {
        let folder = try ScratchFolder()
        let reference = try String(
            contentsOfFile: Repository.path("processes/ctl019-academic-2018.yaml"), encoding: .utf8)
        var hostile = reference.replacingOccurrences(
            of: "\nname: ",
            with: "\nname: \"<script>console.error('name')</script> &amp; <b>bold</b> \\\"q\\\"\"\n# was: ")
        hostile = hostile.replacingOccurrences(
            of: "\nindication: B-ALL", with: "\nindication: \"B-ALL<img src=x onerror=console.error(2)>\"")
        hostile = hostile.replacingOccurrences(
            of: "note: thaw of the cryopreserved apheresis (assumption)",
            with: "note: \"thaw</td></tr></table><script>console.error(3)</script>\"")
        try folder.write("hostile.yaml", hostile)
        let broken = reference.replacingOccurrences(
            of: "- id: thaw\n", with: "- id: \"thaw\\\"><svg onload=console.error(4)>\"\n")
        try folder.write("broken<i>.yaml", broken)
        return folder
    }

    @Test func writesOnePageWithEveryProcess() throws {
        let (output, html, _) = try Self.report([Repository.path("processes")])
        #expect(output.status == 0, "findings do not fail a report unless --fail-on asks: \(output.err)")
        #expect(output.err.contains("wrote the report to"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let files = Repository.yamlFiles(in: "processes") + Repository.yamlFiles(in: "processes/flawed")
        #expect(html.components(separatedBy: "<section class=\"process\"").count - 1 == files.count)
        #expect(html.components(separatedBy: "class=\"chart population\"").count - 1 == files.count)
        #expect(html.contains("Summary, by risk"), "several processes get a summary")
        #expect(html.components(separatedBy: "class=\"sparkline\"").count - 1 == files.count)
        for part in [
            "What carries the uncertainty of λ", "What if", "Findings", "Assumed because the file does not say",
            "Where the numbers come from", "Rules cited", "@media print", "prefers-color-scheme:dark",
        ] {
            #expect(html.contains(part), "\(part)")
        }
    }

    @Test func isSelfContained() throws {
        let (_, html, _) = try Self.report([Repository.path("processes")])
        for loaded in ["<script", "<link", "<img", "<iframe", "<object", "src=", "url(", "@import", "@font-face"] {
            #expect(!html.contains(loaded), "the page must load nothing: found \(loaded)")
        }
        #expect(html.contains("Content-Security-Policy"))
    }

    @Test func onePointPerStepPerPopulation() throws {
        let file = Repository.path("processes/ctl019-academic-2018.yaml")
        let (_, html, _) = try Self.report([file])
        let design = try #require(ProcessLoader().load(file: file).design)
        for population in ["T", "malignant", "car-malignant", "B", "NK", "monocyte", "granulocyte"] {
            #expect(
                html.components(separatedBy: "data-population=\"\(population)\"").count - 1 == design.steps.count + 1,
                "\(population)")
        }
        #expect(!html.contains("Summary, by risk"), "one process needs no summary")
    }

    @Test func lintFormatHTMLIsTheSameReport() throws {
        let file = Repository.path("processes/kymriah.yaml")
        let folder = try ScratchFolder()
        let viaLint = CommandRunner.run("lint", file, "--format", "html", "--output", folder.path + "/lint.html")
        let viaReport = CommandRunner.run("report", file, "--output", folder.path + "/report.html")
        #expect(viaLint.status == 1, "lint keeps its --fail-on error default")
        #expect(viaReport.status == 0)
        // The two differ only in the minute they were made.
        let strip = { (text: String) in
            text.replacingOccurrences(of: #" on \d{4}-\d\d-\d\d \d\d:\d\d UTC"#, with: "", options: .regularExpression)
        }
        let lint = try String(contentsOfFile: folder.path + "/lint.html", encoding: .utf8)
        let report = try String(contentsOfFile: folder.path + "/report.html", encoding: .utf8)
        #expect(strip(lint) == strip(report))
        #expect(!lint.isEmpty)
    }

    @Test func everyValueFromAFileIsEscaped() throws {
        let hostile = try Self.hostileFolder()
        let (output, html, _) = try Self.report([hostile.path])
        #expect(output.status == 2, "the broken file makes the run incomplete")
        for markup in ["<script", "<b>", "<img", "<svg onload", "<i>", "</td></tr></table><script"] {
            #expect(!html.contains(markup), "\(markup) came out as markup")
        }
        #expect(
            html.contains(
                "&lt;script&gt;console.error(&#39;name&#39;)&lt;/script&gt; &amp;amp; &lt;b&gt;bold&lt;/b&gt;")
                || html.contains("&lt;script&gt;console.error('name')&lt;/script&gt; &amp;amp; &lt;b&gt;bold&lt;/b&gt;"),
            "the name is shown as the file wrote it, `&amp;` included")
        #expect(html.contains("B-ALL&lt;img src=x onerror=console.error(2)&gt;"))
        #expect(html.contains("thaw&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;console.error(3)&lt;/script&gt;"))
        #expect(html.contains("broken&lt;i&gt;.yaml"))
        #expect(
            html.contains("&lt;svg onload=console.error(4)&gt;"), "the message and the quoted line of the broken file")
        // In attribute values (a marker's data-step, a tooltip) quotes are escaped too.
        #expect(!html.contains("=\"thaw\"><"))
    }

    @Test func requiresAnOutput() {
        let output = CommandRunner.run("report", Repository.path("processes/kymriah.yaml"))
        #expect(output.status == 64)
        #expect(output.err.contains("--output"))
    }

    @Test func writesToStandardOutputForADash() {
        let output = CommandRunner.run("report", Repository.path("processes/kymriah.yaml"), "--output", "-")
        #expect(output.status == 0)
        #expect(output.out.hasPrefix("<!DOCTYPE html>"))
        #expect(output.out.hasSuffix("</html>\n"))
    }

    /// `diff --format html` of two versions: both on one plot, and what the change introduced and fixed.
    static func diff() -> CommandRunner.Output {
        CommandRunner.run(
            "diff", Repository.path("processes/ctl019-academic-2018.yaml"),
            Repository.path("processes/flawed/cd19-depletion-cd19-negative-relapse.yaml"), "--format", "html")
    }

    @Test func diffOverlaysBothVersions() throws {
        let output = Self.diff()
        #expect(output.status == 0, "\(output.err)")
        let html = output.out
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<section class=\"diff\"").count - 1 == 1)
        #expect(html.components(separatedBy: "class=\"chart population\"").count - 1 == 1)
        #expect(html.contains("data-version=\"base\"") && html.contains("data-version=\"head\""))
        #expect(html.contains("New findings") || html.contains("Fixed findings"))
        #expect(html.contains("risk"))
    }
}
