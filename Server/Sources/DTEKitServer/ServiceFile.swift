import Foundation

/// A response body with its media type (and a download name where one helps).
public struct ServiceFile: Sendable {
    public var data: Data
    public var contentType: String
    public var filename: String?

    public init(data: Data, contentType: String, filename: String? = nil) {
        self.data = data; self.contentType = contentType; self.filename = filename
    }
}
