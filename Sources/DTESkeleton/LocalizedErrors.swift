import Foundation

// `LocalizedError` for the module's errors: `error.localizedDescription` — what a caller that
// only sees `any Error` prints — is then the English `description` (file, place and problem)
// instead of Foundation's "The operation couldn't be completed". The language policy:
// docs/errors.md.

extension CAFError: LocalizedError {
    /// The English ``description``, so that `localizedDescription` names the file and the problem.
    public var errorDescription: String? { description }
}

extension SkeletonError: LocalizedError {
    /// The English ``description``, so that `localizedDescription` names the file and the problem.
    public var errorDescription: String? { description }
}

extension ProfileError: LocalizedError {
    /// The English ``description``, so that `localizedDescription` names the file and the problem.
    public var errorDescription: String? { description }
}

extension SigningError: LocalizedError {
    /// The English ``description``, so that `localizedDescription` names the file and the problem.
    public var errorDescription: String? { description }
}
