// Re-exports the generated bindings, so `import Reconnect` is all an app needs.
@_exported import ReconnectFFI
