#!/usr/bin/env python3
"""Writes small seed PDFs for the IDScanPDFFuzz harness (see docs/idscan.md).

usage: make-pdf-seeds.py OUT_DIR SMALL_JPEG   (qpdf, when on PATH, adds encrypted/object-stream variants)
"""
import os, subprocess, sys, zlib, shutil

def pdf(objects, root=1, trailer_extra=b""):
    """objects: list of bytes bodies for objects 1..n; returns a PDF with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)

def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"

def image_pages(jpeg, w, h, pages, mediabox=None):
    """Catalog, Pages, then per page: Page, content, image (DCTDecode, 300 dpi)."""
    pw, ph = w * 72 / 300, h * 72 / 300
    box = mediabox or b"[0 0 %.2f %.2f]" % (pw, ph)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    for p in range(pages):
        page_id = len(objs) + 1
        kids.append(b"%d 0 R" % page_id)
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                    % (box, page_id + 2, page_id + 1))
        objs.append(stream(content))
        objs.append(stream(jpeg, b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode " % (w, h)))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    return pdf(objs)

def vector_page(content, compress=False, mediabox=b"[0 0 200 130]"):
    data = zlib.compress(content) if compress else content
    extra = b"/Filter /FlateDecode " if compress else b""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>" % mediabox,
                stream(data, extra),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])

def main():
    out, jpeg_path = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    jpeg = open(jpeg_path, "rb").read()
    # width/height from the SOF0 segment
    i = 2
    w = h = 0
    while i < len(jpeg) - 9:
        if jpeg[i] == 0xFF and jpeg[i + 1] in (0xC0, 0xC1, 0xC2):
            h, w = int.from_bytes(jpeg[i + 5:i + 7], "big"), int.from_bytes(jpeg[i + 7:i + 9], "big")
            break
        i += 1
    seeds = {
        "one-page-image.pdf": image_pages(jpeg, w, h, 1),
        "two-page-image.pdf": image_pages(jpeg, w, h, 2),
        "five-page-image.pdf": image_pages(jpeg, w, h, 5),
        "huge-mediabox.pdf": image_pages(jpeg, w, h, 1, mediabox=b"[0 0 14400 14400]"),
        "vector.pdf": vector_page(b"0.2 g 20 20 160 90 re f 1 g 30 30 40 50 re f BT /F1 12 Tf 80 60 Td (RUN 12.345.678-5) Tj ET"),
        "vector-flate.pdf": vector_page(b"0.1 0.3 0.6 rg 10 10 m 190 10 l 190 120 l 10 120 l h f 0 G 2 w 15 15 170 100 re S", compress=True),
        "inline-image.pdf": vector_page(b"q 100 0 0 60 50 30 cm BI /W 4 /H 2 /CS /G /BPC 8 ID \x00\x40\x80\xff\xff\x80\x40\x00 EI Q"),
        "rotated.pdf": vector_page(b"0 g 10 10 50 30 re f").replace(b"/MediaBox", b"/Rotate 90 /MediaBox"),
        "deep-nesting.pdf": vector_page(b"0 g 10 10 50 30 re f").replace(b"/Type /Font", b"/Nest " + b"[" * 300 + b"]" * 300 + b" /Type /Font"),
        "nested-page-tree.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                     b"<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
                                     b"<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R] /Count 2 >>",
                                     b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 100 63] >>",
                                     b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 100 63] >>"]),
    }
    for name, data in seeds.items():
        open(os.path.join(out, name), "wb").write(data)
    qpdf = shutil.which("qpdf")
    if qpdf:
        src = os.path.join(out, "one-page-image.pdf")
        subprocess.run([qpdf, "--encrypt", "user", "owner", "256", "--", src, os.path.join(out, "encrypted.pdf")], check=True)
        subprocess.run([qpdf, "--object-streams=generate", os.path.join(out, "two-page-image.pdf"), os.path.join(out, "object-streams.pdf")], check=True)

if __name__ == "__main__":
    main()
