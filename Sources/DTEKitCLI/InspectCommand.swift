import ArgumentParser
import DTEKit
import Foundation

/// `dtekit inspect FILE… [--json]`: what each DTE XML file holds.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Lists the documents inside DTE XML files (DTE, EnvioDTE, EnvioBOLETA).",
        discussion: """
        Prints one line per document: type, folio, emisor RUT and name, receptor, date and total. \
        With --json prints one JSON array with every document of every file. Files are read \
        safely (no DTDs, size and depth limits). Exits non-zero when any file cannot be read; \
        the error names the file and line.
        """
    )

    @Argument(help: ArgumentHelp("DTE XML files to read.", valueName: "file"))
    var files: [String]

    @Flag(name: .long, help: "Print a JSON array (one object per document) instead of text.")
    var json = false

    @Flag(name: .long, help: "Refuse any deviation from the SII schema (default: read as for printing, deviations as warnings on stderr).")
    var strict = false

    struct Party: Codable { var rut: String; var razonSocial: String? }
    struct Entry: Codable {
        var file: String
        var envelope: String
        /// The root element the document was found in (EnvioDTE, AEC, xml-fragment, …).
        var container: String
        var type: Int
        var typeName: String
        var folio: Int64
        var emisor: Party
        var receptor: Party
        var date: String
        var currency: String
        var total: String
        var lines: Int
        var references: Int
        var tedVerified: Bool?
        /// What the timbre does not certify (kind, DD field, message); empty when all is well.
        var timbreProblems: [TimbreIssue]
    }
    struct TimbreIssue: Codable { var kind: String; var field: String; var message: String }

    func run() throws {
        let reader = printingReader(strict: strict)
        var entries: [Entry] = []
        var failures = 0
        var text = ""
        for path in files {
            let url = URL(fileURLWithPath: path)
            let envelope: DTEEnvelope
            do { envelope = try reader.read(contentsOf: url) } catch {
                var e = error
                e.source = path
                FileHandle.standardError.write(Data("dtekit: \(e.description)\n".utf8))
                failures += 1
                continue
            }
            printWarnings(envelope, path: path)
            for doc in envelope.documents {
                let entry = Entry(
                    file: path, envelope: envelope.kind.rawValue, container: envelope.container, type: doc.type.code, typeName: doc.type.printedName,
                    folio: doc.folio,
                    emisor: Party(rut: doc.emisor.rut.canonical, razonSocial: doc.emisor.razonSocial),
                    receptor: Party(rut: doc.receptor.rut.canonical, razonSocial: doc.receptor.razonSocial),
                    date: doc.idDoc.fechaEmision.description, currency: doc.totales.moneda ?? "CLP",
                    total: doc.totales.montoTotal.description, lines: doc.detalle.count,
                    references: doc.referencias.count, tedVerified: doc.ted?.verify(),
                    timbreProblems: doc.timbreProblems().map { TimbreIssue(kind: $0.kind.rawValue, field: $0.field, message: $0.message) })
                if json { entries.append(entry) } else {
                    text += "\(path): \(entry.type) \(entry.typeName) N° \(entry.folio) | emisor \(doc.emisor.rut.formatted) "
                        + "\(doc.emisor.razonSocial) | receptor \(doc.receptor.rut.formatted) \(doc.receptor.razonSocial ?? "") | "
                        + "fecha \(doc.idDoc.fechaEmision) | total \(entry.currency) \(entry.total)\n"
                }
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var out = try encoder.encode(entries)
            out.append(0x0A)
            FileHandle.standardOutput.write(out)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if failures > 0 {
            FileHandle.standardError.write(Data("dtekit: \(failures) of \(files.count) file(s) could not be read\n".utf8))
            throw ExitCode(1)
        }
    }
}
