import DTECore
import Foundation

/// Checks a laid-out printout against the SII's rules (Manual de Muestras Impresas, MMI).
///
/// Profiles: sheets (letter, oficio) and 80 mm rolls get every MMI rule. 75 mm and 57 mm rolls
/// cannot physically hold "timbre ≥ 2 cm from the left edge + ≥ 5 cm wide + 0.25 in quiet
/// zone" (7.6 cm), so there the timbre is centred, must be ≥ 4.5 cm wide and keep the paper's
/// 0.5 cm border as its side quiet zone; 57 mm rolls (boletas only) also accept a recuadro as
/// wide as the printable width (≥ 4.5 cm).
enum Preflight {
    static let maxOnePagePDF = 500 * 1024

    static func check(_ layout: DocumentLayout, template t: PrintTemplate) -> [PreflightViolation] {
        var v: [PreflightViolation] = []
        func fail(_ rule: String, _ msg: String) { v.append(PreflightViolation(rule: rule, message: msg)) }
        func cm(_ pt: Double) -> String { String(format: "%.2f cm", Units.toCm(pt)) }
        let narrow = t.paper == .roll75 || t.paper == .roll57
        let eps = 0.02

        // Paper
        for (i, p) in layout.pages.enumerated() {
            let w = Units.toCm(p.width), h = Units.toCm(p.height)
            if t.paper.isRoll {
                if t.paper != .roll57, w < 7.5 - eps { fail("paper.width", "page \(i + 1): roll \(cm(p.width)) wide; DTEs need ≥ 7.5 cm") }
            } else {
                let short = min(w, h), long = max(w, h)
                let badShort: Bool = abs(short - 21.5) > 0.15
                let badLong: Bool = long < 10.98 || long > 33.05
                if badShort || badLong {
                    fail("paper.size", "page \(i + 1): \(String(format: "%.2f × %.2f", w, h)) cm; sheets must be 21.5 cm by 11…33 cm")
                }
            }
        }
        // Margins: every element at least 0.5 cm from every edge.
        let border = Units.cm(0.5) - 0.5
        for (i, p) in layout.pages.enumerated() {
            let inner = Rect(x: border, y: border, width: p.width - 2 * border, height: p.height - 2 * border)
            for el in p.elements {
                guard let r = el.bounds, !inner.contains(r) else { continue }
                let dx: Double = min(r.x, p.width - r.maxX)
                let dy: Double = min(r.y, p.height - r.maxY)
                let closest: String = cm(min(dx, dy))
                fail("margin", "page \(i + 1): \(el.summary) reaches " + closest + " from the edge (≥ 0.5 cm)")
                break
            }
        }
        // Recuadro
        let f = layout.facts
        if let r = f.recuadro {
            let minW = t.paper == .roll57 ? 4.5 : 5.5
            let rw: Double = Units.toCm(r.width)
            let lowR: Double = minW - eps
            if rw < lowR || rw > 8.02 {
                fail("recuadro.size", "recuadro \(cm(r.width)) wide; allowed \(minW)…8 cm")
            }
            let rh: Double = Units.toCm(r.height)
            if rh < 1.48 || rh > 4.02 {
                fail("recuadro.size", "recuadro \(cm(r.height)) high; allowed 1.5…4 cm")
            }
            let rule = Units.toMm(f.recuadroRule)
            if rule < 0.499 || rule > 1.001 { fail("recuadro.rule", String(format: "rule %.2f mm; allowed 0.5…1 mm", rule)) }
            let allowedColor: Bool = f.recuadroColor == PrintColor.black || f.recuadroColor == PrintColor.siiRed
            if f.recuadroColor.isGreenish || !allowedColor {
                fail("recuadro.color", "the recuadro must be red or black (never green)")
            }
            for (size, bold) in f.recuadroTextSizes where size < 10 || !bold {
                fail("recuadro.text", "recuadro text \(size) pt\(bold ? "" : " regular"); needs ≥ 10 pt bold")
            }
            if !t.paper.isRoll, r.x < (layout.pages.first?.width ?? 612) / 2 {
                fail("recuadro.position", "the recuadro must be at the top right")
            }
        } else {
            fail("recuadro", "no recuadro")
        }
        // Timbre
        if let r = f.timbre {
            let w = Units.toCm(r.width), h = Units.toCm(r.height)
            let minW = narrow ? 4.5 : 5.0
            let lowW: Double = minW - eps
            let badW: Bool = w < lowW || w > 9.02
            let badH: Bool = h < 1.98 || h > 4.02
            if badW || badH {
                fail("timbre.size", String(format: "timbre %.2f × %.2f cm (width × height); allowed %.1f…9 × 2…4 cm", w, h, minW))
            }
            if Units.toMm(f.timbreModule) < 0.17 - 1e-6 {
                fail("timbre.module", String(format: "module %.3f mm; needs ≥ 0.17 mm", Units.toMm(f.timbreModule)))
            }
            if !narrow, Units.toCm(r.x) < 2 - eps { fail("timbre.position", "timbre \(cm(r.x)) from the left edge; needs ≥ 2 cm") }
            if f.timbrePage != layout.pages.count - 1 { fail("timbre.page", "the timbre must be on the last page") }
            if let page = layout.pages.last {
                if !t.paper.isRoll, r.y < page.height / 2 { fail("timbre.position", "the timbre must be in the lower part of the page") }
                let side: Double = narrow ? Units.cm(0.5) - 0.5 : LayoutEngine.quietZone - 0.01
                let q: Double = LayoutEngine.quietZone
                let zx: Double = r.x - side
                let zy: Double = r.y - q + 0.01
                let zw: Double = r.width + 2 * side
                let zh: Double = r.height + 2 * q - 0.02
                let zone = Rect(x: zx, y: zy, width: zw, height: zh)
                let offPage: Bool = zone.x < -0.01 || zone.maxX > page.width + 0.01
                if offPage {
                    fail("timbre.quiet_zone", "the quiet zone around the timbre falls off the page")
                }
                for el in page.elements {
                    if case .barcode = el { continue }
                    if let b = el.bounds, b.intersects(zone) {
                        fail("timbre.quiet_zone", "\(el.summary) is inside the timbre's 0.25 in quiet zone")
                        break
                    }
                }
                let legends = page.elements.compactMap { el -> TextRun? in
                    if case let .text(run) = el, run.role == .legend { return run }; return nil
                }
                if !legends.contains(where: { $0.text == "Timbre Electrónico SII" && $0.frame.y >= r.maxY }) {
                    fail("timbre.legend", "no \"Timbre Electrónico SII\" legend below the timbre")
                }
                for l in legends where l.font.size < 6 { fail("timbre.legend", "legend \"\(l.text)\" \(l.font.size) pt; needs ≥ 6 pt") }
            }
        } else {
            fail("timbre", "no timbre")
        }
        // Logo ≤ 1/5 of the page, top-left on sheets.
        if let l = f.logo, let p = layout.pages.first {
            let logoArea: Double = l.width * l.height
            let pageArea: Double = p.width * p.height
            if logoArea > pageArea / 5 + 0.01 {
                fail("logo.size", "the logo covers more than 1/5 of the page")
            }
            let farFromTopLeft: Bool = l.x > p.width / 2 || l.y > p.height / 3
            if !t.paper.isRoll, farFromTopLeft {
                fail("logo.position", "the logo must be at the top left")
            }
        }
        return v
    }
}

