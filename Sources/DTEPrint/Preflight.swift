import DTECore
import Foundation

/// Checks a laid-out printout against the SII's rules (``SIIPrintRules``, from the Manual de
/// Muestras Impresas, MMI).
///
/// Profiles: sheets (letter, oficio) and 80 mm rolls get every MMI rule. 75 mm and 57 mm rolls
/// cannot physically hold "timbre ≥ 2 cm from the left edge + ≥ 5 cm wide + 0.25 in quiet
/// zone" (7.6 cm), so there the timbre is centred, must be ≥ 4.5 cm wide and keep the paper's
/// 0.5 cm border as its side quiet zone; 57 mm rolls (boletas only) also accept a recuadro as
/// wide as the printable width (≥ 4.5 cm).
enum Preflight {
    /// Tolerance (cm) on measured sizes: layout arithmetic must not fail a rule it meets.
    static let tolerance = 0.02

    static func check(_ layout: DocumentLayout, template: PrintTemplate) -> [PreflightViolation] {
        var findings = Findings()
        checkPaper(layout, template, &findings)
        checkBorder(layout, &findings)
        checkRecuadro(layout, template, &findings)
        checkTimbre(layout, template, &findings)
        checkLogo(layout, template, &findings)
        return findings.violations
    }

    /// The violations found so far.
    struct Findings {
        var violations: [PreflightViolation] = []
        mutating func fail(_ rule: String, _ message: String) { violations.append(PreflightViolation(rule: rule, message: message)) }
    }

    static func cm(_ pt: Double) -> String { String(format: "%.2f cm", Units.toCm(pt)) }
    /// A rule's number as written in messages ("7.5", "11").
    static func number(_ value: Double) -> String { String(format: "%g", value) }

    /// 75 and 57 mm rolls: the narrow-roll deviation applies (see the type's comment).
    static func isNarrowRoll(_ paper: PrintTemplate.Paper) -> Bool { paper == .roll75 || paper == .roll57 }

    /// Sheets 21.5 cm by 11…33 cm; rolls ≥ 7.5 cm wide (MMI 1.1.1).
    static func checkPaper(_ layout: DocumentLayout, _ template: PrintTemplate, _ findings: inout Findings) {
        let rules = SIIPrintRules.self
        for (index, page) in layout.pages.enumerated() {
            let width = Units.toCm(page.width), height = Units.toCm(page.height)
            if template.paper.isRoll {
                if template.paper != .roll57, width < rules.rollMinWidthCm - tolerance {
                    findings.fail("paper.width", "page \(index + 1): roll \(cm(page.width)) wide; DTEs need ≥ \(number(rules.rollMinWidthCm)) cm")
                }
            } else {
                let short = min(width, height), long = max(width, height)
                let badShort: Bool = abs(short - rules.sheetShortSideCm) > 0.15
                let badLong: Bool = long < rules.sheetLongSideCm.lowerBound - tolerance || long > rules.sheetLongSideCm.upperBound + 0.05
                if badShort || badLong {
                    let range = "\(number(rules.sheetLongSideCm.lowerBound))…\(number(rules.sheetLongSideCm.upperBound))"
                    findings.fail("paper.size", "page \(index + 1): \(String(format: "%.2f × %.2f", width, height)) cm; sheets must be "
                                  + "\(number(rules.sheetShortSideCm)) cm by \(range) cm")
                }
            }
        }
    }

    /// Every element at least 0.5 cm from every edge (MMI 1.1.2); the first offender per page.
    static func checkBorder(_ layout: DocumentLayout, _ findings: inout Findings) {
        let border = SIIPrintRules.blankBorder - 0.5
        for (index, page) in layout.pages.enumerated() {
            let inner = Rect(x: border, y: border, width: page.width - 2 * border, height: page.height - 2 * border)
            for element in page.elements {
                guard let bounds = element.bounds, !inner.contains(bounds) else { continue }
                let dx: Double = min(bounds.x, page.width - bounds.maxX)
                let dy: Double = min(bounds.y, page.height - bounds.maxY)
                let closest: String = cm(min(dx, dy))
                findings.fail("margin", "page \(index + 1): \(element.summary) reaches " + closest
                              + " from the edge (≥ \(number(SIIPrintRules.blankBorderCm)) cm)")
                break
            }
        }
    }

