import Foundation
import IDScan

// Synthetic ID-card images for IDScan's tests and benchmarks. Test support only: `import DTEKit`
// never brings this in. Self-contained (its own geometry and resampling), so IDScan exposes nothing
// for it but the public image encoders.

/// A scene for ``IDScanSyntheticCard``: where an obviously fake ID-1 card lies, on what, under
/// which light, and how the picture is degraded. Contains no real data.
public struct IDScanSyntheticScene: Sendable, Hashable {
    /// What the card lies on.
    public enum Background: String, Sendable, Hashable, CaseIterable {
        /// Phone photos: a wood-toned desk with soft grain.
        case desk
        /// Flatbed scan: a white scanner lid.
        case white
        /// Flatbed scan: a light grey lid (light card on light grey, weak outline).
        case greyLid
        /// Phone photo: strong wood grain with knots.
        case wood
        /// Phone photo: stone / granite (blotchy multi-scale texture with speckles).
        case stone
        /// Phone photo: woven fabric (fine periodic weave).
        case fabric
        /// Phone photo: sheets of printed paper on a desk, some cut by the frame.
        case clutter
        /// Phone photo: plain dark slate.
        case slate
        // The `fresh` part's backgrounds (added after the other parts had been looked at).
        /// Phone photo: dark polished granite (near-black with grey crystals and white speckles).
        case granite
        /// Phone photo: a checked (gingham) tablecloth with a linen weave.
        case tablecloth
        /// Phone photo: an open newspaper filling the frame (columns of text, headlines, photos).
        case newspaper
        /// Phone photo: a laptop's keyboard deck (dark keys with light legends on a grey deck).
        case keyboard
        /// Flatbed scan: a cream / beige lid (warm, slightly darker than white).
        case creamLid
        // The `holdout2` part's backgrounds (added before the checker was tuned on `fresh`, and
        // never shown to the checker until its one final evaluation).
        /// Phone photo: light marble with dark, turbulent veins.
        case marble
        /// Phone photo: loop-pile carpet (fine random pile, beige/grey/blue).
        case carpet
        /// Phone photo: dark pebbled leather (a desk pad, a wallet).
        case leather
        /// Phone photo: a cork board (tan granules, dark pores).
        case cork
        /// Phone photo: a brick surface (running bond, light mortar joints).
        case brick
        /// Phone photo: a printed tablecloth with a repeating flower motif on a coloured ground.
        case floralCloth
        /// Flatbed scan: a mid-grey lid (darker than `greyLid`, with a faint felt texture).
        case midGreyLid
        // The `holdout3` part's backgrounds (committed before holdout2 was tuned on, and never
        // shown to the checker until its one final evaluation).
        /// Phone photo: oak parquet (strips in a herringbone, each with its own grain and tone).
        case parquet
        /// Phone photo: denim (a blue diagonal twill with lighter weft and fading).
        case denim
        /// Phone photo: a patterned rug (a geometric medallion field inside striped borders).
        case rug
        /// Phone photo: a plain dark glossy desk with broad soft reflections of a window.
        case glossyDesk
        /// Flatbed scan: a black scanner lid.
        case blackLid
        // The `holdout4` part's backgrounds (committed before the tuning of 2026-12-01, session 3,
        // and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout4Background`.
        /// Phone photo: light terrazzo (cream cement with coloured chips).
        case terrazzo
        /// Phone photo: a printed spreadsheet / invoice page filling the frame (grid, small numbers).
        case spreadsheet
        /// Phone photo: a white crochet doily (lace rings) on a pale table.
        case doily
        /// Phone photo: crumpled white paper (soft creases and shading).
        case crumpledPaper
        /// Phone photo: a whiteboard with marker handwriting and drawings.
        case whiteboard
        /// Phone photo: a beige basket-weave placemat.
        case basketWeave
        /// Phone photo: light birch plywood (pale, faint grain).
        case birchPly
        /// Phone photo: a green self-healing cutting mat with grid lines.
        case cuttingMat
        /// Phone photo: a dark walnut table.
        case walnut
        /// Flatbed scan with the lid open: the dark room above the glass, fading to grey on one side.
        case openLid
        // The `holdout5` part's backgrounds (committed before holdout4 was tuned on, 2026-12-01,
        // session 3, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout5Background`.
        /// Phone photo: a glossy magazine page (a headline, columns of small text, a photo block).
        case magazinePage
        /// Phone photo: a ruled notebook page with blue handwriting and a red margin line.
        case notebookPage
        /// Phone photo: pale oak floor planks (staggered seams, grain, knots).
        case oakPlanks
        /// Phone photo: small white mosaic tiles with grey grout.
        case mosaicTiles
        /// Phone photo: a white bedsheet with fine woven stripes and soft folds.
        case stripedSheet
        /// Phone photo: a light speckled quartz countertop.
        case quartz
        /// Phone photo: a black cloth mouse pad with a logo.
        case mousePad
        /// Phone photo: a red lacquered table with a soft reflection.
        case redLacquer
        /// Phone photo: blue-grey sofa fabric with a seam between cushions.
        case sofaFabric
        /// Flatbed scan: an old scanner's warm off-white lid with a faint dot texture.
        case dottedLid
        // The `holdout6` part's backgrounds (committed before holdout5 was tuned on, 2026-12-01,
        // session 4, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout6Background`.
        /// Phone photo: a printed invoice page (letterhead, a ruled table with small text, totals).
        case invoicePage
        /// Phone photo: a light oatmeal linen cloth (plain weave with slubs) with soft wrinkles.
        case linenCloth
        /// Phone photo: a light-brown kraft-paper envelope (fibres, mottling, a fold line).
        case kraftEnvelope
        /// Phone photo: a white tablecloth with a grey polka-dot print and soft folds.
        case polkaDotCloth
        /// Phone photo: a mid-grey laminate desk with a faint printed wood grain.
        case greyLaminate
        /// Phone photo: a navy blue felt desk mat.
        case navyFelt
        /// Phone photo: a terracotta tile floor with pale grout.
        case terracottaTiles
        /// Phone photo: a light-grey concrete slab with small dark pores.
        case concreteSlab
        /// Phone photo: a burgundy leather notebook cover (pebble grain, a line of stitching).
        case burgundyLeather
        /// Flatbed scan: a pale blue-grey lid with faint streaks along the scanner lamp's travel.
        case streakLid
        // The `holdout7` part's backgrounds (committed before holdout6 was tuned on, 2026-12-01,
        // session 5, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout7Background`.
        /// Phone photo: a graph-paper pad (a fine light-blue 5 mm grid, a few pencil marks).
        case graphPaper
        /// Phone photo: a cream knitted wool blanket (columns of V stitches, soft folds).
        case knitBlanket
        /// Phone photo: a printed road map (pale yellow and green areas, a river, thin coloured
        /// roads with casings, small labels).
        case roadMap
        /// Phone photo: white gift-wrap paper with a small repeating pastel pattern.
        case giftWrap
        /// Phone photo: a light beige bathroom tile wall (large tiles, thin grey grout, a soft
        /// reflection).
        case bathroomTiles
        /// Phone photo: a black glass hob (a faint print of the cooking zones, reflections).
        case glassHob
        /// Phone photo: a bamboo placemat (narrow near-vertical slats in alternating tones).
        case bambooMat
        /// Phone photo: brushed stainless steel (fine directional streaks, mid grey).
        case brushedSteel
        /// Phone photo: a bright orange plastic tray (a moulded lip along the frame's edge).
        case orangeTray
        /// Flatbed scan: a warm off-white lid with a few dust specks and one dark hair.
        case dustyLid
        // The `holdout8` part's backgrounds (committed before holdout7 was tuned on, 2026-12-01,
        // session 5, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout8Background`.
        /// Phone photo: a newspaper's crossword page (a 15 × 15 grid of black and white squares
        /// with small clue numbers, columns of clues in small print).
        case crosswordPage
        /// Phone photo: a pale damask wallpaper (a repeating ornamental medallion, tone on tone).
        case damaskWallpaper
        /// Phone photo: a sheet of bubble wrap on a white desk (rows of round air cells with a
        /// darker rim and a highlight; the sheet's edge crosses the frame).
        case bubbleWrap
        /// Phone photo: a light wicker tray (round weavers interlaced over and under stakes).
        case wickerTray
        /// Phone photo: a white lace tablecloth with a floral net pattern over a mid-brown table.
        case laceTablecloth
        /// Phone photo: dark grey car-seat fabric with fine light dots and a stitched seam.
        case carSeatFabric
        /// Phone photo: a black rubber mat with a raised diamond pattern (lit bevels).
        case rubberMat
        /// Phone photo: weathered pallet wood (pale planks, dark gaps, nail heads in pairs).
        case palletWood
        /// Phone photo: a brushed copper sheet (fine brush lines, a broad sheen, dull patches).
        case brushedCopper
        /// Flatbed scan: a light grey lid with the faint regular grid of a document feeder's
        /// pressure pad.
        case feederPadLid
        // The `holdout9` part's backgrounds (committed before holdout8 was tuned on, 2026-12-01,
        // session 7, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout9Background`.
        /// Phone photo: a page of printed sheet music (a bold title line, systems of five-line
        /// staves with note heads, stems, beams and bar lines).
        case sheetMusic
        /// Phone photo: a wall calendar's month page (a bold month name in a red header band, a
        /// 7-column grid of day boxes with the day's number in each, a few handwritten notes).
        case wallCalendar
        /// Phone photo: a white quilted bedspread (diamond stitching, each diamond softly puffed
        /// up and shaded, a broad fold).
        case quiltedBedspread
        /// Phone photo: a white pegboard (a regular grid of small round dark holes).
        case pegboard
        /// Phone photo: a pale encaustic cement-tile floor (repeating four-fold ornamental tiles in
        /// muted blue, grey and beige on cream, with grout lines).
        case encausticTiles
        /// Phone photo: a dark teal velvet cushion (soft sheen gradients, a fine pile, a piped seam).
        case tealVelvet
        /// Phone photo: grey asphalt (speckled aggregate, darker tar patches, a faded painted line).
        case asphalt
        /// Phone photo: a dark cherry-wood table (flowing grain, board seams) with the soft
        /// reflection of a four-paned window in its varnish.
        case cherryTable
        /// Phone photo: red-and-black buffalo-check flannel (a twill, a brushed fuzzy surface).
        case buffaloCheck
        /// Flatbed scan: a sheet of white printer paper laid over the card instead of the lid
        /// (very light, paper fibre texture, a few soft wrinkles and creases).
        case paperOverLid
        // The `holdout10` part's backgrounds (committed before holdout9 was tuned on, 2026-12-01,
        // session 8, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout10Background`.
        /// Phone photo: several white thermal-paper till receipts scattered and overlapping on a
        /// pale desk (narrow strips, lines of small grey print, a bold total, a torn zig-zag end).
        case thermalReceipts
        /// Phone photo: a white bath towel (looped pile, soft folds, a flat woven border band).
        case terryTowel
        /// Phone photo: a bright laptop screen showing a white document (a grey menu bar, a dark
        /// taskbar, lines of text, the faint grid of the screen's pixels, a mild moiré).
        case laptopScreen
        /// Phone photo: a light grey/beige herringbone wool weave (heathered yarn).
        case herringboneTweed
        /// Phone photo: a floor of small white hexagonal (penny) tiles with grey grout.
        case hexPennyTiles
        /// Phone photo: a lawn (green blades, darker gaps between them, a few dry patches).
        case lawnGrass
        /// Phone photo: a dark green-black chalkboard with chalk handwriting and wiped smudges.
        case chalkboard
        /// Phone photo: a coir doormat (coarse brown fibres in tufts, dark gaps between them).
        case coirDoormat
        /// Phone photo: the top of a brown corrugated box (clear packing tape over the flaps'
        /// seam, a printed white shipping label with a barcode).
        case cardboardBox
        /// Flatbed scan: the card inside a clear plastic sleeve (ID protector) on the white lid: a
        /// slight haze over the card (contrast 8–12 % lower), the sleeve's edge a faint line a few
        /// mm outside the card, one or two faint glossy streaks; very light.
        case plasticSleeve
        // The `holdout11` part's backgrounds (committed before holdout10 was tuned on, 2026-12-02,
        // session 9, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout11Background`.
        /// Phone photo: a pale grey desk with 5–8 scattered, overlapping white or cream business
        /// cards (85 × 55 mm, nearly ID-1 sized, slightly turned; a logo blob and 3–5 lines of
        /// small dark print each), none of them under the ID card.
        case businessCards
        /// Phone photo: an open paperback filling the frame (two cream pages of dense justified
        /// lines, a darker gutter shadow down the middle, the stacked page edges at one side).
        case openBook
        /// Phone photo: a pale desk with pastel yellow, pink and blue square sticky notes (76 mm)
        /// with handwritten lines, a couple of them overlapping.
        case stickyNotes
        /// Phone photo: a white/ivory long-pile sheepskin (soft, directional, lumpy fibre; low contrast).
        case sheepskinRug
        /// Phone photo: a yellow ruled legal pad (blue lines, a red double margin line, a few
        /// handwritten lines, the glued binding at the top).
        case legalPad
        /// Phone photo: grey rounded cobblestones with dark joints, in outdoor light.
        case cobblestones
        /// Phone photo: a car's dashboard (dark grey grained plastic, a vent's slot, a soft sheen).
        case carDashboard
        /// Phone photo: a tatami mat (straw-green woven rush, a dark fabric border strip).
        case tatamiMat
        /// Phone photo: orange, brown and yellow autumn leaves on dark soil.
        case autumnLeaves
        /// Flatbed scan with the lid left partly open: the white lid near the hinge side fading,
        /// over ~20 % of the bed, to a dark grey-brown room on the far side, the card across the fade.
        case lidAjar
        // The `holdout12` part's backgrounds (committed before holdout11 was tuned on, 2026-12-02,
        // session 9, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout12Background`.
        /// Phone photo: a white bathroom shelf with 4–6 blister packs of pills (silver foil with a
        /// crinkled sheen and small print, rows of clear domes with white or coloured pills, a few
        /// domes pushed out and torn), a soft shadow under each pack.
        case pillPacks
        /// Phone photo: a carbon-copy receipt book open on a wooden desk (a pale blue copy and a
        /// pale pink original side by side: printed boxes, a heading, a red serial number, blue
        /// ballpoint handwriting, the binding's shadow between them, the stacked forms' edges).
        case receiptBook
        /// Phone photo: folded white linen napkins on a pale table (slubby linen weave, soft fold
        /// creases, a wide hem with a hemstitch border of small openings, soft shadows).
        case linenNapkins
        /// Phone photo: scattered, overlapping Chilean-peso-like banknotes on a dark desk (pale
        /// pink/blue/violet/green/orange paper, guilloche rosettes and wave lines, a plain
        /// silhouette in a portrait oval, big seven-segment numerals, a security thread; obviously
        /// fake, no real design).
        case cashNotes
        /// Phone photo: a printer's output tray: a stack of printed A4 pages (a heading, justified
        /// text, a table with a shaded header row, the stack's offset edges) on the grey plastic
        /// tray, its raised edge along one side.
        case printerTray
        /// Phone photo: an olive-wood chopping board (cream-yellow wood with swirling dark-brown grain).
        case oliveWoodBoard
        /// Phone photo: overlapping dark blue-grey roof slates in offset rows (layered grain, light
        /// chipped lower edges, shadows under them, dark gaps).
        case slateRoofTiles
        /// Phone photo: red clay pavers (64 × 32 mm) in a herringbone at 45°, sandy joints.
        case redBrickPavers
        /// Phone photo: a denim jeans' back pocket filling the frame (indigo twill, the pocket's
        /// edge and its double orange stitching, two decorative stitched arcs).
        case jeansPocket
        /// Overhead book scanner: the card on a dark grey felt base, lit by two lamps (one side
        /// 15 % brighter: `bookLamps`), a slight keystone (the card's perspective ≤ 4 %).
        case bookScanner
        // The `holdout13` part's backgrounds (committed before holdout12 was tuned on, 2026-12-02,
        // session 10, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout13Background`.
        /// Phone photo: a cream photo-album page holding several small printed photos (white-bordered
        /// rectangles about a card's size, simple scenes of colour blobs: sky, ground, a sun, a
        /// figure), photo corners at their corners, a soft shadow under each print.
        case photoAlbum
        /// Phone photo: a laminated restaurant menu (a coloured header band with the title, columns of
        /// dish names with dotted leaders and prices, section headings, a glossy sheen band).
        case restaurantMenu
        /// Phone photo: a brown hardboard clipboard holding a filled-in white form (ruled lines,
        /// printed labels, checkboxes, some ticked, blue ballpoint handwriting) under its metal clip
        /// at the top.
        case clipboardForm
        /// Phone photo: an open, obviously fake passport-like booklet on a table (two pale guilloche
        /// pages, a photo box with a plain silhouette, printed fields, a round and a rectangular
        /// stamp, two rows of machine-readable-looking `<` characters at the bottom of one page,
        /// a dark cover showing round the pages).
        case openPassport
        /// Phone photo: an ironing board's light grey cover with a small printed pattern (tiny
        /// flowers and dots), its rounded end, the floor beyond.
        case ironingBoard
        /// Phone photo: billiard-table green felt with a faint nap (directional fibre streaks).
        case greenBaize
        /// Phone photo: knotty pine boards (pale yellow wood, straight grain bending round dark knots).
        case knottyPine
        /// Phone photo: a chipped blue enamel table top (glossy blue, a dark rim, chips showing
        /// black iron with rust edges).
        case blueEnamel
        /// Phone photo: a 1970s speckled beige linoleum floor (brown, grey and white flecks).
        case speckledLinoleum
        /// Sheet-fed (ADF) scanner: the card on a dark grey backing all round, skewed ≤ 3°, a thin
        /// vertical streak (dust on the sensor) through the whole image and a 1–2 % vertical
        /// stretch (the feed's speed): `sheetFeed`.
        case sheetFedScanner
        // The `holdout14` part's backgrounds (committed before holdout13 was evaluated, 2026-12-02,
        // session 11, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout14Background`.
        /// Phone photo: a white bank-statement page (the bank's coloured logo block and name, a
        /// table of dates, descriptions and amounts in thin ruled rows under a grey header row, a
        /// boxed total).
        case bankStatement
        /// Phone photo: an open tan leather wallet seen from above (grained leather, the fold, stitched
        /// card slots with the top edges of other plastic cards — pale blue, white, gold — showing,
        /// their edges parallel to a card's), a dark table round it.
        case leatherWallet
        /// Phone photo: a child's crayon drawing on white paper (waxy, streaky strokes of saturated
        /// colour: a sun with rays, a house with a roof and door, grass, scribbles), blank paper round it.
        case crayonDrawing
        /// Phone photo: a white or manila envelope covered with postage stamps (perforated white
        /// edges, small pictures, a value), wavy and round postmarks, a typed address label.
        case postageEnvelope
        /// Phone photo: a white tablecloth (fine weave) with colourful embroidered flowers (satin-stitch
        /// petals, green leaves, knotted centres) and a hem (a fold line and running stitches).
        case embroideredCloth
        /// Phone photo: a purple ribbed foam yoga mat.
        case yogaMat
        /// Phone photo: galvanised steel sheet, mid grey, with spangled zinc crystals (irregular
        /// grains of different brightness, each with a feathery grain of its own).
        case galvanisedSteel
        /// Phone photo: fine beach sand (many-coloured grains, faint wind ripples, a few pebbles
        /// and shell bits).
        case beachSand
        /// Phone photo: a black and white vinyl checkerboard floor (small square tiles, dark
        /// joints, scuffs and a faint sheen): strong straight edges everywhere.
        case checkerFloor
        /// A phone document-scanner app's page: the card on a white A4 sheet, the page found and
        /// flattened (2480 × 3508 px, the card in the upper third, residual skew ≤ 2°), the app's
        /// "enhanced" filter (`scanApp`: the paper pushed to 248–255, a mild unsharp-mask halo,
        /// slightly boosted contrast, the card's light areas kept under 235).
        case scanAppPage
        // The `holdout15` part's backgrounds (committed before holdout14 was evaluated, 2026-12-02,
        // session 12, and never shown to the checker until its one final evaluation). Painted by
        // `paintHoldout15Background`.
        /// Phone photo: tissue-paper sewing-pattern sheets on a pale table (translucent beige,
        /// overlapping at small angles, the lower sheets' print showing through; printed solid
        /// cutting lines, dashed seam lines, notches, grain-line arrows, big piece letters, small print).
        case sewingPattern
        /// Phone photo: a pharmacy's package insert unfolded on a grey table (very thin white paper,
        /// crease lines between panels, dense tiny print in two columns with bold headings, the
        /// reverse side's print faintly showing through).
        case medicineLeaflet
        /// Phone photo: a half-done jigsaw puzzle of a light landscape (pale sky, clouds, hills, a
        /// meadow with flowers) on a pale wooden table: interlocking pieces with knobs, thin dark
        /// gaps, a ragged patch of pieces not placed yet.
        case jigsawPuzzle
        /// Phone photo: an open comic book's white page (panels with thick black borders, pastel
        /// fills with halftone dots, round outlined figures, speech balloons with lettering, pale
        /// yellow caption boxes).
        case comicPage
        /// Phone photo: paint-colour swatch cards fanned out on a white table (long white cards,
        /// chips of one hue from pale to deep, small printed names, soft shadows).
        case paintSwatches
        /// Phone photo: oriented strand board (large pressed wood strands, pale straw to honey,
        /// mostly along one direction, dark pits between them).
        case orientedStrandBoard
        /// Phone photo: dark carbon fibre (a 2 × 2 twill weave of flat tows under a glossy clear
        /// coat with a broad soft reflection).
        case carbonFibre
        /// Phone photo: a hessian (jute) sack (a coarse open weave of hairy brown threads, the dark
        /// inside showing through, stray fibres, a seam sewn with thick twine).
        case hessianSack
        /// Phone photo: a sports hall's floor (light varnished maple strips with broad painted court
        /// lines in two or three colours at angles of their own, an arc, a soft sheen): strong
        /// straight lines parallel to nothing in particular.
        case courtFloor
        /// An office multifunction printer's greyscale flatbed scan at 300 dpi (A4, 2480 × 3508): the
        /// card anywhere on the glass, a light grey foam lid (luma 205–225 after the scan's curve),
        /// the scanner's slight gamma lift under a shoulder (`greyscaleScan`), the image grey (R = G = B).
        case greyscaleFlatbed
    }
    /// Non-card objects for "no card" scenes.
    public enum Distractor: String, Sendable, Hashable { case none, disc, pen }
    /// Two card looks, so that tuning on one and measuring on the other is possible.
    public enum Design: String, Sendable, Hashable, CaseIterable {
        /// Pale blue, blue header band, photo on the left (2013-model-like).
        case model2013
        /// Near-white with magenta/teal rosette guilloche, photo on the right (2024-model-like).
        case model2024
    }
    /// Which face of the card.
    public enum Side: String, Sendable, Hashable, CaseIterable { case front, back }

