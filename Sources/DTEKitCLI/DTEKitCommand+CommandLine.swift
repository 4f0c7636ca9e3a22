import ArgumentParser
import Foundation

extension DTEKitCommand {
    /// Runs the command line like `AsyncParsableCommand.main()`, except that usage errors
    /// (a missing option value, an unknown flag) exit with status 2, as documented for every
    /// subcommand, instead of ArgumentParser's EX_USAGE (64).
    public static func runCommandLine() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