    /// Size, rule, colour, text and position of the recuadro (MMI 1.1.4).
    static func checkRecuadro(_ layout: DocumentLayout, _ template: PrintTemplate, _ findings: inout Findings) {
        let facts = layout.facts, rules = SIIPrintRules.self
        guard let recuadro = facts.recuadro else {
            findings.fail("recuadro", "no recuadro")
            return
        }
        let minWidth = template.paper == .roll57 ? rules.narrowRollRecuadroMinWidthCm : rules.recuadroWidthCm.lowerBound
        let maxWidth = rules.recuadroWidthCm.upperBound
        let width: Double = Units.toCm(recuadro.width)
        if width < minWidth - tolerance || width > maxWidth + tolerance {
            findings.fail("recuadro.size", "recuadro \(cm(recuadro.width)) wide; allowed \(number(minWidth))…\(number(maxWidth)) cm")
        }
        let heights = rules.recuadroHeightCm
        let height: Double = Units.toCm(recuadro.height)
        if height < heights.lowerBound - tolerance || height > heights.upperBound + tolerance {
            findings.fail("recuadro.size", "recuadro \(cm(recuadro.height)) high; allowed \(number(heights.lowerBound))…\(number(heights.upperBound)) cm")
        }
        let rule = Units.toMm(facts.recuadroRule), ruleRange = rules.recuadroRuleMm
        if rule < ruleRange.lowerBound - 0.001 || rule > ruleRange.upperBound + 0.001 {
            findings.fail("recuadro.rule", String(format: "rule %.2f mm; allowed %g…%g mm", rule, ruleRange.lowerBound, ruleRange.upperBound))
        }
        let allowedColor: Bool = facts.recuadroColor == PrintColor.black || facts.recuadroColor == PrintColor.siiRed
        if facts.recuadroColor.isGreenish || !allowedColor {
            findings.fail("recuadro.color", "the recuadro must be red or black (never green)")
        }
        for (size, bold) in facts.recuadroTextSizes where size < rules.recuadroMinTextPt || !bold {
            findings.fail("recuadro.text", "recuadro text \(size) pt\(bold ? "" : " regular"); needs ≥ \(number(rules.recuadroMinTextPt)) pt bold")
        }
        if !template.paper.isRoll, recuadro.x < (layout.pages.first?.width ?? 612) / 2 {
            findings.fail("recuadro.position", "the recuadro must be at the top right")
        }
    }

    /// Size, module, position and page of the timbre (MMI 1.5), then its quiet zone and legends.
    static func checkTimbre(_ layout: DocumentLayout, _ template: PrintTemplate, _ findings: inout Findings) {
        let facts = layout.facts, rules = SIIPrintRules.self
        guard let timbre = facts.timbre else {
            findings.fail("timbre", "no timbre")
            return
        }
        let narrow = isNarrowRoll(template.paper)
        let width = Units.toCm(timbre.width), height = Units.toCm(timbre.height)
        let minWidth = narrow ? rules.narrowRollTimbreMinWidthCm : rules.timbreWidthCm.lowerBound
        let widths = rules.timbreWidthCm, heights = rules.timbreHeightCm
        let badWidth: Bool = width < minWidth - tolerance || width > widths.upperBound + tolerance
        let badHeight: Bool = height < heights.lowerBound - tolerance || height > heights.upperBound + tolerance
        if badWidth || badHeight {
            findings.fail("timbre.size", String(format: "timbre %.2f × %.2f cm (width × height); allowed %.1f…%g × %g…%g cm",
                                                width, height, minWidth, widths.upperBound, heights.lowerBound, heights.upperBound))
        }
        if Units.toMm(facts.timbreModule) < rules.timbreMinModuleMm - 1e-6 {
            findings.fail("timbre.module", String(format: "module %.3f mm; needs ≥ %g mm", Units.toMm(facts.timbreModule), rules.timbreMinModuleMm))
        }
        if !narrow, Units.toCm(timbre.x) < rules.timbreMinLeftCm - tolerance {
            findings.fail("timbre.position", "timbre \(cm(timbre.x)) from the left edge; needs ≥ \(number(rules.timbreMinLeftCm)) cm")
        }
        if facts.timbrePage != layout.pages.count - 1 { findings.fail("timbre.page", "the timbre must be on the last page") }
        guard let page = layout.pages.last else { return }
        if !template.paper.isRoll, timbre.y < page.height / 2 {
            findings.fail("timbre.position", "the timbre must be in the lower part of the page")
        }
        checkQuietZone(timbre, on: page, narrow: narrow, &findings)
        checkLegends(timbre, on: page, &findings)
    }

