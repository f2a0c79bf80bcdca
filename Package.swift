// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Safeguard",
    platforms: [.macOS(.v15)],
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
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
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
        // Its engine prelude is Lua files (Sources/WorkflowLua/Prelude), embedded at build time by EmbedLua.
        .target(
            name: "WorkflowLua", dependencies: ["WorkflowCore", "CLua"], exclude: ["Prelude"],
            plugins: ["EmbedLua"]
        ),
        // The build tool plugin that embeds the prelude's Lua files as Swift string literals, and its tool.
        .plugin(name: "EmbedLua", capability: .buildTool(), dependencies: ["EmbedLuaTool"], path: "BuildPlugins/EmbedLua"),
        .executableTarget(name: "EmbedLuaTool", path: "BuildTools/EmbedLuaTool"),
        // What every store shares, whatever its backend: the canonical JSON of stored values, event
        // and procedure hashes (SHA-256 from swift-crypto), chain verification, the in-memory store.
        .target(
            name: "Ledger",
            dependencies: ["WorkflowCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // SQLite persistence through GRDB: the only module that imports GRDB, and only internally.
        .target(
            name: "Storage",
            dependencies: ["WorkflowCore", "Ledger", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // PostgreSQL persistence through postgres-nio, for many engine processes on one shared store:
        // the only module that imports PostgresNIO.
        .target(
            name: "PostgresStore",
            dependencies: [
                "WorkflowCore", "Ledger", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Opens the store a `--db` value names, whatever its backend; copies one store into another.
        .target(name: "Stores", dependencies: ["WorkflowCore", "Ledger", "Storage", "PostgresStore"]),
        // The application layer: Configuration, case work, scenarios, figures, export. No ArgumentParser.
        .target(
            name: "SafeguardService",
            dependencies: [
                "WorkflowCore", "WorkflowLua", "Ledger", "Storage", "Stores",
            ]
        ),
        // `safeguard serve`: the JSON API, the pages and the minute timer over Hummingbird 2.
        // Case work runs on a bounded pool of worker threads, never on the event loops.
        .target(
            name: "SafeguardServer",
            dependencies: [
                "WorkflowCore", "Ledger", "Storage", "SafeguardService",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // Every subcommand, one file each: parse, one service call, print.
        .target(
            name: "SafeguardCommands",
            dependencies: [
                "WorkflowCore", "Ledger", "SafeguardService", "SafeguardServer",
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
            dependencies: ["WorkflowLua", "WorkflowCore", "Ledger", "CLua", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "Stores", "PostgresStore", "Ledger", "WorkflowCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "SafeguardServiceTests",
            dependencies: [
                "SafeguardService", "WorkflowCore", "WorkflowLua", "Storage", "Stores",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "SafeguardServerTests",
            dependencies: [
                "SafeguardServer", "SafeguardService", "WorkflowCore", "Storage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
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
