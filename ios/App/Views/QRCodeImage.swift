// The pairing offer's QR code, drawn from the core's modules (dark on white, with the
// quiet zone scanners need), whole points per module so every edge stays sharp.
import SwiftUI
import Reconnect

struct QRCodeImage: View {
    let matrix: QrMatrix

    var body: some View {
        Canvas { context, size in
            let modules = Int(matrix.size)
            let across = modules + 2 * Self.quietZone
            let side = min(size.width, size.height)
            let raw = side / CGFloat(across)
            let module = raw >= 1 ? raw.rounded(.down) : raw
            let origin = (side - module * CGFloat(across)) / 2
            context.fill(Path(CGRect(x: 0, y: 0, width: side, height: side)), with: .color(.white))
            var dark = Path()
            for row in 0..<modules {
                for column in 0..<modules where matrix.dark[row * modules + column] {
                    dark.addRect(CGRect(
                        x: origin + CGFloat(column + Self.quietZone) * module,
                        y: origin + CGFloat(row + Self.quietZone) * module,
                        width: module,
                        height: module
                    ))
                }
            }
            context.fill(dark, with: .color(.black))
        }
        .aspectRatio(1, contentMode: .fit)
    }

    private static let quietZone = 4
}
