import DTECore
import Foundation

/// XMLDSig enveloped signatures the way the SII requires them.
///
/// For each `<DTE>`: a `<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">` right before
/// `</DTE>`, with one Reference `URI="#<ID of the Documento>"`, inclusive C14N 1.0, SHA-1
/// digest, RSA-SHA1, and KeyInfo with the RSA KeyValue and the X.509 certificate. The digest is
/// taken over the C14N of the Documento *in its document* (so the inherited
/// `xmlns="http://www.sii.cl/SiiDte"` is part of it). For an `EnvioDTE`/`EnvioBOLETA`, after
/// every DTE is signed, the `SetDTE` is signed the same way (Signature before the root's end tag).
public struct XMLSigner: Sendable {
    /// The key and certificate that sign.
    public let identity: SigningIdentity

    /// A signer with `identity`.
    public init(identity: SigningIdentity) { self.identity = identity }

    static let dsig = "http://www.w3.org/2000/09/xmldsig#"
    private static let placeholder = "SIGNATURE-VALUE-PLACEHOLDER"

    /// Signs every DTE in `xml` (as written by ``DTEXMLWriter``, without signatures) and, for an
    /// envelope, the SetDTE.
    public func sign(_ xml: [UInt8]) throws(SigningError) -> [UInt8] {
        var bytes = xml
        let first = try XMLSigner.parse(bytes, source: "DTE")
        let ids = try XMLSigner.run { () throws(XMLTreeError) in try first.attributeValues(xpath: "//sii:DTE/*[@ID]", attribute: "ID") }
        guard !ids.isEmpty else { throw .xml(reason: "no Documento with an ID attribute under a DTE element") }
        let root = first.rootName ?? ""
        for (index, id) in ids.enumerated() {
            bytes = try signElement(id: id, in: bytes, insertBefore: "</DTE>", occurrence: index)
        }
        if root == "EnvioDTE" || root == "EnvioBOLETA" {
            let doc = try XMLSigner.parse(bytes, source: root)
            guard let setID = try XMLSigner.run({ () throws(XMLTreeError) in try doc.attributeValues(xpath: "/*/sii:SetDTE[@ID]", attribute: "ID") }).first else {
                throw .xml(reason: "SetDTE has no ID attribute")
            }
            bytes = try signElement(id: setID, in: bytes, insertBefore: "</\(root)>", occurrence: 0)
        }
        return bytes
    }

    private func signElement(id: String, in xml: [UInt8], insertBefore endTag: String, occurrence: Int) throws(SigningError) -> [UInt8] {
        guard !id.isEmpty, !id.contains("'"), !id.contains("\""), !id.contains("<"), !id.contains("&") else {
            throw .xml(reason: "ID '\(id)' cannot be referenced by a signature")
        }
        let doc = try XMLSigner.parse(xml, source: id)
        let canonical = try XMLSigner.run { () throws(XMLTreeError) in try doc.canonicalizeElement(withID: id) }
        let digest = Data(Digest.sha1(canonical)).base64EncodedString()
        let (modulus, exponent) = try identity.publicComponents()
        let cert = try identity.certificateDER()
        var parts: [String] = []
        parts.append("<Signature xmlns=\"\(Self.dsig)\"><SignedInfo>")
        parts.append("<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>")
        parts.append("<SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#rsa-sha1\"/>")
        parts.append("<Reference URI=\"#\(id)\">")
        parts.append("<DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/>")
        parts.append("<DigestValue>\(digest)</DigestValue></Reference></SignedInfo>")
        parts.append("<SignatureValue>\(Self.placeholder)</SignatureValue>")
        parts.append("<KeyInfo><KeyValue><RSAKeyValue>")
        parts.append("<Modulus>\(Data(modulus).base64EncodedString())</Modulus>")
        parts.append("<Exponent>\(Data(exponent).base64EncodedString())</Exponent>")
        parts.append("</RSAKeyValue></KeyValue><X509Data><X509Certificate>")
        parts.append(Data(cert).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))
        parts.append("</X509Certificate></X509Data></KeyInfo></Signature>")
        let signature = parts.joined()
        guard let at = XMLSigner.position(of: Array(endTag.utf8), in: xml, occurrence: occurrence) else {
            throw .xml(reason: "cannot find \(endTag) number \(occurrence + 1)")
        }
        // Keep the end tag on its own line, indented like its start tag.
        var lineStart = at
        while lineStart > 0, xml[lineStart - 1] == UInt8(ascii: " ") { lineStart -= 1 }
        let indentation = Array(xml[lineStart..<at])
        var withSignature = Array(xml[..<lineStart])
        withSignature += indentation + Array("  ".utf8) + Array(signature.utf8) + Array("\n".utf8) + indentation
        withSignature += xml[at...]
        let signedDoc = try XMLSigner.parse(withSignature, source: id)
        let signedInfo = try XMLSigner.run { () throws(XMLTreeError) in try signedDoc.canonicalizeSignedInfo(referencing: id) }
        let value = Data(try identity.signSHA1(signedInfo)).base64EncodedString()
        guard let p = XMLSigner.position(of: Array(Self.placeholder.utf8), in: withSignature, occurrence: 0) else {
            throw .xml(reason: "signature placeholder lost")
        }
        return Array(withSignature[..<p]) + Array(value.utf8) + Array(withSignature[(p + Self.placeholder.utf8.count)...])
    }

    static func position(of needle: [UInt8], in hay: [UInt8], occurrence: Int) -> Int? {
        var seen = 0
        var i = 0
        guard !needle.isEmpty else { return nil }
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) {
                if seen == occurrence { return i }
                seen += 1
                i += needle.count
                continue
            }
            i += 1
        }
        return nil
    }

    /// Parses XML to sign with DTECore's safe parser (SafeXML's limits: size, no DOCTYPE, depth).
    static func parse(_ bytes: [UInt8], source: String) throws(SigningError) -> XMLTree {
        try run { () throws(XMLTreeError) in try XMLTree(bytes: bytes, source: source) }
    }

    /// Runs a DTECore XML step, its error as ``SigningError/xml(reason:)``.
    static func run<T>(_ body: () throws(XMLTreeError) -> T) throws(SigningError) -> T {
        do { return try body() } catch { throw .xml(reason: error.description) }
    }
}
