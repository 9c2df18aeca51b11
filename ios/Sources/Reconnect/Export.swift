// Export, import, the readable report and delete-everything, as async calls off the
// caller's actor.
import Foundation

extension ReconnectClient {
    /// Everything in the store as JSON, complete enough to restore from. It is the
    /// person's data in the clear: write it only where they chose.
    public func exportJSON() async throws -> String {
        try await offActor { try $0.exportJson() }
    }

    /// Restores an export into this store, which must be empty; otherwise
    /// `ReconnectError.InvalidInput` and nothing changes.
    @discardableResult
    public func importJSON(_ json: String) async throws -> ImportSummary {
        try await offActor { try $0.importJson(json: json) }
    }

    /// A readable report of everything recorded, with a mood chart.
    public func report(_ format: ReportFormat) async throws -> String {
        try await offActor { try $0.report(format: format) }
    }

    /// Closes the store and deletes every file of it; returns the paths removed. Later
    /// calls throw `ReconnectError.Closed`. Delete the key from the Keychain afterwards.
    @discardableResult
    public func wipe() async throws -> [String] {
        try await offActor { try $0.wipe() }
    }
}
