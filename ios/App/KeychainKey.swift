// Keeps the store's key in the Keychain: made once from the system's secure random
// source, never synced, and readable only on this device once it has been unlocked.
import Foundation
import Security

enum KeychainKey {
    enum Failure: Error {
        case randomSource(OSStatus)
        case keychain(OSStatus)
    }

    private static let service = "app.reconnect.store-key"
    private static let account = "default"
    private static let length = 32

    /// The key saved on an earlier run, or a new one saved now.
    static func loadOrCreate() throws -> Data {
        if let existing = try load() {
            return existing
        }
        let fresh = try randomBytes(count: length)
        let status = SecItemAdd(attributes(for: fresh) as CFDictionary, nil)
        switch status {
        case errSecSuccess:
            return fresh
        case errSecDuplicateItem:
            // Saved by another launch a moment ago; that one wins.
            guard let existing = try load() else { throw Failure.keychain(status) }
            return existing
        default:
            throw Failure.keychain(status)
        }
    }

    private static func load() throws -> Data? {
        var query = baseQuery()
        query[kSecReturnData as String] = true
        query[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        switch status {
        case errSecSuccess:
            return item as? Data
        case errSecItemNotFound:
            return nil
        default:
            throw Failure.keychain(status)
        }
    }

    private static func randomBytes(count: Int) throws -> Data {
        var bytes = [UInt8](repeating: 0, count: count)
        let status = SecRandomCopyBytes(kSecRandomDefault, count, &bytes)
        guard status == errSecSuccess else { throw Failure.randomSource(status) }
        return Data(bytes)
    }

    private static func attributes(for key: Data) -> [String: Any] {
        var attributes = baseQuery()
        attributes[kSecValueData as String] = key
        attributes[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
        return attributes
    }

    private static func baseQuery() -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecUseDataProtectionKeychain as String: true,
        ]
    }
}
