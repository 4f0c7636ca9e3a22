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
    /// 405: a method the path does not answer.
    case methodNotAllowed(allowed: [String])
    /// 503: the work queue is full; try again after `retryAfter` seconds.
    case busy(retryAfter: Int)
    /// 504: the work did not finish within the request's time limit.
    case timeout(seconds: Int)

    public var status: Int {
        switch self {
        case .badRequest: return 400
        case .tooLarge: return 413
        case .unprocessable: return 422
        case .unsupportedMediaType: return 415
        case .methodNotAllowed: return 405
        case .busy: return 503
        case .timeout: return 504
        }
    }

    public var description: String {
        switch self {
        case let .badRequest(m), let .tooLarge(m), let .unsupportedMediaType(m): return m
        case let .unprocessable(m, _): return m
        case let .methodNotAllowed(allowed): return "this path answers \(allowed.joined(separator: ", ")) only"
        case let .busy(seconds): return "the server is busy: try again in \(seconds) s"
        case let .timeout(seconds): return "the request took more than \(seconds) s"
        }
    }

    /// A stable code for programs.
    public var code: String {
        switch self {
        case .badRequest: return "bad-request"
        case .tooLarge: return "too-large"
        case .unprocessable(_, let problems): return problems.isEmpty ? "unprocessable" : "sii-print-rules"
        case .unsupportedMediaType: return "unsupported-media-type"
        case .methodNotAllowed: return "method-not-allowed"
        case .busy: return "busy"
        case .timeout: return "timeout"
        }
    }

    /// The message for the person using the page (Spanish); details from the library, which
    /// speaks English, follow it.
    public var messageES: String {
        switch self {
        case let .badRequest(m): return "Falta un dato o no es válido: \(m)"
        case let .tooLarge(m): return "El archivo es demasiado grande: \(m)"
        case let .unprocessable(m, problems):
            return problems.isEmpty ? "No se pudo usar lo enviado: \(m)" : "El impreso no cumple las reglas del SII."
        case let .unsupportedMediaType(m): return "Formato no admitido: \(m)"
        case let .methodNotAllowed(allowed): return "Esta dirección solo admite \(allowed.joined(separator: ", "))."
        case let .busy(seconds): return "El servidor está ocupado: intente de nuevo en \(seconds) s."
        case let .timeout(seconds): return "La solicitud tardó más de \(seconds) s."
        }
    }

    /// `{"code", "message_es", "message_en", "status", "problems"?}`.
    public var json: Data {
        var object: [String: Any] = ["code": code, "message_es": messageES, "message_en": description, "status": status]
        if case let .unprocessable(_, problems) = self, !problems.isEmpty { object["problems"] = problems }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
