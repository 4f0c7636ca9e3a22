import Foundation

/// One line on standard error (the CLI's messages; the library never prints).
func stderr(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
