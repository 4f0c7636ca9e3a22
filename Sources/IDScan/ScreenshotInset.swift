/// The photo inside a phone's screenshot of it: a gallery app shows the photo full-width between a
/// flat status bar and a flat toolbar (black, or white in a light theme), and users upload that
/// screenshot instead of the photo. The card search then runs on the photo alone, at the photo's
/// own resolution, and the photo's edges are the frame a card can be cut by.
///
/// The inset is the band between two bars on one axis (top and bottom, or left and right):
/// - each bar has the colour of the image's outermost line at its side (a status bar may be
///   black and a toolbar dark grey), covers at least ``minBarFraction`` of the axis, and most of its lines are exactly flat (a
///   screen's pixels, not a dark desk's noise); icons and the clock leave the rest mostly flat;
/// - the photo starts and ends on a straight edge across the whole width: its first and last lines
///   differ from the bar colour nearly everywhere, at both ends too, within two lines of the bar —
///   which a card lying on a flat background (a scan) does not do, its rounded corners and sides
///   leaving the background's colour at the ends of its first line.
enum ScreenshotInset {
    /// A rectangle in the searched image's pixels, half-open.
    struct Rect: Equatable, Sendable {
        var x0: Int, y0: Int, x1: Int, y1: Int
        var width: Int { x1 - x0 }
        var height: Int { y1 - y0 }
    }

    static let minBarFraction = 0.03
    static let minInsetFraction = 0.4

    /// The photo's rectangle in `image`, or nil when `image` is not a screenshot of a photo.
    static func find(_ image: GrayImage) -> Rect? {
        let W = image.width, H = image.height
        guard W >= 64, H >= 64, image.pixels.count >= W * H else { return nil }
        if let (a, b) = band(length: H, across: W, value: { i, j in image.pixels[i * W + j] }) {
            return Rect(x0: 0, y0: a, x1: W, y1: b)
        }
        if let (a, b) = band(length: W, across: H, value: { i, j in image.pixels[j * W + i] }) {
            return Rect(x0: a, y0: 0, x1: b, y1: H)
        }
        return nil
    }

    /// The inset along one axis: lines `0..<L`, each `M` pixels long; `value(i, j)` is pixel `j` of
    /// line `i`.
    private static func band(length L: Int, across M: Int, value: (Int, Int) -> UInt8) -> (Int, Int)? {
        let minBar = Int((Double(L) * minBarFraction).rounded(.up))
        guard let a = bar(lines: Array(0..<L), across: M, minBar: minBar, value: value),
              let b = bar(lines: Array((0..<L).reversed()), across: M, minBar: minBar, value: value),
              Double(b + 1 - a) >= Double(L) * minInsetFraction else { return nil }
        return (a, b + 1)
    }

