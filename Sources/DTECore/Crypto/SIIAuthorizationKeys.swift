import Foundation

/// The SII's public keys that sign CAFs (the `FRMA` over `<DA>`), by `IDK`: 100 is the
/// certification environment (maullin), 300 production (palena). From the SII's `idk`
/// certificates as published with LibreDTE lib-core (resources/certificates/100.cer, 300.cer).
package enum SIIAuthorizationKeys {
    /// The SII key for a CAF's `IDK`, `nil` for an IDK the SII does not use.
    public static func key(idk: Int) -> RSAPublicKey? {
        switch idk {
        case 100: return key100
        case 300: return key300
        default: return nil
        }
    }

    // Parsed once (a printout checks every timbre's CAF).
    private static let key100 = try? RSAPublicKey(certificatePEM: idk100)
    private static let key300 = try? RSAPublicKey(certificatePEM: idk300)

    static let idk100 = """
    -----BEGIN CERTIFICATE-----
    MIICTzCCAfmgAwIBAwIBZDANBgkqhkiG9w0BAQQFADCBrzELMAkGA1UEBhMCQ0wx
    CzAJBgNVBAgTAkNTMQswCQYDVQQHEwJDczEnMCUGA1UEChMeU2VydmljaW8gZGUg
    SW1wdWVzdG9zIEludGVybm9zMRkwFwYDVQQLExBPZmljaW5hIEludGVybmV0MScw
    JQYDVQQDEx5TZXJ2aWNpbyBkZSBJbXB1ZXN0b3MgSW50ZXJub3MxGTAXBgkqhkiG
    9w0BCQEWCnNpaUBzaWkuY2wwHhcNMDMwNDI5MjAxNDA1WhcNMDQwNDIzMjAxNDA1
    WjCBrzELMAkGA1UEBhMCQ0wxCzAJBgNVBAgTAkNTMQswCQYDVQQHEwJDczEnMCUG
    A1UEChMeU2VydmljaW8gZGUgSW1wdWVzdG9zIEludGVybm9zMRkwFwYDVQQLExBP
    ZmljaW5hIEludGVybmV0MScwJQYDVQQDEx5TZXJ2aWNpbyBkZSBJbXB1ZXN0b3Mg
    SW50ZXJub3MxGTAXBgkqhkiG9w0BCQEWCnNpaUBzaWkuY2wwXDANBgkqhkiG9w0B
    AQEFAANLADBIAkEAyPvwDcshpVAApYVSLF3lKKc+DOFswDqx5ep95LKigRHjUvrv
    jct9UeNJq9SxBdzU9nz54TEVBYyfAVQpG4xxUwIDAQABMA0GCSqGSIb3DQEBBAUA
    A0EADvJX1C7hUFD2Eq9jNZpeJ/YBOZx1SBmAHSeXud6fTw98+AR4X3YDmzO9D4Kd
    hEFi3NK4anpjiPOKbA8fBWyyBA==
    -----END CERTIFICATE-----
    """

    static let idk300 = """
    -----BEGIN CERTIFICATE-----
    MIICUDCCAfqgAwIBAwICASwwDQYJKoZIhvcNAQEEBQAwga8xCzAJBgNVBAYTAkNM
    MQswCQYDVQQIEwJDUzELMAkGA1UEBxMCQ3MxJzAlBgNVBAoTHlNlcnZpY2lvIGRl
    IEltcHVlc3RvcyBJbnRlcm5vczEZMBcGA1UECxMQT2ZpY2luYSBJbnRlcm5ldDEn
    MCUGA1UEAxMeU2VydmljaW8gZGUgSW1wdWVzdG9zIEludGVybm9zMRkwFwYJKoZI
    hvcNAQkBFgpzaWlAc2lpLmNsMB4XDTAzMDQyOTE5MDUzOVoXDTA0MDQyMzE5MDUz
    OVowga8xCzAJBgNVBAYTAkNMMQswCQYDVQQIEwJDUzELMAkGA1UEBxMCQ3MxJzAl
    BgNVBAoTHlNlcnZpY2lvIGRlIEltcHVlc3RvcyBJbnRlcm5vczEZMBcGA1UECxMQ
    T2ZpY2luYSBJbnRlcm5ldDEnMCUGA1UEAxMeU2VydmljaW8gZGUgSW1wdWVzdG9z
    IEludGVybm9zMRkwFwYJKoZIhvcNAQkBFgpzaWlAc2lpLmNsMFwwDQYJKoZIhvcN
    AQEBBQADSwAwSAJBAJ3uv8XuvZbfTHz1Pxv6Fdhdc+8ExnGPjAez94Xv7nXntO9a
    OuB5wyZakA5F9gKJCvb7T6+iuNaTj38BHDWFszUCAwEAATANBgkqhkiG9w0BAQQF
    AANBADwwaIImb++eEe830oyQMId7PohaWrVuon3e0HkrOxobY+QTAC2L+qF52x5Y
    E/nZkFKL+BcTxGCY8ybYT96PhrI=
    -----END CERTIFICATE----- 
    """
}

extension CAFData {
    /// Whether the CAF's FRMA (the SII's authorization) verifies with the SII key of its own IDK
    /// (the public keys the SII publishes for IDK 100 and 300, built in); `false` for an unknown IDK.
    public func verifiesSIIAuthorization(daBytes: [UInt8]) -> Bool {
        guard let key = SIIAuthorizationKeys.key(idk: idk) else { return false }
        return verifyAuthorization(daBytes: daBytes, siiKey: key)
    }
}
