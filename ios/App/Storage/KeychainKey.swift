// Keeps the store's key in the Keychain: made once from the system's secure random
// source, never synced or backed up, and readable only on this device once it has been
// unlocked. A backup restored to another device therefore brings the store without its key.
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

    /// The key saved on an earlier run, or `nil` when there is none.
    static func load() throws -> Data? {
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

    /// A new key, saved now. Never replaces an existing one: if another launch saved one a
    /// moment ago, that one wins.
    static func create() throws -> Data {
        let fresh = try randomBytes(count: length)
        let status = SecItemAdd(attributes(for: fresh) as CFDictionary, nil)
        switch status {
        case errSecSuccess:
            return fresh
        case errSecDuplicateItem:
            guard let existing = try load() else { throw Failure.keychain(status) }
            return existing
        default:
            throw Failure.keychain(status)
        }
    }

    /// Removes the key, for deleting everything or starting fresh. Safe when there is none.
    static func delete() throws {
        let status = SecItemDelete(baseQuery() as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else {
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
