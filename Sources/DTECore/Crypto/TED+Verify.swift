extension TED {
    /// Whether ``signature`` (FRMT) is a valid SHA1withRSA signature over ``ddBytes`` made with
    /// the key whose public half is the CAF's `RSAPK` in ``dd``.
    ///
    /// This checks the stamp against the CAF it carries; whether that CAF was really issued by
    /// the SII (its FRMA) is a separate check.
    public func verify() -> Bool {
        guard let key = try? RSAPublicKey(modulus: dd.caf.modulus, exponent: dd.caf.exponent) else { return false }
        return key.verifySHA1(signature: signature, message: ddBytes)
    }
}
