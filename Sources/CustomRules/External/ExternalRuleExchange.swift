import Foundation
import LintKit

#if canImport(Glibc)
    import Glibc
#endif

/// One external rule's turn in a run: the request written once with every process it governs, the program
/// run once, and its answer checked and located; or the reason it failed.
struct ExternalRuleExchange {
    let rule: ExternalRuleDeclaration
    let outputLimit: Int

    func run(_ processes: [GovernedProcess]) -> Result<[Diagnostic], ExternalRuleFailure> {
        let child = ChildProcess(
            command: rule.command, directory: rule.folder, timeoutSeconds: rule.timeoutSeconds, outputLimit: outputLimit
        )
        let outcome: ChildProcess.Outcome
        do {
            outcome = try child.run(input: ExternalRuleRequest(rule: rule, processes: processes).data())
        } catch {
            return .failure(ExternalRuleFailure(rule, error.reason))
        }
        let errorOutput = String(decoding: outcome.errorOutput, as: UTF8.self)
        func failure(_ reason: String) -> Result<[Diagnostic], ExternalRuleFailure> {
            .failure(ExternalRuleFailure(rule, reason, errorOutput: errorOutput))
        }
        switch outcome.ending {
        case .timedOut:
            return failure(
                "it did not finish within \(rule.timeoutSeconds.compactText) s and was killed (timeout_seconds sets the limit)"
            )
        case .printedTooMuch:
            return failure("it printed more than \(outputLimit / (1024 * 1024)) MiB on standard output and was killed")
        case .signalled(let signal):
            return failure("it crashed: killed by signal \(signal) (\(String(cString: strsignal(signal))))")
        case .exited(let status) where status != 0:
            return failure("it exited with status \(status)")
        case .exited:
            let byFile = Dictionary(processes.map { ($0.design.file, $0) }, uniquingKeysWith: { first, _ in first })
            do {
                return .success(try ExternalRuleResponse.diagnostics(in: outcome.output, rule: rule, processes: byFile))
            } catch {
                return failure(error.reason)
            }
        }
    }
}