    public var width = 1100
    public var height = 825
    public var background: Background = .desk
    public var design: Design = .model2013
    public var side: Side = .front
    public var hasCard = true
    public var distractor: Distractor = .none
    /// Card long side as a fraction of the image width.
    public var cardWidthFraction = 0.7
    /// Card centre as fractions of the image size.
    public var centerX = 0.5
    public var centerY = 0.5
    public var rotationDegrees = 0.0
    /// Perspective: the card's far (top) edge is shorter by this fraction.
    public var perspective = 0.0
    /// Strength (0–1) of a soft shadow darkening one side of the scene.
    public var shadow = 0.0
    /// A soft-edged shadow (a hand or a phone between the lamp and the table) over part of the
    /// scene; nil = none.
    public var castShadow: CastShadow? = nil
    /// Strength (0–1) of an illumination gradient (a lamp on one side): brighter there, darker opposite.
    public var lightGradient = 0.0
    /// Two lamps from two directions (a gradient along each); nil = none (holdout5).
    public var twoLamps: TwoLamps? = nil
    /// A soft specular sheen band (lifted towards white, never clipped); nil = none (holdout5).
    public var sheen: Sheen? = nil
    /// Focus falling off towards one end of the card (a tilted focal plane); nil = none (holdout5).
    public var focusFalloff: FocusFalloff? = nil
    /// Cool fluorescent cast (0–1): red lowered, green and (more) blue raised; 0 = none (holdout5).
    public var fluorescentCast = 0.0
    /// Window-blind stripes: soft parallel bands of shadow over the whole scene; nil = none (holdout6).
    public var blindStripes: BlindStripes? = nil
    /// A soft camera-flash hotspot (lifted towards, never past, 240); nil = none (holdout6).
    public var flashHotspot: FlashHotspot? = nil
    /// A fingertip over the card's outer margin at one short edge; nil = none (holdout6).
    public var fingertip: Fingertip? = nil
    /// A colour tint: each channel multiplied (and clamped), a warm tungsten or cool
    /// fluorescent light; nil = none (holdout7).
    public var tint: Tint? = nil
    /// The soft shadow of the phone over one corner of the card; nil = none (holdout7).
    public var phoneShadow: PhoneShadow? = nil
    /// A broad, soft, slightly brighter diagonal reflection band (never lifting a pixel to
    /// 250 or over); nil = none (holdout7).
    public var reflectionBand: ReflectionBand? = nil
    /// Raking side light: a strong linear falloff across the whole scene, card included; nil =
    /// none (holdout8).
    public var rakingLight: RakingLight? = nil
    /// A green or magenta LED cast: per-channel gains, the top of each channel compressed softly
    /// under 250 so that it never clips; nil = none (holdout8).
    public var ledCast: Tint? = nil
    /// The hard shadow bars of a window frame or blind across the scene, card included; nil =
    /// none (holdout9).
    public var shadowBars: ShadowBars? = nil
    /// A cool blue daylight/monitor cast: per-channel gains, the top of each channel compressed
    /// softly under 250 so that it never clips; nil = none (holdout9).
    public var coolCast: Tint? = nil
    /// Dim-room sensor noise (luminance and blotchy chroma noise, its own random stream), added
    /// after `noise`; nil = none (holdout9).
    public var sensorNoise: SensorNoise? = nil
    /// The phone's HDR look (local tone mapping with a soft halo, a mild sharpening overshoot,
    /// the top compressed softly under 250); nil = none (holdout10).
    public var hdrLook: HDRLook? = nil
    /// Barrel distortion of a wide phone lens, k1 about the image centre (the frame's corners
    /// fixed); 0 = none (holdout10).
    public var barrel = 0.0
    /// Mixed light, a warm lamp on one side and a cool window on the other (per-channel gains
    /// varying smoothly across the scene, never clipping); nil = none (holdout10).
    public var mixedLight: MixedLight? = nil
    /// A messaging app's resizing: the whole image scaled down to this many px on its long side
    /// (after `downscale`); nil = none (holdout10).
    public var resizeLongSide: Int? = nil
    /// The phone's low-light look (exposure ≈ 0.7, high-ISO luminance and chroma noise, then the
    /// phone's edge-preserving noise reduction); nil = none (holdout11).
    public var lowLight: LowLight? = nil
    /// A gallery app's screenshot of the photo (a 1080 × 2400 portrait screen, status bar,
    /// toolbar, the photo fitted to the width); nil = none (holdout11).
    public var screenshot: Screenshot? = nil
    /// A thumb holding the card over one edge's margin; nil = none (holdout11).
    public var thumb: Thumb? = nil
    /// The EXIF orientation (6 or 8) a JPEG of the scene is stored with, its pixels rotated so
    /// that a viewer honouring the tag shows `render`'s upright image (see
    /// `IDScanLabelledCase.data`); nil = stored upright, no tag (holdout11).
    public var exifOrientation: Int? = nil
    /// A dirty lens's veiling glare over the whole frame (contrast lowered, blacks lifted); nil =
    /// none (holdout12).
    public var haze: Haze? = nil
    /// The card held in a hand against a dark sweater (the sweater instead of the background,
    /// fingertips over the card's bottom edge); nil = none (holdout12).
    public var hand: Hand? = nil
    /// The photo cropped by the user in a phone editor (the rendered frame cut to this rectangle);
    /// nil = none (holdout12).
    public var userCrop: UserCrop? = nil
    /// An overhead book scanner's two lamps (one side brighter); nil = none (holdout12).
    public var bookLamps: BookLamps? = nil
    /// Mixed light: warm (tungsten) light from one side and cool daylight from the other (a colour
    /// cast changing across the frame, each pixel's luma kept); nil = none (holdout13).
    public var tungstenDaylight: TungstenDaylight? = nil
    /// A phone's portrait mode: the background strongly blurred, the card sharp, a soft halo along
    /// its outline; nil = none (holdout13).
    public var portrait: Portrait? = nil
    /// The phone's own soft shadow (its rounded outline, held over the card) over part of the card;
    /// nil = none (holdout13).
    public var phoneShade: PhoneShade? = nil
    /// A glossy surface's faint mirrored reflection of the card below its near edge; nil = none (holdout13).
    public var reflection: Reflection? = nil
    /// A sheet-fed scanner's feed: a vertical stretch of the card and a dust streak; nil = none (holdout13).
    public var sheetFeed: SheetFeed? = nil
    /// A phone's night mode in a dim room: luma noise and coarse chroma blotches, then the phone's
    /// denoise smoothing fine texture (edges and print kept); nil = none (holdout14).
    public var nightMode: NightMode? = nil
    /// A fluorescent tube's green-cyan cast (white balance off), each pixel's luma roughly kept;
    /// nil = none (holdout14).
    public var greenCyanCast: GreenCyanCast? = nil
    /// Strong lens vignetting: the corners 40–60 % darker, the middle (the card) nearly untouched;
    /// nil = none (holdout14).
    public var strongVignette: StrongVignette? = nil
    /// A phone's HDR: local tone mapping (shadows lifted, local contrast boosted, a soft halo along
    /// strong outlines such as the card's); nil = none (holdout14).
    public var hdrTone: HDRTone? = nil
    /// A document-scanner app's "enhanced" filter (the paper whitened, the card's tones curved, an
    /// unsharp mask); nil = none (holdout14).
    public var scanApp: ScanAppFilter? = nil
    /// A clear plastic sleeve round the card on a phone photo (a haze, its faint edge, a soft
    /// diagonal sheen kept under 245); nil = none (holdout15).
    public var photoSleeve: PhotoSleeve? = nil
    /// An office printer's greyscale scan (a gamma lift under a shoulder, then R = G = B); nil =
    /// colour (holdout15).
    public var greyscaleScan: GreyscaleScan? = nil
    /// Strength (0–1) of the thin dark rim a flatbed scan draws along the card's edge (its thickness).
    public var scanRim = 0.0
    /// Warm colour cast (0–1): red raised and blue lowered by this fraction (tungsten light).
    public var warmCast = 0.0
    /// Vignetting strength (0–1): darkening towards the image corners (1 − v·r², r = 1 at a corner).
    public var vignette = 0.0
    /// Multiplies luminance (under/over exposure).
    public var exposure = 1.0
    /// Scales contrast around mid-gray.
    public var contrast = 1.0
    /// Number of clipped specular spots on the card and the card fraction they cover together.
    public var glareSpots = 0
    public var glareAreaFraction = 0.0
    /// Gaussian blur sigma, output pixels.
    public var gaussianBlur = 0.0
    /// Motion blur length in output pixels; vertical when `motionVertical`.
    public var motionBlur = 0
    public var motionVertical = false
    /// Gaussian noise sigma (0–255 scale).
    public var noise = 0.0
    /// Integer box downscale applied last (a low-resolution capture).
    public var downscale = 1
    public var seed: UInt64 = 1

