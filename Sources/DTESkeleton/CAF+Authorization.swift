import DTECore
import Foundation

extension CAF {
    /// Whether the SII issued this CAF: its `FRMA` verifies, over the flattened `<DA>` of the
    /// file's own bytes, with the SII's public key for its `IDK` (100 certification, 300
    /// production, shipped in DTECore with their source). `false` for a tampered CAF (a widened folio range,
    /// another RUT), a self-made test CAF (``makeTestCAF(type:emisor:folios:fechaAutorizacion:)``)
    /// or an unknown IDK. A CAF whose authorisation does not verify stamps worthless folios.
    public var isAuthorizedBySII: Bool {
        authorization.data.verifiesSIIAuthorization(daBytes: authorization.daBytes)
    }
}
