import DTECore
import Foundation

/// The SII's rules for a printed DTE, in one place: the layout sizes by them, and the preflight
/// (``Preflight``) and the template check (``TemplateCheck``) verify them.
///
/// "MMI" below is the SII's *Manual de Muestras Impresas* v3.0 (December 2013,
/// `manual_muestras_impresas.pdf` in the SII documents), with its section numbers. Lengths are in
/// the unit their name says (cm, mm, pt = 1/72 in).
enum SIIPrintRules {
    // MARK: Paper — MMI 1.1.1 "Dimensiones"

    /// Sheets: one side 21.5 cm ("Dimensiones mínimas: 21,5x11 cms.", "máximas: 21,5x33 cms.").
    static let sheetShortSideCm = 21.5
    /// Sheets: the other side 11 cm (1/3 oficio) … 33 cm (oficio) (MMI 1.1.1).
    static let sheetLongSideCm: ClosedRange<Double> = 11...33
    /// Continuous paper (rolls): "Ancho mínimo: 7,5 cms." (MMI 1.1.1). 57 mm rolls print boletas
    /// only, which this manual does not cover (see ``TemplateParser``).
    static let rollMinWidthCm = 7.5

    // MARK: Blank border — MMI 1.1.2 "Borde sin letras"

    /// "Mínimo 0,5 cms." from the paper's edge to any letter or line (MMI 1.1.2).
    static let blankBorderCm = 0.5

    // MARK: Logo — MMI 1.1.3 "Logotipo"

    /// "Tamaño: máximo 1/5 del documento" (MMI 1.1.3): the largest logo area on a page of `pageArea`.
    static func logoMaxArea(pageArea: Double) -> Double { pageArea / 5 }

    // MARK: Recuadro — MMI 1.1.4 "Nombre de los Documentos" (Circular 32/2005)

    /// "Tamaño mínimo: de 1,5x5,5 cms." … "Tamaño máximo del recuadro: 4x8 cms." (MMI 1.1.4): width.
    static let recuadroWidthCm: ClosedRange<Double> = 5.5...8
    /// The recuadro's height, 1.5 … 4 cm (MMI 1.1.4).
    static let recuadroHeightCm: ClosedRange<Double> = 1.5...4
    /// "enmarcado por un filete o línea de entre 0,5 a un milímetro de grosor" (MMI 1.1.4).
    static let recuadroRuleMm: ClosedRange<Double> = 0.5...1
    /// "Letras: tamaño igual o superior a 10 en alta y negritas" (MMI 1.1.4): bold, at least this.
    static let recuadroMinTextPt = 10.0
    /// Deviation (not in the MMI): a 57 mm roll cannot hold a 5.5 cm recuadro; there it may be as
    /// narrow as this (docs/printout.md, "Deviation (narrow rolls)").
    static let narrowRollRecuadroMinWidthCm = 4.5

    // MARK: Timbre — MMI 1.1 and 1.5 "Timbre electrónico"

    /// "un tamaño mínimo de 2 por 5 centímetros y de un tamaño máximo de 4 por 9" (MMI 1.5): width.
    static let timbreWidthCm: ClosedRange<Double> = 5...9
    /// The timbre's height, 2 … 4 cm (MMI 1.5).
    static let timbreHeightCm: ClosedRange<Double> = 2...4
    /// The height the layout aims at (a project choice inside the MMI 1.5 range: room for the
    /// rest of the page); it goes up to ``timbreHeightCm``'s 4 cm only when modules would be too small.
    static let timbreTargetHeightCm = 3.0
    /// "a una distancia mínima de 2 centímetros desde el lado izquierdo" (MMI 1.1 and 1.5).
    static let timbreMinLeftCm = 2.0
    /// Deviation (not in the MMI): 75 and 57 mm rolls cannot hold 2 cm + 5 cm + the quiet zone;
    /// there the timbre is centred and at least this wide (docs/printout.md).
    static let narrowRollTimbreMinWidthCm = 4.5
    /// The blank space kept around the timbre on every side, in points (0.25 in). The MMI (1.5)
    /// asks "un margen de espacio en blanco alrededor del timbre" without a size; 0.25 in is the
    /// size this project uses (not found in the SII documents at hand).
    static let timbreQuietZone = 18.0
    /// The narrowest PDF417 module, 0.17 mm (0.0067 in). Not in the MMI, which defers to the
    /// SII's instructivo técnico for the symbol (not among the SII documents at hand).
    static let timbreMinModuleMm = 0.17
    /// The legend the SII's reader looks for right below the timbre (MMI 1.5: "el rotulo
    /// “Timbre Electrónico SII”, sea colocado bajo el timbre").
    static let timbreLegend = "Timbre Electrónico SII"
    /// The legend line after the resolution (MMI 1.5 "Leyenda": "Verifique documento: www.sii.cl").
    static let verifyLegend = "Verifique documento: www.sii.cl"
    /// "Todo esto en tamaño de letra igual o superior a 6" (MMI 1.5 "Leyenda").
    static let legendMinPt = 6.0

    // MARK: Acuse de recibo — MMI 1.4 (Res. Ex. SII N° 51 de 2005, Ley 19.983)

    /// The text the acuse de recibo box must carry (MMI 1.4, quoting Res. Ex. SII N° 51/2005).
    static let acuseText = "El acuse de recibo que se declara en este acto, de acuerdo a lo dispuesto en la letra b) del Art. 4°, y la letra c) del Art. 5° de la Ley 19.983, acredita que la entrega de mercaderías o servicio(s) prestado(s) ha(n) sido recibido(s)."

    // MARK: The PDF — MMI 1.5 "Instrucciones de confección"

    /// "El tamaño máximo del archivo no debe superar los 500 KB" (MMI 1.5): a one-page PDF is
    /// below this many bytes.
    static let maxOnePagePDFBytes = 500 * 1024

    // MARK: In points, as the layout uses them

    /// ``blankBorderCm`` in points.
    static var blankBorder: Double { Units.cm(blankBorderCm) }
    /// ``timbreMinModuleMm`` in points.
    static var timbreMinModule: Double { Units.mm(timbreMinModuleMm) }
    /// ``timbreMinLeftCm`` in points.
    static var timbreMinLeft: Double { Units.cm(timbreMinLeftCm) }
}
