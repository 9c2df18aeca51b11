// Where the encrypted store lives: Application Support, excluded from backups, so the
// intimate data only leaves the device when the person exports it or syncs it to a
// device of their own.
import Foundation

enum StoreLocation {
    /// The store's directory, made if missing and marked as excluded from backups.
    static func directory() throws -> URL {
        let support = try FileManager.default.url(
            for: .applicationSupportDirectory,
            in: .userDomainMask,
            appropriateFor: nil,
            create: true
        )
        var directory = support.appendingPathComponent("Reconnect", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try directory.setResourceValues(values)
        return directory
    }

    /// Whether anything of a store is already there (e.g. restored from a backup made
    /// before the store was excluded from them).
    static func hasStore(in directory: URL) -> Bool {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return !contents.isEmpty
    }

    /// Removes every file of the store, for deleting everything or starting fresh.
    static func removeAll() throws {
        let directory = try directory()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
