import ArgumentParser
import DTEKit
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "placeholder")
    func run() throws {}
}