    /// The first photo line after the bar at the start of `lines` (the image's lines from one side),
    /// or nil when that side has no bar: flat lines (60 % of each line at one colour, the rest
    /// icons and text; a toolbar's grey may give way to black), at least `minBar` of them, most
    /// exactly flat, ending on a line that differs from the last bar line's colour nearly
    /// everywhere and at both ends.
    private static func bar(lines: [Int], across M: Int, minBar: Int, value: (Int, Int) -> UInt8) -> Int? {
        let end = max(1, M * 3 / 100)
        var counts = [Int](repeating: 0, count: 256)
        func median(_ i: Int) -> Int {
            for v in 0..<256 { counts[v] = 0 }
            for j in 0..<M { counts[Int(value(i, j))] += 1 }
            var seen = 0
            for v in 0..<256 { seen += counts[v]; if seen * 2 >= M { return v } }
            return 255
        }
        /// The fraction of line `i` at `colour` (loosely, and exactly), and whether both its ends differ.
        func measure(_ i: Int, _ colour: Int) -> (near: Double, exact: Double, endsDiffer: Bool) {
            var n = 0, e = 0, head = 0, tail = 0
            for j in 0..<M {
                let d = abs(Int(value(i, j)) - colour)
                if d <= 8 { n += 1 } else if j < end { head += 1 } else if j >= M - end { tail += 1 }
                if d <= 2 { e += 1 }
            }
            return (Double(n) / Double(M), Double(e) / Double(M), head * 2 >= end && tail * 2 >= end)
        }
        // Segments of flat lines of one colour each; the bar is the run of those mostly exactly
        // flat (a screen's pixels), from the side inward.
        var bar = 0, colour = 0
        var k = 0, segment = (start: 0, colour: 0, flat: 0)
        while k < lines.count {
            let c = median(lines[k]), m = measure(lines[k], c)
            if k > segment.start, m.near < 0.6 || abs(c - segment.colour) > 8 {
                guard segment.flat * 2 >= k - segment.start else { break }
                bar = k; colour = segment.colour
                segment = (k, c, 0)
            }
            guard m.near >= 0.6 else { break }
            if k == segment.start { segment.colour = c }
            if m.exact >= 0.97 { segment.flat += 1 }
            k += 1
        }
        guard bar >= minBar, bar + 1 < lines.count else { return nil }
        k = bar
        // A straight edge across the whole line, within two lines of the bar.
        for i in k...(k + 1) {
            let m = measure(lines[i], colour)
            if m.near <= 0.25, m.endsDiffer { return lines[i] }
        }
        return nil
    }
}

/// The image the card is searched on: the decoded picture, or the photo inside a screenshot of it,
/// brought to about ``IDScanChecker/detectionLongSide`` pixels.
struct SearchFrame {
    /// The ≈800 px image the card locator sees.
    let detectionImage: GrayImage
    /// Decoded-image pixels per detection-image pixel.
    let toDecodedX: Double, toDecodedY: Double
    /// The searched frame's top-left corner in the decoded image's pixels (0, 0 without an inset).
    let originX: Double, originY: Double
    /// The searched frame as fractions of the decoded image (nil: all of it), for the colour look.
    let region: ColourContrast.Region?

    init(_ decoded: GrayImage) {
        func downscaled(_ image: GrayImage) -> GrayImage {
            let long = max(image.width, image.height)
            return image.boxDownscaled(by: max(1, (long + IDScanChecker.detectionLongSide - 1) / IDScanChecker.detectionLongSide))
        }
        let whole = downscaled(decoded)
        let sx = Double(decoded.width) / Double(max(whole.width, 1))
        let sy = Double(decoded.height) / Double(max(whole.height, 1))
        // The inset in decoded pixels, one detection pixel inside its found edges (which may be a
        // line blended with the bar).
        if let r = ScreenshotInset.find(whole) {
            let x0 = r.x0 == 0 ? 0 : Int((Double(r.x0 + 1) * sx).rounded(.up))
            let x1 = r.x1 == whole.width ? decoded.width : Int((Double(r.x1 - 1) * sx).rounded(.down))
            let y0 = r.y0 == 0 ? 0 : Int((Double(r.y0 + 1) * sy).rounded(.up))
            let y1 = r.y1 == whole.height ? decoded.height : Int((Double(r.y1 - 1) * sy).rounded(.down))
            if x1 - x0 >= 64, y1 - y0 >= 64 {
                let frame = decoded.crop(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
                detectionImage = downscaled(frame)
                toDecodedX = Double(frame.width) / Double(max(detectionImage.width, 1))
                toDecodedY = Double(frame.height) / Double(max(detectionImage.height, 1))
                originX = Double(x0); originY = Double(y0)
                let w = Double(max(decoded.width, 1)), h = Double(max(decoded.height, 1))
                region = ColourContrast.Region(x0: Double(x0) / w, y0: Double(y0) / h, x1: Double(x1) / w, y1: Double(y1) / h)
                return
            }
        }
        detectionImage = whole
        toDecodedX = sx; toDecodedY = sy
        originX = 0; originY = 0
        region = nil
    }
}