    /// Nothing but the timbre inside its quiet zone, and the zone on the page (MMI 1.5: "un margen
    /// de espacio en blanco alrededor del timbre"). Narrow rolls: the paper's border is the side zone.
    static func checkQuietZone(_ timbre: Rect, on page: PageLayout, narrow: Bool, _ findings: inout Findings) {
        let quiet: Double = SIIPrintRules.timbreQuietZone
        let side: Double = narrow ? SIIPrintRules.blankBorder - 0.5 : quiet - 0.01
        let zone = Rect(x: timbre.x - side, y: timbre.y - quiet + 0.01, width: timbre.width + 2 * side,
                        height: timbre.height + 2 * quiet - 0.02)
        let offPage: Bool = zone.x < -0.01 || zone.maxX > page.width + 0.01
        if offPage {
            findings.fail("timbre.quiet_zone", "the quiet zone around the timbre falls off the page")
        }
        for element in page.elements {
            if case .barcode = element { continue }
            if let bounds = element.bounds, bounds.intersects(zone) {
                findings.fail("timbre.quiet_zone", "\(element.summary) is inside the timbre's 0.25 in quiet zone")
                break
            }
        }
    }

    /// "Timbre Electrónico SII" below the timbre; every legend ≥ 6 pt (MMI 1.5 "Leyenda").
    static func checkLegends(_ timbre: Rect, on page: PageLayout, _ findings: inout Findings) {
        let legends = page.elements.compactMap { element -> TextRun? in
            if case let .text(run) = element, run.role == .legend { return run }; return nil
        }
        if !legends.contains(where: { $0.text == SIIPrintRules.timbreLegend && $0.frame.y >= timbre.maxY }) {
            findings.fail("timbre.legend", "no \"\(SIIPrintRules.timbreLegend)\" legend below the timbre")
        }
        let minimum = SIIPrintRules.legendMinPt
        for legend in legends where legend.font.size < minimum {
            findings.fail("timbre.legend", "legend \"\(legend.text)\" \(legend.font.size) pt; needs ≥ \(number(minimum)) pt")
        }
    }

