// Looks on the local network for services of the neutral type with given names: the
// joining device looks for the pairing name, a syncing device for its paired devices'
// daily names.
import Foundation
import Network

enum PeerBrowser {
    /// Browses for at most `within` seconds and returns, for each key of `wanted`, the
    /// first service found whose name is one of its candidate names. Stops early once
    /// every key is found. Keys not found are absent.
    static func find(
        _ wanted: [String: Set<String>],
        type: String = ServiceNames.serviceType,
        within: TimeInterval
    ) async -> [String: NWEndpoint] {
        guard !wanted.isEmpty else { return [:] }
        let search = Search(wanted, type: type)
        return await withCheckedContinuation { (continuation: CheckedContinuation<[String: NWEndpoint], Never>) in
            search.start(within: within) { found in
                continuation.resume(returning: found)
            }
        }
    }
}

/// One browse; its state is touched only on `queue`, where every handler runs.
private final class Search: @unchecked Sendable {
    private let wanted: [String: Set<String>]
    private let queue = DispatchQueue(label: "app.reconnect.browser")
    private let browser: NWBrowser
    private var found: [String: NWEndpoint] = [:]
    private var done: (([String: NWEndpoint]) -> Void)?

    init(_ wanted: [String: Set<String>], type: String) {
        self.wanted = wanted
        self.browser = NWBrowser(for: .bonjour(type: type, domain: nil), using: .tcp)
    }

    func start(within: TimeInterval, done: @escaping ([String: NWEndpoint]) -> Void) {
        queue.async {
            self.done = done
            self.browser.browseResultsChangedHandler = { results, _ in
                self.take(results)
            }
            self.browser.stateUpdateHandler = { state in
                if case .failed = state { self.finish() }
            }
            self.browser.start(queue: self.queue)
            self.queue.asyncAfter(deadline: .now() + within) { self.finish() }
        }
    }

    private func take(_ results: Set<NWBrowser.Result>) {
        for result in results {
            guard case .service(let name, _, _, _) = result.endpoint else { continue }
            for (key, names) in wanted where found[key] == nil && names.contains(name) {
                found[key] = result.endpoint
            }
        }
        if found.count == wanted.count { finish() }
    }

    /// Reports what was found, once, and stops browsing.
    private func finish() {
        guard let done else { return }
        self.done = nil
        browser.browseResultsChangedHandler = nil
        browser.stateUpdateHandler = nil
        browser.cancel()
        done(found)
    }
}
