// What the core derives from a pairing code for the shells: the name to meet under on the
// local network, and the QR code as modules, so every app draws the same code without a
// QR library of its own.
import Foundation

extension ReconnectClient {
    /// The name a device offering pairing advertises on the local network, and the joining
    /// device looks for, from the code or QR string: 16 hex characters that reveal nothing
    /// without the code.
    ///
    /// - Throws: `ReconnectError.InvalidInput` when `codeOrQR` is not a pairing code.
    public static func pairingRendezvous(_ codeOrQR: String) throws -> String {
        try ReconnectFFI.pairingRendezvous(codeOrQr: codeOrQR)
    }

    /// The offer's QR string (`PairingOffer.qr`) as a QR code: `size` × `size` modules,
    /// row by row, `true` for dark. Draw it with a quiet zone of four modules.
    public static func pairingQRMatrix(_ qr: String) throws -> QrMatrix {
        try ReconnectFFI.pairingQrMatrix(qr: qr)
    }
}