    public init() {}

    /// A shadow with a straight, soft edge: the pixels on the side of the edge the normal points
    /// to are darkened by `strength`, with a penumbra of `softness` (a fraction of the image
    /// diagonal) on each side of the edge.
    public struct CastShadow: Sendable, Hashable {
        /// Darkening (0–1) in the full shadow.
        public var strength: Double
        /// Direction of the edge's normal, radians (towards the shadow).
        public var angle: Double
        /// A point on the edge, as fractions of the image size.
        public var originX: Double
        public var originY: Double
        /// Half-width of the penumbra, as a fraction of the image diagonal.
        public var softness: Double
        public init(strength: Double, angle: Double, originX: Double, originY: Double, softness: Double) {
            self.strength = strength; self.angle = angle; self.originX = originX; self.originY = originY; self.softness = softness
        }
    }

    /// Two lamps: a brightness gradient of `strength1` along direction `angle1` (radians) and one
    /// of `strength2` along `angle2`, multiplied.
    public struct TwoLamps: Sendable, Hashable {
        public var strength1: Double
        public var angle1: Double
        public var strength2: Double
        public var angle2: Double
        public init(strength1: Double, angle1: Double, strength2: Double, angle2: Double) {
            self.strength1 = strength1; self.angle1 = angle1; self.strength2 = strength2; self.angle2 = angle2
        }
    }

    /// A straight band of specular sheen through a point: each pixel is lifted towards white by
    /// `strength` × a Gaussian of its distance from the band's centre line (`width`: its scale, a
    /// fraction of the image diagonal; `angle`: the direction of the band's normal, radians).
    public struct Sheen: Sendable, Hashable {
        public var strength: Double
        public var angle: Double
        /// A point on the band's centre line, as fractions of the image size.
        public var originX: Double
        public var originY: Double
        public var width: Double
        public init(strength: Double, angle: Double, originX: Double, originY: Double, width: Double) {
            self.strength = strength; self.angle = angle; self.originX = originX; self.originY = originY; self.width = width
        }
    }

    /// Sharp at (`sharpX`, `sharpY`), blurred with Gaussian `sigma` (output pixels) at and beyond
    /// (`softX`, `softY`) along the line between them (points as fractions of the image size).
    public struct FocusFalloff: Sendable, Hashable {
        public var sigma: Double
        public var sharpX: Double
        public var sharpY: Double
        public var softX: Double
        public var softY: Double
        public init(sigma: Double, sharpX: Double, sharpY: Double, softX: Double, softY: Double) {
            self.sigma = sigma; self.sharpX = sharpX; self.sharpY = sharpY; self.softX = softX; self.softY = softY
        }
    }
}

extension IDScanSyntheticScene {
    /// Window-blind stripes: pixels darkened by up to `strength` in bands whose normal points
    /// along `angle` (radians), `period` (a fraction of the image diagonal) apart, shifted by
    /// `phase` (a fraction of a period).
    public struct BlindStripes: Sendable, Hashable {
        public var strength: Double
        public var angle: Double
        public var period: Double
        public var phase: Double
        public init(strength: Double, angle: Double, period: Double, phase: Double) {
            self.strength = strength; self.angle = angle; self.period = period; self.phase = phase
        }
    }

    /// A soft flash hotspot: each pixel lifted towards 240 (never past it) by `strength` × a
    /// Gaussian of its elliptical distance from the centre (fractions of the image size; the radii
    /// as fractions of the image width and height).
    public struct FlashHotspot: Sendable, Hashable {
        public var strength: Double
        public var centerX: Double
        public var centerY: Double
        public var radiusX: Double
        public var radiusY: Double
        public init(strength: Double, centerX: Double, centerY: Double, radiusX: Double, radiusY: Double) {
            self.strength = strength; self.centerX = centerX; self.centerY = centerY; self.radiusX = radiusX; self.radiusY = radiusY
        }
    }

    /// A fingertip (a thumb holding the card) coming from outside one short edge of the card: its
    /// rounded tip reaches `depth` × the card's width past that edge (over the card's outer margin),
    /// at `along` (0–1) down the edge; `radius` is the finger's half-width as a fraction of the
    /// card's width, `tilt` its turn (radians) from the edge's normal; skin tone (`red`, `green`,
    /// `blue`).
    public struct Fingertip: Sendable, Hashable {
        public var rightEdge: Bool
        public var along: Double
        public var depth: Double
        public var radius: Double
        public var tilt: Double
        public var red: Double
        public var green: Double
        public var blue: Double
        public init(rightEdge: Bool, along: Double, depth: Double, radius: Double, tilt: Double, red: Double, green: Double, blue: Double) {
            self.rightEdge = rightEdge; self.along = along; self.depth = depth; self.radius = radius; self.tilt = tilt
            self.red = red; self.green = green; self.blue = blue
        }
    }
}

extension IDScanSyntheticScene {
    /// A colour tint: the red, green and blue channels multiplied by these factors (clamped to 255).
    public struct Tint: Sendable, Hashable {
        public var red: Double
        public var green: Double
        public var blue: Double
        public init(red: Double, green: Double, blue: Double) { self.red = red; self.green = green; self.blue = blue }
    }

    /// The phone's shadow: a rectangle with soft straight edges, darkening by `strength`. One
    /// straight edge runs through (`edgeX`, `edgeY`) (fractions of the image size) across the
    /// card near one corner, its inward normal (into the shadow) along `angle` (radians); the
    /// rectangle is `length` long along that edge and `depth` deep (fractions of the image
    /// diagonal); `softness` is the blur of its edges on each side (a fraction of the diagonal).
    public struct PhoneShadow: Sendable, Hashable {
        public var strength: Double
        public var edgeX: Double
        public var edgeY: Double
        public var angle: Double
        public var length: Double
        public var depth: Double
        public var softness: Double
        public init(strength: Double, edgeX: Double, edgeY: Double, angle: Double, length: Double, depth: Double, softness: Double) {
            self.strength = strength; self.edgeX = edgeX; self.edgeY = edgeY; self.angle = angle
            self.length = length; self.depth = depth; self.softness = softness
        }
    }

    /// A reflection band: pixels lifted by up to `lift` levels (fading out towards 249, never
    /// reaching 250) × a Gaussian of their distance from the band's centre line, which runs
    /// through (`originX`, `originY`) (fractions of the image size) with its normal along
    /// `angle` (radians); `width` is a fraction of the image diagonal.
    public struct ReflectionBand: Sendable, Hashable {
        public var lift: Double
        public var angle: Double
        public var originX: Double
        public var originY: Double
        public var width: Double
        public init(lift: Double, angle: Double, originX: Double, originY: Double, width: Double) {
            self.lift = lift; self.angle = angle; self.originX = originX; self.originY = originY; self.width = width
        }
    }
}

