@testable import IDScan

/// A quad from its corners as (x, y) pairs, in order top-left, top-right, bottom-right, bottom-left.
func quad(_ pts: [(Double, Double)]) -> Quad { Quad(p: pts.map { Vec2(x: $0.0, y: $0.1) }) }
