import DTEKitTestSupport
@testable import IDScan
import Testing

/// A quad from its corners as (x, y) pairs, in order top-left, top-right, bottom-right, bottom-left.
func quad(_ pts: [(Double, Double)]) -> Quad { Quad(p: pts.map { Vec2(x: $0.0, y: $0.1) }) }

/// One labelled image of the synthetic data set, by part and case name (scale 2 by default).
func datasetCase(_ part: IDScanSyntheticDataset.Part, _ name: String, scale: Int = 2) throws -> IDScanLabelledCase {
    try #require(IDScanSyntheticDataset.cases(part: part, scale: scale).first { $0.name == name }, "no case \(name)")
}
