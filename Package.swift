// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Safeguard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "safeguard", targets: ["safeguard"]),
        .library(name: "WorkflowCore", targets: ["WorkflowCore"]),
        .library(name: "SafeguardService", targets: ["SafeguardService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Debian's Lua 5.4, seen through pkg-config; shim.h adds the macros Swift cannot call.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // Workflow values, the pure transition function, clocks, errors. Foundation only.
        .target(name: "WorkflowCore"),
        // The sandboxed Lua interpreter and script loading: the only module that imports CLua.
        .target(name: "WorkflowLua", dependencies: ["WorkflowCore", "CLua"]),
        // SQLite persistence through GRDB; SHA-256 from swift-crypto for procedure hashes.
        .target(
            name: "Storage",
            dependencies: [
                "WorkflowCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The application layer: Configuration, case work, scenarios, figures, export. No ArgumentParser.
        .target(
            name: "SafeguardService",
            dependencies: [
                "WorkflowCore", "WorkflowLua", "Storage",
                // store seam: GRDB is imported by StoreOpener.swift alone.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Every subcommand, one file each: parse, one service call, print.
        .target(
            name: "SafeguardCommands",
            dependencies: [
                "WorkflowCore", "SafeguardService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "safeguard", dependencies: ["SafeguardCommands"]),

        .testTarget(
            name: "WorkflowCoreTests",
            dependencies: ["WorkflowCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "WorkflowLuaTests",
            dependencies: ["WorkflowLua", "WorkflowCore", "CLua", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "WorkflowCore"]),
        .testTarget(
            name: "SafeguardServiceTests",
            dependencies: [
                "SafeguardService", "WorkflowCore", "WorkflowLua", "Storage",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "SafeguardCommandsTests", dependencies: ["SafeguardCommands", "SafeguardService", "WorkflowCore"]),
        // Runs of the built `safeguard` binary, compared whole.
        .testTarget(
            name: "GoldenTests",
            dependencies: ["WorkflowCore", "Storage", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
