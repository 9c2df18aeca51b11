// The system share sheet for an export or a report. The caller removes the file once the
// sheet has gone, whether it was shared or not.
import SwiftUI
import UIKit

struct ShareSheet: UIViewControllerRepresentable {
    let file: SharedFile
    let onDone: () -> Void

    func makeUIViewController(context: Context) -> UIActivityViewController {
        let controller = UIActivityViewController(activityItems: [file.url], applicationActivities: nil)
        controller.completionWithItemsHandler = { _, _, _, _ in
            onDone()
        }
        return controller
    }

    func updateUIViewController(_ controller: UIActivityViewController, context: Context) {}
}
