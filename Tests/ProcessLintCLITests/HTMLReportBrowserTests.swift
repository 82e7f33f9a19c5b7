import Foundation
import ProcessModel
import TestSupport
import Testing

/// The HTML report in a real browser, headless Chromium from Debian's packages, and through an HTML validator
/// (html5lib's strict parser, from PyPI). `.ci/run` installs both; missing locally, these tests are skipped with
/// the reason, and in CI (`CI` set) their absence fails them (see `ExternalTool`).
///
/// Chromium is run as a command (`--dump-dom`, `--screenshot`) rather than driven over the DevTools protocol:
/// the page has no script, so the DOM after load is all there is to inspect, and with `--enable-logging=stderr`
/// every console message reaches standard error as an `INFO:CONSOLE` line. Since the page runs nothing, any
/// console line at all is a failure; a probe page checks that such lines are seen.
@Suite(.serialized) struct HTMLReportBrowserTests {
    static let chromium = ExternalTool.chromium
    static let python = ExternalTool.html5lib
    static let check = Repository.path("Tests/Fixtures/html/check.py")

    /// Chromium's arguments for a page from a file: headless, without the sandbox (CI runs as root), GPU or
    /// network-dependent services, with console messages on standard error.
    static func browse(_ file: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String)
    {
        try chromium.runCapturingErrors(
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--hide-scrollbars",
                "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + NSTemporaryDirectory() + "processlint-chromium-\(UUID().uuidString)",
            ]
                + arguments + ["file://" + file])
    }

    /// The console lines Chromium logged while loading the page.
    static func consoleLines(_ errors: String) -> [String] {
        errors.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
    }

    @Test(
        .enabled(if: chromium.isRequired, "Chromium is not installed (apt-get install chromium): browser tests skipped")
    )
    func consoleMessagesAreSeen() throws {
        let folder = try ScratchFolder()
        let probe = try folder.write(
            "probe.html", "<!DOCTYPE html><title>probe</title><script>console.error('probe-message')</script>")
        let run = try Self.browse(probe, ["--dump-dom"])
        #expect(
            Self.consoleLines(run.errors).contains { $0.contains("probe-message") },
            "a console message must reach standard error, or the next tests prove nothing: \(run.errors.suffix(2000))")
    }

    @Test(
        .enabled(if: chromium.isRequired, "Chromium is not installed (apt-get install chromium): browser tests skipped")
    )
    func referenceProcessesLoadWithOnePlotPerProcessAndOnePointPerStep() throws {
        let (output, _, folder) = try HTMLReportTests.report([Repository.path("processes")])
        #expect(output.status == 0)
        let run = try Self.browse(folder.path + "/report.html", ["--dump-dom"])
        #expect(run.status == 0)
        #expect(Self.consoleLines(run.errors).isEmpty, "console: \(Self.consoleLines(run.errors))")
        let dom = run.output
        let files = Repository.yamlFiles(in: "processes") + Repository.yamlFiles(in: "processes/flawed")
        let sections = dom.components(separatedBy: "<section class=\"process\"").dropFirst()
        #expect(sections.count == files.count)
        #expect(
            dom.components(separatedBy: "class=\"chart population\"").count - 1 == files.count, "one plot per process")
        // Each section in the DOM: its process, read independently, has one point per step (and the start) per population.
        let designs = Dictionary(
            files.compactMap { file in ProcessLoader().load(file: file).design.map { ($0.file, $0) } },
            uniquingKeysWith: { first, _ in first })
        for section in sections {
            let design = try #require(
                designs.first { section.contains("<span class=\"location\">\($0.key)</span>") }?.value)
            for population in ["T", "malignant", "car-malignant"] {
                let points = section.components(separatedBy: "data-population=\"\(population)\"").count - 1
                #expect(points == design.steps.count + 1, "\(design.file): \(population)")
            }
        }
    }

    @Test(
        .enabled(if: chromium.isRequired, "Chromium is not installed (apt-get install chromium): browser tests skipped")
    )
    func hostileValuesRunNothing() throws {
        let hostile = try HTMLReportTests.hostileFolder()
        let (_, _, folder) = try HTMLReportTests.report([hostile.path])
        let run = try Self.browse(folder.path + "/report.html", ["--dump-dom"])
        #expect(Self.consoleLines(run.errors).isEmpty, "a value ran as script: \(Self.consoleLines(run.errors))")
        #expect(!run.output.contains("<b>bold</b>"))
        #expect(
            run.output.contains("&lt;script&gt;console.error('name')&lt;/script&gt;"), "the name is text in the DOM")
    }

    @Test(
        .enabled(
            if: chromium.isRequired && python.isRequired,
            "Chromium or html5lib is not installed (apt-get install chromium; pip install html5lib): screenshot test skipped"
        ))
    func screenshotIsNotBlank() throws {
        let (_, _, folder) = try HTMLReportTests.report([Repository.path("processes/ctl019-academic-2018.yaml")])
        let png = folder.path + "/report.png"
        let run = try Self.browse(folder.path + "/report.html", ["--screenshot=" + png, "--window-size=900,1000"])
        #expect(run.status == 0)
        let stats = try Self.python.run([Self.check, "png", png]).output.split(whereSeparator: \.isWhitespace)
            .compactMap { Double($0) }
        try #require(stats.count == 4)
        #expect(stats[0] == 900 && stats[1] == 1000)
        #expect(stats[2] > 20, "distinct colours: text, the lines and the band")
        #expect(stats[3] > 0.03, "share of pixels that are not background")
    }

    @Test(.enabled(if: python.isRequired, "html5lib is not installed (pip install html5lib): HTML validation skipped"))
    func reportsAreValidHTML() throws {
        let (_, _, processes) = try HTMLReportTests.report([Repository.path("processes")])
        let hostile = try HTMLReportTests.hostileFolder()
        let (_, _, escaped) = try HTMLReportTests.report([hostile.path])
        let diff = try processes.write("diff.html", HTMLReportTests.diff().out)
        let result = try Self.python.run([
            Self.check, "validate", processes.path + "/report.html", escaped.path + "/report.html", diff,
        ])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(if: python.isRequired, "html5lib is not installed (pip install html5lib): HTML validation skipped"))
    func validatorRejectsBrokenHTML() throws {
        let folder = try ScratchFolder()
        let broken = try folder.write("broken.html", "<!DOCTYPE html><title>x</title><p>a</div>")
        let result = try Self.python.run([Self.check, "validate", broken])
        #expect(result.status == 1, "a validator that passes everything proves nothing")
        #expect(result.output.contains("end-tag-too-early"))
    }

    /// The script that regenerates the README's screenshot still runs, with the binary under test.
    @Test(
        .enabled(
            if: chromium.isRequired && python.isRequired,
            "Chromium or html5lib is not installed (apt-get install chromium; pip install html5lib): screenshot script not run"
        ))
    func screenshotScriptRuns() throws {
        // The processlint built beside this test bundle: building it here would wait on the lock `swift test` holds.
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "processlint"
        ).path
        try #require(
            FileManager.default.isExecutableFile(atPath: binary), "no processlint beside the tests at \(binary)")
        let folder = try ScratchFolder()
        let png = folder.path + "/shot.png"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.path("scripts/report-screenshot"))
        process.arguments = [png]
        var environment = ProcessInfo.processInfo.environment
        environment["PROCESSLINT"] = binary
        if let chromium = Self.chromium.executable { environment["CHROMIUM"] = chromium }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let stats = try Self.python.run([Self.check, "png", png]).output.split(whereSeparator: \.isWhitespace)
            .compactMap { Double($0) }
        #expect(stats.count == 4 && stats[2] > 20, "the screenshot shows the report: \(stats)")
    }
}
