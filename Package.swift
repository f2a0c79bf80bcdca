// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Safeguard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "safeguard", targets: ["safeguard"]),
        .library(name: "WorkflowCore", targets: ["WorkflowCore"]),
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
        // Its engine prelude is Lua files (Sources/WorkflowLua/Prelude), embedded at build time by EmbedLua.
        .target(
            name: "WorkflowLua", dependencies: ["WorkflowCore", "CLua"], exclude: ["Prelude"],
            plugins: ["EmbedLua"]
        ),
        // The build tool plugin that embeds the prelude's Lua files as Swift string literals, and its tool.
        .plugin(name: "EmbedLua", capability: .buildTool(), dependencies: ["EmbedLuaTool"], path: "BuildPlugins/EmbedLua"),
        .executableTarget(name: "EmbedLuaTool", path: "BuildTools/EmbedLuaTool"),
        // SQLite persistence through GRDB; SHA-256 from swift-crypto for procedure hashes.
        .target(
            name: "Storage",
            dependencies: [
                "WorkflowCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Every subcommand, one file each.
        .target(
            name: "SafeguardCommands",
            dependencies: [
                "WorkflowCore", "WorkflowLua", "Storage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
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
            name: "SafeguardCommandsTests",
            dependencies: [
                "SafeguardCommands", "WorkflowCore", "Storage", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
