import DTEKit
import Foundation

/// libFuzzer over the emisor-profile loader (YAML bounds, Yams, every field's SII length and
/// pattern, Latin-1 only) and, for profiles it accepts, the unsigned skeletons of every type.
/// Invariants: no crash; an error says something; an accepted profile's RUT is valid and its
/// skeletons generate or refuse with an error.
///   cd Fuzz && swift build -c release --sanitize=fuzzer --sanitize=address
///   .build/release/ProfileFuzz -max_total_time=1800 -max_len=4096 corpus-profile/ seeds-profile/
/// Seeds: ../Samples/emisor.yaml and variants. Corpus: Tests/DTESkeletonTests/Resources/profile-fuzz-corpus.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let profile: EmisorProfile
    do {
        profile = try EmisorProfile.load(yaml: text, source: "fuzz.yaml")
    } catch {
        if error.description.isEmpty { fatalError("empty error") }
        return 0
    }
    if RUT(validating: profile.rut.canonical) != profile.rut { fatalError("profile RUT does not round-trip") }
    let generator = SkeletonGenerator(emisor: profile)
    let date = try? CalendarDate(year: 2026, month: 1, day: 2)
    for code in [33, 39, 52, 61, 110] {
        guard let document = try? generator.document(forCode: code, options: .init(fechaEmision: date)) else { continue }
        if let xml = try? DTEXMLWriter().dte(document), xml.isEmpty { fatalError("empty skeleton") }
    }
    return 0
}
