import Foundation
import ProcessLintCLI

exit(ProcessLintCommand.run(Array(CommandLine.arguments.dropFirst()), console: .standard))
