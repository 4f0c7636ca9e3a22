import Foundation

/// Why a request was refused, with the HTTP status it maps to. Messages are English (logs,
/// developers); `problems` carries the SII preflight findings of a 422.
public enum ServiceError: Error, Sendable, CustomStringConvertible {
    /// 400: a missing or malformed field.
    case badRequest(String)
    /// 413: a part or the body over its cap.
    case tooLarge(String)
    /// 422: a template, logo or document that cannot be used, or a layout that breaks an SII
    /// print rule (`problems`: rule id and message each).
    case unprocessable(String, problems: [[String: String]] = [])
    /// 415: a body that is not what the endpoint reads.
    case unsupportedMediaType(String)

    public var status: Int {
        switch self {
        case .badRequest: return 400
        case .tooLarge: return 413
        case .unprocessable: return 422
        case .unsupportedMediaType: return 415
        }
    }

    public var description: String {
        switch self {
        case let .badRequest(m), let .tooLarge(m), let .unsupportedMediaType(m): return m
        case let .unprocessable(m, _): return m
        }
    }

    /// `{"error": "...", "problems": [...]}`.
    public var json: Data {
        var object: [String: Any] = ["error": description, "status": status]
        if case let .unprocessable(_, problems) = self, !problems.isEmpty { object["problems"] = problems }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
