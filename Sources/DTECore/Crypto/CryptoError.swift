/// Why a key could not be loaded or a signature could not be made.
package enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The PEM text is not a key of the expected kind (or not PEM at all).
    case invalidPEM(String)
    /// Modulus or exponent bytes do not make an RSA public key.
    case invalidKeyComponents(String)
    /// The key is not an RSA key.
    case notRSA
    /// OpenSSL refused an operation; the text is its error queue.
    case openSSL(operation: String, detail: String)

    public var description: String {
        switch self {
        case let .invalidPEM(why): return "invalid PEM key: \(why)"
        case let .invalidKeyComponents(why): return "invalid RSA key components: \(why)"
        case .notRSA: return "the key is not an RSA key"
        case let .openSSL(op, detail): return "OpenSSL \(op) failed: \(detail)"
        }
    }
}
