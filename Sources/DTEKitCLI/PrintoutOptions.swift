import ArgumentParser
import DTEKit
import Foundation

/// The reader of the printing commands: lenient unless `--strict` (deviations and timbre
/// problems become warnings; `--strict` refuses them).
func printingReader(strict: Bool) -> DTEReader { strict ? .forStrictPrinting : .forPrinting }

/// A lenient read's tolerated deviations, one `dtekit: warning: file:line: …` line each on stderr.
func printWarnings(_ envelope: DTEEnvelope, path: String) {
    for w in envelope.warnings {
        var d = w.deviation
        d.source = path
        FileHandle.standardError.write(Data("dtekit: warning: \(DTEReadWarning(deviation: d))\n".utf8))
    }
}

/// `--template` and `--logo`, shared by `render` and `preview`.
struct PrintoutOptions: ParsableArguments {
    @Option(name: .long, help: "Template name in Templates/ (carta, oficio, termica-80mm, termica-57mm, marca-ejemplo) or a path to a .yaml file.")
    var template: String = "carta"

    @Option(name: .long, help: "Logo file (PNG or JPEG); overrides the template's logo.")
    var logo: String?

    /// The template (shipped name or file) with the logo, ready to render.
    func makePrintout() throws -> Printout {
        let t = try PrintTemplate.named(template, in: TemplateLocator.directory())
        let l = try logo.map { path throws -> Logo in try Logo(contentsOf: URL(fileURLWithPath: path)) }
        return try Printout(template: t, logo: l)
    }
}