extension IDScanSyntheticScene {
    /// Raking side light: the brightness falls off linearly across the whole image (card
    /// included) along `angle` (radians, the direction away from the lamp), from × 1 at the
    /// frame's most lit corner to × (1 − `strength`) at the opposite one (so it never brightens).
    public struct RakingLight: Sendable, Hashable {
        public var strength: Double
        public var angle: Double
        public init(strength: Double, angle: Double) { self.strength = strength; self.angle = angle }
    }
}

/// Card artwork: interleaved RGB pixels of one card face, ID-1 aspect (any size). An input to the
/// scene renderer, so any painter (a real QR/MRZ back painter, say) can supply it.
public struct IDScanCardTexture: Sendable {
    public var width: Int
    public var height: Int
    /// Interleaved RGB, `width * height * 3` bytes.
    public var rgb: [UInt8]
    public init(width: Int, height: Int, rgb: [UInt8]) { self.width = width; self.height = height; self.rgb = rgb }
}

/// A procedural, obviously-not-real ID-1 card ("MUESTRA", "SPECIMEN", a blank face oval, fake MRZ
/// rows and QR/barcode-like blocks) rendered into photo-like or scan-like scenes. Deterministic for a seed.
public enum IDScanSyntheticCard {
    /// Card texture size (ID-1 aspect 85.60 × 53.98 mm at 10 px/mm).
    public static let textureWidth = 856
    public static let textureHeight = 540

    /// Renders the scene as interleaved RGB, with `texture` as the card face (default: the scene's
    /// design and side painted by ``texture(design:side:seed:)``).
    public static func render(_ scene: IDScanSyntheticScene, texture: IDScanCardTexture? = nil) -> (pixels: [UInt8], width: Int, height: Int) {
        let planes = renderPlanes(scene, texture: texture)
        let W = planes.width, H = planes.height
        var out = [UInt8](repeating: 0, count: W * H * 3)
        out.withUnsafeMutableBufferPointer { o in
            for c in 0..<3 {
                planes.channels[c].withUnsafeBufferPointer { p in
                    for i in 0..<(W * H) { o[i * 3 + c] = p[i] }
                }
            }
        }
        return (out, W, H)
    }

    /// The scene as JPEG bytes.
    public static func jpeg(_ scene: IDScanSyntheticScene, quality: Int = 90, texture: IDScanCardTexture? = nil) throws(IDScanImageEncoder.EncodeError) -> Data {
        let r = render(scene, texture: texture)
        return try IDScanImageEncoder.jpeg(pixels: r.pixels, width: r.width, height: r.height, components: 3, quality: quality)
    }

    /// The scene as PNG bytes.
    public static func png(_ scene: IDScanSyntheticScene, texture: IDScanCardTexture? = nil) throws(IDScanImageEncoder.EncodeError) -> Data {
        let r = render(scene, texture: texture)
        return try IDScanImageEncoder.png(pixels: r.pixels, width: r.width, height: r.height, components: 3)
    }

    /// Where the card's corners fall in the rendered image (after any barrel distortion,
    /// `downscale` and a messaging app's resizing).
    public static func cardCorners(_ scene: IDScanSyntheticScene) -> [IDScanPoint] {
        if let sc = scene.screenshot { return holdout11ScreenshotCorners(scene, sc) }   // holdout11
        if let uc = scene.userCrop { return holdout12CropCorners(scene, uc) }   // holdout12
        let d = Double(max(scene.downscale, 1))
        guard scene.barrel != 0 || scene.resizeLongSide != nil else {
            return cardQuad(scene).map { IDScanPoint(x: $0.x / d, y: $0.y / d) }
        }
        // holdout10: the lens's barrel distortion, then the messaging app's resizing.
        let W = min(max(scene.width, 8), 16384), H = min(max(scene.height, 8), 16384)
        let dd = scene.downscale > 1 ? min(scene.downscale, W / 4, H / 4) : 1
        let o = outputSize(scene)
        let fx = Double(o.width) / Double(W / dd) / d, fy = Double(o.height) / Double(H / dd) / d
        return cardQuad(scene).map { barrelForward($0, scene) }.map { IDScanPoint(x: $0.x * fx, y: $0.y * fy) }
    }

