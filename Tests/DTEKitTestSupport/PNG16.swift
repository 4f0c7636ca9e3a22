import Foundation

/// A minimal PNG writer for 16-bit greyscale or RGB images (stored deflate blocks, no
/// compression), for tests of 16-bit inputs: the package's own encoders write 8-bit only.
public enum PNG16 {
    /// `samples` are 16-bit values, `channels` per pixel (1 grey, 3 RGB), row by row.
    public static func encode(samples: [UInt16], width: Int, height: Int, channels: Int) -> Data {
        precondition((channels == 1 || channels == 3) && samples.count == width * height * channels)
        var raw = [UInt8]()
        raw.reserveCapacity(height * (1 + width * channels * 2))
        for y in 0..<height {
            raw.append(0)   // filter: none
            for v in samples[(y * width * channels)..<((y + 1) * width * channels)] {
                raw.append(UInt8(v >> 8)); raw.append(UInt8(v & 0xFF))
            }
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = [UInt8]()
        ihdr += be32(UInt32(width)) + be32(UInt32(height))
        ihdr += [16, channels == 1 ? 0 : 2, 0, 0, 0]
        png += chunk("IHDR", ihdr)
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        return png
    }

    /// 8-bit greyscale pixels widened to 16 bits exactly (v × 257), as an editor's "16 bits/channel" copy.
    public static func widened(gray pixels: [UInt8], width: Int, height: Int) -> Data {
        encode(samples: pixels.map { UInt16($0) * 257 }, width: width, height: height, channels: 1)
    }

    private static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    private static func chunk(_ type: String, _ body: [UInt8]) -> Data {
        let t = Array(type.utf8)
        return Data(be32(UInt32(body.count)) + t + body + be32(crc32(t + body)))
    }

    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            let last: UInt8 = i + n == data.count ? 1 : 0
            out.append(last)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        return out + be32((b << 16) | a)
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }
}
