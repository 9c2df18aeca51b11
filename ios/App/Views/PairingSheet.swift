// What this device shows while another pairs with it: the QR code to scan and the short
// code to type, until the other device connects, the code runs out, or the person closes it.
import SwiftUI
import Reconnect

struct PairingSheet: View {
    let offer: PairingOffer
    let onClose: () -> Void

    var body: some View {
        NavigationStack {
            ScrollView {
                VStack(spacing: 20) {
                    Text("On your other device, open Reconnect, go to Your devices and enter this code.")
                        .multilineTextAlignment(.center)
                        .fixedSize(horizontal: false, vertical: true)
                    if let matrix = try? ReconnectClient.pairingQRMatrix(offer.qr) {
                        QRCodeImage(matrix: matrix)
                            .frame(maxWidth: 280, maxHeight: 280)
                            .accessibilityLabel("QR code for pairing")
                    }
                    Text(offer.code)
                        .font(.system(.largeTitle, design: .monospaced).weight(.semibold))
                        .textSelection(.enabled)
                        .accessibilityLabel("Code: \(offer.code.map(String.init).joined(separator: " "))")
                    HStack(spacing: 8) {
                        ProgressView()
                        Text("Waiting for your other device…")
                    }
                    .foregroundStyle(.secondary)
                    Text("The code works once, until \(offer.expiresAt.formatted(date: .omitted, time: .shortened)). Both devices need to be on the same network.")
                        .font(.footnote)
                        .foregroundStyle(.secondary)
                        .multilineTextAlignment(.center)
                }
                .padding()
                .frame(maxWidth: 520)
                .frame(maxWidth: .infinity)
            }
            .navigationTitle("Pair a new device")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Close", action: onClose)
                }
            }
        }
    }
}
