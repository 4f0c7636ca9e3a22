import ArgumentParser
import DTEKit
import Foundation

/// `dtekit validate FILE… [--schemas DIR]`: XSD validation against the SII schemas.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validates DTE XML files against the SII XML schemas (XSD).",
        discussion: """
        Picks the schema from each file's root element: DTE → DTE_v10.xsd, EnvioDTE → \
        EnvioDTE_v10.xsd, EnvioBOLETA → EnvioBOLETA_v11.xsd. Prints every violation as \
        file:line: message. Exit status 0 only when every file is valid; 1 otherwise.
        The schema folder defaults to $DTEKIT_SII_DIR/schemas, else ../shared/sii/schemas \
        relative to the current directory.
        """
    )

    @Argument(help: ArgumentHelp("DTE XML files to validate.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Folder with the SII XSD files.", valueName: "dir"))
    var schemas: String?

    @Flag(name: .shortAndLong, help: "Print only the violations and errors, not the valid files.")
    var quiet = false

    private func schemaDirectory() -> URL {
        if let schemas { return URL(fileURLWithPath: schemas) }
        if let sii = ProcessInfo.processInfo.environment["DTEKIT_SII_DIR"], !sii.isEmpty {
            return URL(fileURLWithPath: sii).appendingPathComponent("schemas")
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("../shared/sii/schemas").standardizedFileURL
    }

    func run() throws {
        let dir = schemaDirectory()
        var validators: [SchemaKind: SchemaValidator] = [:]
        var invalid = 0, unreadable = 0
        var out = ""
        func flush() { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
        func fail(_ message: String) {
            flush()
            FileHandle.standardError.write(Data("dtekit: \(message)\n".utf8))
        }
        for path in files {
            let data: Data
            do { data = try DTEReader().data(contentsOf: URL(fileURLWithPath: path)) } catch {
                var e = error
                e.source = path
                fail(e.description)
                unreadable += 1; continue
            }
            guard let kind = SchemaValidator.kind(forRootOf: data) else {
                if let root = SchemaValidator.rootElementName(of: data) {
                    fail("\(path): the root <\(root)> is not DTE, EnvioDTE nor EnvioBOLETA")
                } else {
                    fail("\(path): not a readable XML document (empty, binary or with a DOCTYPE)")
                }
                unreadable += 1; continue
            }
            let validator: SchemaValidator
            if let v = validators[kind] { validator = v } else {
                do { validator = try SchemaValidator(schemaDirectory: dir, schema: kind) } catch {
                    fail("\(path): \(error) (use --schemas DIR o DTEKIT_SII_DIR)")
                    throw ExitCode(2)
                }
                validators[kind] = validator
            }
            do {
                let violations = try validator.validate(data, source: path)
                if violations.isEmpty {
                    if !quiet { out += "\(path): valid (\(kind.fileName))\n" }
                } else {
                    invalid += 1
                    for v in violations { out += "\(path):\(v.line): \(v.message)\n" }
                    out += "\(path): NOT valid (\(violations.count) error(s) against \(kind.fileName))\n"
                }
            } catch {
                fail("\(error)")
                unreadable += 1
            }
        }
        flush()
        if invalid + unreadable > 0 {
            FileHandle.standardError.write(Data("dtekit: \(invalid + unreadable) of \(files.count) file(s) not valid\n".utf8))
            throw ExitCode(1)
        }
    }
}