    /// The mean over the card's area of `cover` (0–1 at an image point (x, y), before any
    /// downscale): how much of the card an effect (a shadow, bars…) covers, sampled at every
    /// second pixel in each direction; 0 without a card. For tests.
    public static func cardCoverFraction(_ s: IDScanSyntheticScene, _ cover: (Double, Double) -> Double) -> Double {
        guard s.hasCard else { return 0 }
        let q = cardQuad(s)
        let xs = q.map(\.x), ys = q.map(\.y)
        func inside(_ x: Double, _ y: Double) -> Bool {
            (0..<4).allSatisfy { k in
                let a = q[k], b = q[(k + 1) % 4]
                return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x) >= 0
            }
        }
        var n = 0.0, total = 0.0
        for y in stride(from: max(0, Int(ys.min() ?? 0)), through: min(s.height - 1, Int(ys.max() ?? 0)), by: 2) {
            for x in stride(from: max(0, Int(xs.min() ?? 0)), through: min(s.width - 1, Int(xs.max() ?? 0)), by: 2)
            where inside(Double(x) + 0.5, Double(y) + 0.5) {
                n += 1; total += cover(Double(x) + 0.5, Double(y) + 0.5)
            }
        }
        return n > 0 ? total / n : 0
    }

    // MARK: - Geometry (local copies: the library's are internal)

    struct P: Sendable { var x: Double; var y: Double }

    static func cardQuad(_ s: IDScanSyntheticScene) -> [P] {
        let W = Double(s.width), H = Double(s.height)
        let cw = s.cardWidthFraction * W, ch = cw * 53.98 / 85.60
        let top = cw * (1 - s.perspective) / 2, bottom = cw / 2
        let local = [P(x: -top, y: -ch / 2), P(x: top, y: -ch / 2), P(x: bottom, y: ch / 2), P(x: -bottom, y: ch / 2)]
        let a = s.rotationDegrees * .pi / 180
        let c = P(x: s.centerX * W, y: s.centerY * H)
        if let f = s.sheetFeed {   // holdout13: the sheet-fed scanner's feed stretches the image vertically
            return local.map { p in P(x: c.x + p.x * cos(a) - p.y * sin(a), y: c.y + (p.x * sin(a) + p.y * cos(a)) * (1 + f.stretch)) }
        }
        return local.map { p in P(x: c.x + p.x * cos(a) - p.y * sin(a), y: c.y + p.x * sin(a) + p.y * cos(a)) }
    }

    /// Homography mapping four points onto four points (8 coefficients, h33 = 1).
    static func homography(from src: [P], to dst: [P]) -> [Double]? {
        guard src.count == 4, dst.count == 4 else { return nil }
        var m = [[Double]](repeating: [Double](repeating: 0, count: 9), count: 8)
        for i in 0..<4 {
            let (x, y) = (src[i].x, src[i].y), (X, Y) = (dst[i].x, dst[i].y)
            m[2 * i] = [x, y, 1, 0, 0, 0, -x * X, -y * X, X]
            m[2 * i + 1] = [0, 0, 0, x, y, 1, -x * Y, -y * Y, Y]
        }
        for col in 0..<8 {
            var pivot = col
            for r in col..<8 where abs(m[r][col]) > abs(m[pivot][col]) { pivot = r }
            guard abs(m[pivot][col]) > 1e-12 else { return nil }
            m.swapAt(col, pivot)
            for r in 0..<8 where r != col {
                let f = m[r][col] / m[col][col]
                if f != 0 { for k in col..<9 { m[r][k] -= f * m[col][k] } }
            }
        }
        return (0..<8).map { m[$0][8] / m[$0][$0] }
    }

    static func polygonArea(_ p: [P]) -> Double {
        var a = 0.0
        for i in 0..<p.count { let q = p[(i + 1) % p.count]; a += p[i].x * q.y - p[i].y * q.x }
        return abs(a) / 2
    }

    /// Signed distance (texture px, negative inside) to the rounded-rectangle card outline.
    static func roundedDistance(_ u: Double, _ v: Double, _ w: Double, _ h: Double, _ r: Double) -> Double {
        let qx = abs(u - w / 2) - (w / 2 - r), qy = abs(v - h / 2) - (h / 2 - r)
        let ox = max(qx, 0), oy = max(qy, 0)
        return (ox * ox + oy * oy).squareRoot() + min(max(qx, qy), 0) - r
    }

    /// Box-averages RGB planes by an integer factor.
    static func downscalePlane(_ p: [UInt8], _ W: Int, _ H: Int, by f: Int) -> [UInt8] {
        guard f > 1 else { return p }
        let ow = W / f, oh = H / f
        var out = [UInt8](repeating: 0, count: ow * oh)
        let area = f * f
        for oy in 0..<oh {
            for ox in 0..<ow {
                var sum = 0
                for dy in 0..<f { let row = (oy * f + dy) * W + ox * f; for dx in 0..<f { sum += Int(p[row + dx]) } }
                out[oy * ow + ox] = UInt8(truncatingIfNeeded: (sum + area / 2) / area)
            }
        }
        return out
    }

    // MARK: - Backgrounds

    /// Hash noise in [0, 1) on an integer lattice.
    static func lattice(_ x: Int, _ y: Int, _ seed: UInt64) -> Double {
        var z = UInt64(bitPattern: Int64(x)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(y)) &* 0xC2B2_AE3D_27D4_EB4F ^ seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    /// Smooth value noise with cells of `cell` pixels.
    static func valueNoise(_ x: Double, _ y: Double, cell: Double, seed: UInt64) -> Double {
        let fx = x / cell, fy = y / cell
        let ix = Int(fx.rounded(.down)), iy = Int(fy.rounded(.down))
        var ax = fx - Double(ix), ay = fy - Double(iy)
        ax = ax * ax * (3 - 2 * ax); ay = ay * ay * (3 - 2 * ay)
        let a = lattice(ix, iy, seed), b = lattice(ix + 1, iy, seed), c = lattice(ix, iy + 1, seed), d = lattice(ix + 1, iy + 1, seed)
        return (a * (1 - ax) + b * ax) * (1 - ay) + (c * (1 - ax) + d * ax) * ay
    }

    /// Background RGB planes (Double, 0–255) for the scene.
    static func backgroundPlanes(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ rng: inout SplitMix64) -> [[Double]] {
        var R = [Double](repeating: 0, count: W * H), G = R, B = R
        let scale = 1000 / Double(max(W, H))   // textures keep their look at any image size
        let bgSeed = rng.next()
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        switch s.background {
        case .desk:
            let tones: [(Double, Double, Double)] = [(128, 88, 56), (96, 70, 50), (150, 118, 84), (84, 84, 90), (60, 64, 72), (140, 130, 118)]
            let desk = tones[Int(rng.next() % UInt64(tones.count))]
            let phase = rng.unit() * 6.28
            let grainFreq = (0.045 + rng.unit() * 0.03) * scale, waveFreq = (0.004 + rng.unit() * 0.004) * scale
            for y in 0..<H {
                let fy = Double(y) + 0.5
                for x in 0..<W {
                    let fx = Double(x) + 0.5
                    let wave = sin(fx * waveFreq * 6.283 + phase)
                    let g = 0.86 + 0.1 * sin((fy * grainFreq + 5 * wave) * 6.283) + 0.04 * sin((fx * 0.9 + fy * 0.31) * 6.283)
                    put(y * W + x, (desk.0 * g, desk.1 * g, desk.2 * g))
                }
            }
        case .white, .greyLid, .creamLid:
            let base = s.background == .white ? 244 + 6 * rng.unit() : (s.background == .greyLid ? 212 + 16 * rng.unit() : 222 + 14 * rng.unit())
            let tint = s.background == .creamLid ? 8 + 6 * rng.unit() : (rng.unit() - 0.5) * 4
            for y in 0..<H {
                for x in 0..<W {
                    let v = base + 3 * (valueNoise(Double(x) * scale, Double(y) * scale, cell: 180, seed: bgSeed) - 0.5)
                    put(y * W + x, (v + tint, v, v - tint))
                }
            }
        case .wood:
            let tones: [(Double, Double, Double)] = [(176, 124, 76), (120, 78, 44), (196, 160, 112), (92, 60, 38)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            let freq = (0.05 + 0.04 * rng.unit()) * scale, vertical = rng.next() % 2 == 0
            for y in 0..<H {
                for x in 0..<W {
                    let a = (vertical ? Double(x) : Double(y)) * freq, b = (vertical ? Double(y) : Double(x)) * scale
                    let warp = 6 * valueNoise(b, a * 20, cell: 160, seed: bgSeed) + 2 * valueNoise(b, a * 20, cell: 40, seed: bgSeed &+ 1)
                    let ring = 0.5 + 0.5 * sin((a + warp) * 6.283)
                    let g = 0.62 + 0.3 * pow(ring, 3) + 0.08 * valueNoise(b * 0.5, a * 60, cell: 3, seed: bgSeed &+ 2)
                    put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                }
            }
        case .stone:
            let tones: [(Double, Double, Double)] = [(150, 146, 140), (110, 108, 112), (182, 170, 150), (90, 86, 80)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            for y in 0..<H {
                for x in 0..<W {
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let n = 0.5 * valueNoise(fx, fy, cell: 60, seed: bgSeed) + 0.3 * valueNoise(fx, fy, cell: 14, seed: bgSeed &+ 1)
                        + 0.2 * valueNoise(fx, fy, cell: 4, seed: bgSeed &+ 2)
                    let speck = lattice(Int(fx / 2), Int(fy / 2), bgSeed &+ 3)
                    var g = 0.55 + 0.8 * (n - 0.5) + 0.45
                    if speck > 0.97 { g *= 0.45 } else if speck < 0.025 { g = min(g * 1.5, 1.6) }
                    put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                }
            }
        case .fabric:
            let tones: [(Double, Double, Double)] = [(40, 52, 96), (140, 36, 40), (50, 100, 60), (170, 160, 140)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            let period = (4 + 3 * rng.unit()) / scale
            for y in 0..<H {
                for x in 0..<W {
                    let wx = sin(Double(x) * 6.283 / period), wy = sin(Double(y) * 6.283 / period)
                    let weave = (Int((Double(x) / period).rounded(.down)) + Int((Double(y) / period).rounded(.down))) % 2 == 0 ? wx : wy
                    let g = 0.85 + 0.15 * weave + 0.12 * (valueNoise(Double(x) * scale, Double(y) * scale, cell: 90, seed: bgSeed) - 0.5)
                    put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                }
            }
        case .slate:
            let v = 42 + 22 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let g = 1 + 0.08 * (valueNoise(Double(x) * scale, Double(y) * scale, cell: 120, seed: bgSeed) - 0.5)
                    put(y * W + x, (v * g, v * g * 1.02, v * g * 1.06))
                }
            }
        case .granite:
            let v = 30 + 25 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let crystal = lattice(Int(fx / 5), Int(fy / 5), bgSeed)
                    let speck = lattice(Int(fx / 1.5), Int(fy / 1.5), bgSeed &+ 1)
                    var g = v * (0.85 + 0.3 * valueNoise(fx, fy, cell: 25, seed: bgSeed &+ 2))
                    if crystal > 0.8 { g += 45 * (crystal - 0.8) / 0.2 }
                    if speck > 0.985 { g = 200 + 40 * (speck - 0.985) / 0.015 }
                    put(y * W + x, (g, g * 0.98, g * 0.97))
                }
            }
        case .tablecloth:
            let colours: [(Double, Double, Double)] = [(196, 48, 52), (40, 80, 160), (60, 130, 70), (120, 110, 100)]
            let c = colours[Int(rng.next() % UInt64(colours.count))]
            let check = (18 + 14 * rng.unit()) / scale
            let a = (rng.unit() - 0.5) * 0.6
            let (ca, sa) = (cos(a), sin(a))
            for y in 0..<H {
                for x in 0..<W {
                    let u = Double(x) * ca + Double(y) * sa, v = -Double(x) * sa + Double(y) * ca
                    let bu = Int((u / check).rounded(.down)) & 1, bv = Int((v / check).rounded(.down)) & 1
                    // Gingham: white where neither band is coloured, tinted where one is, full where both are.
                    let k = Double(bu + bv) / 2
                    let weave = 0.93 + 0.07 * sin(u * 2.2 * scale) * sin(v * 2.2 * scale)
                    let w = 236.0
                    put(y * W + x, ((w + (c.0 - w) * k) * weave, (w + (c.1 - w) * k) * weave, (w + (c.2 - w) * k) * weave))
                }
            }
        case .newspaper:
            let paper = 208 + 22 * rng.unit()
            let a = (rng.unit() - 0.5) * 0.3
            let (ca, sa) = (cos(a), sin(a))
            let colW = (150 + 60 * rng.unit()) / scale, gutter = 14 / scale, lineH = (10 + 3 * rng.unit()) / scale
            let layoutSeed = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let u = Double(x) * ca + Double(y) * sa + 400, v = -Double(x) * sa + Double(y) * ca + 400
                    let col = Int((u / (colW + gutter)).rounded(.down)), inCol = u - Double(col) * (colW + gutter)
                    var g = paper
                    if inCol < colW {
                        // Blocks down a column: text, a headline or a halftone photo.
                        let block = Int((v / (lineH * 14)).rounded(.down))
                        let kind = lattice(col, block, layoutSeed)
                        let inBlock = v - Double(block) * lineH * 14
                        if kind > 0.82 {   // photo: blotchy grey halftone
                            if inBlock > lineH, inBlock < lineH * 13 {
                                let t = valueNoise(u * scale, v * scale, cell: 30, seed: layoutSeed &+ UInt64(col))
                                let dot = (sin(u * 1.6 * scale) * sin(v * 1.6 * scale) + 1) / 2
                                g = dot < t ? 70 : paper - 30
                            }
                        } else {
                            let isHead = kind > 0.7 && inBlock < lineH * 4
                            let lh = isHead ? lineH * 2 : lineH
                            let row = Int((inBlock / lh).rounded(.down)), inRow = inBlock - Double(row) * lh
                            if inRow < lh * (isHead ? 0.7 : 0.55),
                               lattice(Int(inCol / (isHead ? 14 / scale : 7 / scale)), row + block * 100 + col * 10_000, layoutSeed &+ 5) > 0.2 {
                                g = isHead ? 25 : 55
                            }
                        }
                    } else if inCol < colW + 2 / scale, lattice(col, 0, layoutSeed &+ 9) > 0.5 {
                        g = 90   // a column rule
                    }
                    put(y * W + x, (g, g * 0.99, g * 0.95))
                }
            }
        case .keyboard:
            let deck = 150 + 50 * rng.unit(), key = 22 + 20 * rng.unit()
            let pitch = (120 + 40 * rng.unit()) / scale, gap = pitch * 0.12   // a 19 mm key pitch at the card's scale
            let a = (rng.unit() - 0.5) * 0.5
            let (ca, sa) = (cos(a), sin(a))
            let legendSeed = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let u = Double(x) * ca + Double(y) * sa + 500, v = -Double(x) * sa + Double(y) * ca + 500
                    let row = Int((v / pitch).rounded(.down))
                    let shift = Double(row % 3) * pitch * 0.33
                    let ku = (u + shift).truncatingRemainder(dividingBy: pitch), kv = v - Double(row) * pitch
                    var g = deck * (0.95 + 0.05 * valueNoise(Double(x) * scale, Double(y) * scale, cell: 200, seed: bgSeed))
                    if ku > gap, kv > gap, ku < pitch - gap, kv < pitch - gap {
                        g = key
                        // A light legend near the key's top-left corner.
                        let lu = ku - gap * 2, lv = kv - gap * 2
                        let kx = Int(((u + shift) / pitch).rounded(.down))
                        if lu > 0, lv > 0, lu < pitch * 0.25, lv < pitch * 0.3,
                           lattice(Int(lu / (5 / scale)) + kx * 50, Int(lv / (5 / scale)) + row * 50, legendSeed) > 0.55 { g = 200 }
                    }
                    put(y * W + x, (g, g, g * 1.03))
                }
            }
        case .marble:
            let base = 212 + 26 * rng.unit()
            let a = rng.unit() * 3.14
            let (ca, sa) = (cos(a), sin(a))
            let freq = (0.012 + 0.01 * rng.unit()) * scale
            for y in 0..<H {
                for x in 0..<W {
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let turb = 3.0 * valueNoise(fx, fy, cell: 120, seed: bgSeed) + 1.2 * valueNoise(fx, fy, cell: 30, seed: bgSeed &+ 1)
                        + 0.4 * valueNoise(fx, fy, cell: 8, seed: bgSeed &+ 2)
                    let u = (Double(x) * ca + Double(y) * sa) * freq
                    let vein = pow(abs(sin((u + turb) * 3.1416)), 0.25)   // thin dark lines where sin ≈ 0
                    let g = base * (0.55 + 0.45 * vein) * (0.97 + 0.06 * valueNoise(fx, fy, cell: 60, seed: bgSeed &+ 3))
                    put(y * W + x, (g, g * 0.99, g * 0.97))
                }
            }
        case .carpet:
            let tones: [(Double, Double, Double)] = [(170, 150, 120), (110, 110, 114), (60, 76, 120), (130, 60, 50)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            for y in 0..<H {
                for x in 0..<W {
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let pile = lattice(Int(fx / 1.5), Int(fy / 1.5), bgSeed) - 0.5
                    let tuft = valueNoise(fx, fy, cell: 4, seed: bgSeed &+ 1) - 0.5
                    let g = 0.9 + 0.22 * pile + 0.25 * tuft + 0.1 * (valueNoise(fx, fy, cell: 150, seed: bgSeed &+ 2) - 0.5)
                    put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                }
            }
        case .leather:
            let tones: [(Double, Double, Double)] = [(58, 38, 26), (30, 28, 28), (74, 44, 30), (40, 34, 46)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            for y in 0..<H {
                for x in 0..<W {
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let pebble = valueNoise(fx, fy, cell: 7, seed: bgSeed)
                    let crease = abs(valueNoise(fx, fy, cell: 40, seed: bgSeed &+ 1) - 0.5) < 0.02 ? 0.7 : 1.0
                    let sheen = 1 + 0.25 * (valueNoise(fx, fy, cell: 260, seed: bgSeed &+ 2) - 0.5)
                    let g = (0.8 + 0.4 * pebble * pebble) * crease * sheen
                    put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                }
            }
        case .cork:
            let t = (176 + 20 * rng.unit(), 132 + 16 * rng.unit(), 88 + 12 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let granule = valueNoise(fx, fy, cell: 5, seed: bgSeed)
                    let pore = lattice(Int(fx / 3), Int(fy / 3), bgSeed &+ 1)
                    var g = 0.78 + 0.35 * granule + 0.08 * (valueNoise(fx, fy, cell: 50, seed: bgSeed &+ 2) - 0.5)
                    if pore > 0.94 { g *= 0.5 } else if pore < 0.03 { g *= 1.15 }
                    put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                }
            }
        case .brick:
            let tones: [(Double, Double, Double)] = [(160, 72, 52), (130, 60, 46), (176, 110, 80), (110, 86, 76)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            let mortar = 175 + 40 * rng.unit()
            let bw = (90 + 30 * rng.unit()) / scale, bh = bw * 0.35, joint = bh * 0.14
            let a = (rng.unit() - 0.5) * 0.4
            let (ca, sa) = (cos(a), sin(a))
            for y in 0..<H {
                for x in 0..<W {
                    let u = Double(x) * ca + Double(y) * sa + 300, v = -Double(x) * sa + Double(y) * ca + 300
                    let row = Int((v / bh).rounded(.down))
                    let uu = u + (row % 2 == 0 ? 0 : bw / 2)
                    let col = Int((uu / bw).rounded(.down))
                    let iu = uu - Double(col) * bw, iv = v - Double(row) * bh
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    if iu < joint || iv < joint {
                        let g = mortar * (0.92 + 0.16 * valueNoise(fx, fy, cell: 3, seed: bgSeed))
                        put(y * W + x, (g, g * 0.97, g * 0.92))
                    } else {
                        let shade = 0.8 + 0.35 * lattice(col, row, bgSeed &+ 1)
                        let g = shade * (0.9 + 0.2 * valueNoise(fx, fy, cell: 6, seed: bgSeed &+ 2))
                        put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                    }
                }
            }
        case .floralCloth:
            let grounds: [(Double, Double, Double)] = [(236, 226, 200), (60, 70, 120), (200, 210, 190), (120, 40, 50)]
            let inks: [(Double, Double, Double)] = [(200, 60, 90), (240, 200, 80), (60, 120, 70), (250, 240, 230)]
            let k = Int(rng.next() % UInt64(grounds.count))
            let ground = grounds[k], ink = inks[(k + 1 + Int(rng.next() % 3)) % inks.count], leaf = (70.0, 120.0, 60.0)
            let period = (70 + 40 * rng.unit()) / scale
            let a = (rng.unit() - 0.5) * 0.8
            let (ca, sa) = (cos(a), sin(a))
            for y in 0..<H {
                for x in 0..<W {
                    let u = Double(x) * ca + Double(y) * sa + 500, v = -Double(x) * sa + Double(y) * ca + 500
                    let row = Int((v / period).rounded(.down))
                    let uu = u + (row % 2 == 0 ? 0 : period / 2)
                    let cu = uu - (Double(Int((uu / period).rounded(.down))) + 0.5) * period
                    let cv = v - (Double(row) + 0.5) * period
                    let r = (cu * cu + cv * cv).squareRoot() / period, th = atan2(cv, cu)
                    var c = ground
                    if r < 0.07 { c = (240, 210, 60) }
                    else if r < 0.28 * (0.6 + 0.4 * abs(cos(2.5 * th))) { c = ink }
                    else if r > 0.36, r < 0.46, abs(sin(th * 2 + 0.6)) < 0.25 { c = leaf }
                    let weave = 0.95 + 0.05 * sin(u * 2.0 * scale) * sin(v * 2.0 * scale)
                    put(y * W + x, (c.0 * weave, c.1 * weave, c.2 * weave))
                }
            }
        case .parquet:
            let tones: [(Double, Double, Double)] = [(190, 140, 90), (160, 110, 66), (206, 170, 120), (130, 88, 56)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            let sw = (26 + 12 * rng.unit()) / scale, sl = sw * (4 + Double(rng.next() % 3))
            let a = (rng.unit() - 0.5) * 0.6
            let (ca, sa) = (cos(a), sin(a))
            for y in 0..<H {
                for x in 0..<W {
                    let u = Double(x) * ca + Double(y) * sa + 700, v = -Double(x) * sa + Double(y) * ca + 700
                    // Herringbone: columns of strips alternating ±45°.
                    let col = Int((u / sl).rounded(.down))
                    let dir = col % 2 == 0 ? 1.0 : -1.0
                    let along = v + dir * (u - Double(col) * sl)
                    let strip = Int((along / sw).rounded(.down))
                    let inStrip = along - Double(strip) * sw
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let shade = 0.82 + 0.3 * lattice(col, strip, bgSeed)
                    let grain = 0.94 + 0.1 * valueNoise(u * scale * 0.2, along * scale * 3, cell: 4, seed: bgSeed &+ 1)
                    let joint = inStrip < 1.2 / scale || (u - Double(col) * sl) < 1.2 / scale ? 0.7 : 1.0
                    let g = shade * grain * joint * (0.97 + 0.06 * valueNoise(fx, fy, cell: 90, seed: bgSeed &+ 2))
                    put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                }
            }
        case .denim:
            let base = (48 + 30 * rng.unit(), 70 + 30 * rng.unit(), 120 + 40 * rng.unit())
            let period = 3.2 / scale
            for y in 0..<H {
                for x in 0..<W {
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let twill = 0.5 + 0.5 * sin((Double(x) + Double(y)) / period * 3.1416)
                    let weft = lattice(Int(fx / 2), Int(fy / 2), bgSeed)
                    let fade = 1 + 0.35 * (valueNoise(fx, fy, cell: 140, seed: bgSeed &+ 1) - 0.5)
                    let slub = 1 + 0.15 * (valueNoise(fx * 0.2, fy * 4, cell: 6, seed: bgSeed &+ 2) - 0.5)
                    let g = (0.8 + 0.22 * twill + 0.12 * weft) * fade * slub
                    put(y * W + x, (base.0 * g + 10 * weft, base.1 * g + 10 * weft, base.2 * g + 8 * weft))
                }
            }
        case .rug:
            let palettes: [[(Double, Double, Double)]] = [
                [(140, 36, 40), (30, 40, 80), (214, 190, 150), (60, 90, 70)],
                [(40, 60, 110), (200, 180, 140), (150, 60, 40), (30, 30, 34)],
                [(200, 170, 120), (120, 40, 40), (40, 50, 60), (220, 210, 190)],
            ]
            let pal = palettes[Int(rng.next() % UInt64(palettes.count))]
            let cell = (60 + 40 * rng.unit()) / scale
            let a = (rng.unit() - 0.5) * 0.5
            let (ca, sa) = (cos(a), sin(a))
            for y in 0..<H {
                for x in 0..<W {
                    let u = Double(x) * ca + Double(y) * sa + 900, v = -Double(x) * sa + Double(y) * ca + 900
                    let cu = u.truncatingRemainder(dividingBy: cell) / cell - 0.5, cv = v.truncatingRemainder(dividingBy: cell) / cell - 0.5
                    let d = abs(cu) + abs(cv)   // diamonds
                    var c = pal[0]
                    if d < 0.16 { c = pal[2] } else if d < 0.3 { c = pal[1] } else if d > 0.44, d < 0.5 { c = pal[3] }
                    let band = Int((v / (cell * 3)).rounded(.down))
                    if band % 4 == 0, (v / (cell * 3)) - Double(band) < 0.12 { c = pal[3] }
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let pile = 0.88 + 0.2 * valueNoise(fx, fy, cell: 2.5, seed: bgSeed) + 0.06 * (valueNoise(fx, fy, cell: 120, seed: bgSeed &+ 1) - 0.5)
                    put(y * W + x, (c.0 * pile, c.1 * pile, c.2 * pile))
                }
            }
        case .glossyDesk:
            let v = 34 + 26 * rng.unit()
            let tint = (rng.unit() - 0.5) * 10
            let a = rng.unit() * 3.14, (ca, sa) = (cos(a), sin(a))
            let c0 = rng.unit() - 0.5, width0 = 0.08 + 0.1 * rng.unit(), c1 = c0 + 0.25 + 0.1 * rng.unit()
            let strength = 50 + 60 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let nx = Double(x) / Double(W) - 0.5, ny = Double(y) / Double(H) - 0.5
                    let t = nx * ca + ny * sa
                    // Two soft window reflections (broad bright bands) on a plain dark surface.
                    let r0 = exp(-pow((t - c0) / width0, 2)), r1 = 0.5 * exp(-pow((t - c1) / (width0 * 0.6), 2))
                    let g = v * (1 + 0.04 * (valueNoise(Double(x) * scale, Double(y) * scale, cell: 200, seed: bgSeed) - 0.5)) + strength * (r0 + r1)
                    put(y * W + x, (g + tint, g, g - tint))
                }
            }
        case .blackLid:
            let base = 18 + 14 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let v = base + 3 * (valueNoise(Double(x) * scale, Double(y) * scale, cell: 160, seed: bgSeed) - 0.5)
                    put(y * W + x, (v, v, v + 1))
                }
            }
        case .midGreyLid:
            let base = 165 + 20 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let v = base * (0.985 + 0.03 * valueNoise(fx, fy, cell: 3, seed: bgSeed)) + 4 * (valueNoise(fx, fy, cell: 200, seed: bgSeed &+ 1) - 0.5)
                    put(y * W + x, (v, v, v * 1.01))
                }
            }
        case .terrazzo, .spreadsheet, .doily, .crumpledPaper, .whiteboard, .basketWeave, .birchPly, .cuttingMat, .walnut, .openLid:
            paintHoldout4Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .magazinePage, .notebookPage, .oakPlanks, .mosaicTiles, .stripedSheet, .quartz, .mousePad, .redLacquer, .sofaFabric, .dottedLid:
            paintHoldout5Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .invoicePage, .linenCloth, .kraftEnvelope, .polkaDotCloth, .greyLaminate, .navyFelt, .terracottaTiles, .concreteSlab,
             .burgundyLeather, .streakLid:
            paintHoldout6Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .graphPaper, .knitBlanket, .roadMap, .giftWrap, .bathroomTiles, .glassHob, .bambooMat, .brushedSteel, .orangeTray, .dustyLid:
            paintHoldout7Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .crosswordPage, .damaskWallpaper, .bubbleWrap, .wickerTray, .laceTablecloth, .carSeatFabric, .rubberMat, .palletWood,
             .brushedCopper, .feederPadLid:
            paintHoldout8Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .sheetMusic, .wallCalendar, .quiltedBedspread, .pegboard, .encausticTiles, .tealVelvet, .asphalt, .cherryTable,
             .buffaloCheck, .paperOverLid:
            paintHoldout9Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .thermalReceipts, .terryTowel, .laptopScreen, .herringboneTweed, .hexPennyTiles, .lawnGrass, .chalkboard, .coirDoormat,
             .cardboardBox, .plasticSleeve:
            paintHoldout10Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .businessCards, .openBook, .stickyNotes, .sheepskinRug, .legalPad, .cobblestones, .carDashboard, .tatamiMat, .autumnLeaves,
             .lidAjar:
            paintHoldout11Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .pillPacks, .receiptBook, .linenNapkins, .cashNotes, .printerTray, .oliveWoodBoard, .slateRoofTiles, .redBrickPavers,
             .jeansPocket, .bookScanner:
            paintHoldout12Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .photoAlbum, .restaurantMenu, .clipboardForm, .openPassport, .ironingBoard, .greenBaize, .knottyPine, .blueEnamel,
             .speckledLinoleum, .sheetFedScanner:
            paintHoldout13Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .bankStatement, .leatherWallet, .crayonDrawing, .postageEnvelope, .embroideredCloth, .yogaMat, .galvanisedSteel, .beachSand,
             .checkerFloor, .scanAppPage:
            paintHoldout14Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .sewingPattern, .medicineLeaflet, .jigsawPuzzle, .comicPage, .paintSwatches, .orientedStrandBoard, .carbonFibre, .hessianSack,
             .courtFloor, .greyscaleFlatbed:
            paintHoldout15Background(s, W, H, scale: scale, bgSeed: bgSeed, &rng, &R, &G, &B)
        case .clutter:
            let tones: [(Double, Double, Double)] = [(110, 84, 60), (70, 72, 80), (150, 140, 128)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            for i in 0..<(W * H) { put(i, t) }
            // 2–4 printed sheets, at angles, some running off the frame.
            let sheets = 2 + Int(rng.next() % 3)
            for _ in 0..<sheets {
                let cx = Double(W) * rng.unit(), cy = Double(H) * rng.unit()
                let sw = Double(W) * (0.35 + 0.3 * rng.unit()), sh = sw * 1.41
                let a = (rng.unit() - 0.5) * 0.8
                let (ca, sa) = (cos(a), sin(a))
                let paper = 232 + 16 * rng.unit()
                let lineSeed = rng.next()
                for y in 0..<H {
                    for x in 0..<W {
                        let dx = Double(x) - cx, dy = Double(y) - cy
                        let u = dx * ca + dy * sa + sw / 2, v = -dx * sa + dy * ca + sh / 2
                        guard u >= 0, v >= 0, u < sw, v < sh else { continue }
                        var c = paper
                        // Text lines: rows 14 px apart, words of dark dashes, margins.
                        let row = Int(v / (14 / scale)), inRow = v.truncatingRemainder(dividingBy: 14 / scale)
                        if u > sw * 0.1, u < sw * 0.9, v > sh * 0.08, v < sh * 0.92, inRow < 6 / scale,
                           lattice(Int(u / (9 / scale)), row, lineSeed) > 0.25 { c = 60 }
                        put(y * W + x, (c, c, c * 0.98))
                    }
                }
            }
        }
        return [R, G, B]
    }

    // MARK: - Rendering

    struct Planes { var width: Int; var height: Int; var channels: [[UInt8]] }

    static func renderPlanes(_ s: IDScanSyntheticScene, texture: IDScanCardTexture?) -> Planes {
        // Sizes are clamped to 8…16384 px: this is a test-data generator, not an input path.
        let W = min(max(s.width, 8), 16384), H = min(max(s.height, 8), 16384)
        var rng = SplitMix64(seed: s.seed)
        var bg = backgroundPlanes(s, W, H, &rng)
        let shadowAngle = rng.unit() * 6.28, lightAngle = rng.unit() * 6.28

        // Distractors (no-card scenes).
        if s.distractor != .none {
            let discC = P(x: Double(W) * (0.35 + 0.3 * rng.unit()), y: Double(H) * (0.35 + 0.3 * rng.unit()))
            let discR = Double(min(W, H)) * 0.22
            let penA = rng.unit() * 3.14, penLen = Double(W) * 0.3, penWidth = Double(W) * 0.018
            for y in 0..<H {
                for x in 0..<W {
                    let dx = Double(x) + 0.5 - discC.x, dy = Double(y) + 0.5 - discC.y, i = y * W + x
                    if s.distractor == .disc, dx * dx + dy * dy < discR * discR { bg[0][i] = 190; bg[1][i] = 60; bg[2][i] = 55 }
                    if s.distractor == .pen {
                        let along = dx * cos(penA) + dy * sin(penA), across = -dx * sin(penA) + dy * cos(penA)
                        if abs(along) < penLen / 2, abs(across) < penWidth / 2 { bg[0][i] = 30; bg[1][i] = 40; bg[2][i] = 120 }
                    }
                }
            }
        }

        applyHoldout13PortraitBlur(s, W, H, &bg)   // no effect unless the scene is a holdout13 portrait-mode photo
        // Card: texture planes (antialiased to roughly the card's size), inverse homography.
        let quad = cardQuad(s)
        if s.hasCard {
            let tex = texture ?? self.texture(design: s.design, side: s.side, seed: s.seed)
            let tw0 = max(tex.width, 2), th0 = max(tex.height, 2)
            let level = max(1, Int(Double(tw0) / max(s.cardWidthFraction * Double(W), 1) / 1.5))
            var texPlanes: [[UInt8]] = (0..<3).map { c in
                var p = [UInt8](repeating: 0, count: tw0 * th0)
                if tex.rgb.count >= tw0 * th0 * 3 { for i in 0..<(tw0 * th0) { p[i] = tex.rgb[i * 3 + c] } }
                return p
            }
            texPlanes = texPlanes.map { downscalePlane($0, tw0, th0, by: level) }
            let tlw = tw0 / level, tlh = th0 / level
            let tw = Double(tw0), th = Double(th0)
            let corner = 31.8 * tw / 856
            let rimWidth = 4.0 * tw / 856   // ≈ 0.4 mm of shadow along the card edge on a scan
            if let h = homography(from: quad, to: [P(x: 0, y: 0), P(x: tw, y: 0), P(x: tw, y: th), P(x: 0, y: th)]) {
                let invLevel = 1 / Double(level)
                // Only the card's bounding box (plus the rim) needs the per-pixel mapping.
                let xs = quad.map(\.x), ys = quad.map(\.y)
                let bx0 = max(0, Int((xs.min() ?? 0) - 8)), bx1 = min(W - 1, Int((xs.max() ?? 0) + 8))
                let by0 = max(0, Int((ys.min() ?? 0) - 8)), by1 = min(H - 1, Int((ys.max() ?? 0) + 8))
                if bx0 <= bx1, by0 <= by1 {
                    for y in by0...by1 {
                        let fy = Double(y) + 0.5
                        for x in bx0...bx1 {
                            let fx = Double(x) + 0.5
                            let den = h[6] * fx + h[7] * fy + 1
                            let u = (h[0] * fx + h[1] * fy + h[2]) / den, v = (h[3] * fx + h[4] * fy + h[5]) / den
                            let d = roundedDistance(u, v, tw, th, corner)
                            let i = y * W + x
                            if d < 0 {
                                let lu = min(max(u * invLevel - 0.5, 0), Double(tlw - 1)), lv = min(max(v * invLevel - 0.5, 0), Double(tlh - 1))
                                let x0 = Int(lu), y0 = Int(lv), x1 = min(x0 + 1, tlw - 1), y1 = min(y0 + 1, tlh - 1)
                                let ax = lu - Double(x0), ay = lv - Double(y0)
                                let i00 = y0 * tlw + x0, i01 = y0 * tlw + x1, i10 = y1 * tlw + x0, i11 = y1 * tlw + x1
                                let w00 = (1 - ax) * (1 - ay), w01 = ax * (1 - ay), w10 = (1 - ax) * ay, w11 = ax * ay
                                // Soft edge (half a texture pixel level) against the background.
                                let alpha = min(1, -d * invLevel + 0.5)
                                for c in 0..<3 {
                                    let t = texPlanes[c]
                                    let val = Double(t[i00]) * w00 + Double(t[i01]) * w01 + Double(t[i10]) * w10 + Double(t[i11]) * w11
                                    bg[c][i] = alpha * val + (1 - alpha) * bg[c][i]
                                }
                            } else if s.scanRim > 0, d < rimWidth {
                                let f = 1 - s.scanRim * (1 - d / rimWidth)
                                for c in 0..<3 { bg[c][i] *= f }
                            }
                        }
                    }
                }
            }
        }

        paintFingertip(s, W, H, &bg)   // no effect unless the scene has a holdout6 fingertip
        paintHoldout11Thumb(s, W, H, &bg)   // no effect unless the scene has a holdout11 thumb
        paintHoldout12Fingers(s, W, H, &bg)   // no effect unless the scene has a holdout12 hand
        paintHoldout13Edges(s, W, H, &bg)   // no effect unless the scene has a holdout13 portrait halo or reflection
        // Lighting: a soft shadow and a lamp-side gradient.
        if s.shadow > 0 || s.lightGradient > 0 || s.vignette > 0 || s.warmCast != 0 || s.castShadow != nil {
            let (sc, ss) = (cos(shadowAngle), sin(shadowAngle)), (lc, ls) = (cos(lightAngle), sin(lightAngle))
            let diagonal = (Double(W * W + H * H)).squareRoot()
            for y in 0..<H {
                let ny = Double(y) / Double(H) - 0.5
                for x in 0..<W {
                    let nx = Double(x) / Double(W) - 0.5
                    var f = 1.0
                    if s.shadow > 0 { f *= 1 - s.shadow * min(max(nx * sc + ny * ss + 0.5, 0), 1) }
                    if s.lightGradient > 0 { f *= 1 + s.lightGradient * (nx * lc + ny * ls) }
                    if s.vignette > 0 { f *= 1 - s.vignette * 2 * (nx * nx + ny * ny) }
                    if let cs = s.castShadow {
                        let d = ((nx + 0.5 - cs.originX) * Double(W) * cos(cs.angle) + (ny + 0.5 - cs.originY) * Double(H) * sin(cs.angle)) / diagonal
                        let t = min(max((d / max(cs.softness, 1e-6) + 1) / 2, 0), 1)
                        f *= 1 - cs.strength * t * t * (3 - 2 * t)
                    }
                    let i = y * W + x
                    bg[0][i] *= f * (1 + s.warmCast); bg[1][i] *= f; bg[2][i] *= f * (1 - s.warmCast)
                }
            }
        }
        applyHoldout5Light(s, W, H, &bg)   // no effect unless the scene has holdout5 light
        applyHoldout6Light(s, W, H, &bg)   // no effect unless the scene has holdout6 light
        applyHoldout7Light(s, W, H, &bg)   // no effect unless the scene has holdout7 light
        applyHoldout8Light(s, W, H, &bg)   // no effect unless the scene has holdout8 light
        applyHoldout9Light(s, W, H, &bg)   // no effect unless the scene has holdout9 light
        applyHoldout10Light(s, W, H, &bg)   // no effect unless the scene has holdout10 light or sleeve
        applyHoldout12Lamps(s, W, H, &bg)   // no effect unless the scene has holdout12 book-scanner lamps
        applyHoldout13Light(s, W, H, &bg)   // no effect unless the scene has holdout13 mixed light or a phone's shadow
        applyHoldout14Light(s, W, H, &bg)   // no effect unless the scene has holdout14 light, HDR or a scanner app's filter
        applyHoldout15Light(s, W, H, &bg)   // no effect unless the scene has a holdout15 plastic sleeve or greyscale scan
        var planes = Planes(width: W, height: H, channels: bg.map { p in p.map { UInt8(min(max($0, 0), 255)) } })
        bg = []

        // Exposure and contrast.
        if s.exposure != 1 || s.contrast != 1 {
            let lut = (0..<256).map { v in UInt8(clamping: Int((((Double(v) - 128) * s.contrast + 128) * s.exposure).rounded())) }
            for c in 0..<3 { planes.channels[c] = planes.channels[c].map { lut[Int($0)] } }
        }
        // Glare: flat clipped discs with a soft rim, on the card.
        if s.hasCard, s.glareSpots > 0, s.glareAreaFraction > 0 {
            let radius = (s.glareAreaFraction * polygonArea(quad) / (Double(s.glareSpots) * .pi)).squareRoot()
            for _ in 0..<s.glareSpots {
                let a = 0.25 + 0.5 * rng.unit(), bb = 0.25 + 0.5 * rng.unit()
                let top = P(x: quad[0].x + (quad[1].x - quad[0].x) * a, y: quad[0].y + (quad[1].y - quad[0].y) * a)
                let bottom = P(x: quad[3].x + (quad[2].x - quad[3].x) * a, y: quad[3].y + (quad[2].y - quad[3].y) * a)
                let centre = P(x: top.x + (bottom.x - top.x) * bb, y: top.y + (bottom.y - top.y) * bb)
                let rim = radius * 1.5
                let x0 = max(0, Int(centre.x - rim)), x1 = min(W - 1, Int(centre.x + rim))
                let y0 = max(0, Int(centre.y - rim)), y1 = min(H - 1, Int(centre.y + rim))
                guard x0 <= x1, y0 <= y1 else { continue }
                for y in y0...y1 {
                    for x in x0...x1 {
                        let dx = Double(x) + 0.5 - centre.x, dy = Double(y) + 0.5 - centre.y
                        let d = (dx * dx + dy * dy).squareRoot()
                        guard d < rim else { continue }
                        let w = d <= radius ? 1.0 : 1 - (d - radius) / (rim - radius)
                        for c in 0..<3 {
                            let i = y * W + x
                            let v = Double(planes.channels[c][i])
                            planes.channels[c][i] = UInt8(clamping: Int(v + (255 - v) * w))
                        }
                    }
                }
            }
        }
        if let ff = s.focusFalloff { applyFocusFalloff(ff, &planes) }
        // Blur.
        if s.gaussianBlur > 0.3 {
            // Three box passes ≈ Gaussian: box width w with 3(w²−1)/12 = σ².
            let w = (4 * s.gaussianBlur * s.gaussianBlur + 1).squareRoot()
            let r = max(1, Int(((w - 1) / 2).rounded()))
            for c in 0..<3 {
                var img = planes.channels[c]
                for _ in 0..<3 { img = boxPass(img, W, H, radius: r, horizontal: true); img = boxPass(img, W, H, radius: r, horizontal: false) }
                planes.channels[c] = img
            }
        }
        if s.motionBlur > 1 {
            for c in 0..<3 { planes.channels[c] = boxPass(planes.channels[c], W, H, radius: s.motionBlur / 2, horizontal: !s.motionVertical) }
        }
        // Sensor noise (Gaussian samples from a table, three 16-bit indices per random draw).
        if s.noise > 0 {
            var table = [Double](repeating: 0, count: 65536)
            for k in 0..<65536 { table[k] = rng.gaussian() * s.noise }
            for i in 0..<(W * H) {
                let z = rng.next()
                for c in 0..<3 {
                    let t = table[Int((z >> (16 * UInt64(c))) & 0xFFFF)]
                    planes.channels[c][i] = UInt8(min(max(Double(planes.channels[c][i]) + t, 0), 255))
                }
            }
        }
        applyHoldout9Noise(s, &planes)   // no effect unless the scene has holdout9 sensor noise
        applyHoldout10Look(s, &planes)   // no effect unless the scene has the holdout10 HDR look or barrel
        applyHoldout11LowLight(s, &planes)   // no effect unless the scene has the holdout11 low-light look
        applyHoldout12Haze(s, &planes)   // no effect unless the scene has a holdout12 dirty lens's haze
        applyHoldout13Streak(s, &planes)   // no effect unless the scene has a holdout13 sheet feed's dust streak
        applyHoldout14NightMode(s, &planes)   // no effect unless the scene has a holdout14 night mode
        applyHoldout15Greyscale(s, &planes)   // no effect unless the scene is a holdout15 greyscale scan
        if s.downscale > 1 {
            let d = min(s.downscale, W / 4, H / 4)
            for c in 0..<3 { planes.channels[c] = downscalePlane(planes.channels[c], W, H, by: d) }
            planes.width = W / d; planes.height = H / d
        }
        applyHoldout10Resize(s, &planes)   // no effect unless the scene has a holdout10 messaging app's resizing
        applyHoldout11Screenshot(s, &planes)   // no effect unless the scene is shown in a holdout11 screenshot
        applyHoldout12Crop(s, &planes)   // no effect unless the scene is cropped by the user (holdout12)
        return planes
    }

    /// One running-sum box pass (edges clamped).
    static func boxPass(_ s: [UInt8], _ W: Int, _ H: Int, radius r: Int, horizontal: Bool) -> [UInt8] {
        var d = [UInt8](repeating: 0, count: W * H)
        let n = horizontal ? W : H, lines = horizontal ? H : W
        let step = horizontal ? 1 : W, lineStep = horizontal ? W : 1
        let div = 2 * r + 1
        for l in 0..<lines {
            let base = l * lineStep
            var sum = 0
            for k in -r...r { sum += Int(s[base + min(max(k, 0), n - 1) * step]) }
            for i in 0..<n {
                d[base + i * step] = UInt8(truncatingIfNeeded: (sum + div / 2) / div)
                sum += Int(s[base + min(i + r + 1, n - 1) * step]) - Int(s[base + max(i - r, 0) * step])
            }
        }
        return d
    }

    // MARK: - The fake card faces

    /// Paints one face of an obviously fake card (856 × 540, interleaved RGB).
    public static func texture(design: IDScanSyntheticScene.Design, side: IDScanSyntheticScene.Side, seed: UInt64) -> IDScanCardTexture {
        var p = Painter(width: textureWidth, height: textureHeight)
        var rng = SplitMix64(seed: seed &* 7919 &+ 17)
        switch (design, side) {
        case (.model2013, .front): p.front2013(&rng)
        case (.model2013, .back): p.back(&rng, design: design)
        case (.model2024, .front): p.front2024(&rng)
        case (.model2024, .back): p.back(&rng, design: design)
        }
        return IDScanCardTexture(width: p.W, height: p.H, rgb: p.rgb)
    }

    struct Painter {
        let W: Int, H: Int
        var rgb: [UInt8]
        typealias C = (Int, Int, Int)
        init(width: Int, height: Int) { W = width; H = height; rgb = [UInt8](repeating: 255, count: width * height * 3) }

        mutating func set(_ x: Int, _ y: Int, _ c: C) {
            guard x >= 0, y >= 0, x < W, y < H else { return }
            let i = (y * W + x) * 3
            rgb[i] = UInt8(clamping: c.0); rgb[i + 1] = UInt8(clamping: c.1); rgb[i + 2] = UInt8(clamping: c.2)
        }
        mutating func fill(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ c: C) {
            for y in max(0, y0)..<max(max(0, y0), min(H, y1)) { for x in max(0, x0)..<max(max(0, x0), min(W, x1)) { set(x, y, c) } }
        }
        mutating func gradient(_ a: C, _ b: C) {
            for y in 0..<H {
                for x in 0..<W {
                    let t = Double(x) / Double(W)
                    set(x, y, (Int(Double(a.0) + Double(b.0 - a.0) * t), Int(Double(a.1) + Double(b.1 - a.1) * t), Int(Double(a.2) + Double(b.2 - a.2) * t)))
                }
            }
        }
        mutating func ellipse(_ cx: Int, _ cy: Int, _ rx: Int, _ ry: Int, _ c: C) {
            for y in max(0, cy - ry)..<min(H, cy + ry) {
                let dy = Double(y - cy) / Double(ry)
                let half = Int(Double(rx) * max(0, 1 - dy * dy).squareRoot())
                for x in max(0, cx - half)..<min(W, cx + half) { set(x, y, c) }
            }
        }
        /// Thin wavy lines (guilloche).
        mutating func waves(count: Int, top: Double, spacing: Double, amp: Double, period: Double, _ c: C) {
            for k in 0..<count {
                let base = top + Double(k) * spacing, a = amp + Double(k) * 2, per = period + Double(k) * 5
                for x in 0..<W {
                    let y = Int(base + a * sin(Double(x) / per + Double(k)))
                    set(x, y, c); set(x, y + 1, c)
                }
            }
        }
        /// A rosette: epicycloid-like loops around a centre.
        mutating func rosette(_ cx: Double, _ cy: Double, _ r: Double, petals: Int, _ c: C) {
            for ring in 0..<4 {
                let rr = r * (0.55 + 0.15 * Double(ring))
                for k in 0..<3000 {
                    let t = Double(k) / 3000 * 2 * .pi
                    let rad = rr * (0.8 + 0.2 * sin(Double(petals) * t + Double(ring)))
                    set(Int(cx + rad * cos(t)), Int(cy + rad * sin(t)), c)
                }
            }
        }
        /// Text-like lines: gray labels above dark glyph-block values.
        mutating func fields(x: Int, y0: Int, y1: Int, width: Int, _ rng: inout SplitMix64, label: C, value: C) {
            var y = y0
            while y < y1 {
                var cx = x
                let labelEnd = x + 90 + Int(rng.next() % 80)
                while cx < labelEnd { let w = 5 + Int(rng.next() % 6); fill(cx, y, cx + w, y + 9, label); cx += w + 3 }
                y += 16
                cx = x
                let end = x + width / 2 + Int(rng.next() % UInt64(max(1, width / 2)))
                while cx < end {
                    let w = 7 + Int(rng.next() % 9)
                    fill(cx, y, cx + w, y + 17, value)
                    cx += w + (rng.next() % 5 == 0 ? 14 : 4)
                }
                y += 44
            }
        }
        mutating func signature(x0: Int, x1: Int, y: Int, _ c: C) {
            for x in x0..<x1 {
                let yy = y + Int(18 * sin(Double(x) / 9) + 6 * sin(Double(x) / 3.3))
                fill(x, yy, x + 2, yy + 3, c)
            }
        }
        /// Draws `s` in 5 × 7 block glyphs; `pitch` (pixels from one character to the next) is
        /// 6 × `scale` unless given (the MRZ's 2.54 mm).
        mutating func text(_ s: String, x: Int, y: Int, scale: Int, pitch: Double? = nil, _ c: C) {
            for (i, ch) in s.enumerated() {
                let cx = x + (pitch.map { Int((Double(i) * $0).rounded()) } ?? i * 6 * scale)
                let rows = IDScanSyntheticCard.glyph(ch)
                for (ry, row) in rows.enumerated() {
                    for (rx, bit) in row.enumerated() where bit == "#" {
                        fill(cx + rx * scale, y + ry * scale, cx + (rx + 1) * scale, y + (ry + 1) * scale, c)
                    }
                }
            }
        }

        mutating func front2013(_ rng: inout SplitMix64) {
            gradient((198, 212, 228), (212, 219, 223))
            waves(count: 9, top: 110, spacing: 44, amp: 12, period: 38, (170, 188, 215))
            fill(0, 0, W, 78, (150, 182, 222))
            text("MUESTRA", x: 300, y: 18, scale: 6, (26, 52, 120))
            fill(40, 110, 270, 420, (176, 182, 192))
            ellipse(155, 225, 62, 80, (120, 126, 138))
            ellipse(155, 420, 105, 70, (120, 126, 138))
            fill(40, 420, 270, 440, (198, 212, 228))
            fields(x: 300, y0: 110, y1: 400, width: 500, &rng, label: (110, 118, 135), value: (22, 24, 30))
            text("SPECIMEN", x: 300, y: 470, scale: 5, (196, 30, 36))
            signature(x0: 60, x1: 250, y: 470, (30, 40, 90))
        }

        mutating func front2024(_ rng: inout SplitMix64) {
            gradient((240, 236, 234), (230, 234, 238))
            rosette(300, 270, 230, petals: 11, (232, 190, 214))
            rosette(560, 300, 200, petals: 7, (186, 222, 222))
            waves(count: 6, top: 330, spacing: 30, amp: 8, period: 24, (226, 204, 226))
            fill(0, 0, W, 10, (30, 132, 140))
            text("MUESTRA", x: 36, y: 30, scale: 5, (30, 100, 110))
            text("SPECIMEN", x: 36, y: 80, scale: 3, (160, 40, 110))
            fields(x: 36, y0: 140, y1: 430, width: 420, &rng, label: (130, 120, 140), value: (30, 30, 40))
            // Face on the right, light panel, plus a small ghost image.
            fill(576, 90, 816, 400, (214, 214, 222))
            ellipse(696, 205, 62, 80, (150, 150, 162))
            ellipse(696, 400, 105, 70, (150, 150, 162))
            fill(576, 400, 816, 420, (236, 234, 234))
            ellipse(500, 470, 24, 32, (222, 218, 228))
            signature(x0: 600, x1: 800, y: 470, (40, 40, 110))
        }

        /// Back: QR-like block, barcode block, a few lines, and three MRZ-like rows.
        mutating func back(_ rng: inout SplitMix64, design: IDScanSyntheticScene.Design) {
            if design == .model2013 {
                gradient((206, 216, 230), (214, 222, 228))
                waves(count: 5, top: 40, spacing: 60, amp: 10, period: 30, (182, 198, 220))
            } else {
                gradient((238, 236, 232), (232, 236, 240))
                rosette(430, 190, 170, petals: 9, (230, 200, 220))
            }
            let qrLeft = design == .model2013
            let qrX = qrLeft ? 40 : 620, qrY = 36, module = 7, modules = 27
            fill(qrX - 10, qrY - 10, qrX + modules * module + 10, qrY + modules * module + 10, (236, 238, 238))
            for my in 0..<modules {
                for mx in 0..<modules {
                    let inFinder = { (fx: Int, fy: Int) -> Bool? in
                        let dx = mx - fx, dy = my - fy
                        guard dx >= 0, dy >= 0, dx < 7, dy < 7 else { return nil }
                        return dx == 0 || dy == 0 || dx == 6 || dy == 6 || (dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4)
                    }
                    let dark = inFinder(0, 0) ?? inFinder(modules - 7, 0) ?? inFinder(0, modules - 7) ?? (rng.next() % 2 == 0)
                    if dark { fill(qrX + mx * module, qrY + my * module, qrX + (mx + 1) * module, qrY + (my + 1) * module, (10, 10, 14)) }
                }
            }
            // Stacked barcode block (PDF417-like): rows of bars.
            let bx = qrLeft ? 300 : 40, by = 40, bw = 500 - (qrLeft ? 0 : 0)
            fill(bx - 8, by - 8, bx + bw - 180 + 8, by + 160 + 8, (236, 238, 238))
            for row in 0..<10 {
                var x = bx
                while x < bx + bw - 180 {
                    let w = 1 + Int(rng.next() % 4)
                    if rng.next() % 2 == 0 { fill(x, by + row * 16, x + w * 2, by + row * 16 + 15, (12, 12, 16)) }
                    x += w * 2
                }
            }
            fields(x: qrLeft ? 300 : 40, y0: 230, y1: 320, width: 400, &rng, label: (110, 118, 135), value: (40, 44, 52))
            // MRZ band: the three 30-character TD1 rows (ICAO 9303), check digits included, at the
            // standard 2.54 mm pitch and centred across the card, in 5 × 7 block capitals.
            fill(0, 370, W, H, design == .model2013 ? (226, 232, 238) : (240, 240, 236))
            for (k, row) in IDScanSyntheticCard.mrzRows(&rng).enumerated() {
                text(row, x: 50, y: 388 + k * 48, scale: 4, pitch: 25.4, (16, 16, 20))
            }
        }
    }

    static let glyphs: [Character: [String]] = [
        "S": [" ####", "#    ", "#    ", " ### ", "    #", "    #", "#### "],
        "P": ["#### ", "#   #", "#   #", "#### ", "#    ", "#    ", "#    "],
        "E": ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####"],
        "C": [" ####", "#    ", "#    ", "#    ", "#    ", "#    ", " ####"],
        "I": ["#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "#####"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #", "#   #", "#   #"],
        "N": ["#   #", "##  #", "# # #", "#  ##", "#   #", "#   #", "#   #"],
        "U": ["#   #", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "],
        "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  "],
        "R": ["#### ", "#   #", "#   #", "#### ", "# #  ", "#  # ", "#   #"],
        "A": [" ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"],
        "D": ["#### ", "#   #", "#   #", "#   #", "#   #", "#   #", "#### "],
        "H": ["#   #", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"],
        "L": ["#    ", "#    ", "#    ", "#    ", "#    ", "#    ", "#####"],
        "<": ["     ", "   # ", "  #  ", " #   ", "  #  ", "   # ", "     "],
        "0": [" ### ", "#   #", "#  ##", "# # #", "##  #", "#   #", " ### "],
        "1": ["  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "],
        "2": [" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"],
        "3": ["#####", "   # ", "  #  ", "   # ", "    #", "#   #", " ### "],
        "4": ["   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "],
        "5": ["#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "],
        "6": ["  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### "],
        "7": ["#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "],
        "8": [" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "],
        "9": [" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  "],
        "F": ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#    "],
    ]

    /// The three TD1 rows of a synthetic back (30 characters each, as ICAO 9303 has them):
    /// `IDCHL`, the document number and its check digit; birth date, check digit, sex, expiry,
    /// check digit, nationality and the composite check digit; the names. Fourteen digits are
    /// drawn from `rng` (the dates are not calendar dates: nothing reads them).
    static func mrzRows(_ rng: inout SplitMix64) -> [String] {
        let digits = "0123456789".map { $0 }
        let number = String((0..<9).map { _ in digits[Int(rng.next() % 10)] })
        let d = Array((0..<14).map { _ in digits[Int(rng.next() % 10)] })
        func cd(_ s: String) -> String { CedulaParser.icaoCheckDigit(s).map(String.init) ?? "0" }
        let row1 = "IDCHL" + number + cd(number) + String(repeating: "<", count: 15)
        let birth = String(d[0..<6]), expiry = String(d[7..<13])
        let sex = (d[6].wholeNumberValue ?? 0) % 2 == 0 ? "M" : "F"
        let head = birth + cd(birth) + sex + expiry + cd(expiry) + "CHL" + String(repeating: "<", count: 11)
        let composite = String(Array(row1)[5..<30]) + birth + cd(birth) + expiry + cd(expiry) + String(repeating: "<", count: 11)
        return [row1, head + cd(composite), "MUESTRA<<SPECIMEN<<<<<<<<<<<<<"]
    }

    /// A 5 × 7 glyph: drawn ones for the letters used, a fixed pseudo-random pattern otherwise.
    static func glyph(_ ch: Character) -> [String] {
        if let g = glyphs[ch] { return g }
        let code = UInt64(ch.unicodeScalars.first?.value ?? 0)
        return (0..<7).map { r in
            String((0..<5).map { c in lattice(c, r, code &* 0x51ED) > 0.55 || (r == 0 && c > 0 && c < 4) ? "#" : " " })
        }
    }
}

/// Small deterministic PRNG (SplitMix64).
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Standard normal (Box–Muller).
    public mutating func gaussian() -> Double {
        let u1 = max(unit(), 1e-12), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
