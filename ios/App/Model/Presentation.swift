// What the app shows on top of a screen for a shell task: the pairing code, a file to
// share, the file picker for an import. Views bind to it; the tasks fill it in.
import Foundation
import Observation
import Reconnect

@MainActor
@Observable
final class Presentation {
    /// The offer shown while this device waits for another to pair.
    var pairing: PairingOffer?
    /// A file made for the share sheet; removed once the sheet closes.
    var sharing: SharedFile?
    /// Whether the file picker for an import is open.
    var importing = false
}

/// A file in the app's private temporary folder, made only to be shared.
struct SharedFile: Identifiable {
    let url: URL
    var id: URL { url }

    /// Writes `text` as `name` in a folder of its own, protected while the device is locked.
    static func write(_ text: String, named name: String) throws -> SharedFile {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url, options: [.atomic, .completeFileProtection])
        return SharedFile(url: url)
    }

    /// Removes the file and its folder; an export is the person's data in the clear.
    func remove() {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }
}
