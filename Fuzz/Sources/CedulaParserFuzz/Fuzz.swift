import IDScan

/// libFuzzer over the strict parsers of the cédula's back: the status URL (QR payload) and the TD1
/// MRZ, plus the ICAO check digit. Invariants checked on every accepted input.
private let reference = CedulaDate(year: 2026, month: 11, day: 30) ?? CedulaDate.today()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let doc = try? CedulaParser.parseStatusURL(bytes, reference: reference) {
        // Accepted: the URL is kept verbatim, fields have their fixed shapes.
        if doc.statusURL.map({ Array($0.utf8) }) != bytes { fatalError("status URL not kept verbatim") }
        if doc.documentNumber.utf8.count != 9 { fatalError("document number length") }
        if type(of: doc.run).checkDigit(for: doc.run.number) != doc.run.checkDigit { fatalError("RUN check digit") }
        if doc.expiryDate.year < 2000 || doc.expiryDate.year > 2099 { fatalError("expiry century") }
        if doc.birthDate > reference { fatalError("birth in the future") }
        if doc.source != .qr { fatalError("source") }
    }
    if let doc = try? CedulaParser.parseTD1(bytes, reference: reference) {
        if doc.statusURL != nil || doc.source != .mrz { fatalError("MRZ document shape") }
        if CedulaParser.icaoCheckDigit(doc.documentNumber) == nil { fatalError("document number alphabet") }
        if doc.birthDate > reference { fatalError("birth in the future") }
    }
    if let d = CedulaParser.icaoCheckDigit(bytes), !(0...9).contains(d) { fatalError("check digit range") }
    return 0
}