extension LayoutElement {
    /// The element's bounding box (nil for none).
    var bounds: Rect? {
        switch self {
        case let .text(r): return r.frame
        case let .line(x1, y1, x2, y2, w, _):
            return Rect(x: min(x1, x2), y: min(y1, y2) - w / 2, width: abs(x2 - x1), height: abs(y2 - y1) + w)
        case let .rect(r, _, _, _): return r
        case let .logo(r): return r
        case let .barcode(r, _): return r
        }
    }

    var summary: String {
        switch self {
        case let .text(r): return "text \"\(r.text.prefix(30))\""
        case .line: return "a line"
        case .rect: return "a box"
        case .logo: return "the logo"
        case .barcode: return "the timbre"
        }
    }
}

/// Checks run when a template is loaded: the values first, then a probe layout (a synthetic
/// document with the longest type name and a long TED) through the preflight.
enum TemplateCheck {
    static func check(_ t: PrintTemplate) throws(TemplateError) {
        func fail(_ key: String, _ value: String, _ reason: String) -> TemplateError {
            TemplateError(source: t.source, key: key, value: value, reason: reason)
        }
        for (k, v) in [("margins.top", t.margins.top), ("margins.right", t.margins.right),
                       ("margins.bottom", t.margins.bottom), ("margins.left", t.margins.left)] {
            guard v >= 0.5, v <= 5 else { throw fail(k, String(v), "margins are 0.5…5 cm (the SII asks a blank border ≥ 0.5 cm)") }
        }
        let maxRecuadro = t.paper == .roll57 ? 8.0 : 8.0
        let minRecuadro = t.paper == .roll57 ? 4.5 : 5.5
        guard t.recuadroWidth >= minRecuadro, t.recuadroWidth <= maxRecuadro else {
            throw fail("recuadro.width_cm", String(t.recuadroWidth), "the recuadro is \(minRecuadro)…\(maxRecuadro) cm wide")
        }
        guard t.recuadroWidth <= Units.toCm(t.paper.width) - t.margins.left - t.margins.right + 1e-9 else {
            throw fail("recuadro.width_cm", String(t.recuadroWidth), "wider than the printable width of \(t.paper.rawValue)")
        }
        guard t.recuadroRule >= 0.5, t.recuadroRule <= 1 else {
            throw fail("recuadro.rule_mm", String(t.recuadroRule), "the recuadro's rule is 0.5…1 mm")
        }
        guard t.fonts.recuadro >= 10 else { throw fail("font.recuadro", String(t.fonts.recuadro), "the recuadro's text is ≥ 10 pt (bold)") }
        guard t.fonts.legend >= 6 else { throw fail("font.legend", String(t.fonts.legend), "the timbre legends are ≥ 6 pt") }
        if let h = t.paper.height {
            let area = t.logo.maxWidth * t.logo.maxHeight
            let page = Units.toCm(t.paper.width) * Units.toCm(h)
            guard area <= page / 5 else {
                throw fail("logo.max_width_cm", "\(t.logo.maxWidth) × \(t.logo.maxHeight)", "the logo may cover at most 1/5 of the page")
            }
        }
        // Probe layouts: the worst cases of the document types this template prints.
        let engine = TextEngine(family: t.fonts.family)
        let types = (t.documentTypes ?? DocumentTypeCodes.all).compactMap { DocumentType(rawValue: $0) }
        guard let longest = types.max(by: { $0.printedName.count < $1.printedName.count }) else { return }
        let probe = ProbeDocument.make(type: longest)
        let layoutEngine = LayoutEngine(template: t, measure: engine, logoPixels: (2000, 1000))
        let layout: DocumentLayout
        do {
            layout = try layoutEngine.layout(probe, copy: probe.allowsCedibleCopy ? .cedible : .tributaria)
        } catch {
            throw TemplateError(source: t.source, key: "", reason: "a probe document cannot be laid out: \(error)")
        }
        let violations = Preflight.check(layout, template: t)
        if let first = violations.first {
            let key: String
            switch first.rule {
            case let r where r.hasPrefix("recuadro"): key = "recuadro"
            case let r where r.hasPrefix("timbre"): key = "paper"
            case let r where r.hasPrefix("logo"): key = "logo"
            case "margin": key = "margins"
            default: key = "paper"
            }
            throw TemplateError(source: t.source, key: key, value: nil,
                                reason: "the layout would break the SII rules: " + violations.map(\.description).joined(separator: "; "))
        }
    }
}

