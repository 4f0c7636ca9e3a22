import ArgumentParser
import DTEKit

/// The `dtekit` command line. The executable target only calls ``main()``; the commands live
/// in this library so that a test-only executable can run the very same commands with test
/// renderers plugged in (see ``BatchRendererOverride``), without test hooks in `dtekit` itself.
public struct DTEKitCommand: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "dtekit",
        abstract: "Printouts, XML skeletons and ID checks for Chile's electronic tax documents (DTE).",
        discussion: """
        Reads SII DTE XML (DTE, EnvioDTE, EnvioBOLETA; ISO-8859-1, windows-1252 or UTF-8), \
        renders company-branded printouts, writes schema-valid DTE skeletons and checks \
        uploaded cédula scans.
        """,
        version: "0.1.0",
        subcommands: [
            // Subcommands are registered here, one file each.
            InspectCommand.self,
            ValidateCommand.self,
            RenderCommand.self,
            PreviewCommand.self,
            CheckIDCommand.self,
            SkeletonCommand.self,
            BatchCommand.self,
        ]
    )
}
