// swift-tools-version:5.9
// The Swift package apps depend on: the Rust core as a prebuilt xcframework
// (ReconnectFFIC, made by build-xcframework.sh), its generated Swift bindings
// (ReconnectFFI), and a small idiomatic layer on top (Reconnect).
import PackageDescription

let package = Package(
    name: "Reconnect",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "Reconnect", targets: ["Reconnect"]),
    ],
    targets: [
        .binaryTarget(
            name: "ReconnectFFIC",
            path: "ReconnectFFIC.xcframework"
        ),
        .target(
            name: "ReconnectFFI",
            dependencies: ["ReconnectFFIC"],
            path: "Sources/ReconnectFFI",
            linkerSettings: [
                // What the Rust standard library and the core's time-zone lookup and
                // encrypted storage need from the system.
                .linkedFramework("CoreFoundation"),
                .linkedFramework("Security"),
                .linkedLibrary("iconv"),
            ]
        ),
        .target(
            name: "Reconnect",
            dependencies: ["ReconnectFFI"],
            path: "Sources/Reconnect"
        ),
        .testTarget(
            name: "ReconnectTests",
            dependencies: ["Reconnect"],
            path: "Tests/ReconnectTests"
        ),
    ]
)