/// A synthetic, stamped-looking document used to probe templates (never printed for real).
enum ProbeDocument {
    static func make(type: DocumentType, lines: Int = 3) -> DTEDocument {
        // Every value below is a valid constant: the force-unwrap-free initialisers cannot fail.
        let rut: RUT = RUT.genericReceptor
        let date: CalendarDate? = try? CalendarDate(year: 2024, month: 1, day: 31)
        let fecha: CalendarDate = date ?? ProbeDocument.fallbackDate
        var detalle: [DetailLine] = []
        for i in 1...lines {
            let code = ItemCode(tipo: "INT1", valor: "COD-" + String(i))
            let line = DetailLine(numero: i, codigos: [code], nombre: "Artículo de prueba " + String(i),
                                  descripcion: "Descripción de prueba del artículo", cantidad: Decimal(12), unidad: "UN",
                                  precioUnitario: Decimal(1_234_567), montoItem: Money(14_814_804))
            detalle.append(line)
        }
        let head: String = "<TED version=\"1.0\"><DD><RE>66666666-6</RE><TD>" + String(type.rawValue)
            + "</TD><F>123456789</F><FE>2024-01-31</FE><RR>66666666-6</RR><RSR>PRUEBA</RSR><MNT>999999999</MNT><IT1>Articulo</IT1>"
        var tedBytes: [UInt8] = Array(head.utf8)
        tedBytes += [UInt8](repeating: 0x41, count: 520)
        tedBytes += Array("</DD><FRMT algoritmo=\"SHA1withRSA\">x</FRMT></TED>".utf8)
        let caf = CAFData(rutEmisor: rut, razonSocial: "PRUEBA", tipoDTE: type.rawValue, folioDesde: 1, folioHasta: 1,
                          fechaAutorizacion: "2024-01-01", modulus: [], exponent: [], idk: 100, signature: [])
        let dd = TED.DD(rutEmisor: rut, tipoDTE: type.rawValue, folio: 123_456_789, fechaEmision: "2024-01-31",
                        rutReceptor: "66666666-6", razonSocialReceptor: "PRUEBA", montoTotal: "999999999",
                        item1: "Artículo", caf: caf, timestamp: "2024-01-31T12:00:00")
        let traslado: Traslado? = type == DocumentType.guiaDespacho ? Traslado.operacionConstituyeVenta : nil
        let idDoc = IdDoc(tipoDTE: type, folio: 123_456_789, fechaEmision: fecha, indTraslado: traslado)
        let totales = Totales(montoNeto: Money(44_444_412), montoExento: nil, tasaIVA: Decimal(19), iva: Money(8_444_438),
                              montoTotal: Money(52_888_850))
        return DTEDocument(
            idDoc: idDoc,
            emisor: Emisor(rut: rut, razonSocial: "EMPRESA DE PRUEBA CON UNA RAZÓN SOCIAL BASTANTE LARGA SpA",
                           giro: "Comercialización de productos y servicios de prueba", direccion: "Avenida de Prueba 1234, Oficina 56",
                           comuna: "Santiago", ciudad: "Santiago"),
            receptor: Receptor(rut: rut, razonSocial: "RECEPTOR DE PRUEBA", giro: "Giro", direccion: "Calle 1", comuna: "Santiago"),
            totales: totales,
            detalle: detalle,
            ted: TED(bytes: tedBytes, ddBytes: [], dd: dd, signature: []))
    }

    // A date that always exists (only used if the constants above were somehow refused).
    static let fallbackDate: CalendarDate = {
        if let d = try? CalendarDate(year: 2000, month: 1, day: 1) { return d }
        preconditionFailure("2000-01-01 is a valid date")
    }()
}
