import CTesseract
import DTECore
import Foundation

/// Owns one Tesseract engine set up for MRZ text (`A-Z0-9<`, no dictionaries, one text block).
/// Not thread-safe: used by one check at a time through ``TesseractPool``.
final class TesseractEngine {
    private let handle: OpaquePointer

    init?() {
        guard let h = TessBaseAPICreate() else { return nil }
        // Dictionaries only hurt on MRZ text; the debug file keeps Tesseract's chatter off stderr.
        let names = ["load_system_dawg", "load_freq_dawg", "debug_file"]
        let values = ["0", "0", "/dev/null"]
        var cNames = names.map { strdup($0) }, cValues = values.map { strdup($0) }
        defer { cNames.forEach { free($0) }; cValues.forEach { free($0) } }
        let status = cNames.withUnsafeMutableBufferPointer { n in
            cValues.withUnsafeMutableBufferPointer { v in
                TessBaseAPIInit4(h, nil, "eng", OEM_DEFAULT, nil, 0, n.baseAddress, v.baseAddress, Int(Int32(names.count)), 0)
            }
        }
        guard status == 0 else { TessBaseAPIDelete(h); return nil }
        handle = h
        TessBaseAPISetVariable(handle, "tessedit_char_whitelist", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
        TessBaseAPISetPageSegMode(handle, PSM_SINGLE_BLOCK)
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Debian's Tesseract runs its LSTM in OpenMP parallel regions; on a busy machine the extra
    /// threads spin and make a read 3–4× slower. libgomp is already loaded (libtesseract links
    /// it): ask it, for the calling thread, for one thread and dynamic adjustment. Found with
    /// dlsym so a Tesseract built without OpenMP still works.
    private static let singleThreadOpenMP: @Sendable () -> Void = {
        typealias SetInt = @convention(c) (Int32) -> Void
        let handle = dlopen(nil, RTLD_NOW)
        let numThreads = handle.flatMap { dlsym($0, "omp_set_num_threads") }.map { unsafeBitCast($0, to: SetInt.self) }
        let dynamic = handle.flatMap { dlsym($0, "omp_set_dynamic") }.map { unsafeBitCast($0, to: SetInt.self) }
        return { numThreads?(1); dynamic?(1) }
    }()

    /// The text Tesseract reads in a grayscale image (ASCII bytes, lines separated by `\n`).
    func read(_ image: GrayImage) -> [UInt8] {
        Self.singleThreadOpenMP()
        guard image.width > 0, image.height > 0, image.pixels.count >= image.width * image.height,
              let w = Int32(exactly: image.width), let h = Int32(exactly: image.height) else { return [] }
        var text: [UInt8] = []
        image.pixels.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            TessBaseAPISetImage(handle, base, w, h, 1, w)
            TessBaseAPISetSourceResolution(handle, 254)   // the card is resampled to 10 px/mm
            if let out = TessBaseAPIGetUTF8Text(handle) {
                let raw = UnsafeRawPointer(out).assumingMemoryBound(to: UInt8.self)
                text = Array(UnsafeBufferPointer(start: raw, count: min(strlen(out), 4096)))
                TessDeleteText(out)
            }
            TessBaseAPIClear(handle)
        }
        return text
    }
}

/// Engines are costly to start (the language model loads in ≈ 50–100 ms): idle ones are kept
/// for reuse, each used by one check at a time.
final class TesseractPool: Sendable {
    static let shared = TesseractPool()
    private struct State { var idle: [TesseractEngine] = []; var failed = false }
    private let state = Locked(State())

    /// Runs `body` with an engine; nil when Tesseract or its English data is not installed.
    func with<T>(_ body: (TesseractEngine) -> T) -> T? {
        let (cached, knownBroken) = state.withLock { ($0.idle.popLast(), $0.failed) }
        guard let engine = cached ?? (knownBroken ? nil : TesseractEngine()) else {
            state.withLock { $0.failed = true }
            return nil
        }
        let result = body(engine)
        state.withLock { if $0.idle.count < 4 { $0.idle.append(engine) } }
        return result
    }
}
