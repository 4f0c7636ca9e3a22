import Foundation
import MultipartKit
import NIOCore

/// One part of a `multipart/form-data` body.
public struct FormPart: Sendable {
    public var name: String
    public var filename: String?
    public var data: Data
    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// A parsed `multipart/form-data` body: the parts by field name, in order (a field may repeat).
public struct FormData: Sendable {
    public var parts: [FormPart]

    public func first(_ name: String) -> FormPart? { parts.first { $0.name == name } }
    public func all(_ name: String) -> [FormPart] { parts.filter { $0.name == name } }
    public func text(_ name: String) -> String? {
        first(name).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Parses `body` (bytes) with the boundary from `contentType`.
    public static func parse(_ body: Data, contentType: String?, maxParts: Int = 16) throws(ServiceError) -> FormData {
        try parse(ByteBuffer(bytes: Array(body)), contentType: contentType, maxParts: maxParts)
    }

    /// Parses `body` with the boundary from `contentType`; at most `maxParts` parts.
    public static func parse(_ body: ByteBuffer, contentType: String?, maxParts: Int = 16) throws(ServiceError) -> FormData {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = parameter("boundary", in: contentType), !boundary.isEmpty else {
            throw .badRequest("send the fields as multipart/form-data (Content-Type with a boundary)")
        }
        let parser = MultipartParser(boundary: boundary)
        var parts: [FormPart] = []
        var name: String? = nil, filename: String? = nil
        var data = Data()
        var tooMany = false
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            name = parameter("name", in: value)
            filename = parameter("filename", in: value)
        }
        parser.onBody = { buffer in
            if let bytes = buffer.readBytes(length: buffer.readableBytes) { data.append(contentsOf: bytes) }
        }
        parser.onPartComplete = {
            if parts.count >= maxParts { tooMany = true } else if let n = name {
                parts.append(FormPart(name: n, filename: filename, data: data))
            }
            name = nil; filename = nil; data = Data()
        }
        // A form with no field at all is only the closing delimiter: an empty form, not an error.
        let text = body.getString(at: body.readerIndex, length: min(body.readableBytes, boundary.utf8.count + 8)) ?? ""
        if text.trimmingCharacters(in: .whitespacesAndNewlines) == "--\(boundary)--" { return FormData(parts: []) }
        do { try parser.execute(body) } catch { throw .badRequest("malformed multipart/form-data body") }
        if tooMany { throw .badRequest("more than \(maxParts) form fields") }
        return FormData(parts: parts)
    }

    /// The value of `key=` (quoted or not) in a header value such as `form-data; name="x"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let kv = piece.trimmingCharacters(in: .whitespaces)
            guard let eq = kv.firstIndex(of: "="), kv[..<eq].lowercased() == key else { continue }
            var v = String(kv[kv.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }
}