    /// The logo ≤ 1/5 of the page, top left on sheets (MMI 1.1.3).
    static func checkLogo(_ layout: DocumentLayout, _ template: PrintTemplate, _ findings: inout Findings) {
        guard let logo = layout.facts.logo, let page = layout.pages.first else { return }
        let logoArea: Double = logo.width * logo.height
        let pageArea: Double = page.width * page.height
        if logoArea > SIIPrintRules.logoMaxArea(pageArea: pageArea) + 0.01 {
            findings.fail("logo.size", "the logo covers more than 1/5 of the page")
        }
        let farFromTopLeft: Bool = logo.x > page.width / 2 || logo.y > page.height / 3
        if !template.paper.isRoll, farFromTopLeft {
            findings.fail("logo.position", "the logo must be at the top left")
        }
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
    static func check(_ template: PrintTemplate) throws(TemplateError) {
        try checkValues(template)
        try checkProbeLayout(template)
    }

    /// The template's values against the SII's limits (``SIIPrintRules``).
    static func checkValues(_ template: PrintTemplate) throws(TemplateError) {
        func fail(_ key: String, _ value: String, _ reason: String) -> TemplateError {
            TemplateError(source: template.source, key: key, value: value, reason: reason)
        }
        for (k, v) in [("margins.top", template.margins.top), ("margins.right", template.margins.right),
                       ("margins.bottom", template.margins.bottom), ("margins.left", template.margins.left)] {
            guard v >= SIIPrintRules.blankBorderCm, v <= 5 else { throw fail(k, String(v), "margins are 0.5…5 cm (the SII asks a blank border ≥ 0.5 cm)") }
        }
        let rules = SIIPrintRules.self
        let maxRecuadro = rules.recuadroWidthCm.upperBound
        let minRecuadro = template.paper == .roll57 ? rules.narrowRollRecuadroMinWidthCm : rules.recuadroWidthCm.lowerBound
        guard template.recuadroWidth >= minRecuadro, template.recuadroWidth <= maxRecuadro else {
            throw fail("recuadro.width_cm", String(template.recuadroWidth), "the recuadro is \(minRecuadro)…\(maxRecuadro) cm wide")
        }
        guard template.recuadroWidth <= Units.toCm(template.paper.width) - template.margins.left - template.margins.right + 1e-9 else {
            throw fail("recuadro.width_cm", String(template.recuadroWidth), "wider than the printable width of \(template.paper.rawValue)")
        }
        guard rules.recuadroRuleMm.contains(template.recuadroRule) else {
            throw fail("recuadro.rule_mm", String(template.recuadroRule), "the recuadro's rule is 0.5…1 mm")
        }
        guard template.fonts.recuadro >= rules.recuadroMinTextPt else {
            throw fail("font.recuadro", String(template.fonts.recuadro), "the recuadro's text is ≥ 10 pt (bold)")
        }
        guard template.fonts.legend >= rules.legendMinPt else { throw fail("font.legend", String(template.fonts.legend), "the timbre legends are ≥ 6 pt") }
        if let h = template.paper.height {
            let area = template.logo.maxWidth * template.logo.maxHeight
            let page = Units.toCm(template.paper.width) * Units.toCm(h)
            guard area <= rules.logoMaxArea(pageArea: page) else {
                throw fail("logo.max_width_cm", "\(template.logo.maxWidth) × \(template.logo.maxHeight)", "the logo may cover at most 1/5 of the page")
            }
        }
    }

    /// A probe layout (the worst case of the document types this template prints) through the preflight.
    static func checkProbeLayout(_ template: PrintTemplate) throws(TemplateError) {
        let engine = TextEngine(family: template.fonts.family)
        let types = (template.documentTypes ?? DocumentTypeCodes.all).compactMap { DocumentType(rawValue: $0) }
        guard let longest = types.max(by: { $0.printedName.count < $1.printedName.count }) else { return }
        let probe = ProbeDocument.make(type: longest)
        let layoutEngine = LayoutEngine(template: template, measure: engine, logoPixels: (2000, 1000))
        let layout: DocumentLayout
        do {
            layout = try layoutEngine.layout(probe, copy: probe.allowsCedibleCopy ? .cedible : .tributaria)
        } catch {
            throw TemplateError(source: template.source, key: "", reason: "a probe document cannot be laid out: \(error)")
        }
        let violations = Preflight.check(layout, template: template)
        if let first = violations.first {
            let key: String
            switch first.rule {
            case let r where r.hasPrefix("recuadro"): key = "recuadro"
            case let r where r.hasPrefix("timbre"): key = "paper"
            case let r where r.hasPrefix("logo"): key = "logo"
            case "margin": key = "margins"
            default: key = "paper"
            }
            throw TemplateError(source: template.source, key: key, value: nil,
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
