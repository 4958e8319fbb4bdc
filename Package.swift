// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Wegwijs",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wegwijs", targets: ["wegwijs"]),
        .library(name: "WegwijsCore", targets: ["WegwijsCore"]),
        // For Fuzz/'s runner fuzzers, which drive RunDriver.
        .library(name: "WegwijsTerminal", targets: ["WegwijsTerminal"]),
        // For Fuzz/'s cmark bridge check under valgrind, which needs nothing else.
        .library(name: "WegwijsMarkdown", targets: ["WegwijsMarkdown"]),
        // For Fuzz/'s template fuzzer, which needs nothing else.
        .library(name: "WegwijsMustache", targets: ["WegwijsMustache"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // The HTTP/1.1 server of `wegwijs serve` (its parser and event loops); the command-line target alone uses it.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        // The cmark C library, found through pkg-config; nothing but the module map and its shim.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The only importer of CCmark: CommonMark documents, their links, and cmark's renderers.
        .target(name: "WegwijsMarkdown", dependencies: ["CCmark"]),
        // Mustache templates compiled once into trees, rendered against typed models; no dependencies.
        .target(name: "WegwijsMustache"),
        // The libyaml C library, found through pkg-config; imported by WegwijsCore's YAML event reader alone.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Snowball's stemmers (libstemmer, the C library): Debian ships no pkg-config file for it, so the module
        // map links it by name; imported by WegwijsCore's Stemmer alone.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"]), .brew(["snowball"])]
        ),
        // Model, loading, diagnostics, validation, link resolution, rendering, building.
        .target(
            name: "WegwijsCore",
            dependencies: [
                "WegwijsMarkdown",
                "WegwijsMustache",
                "CYAML",
                "CStemmer",
            ]
        ),
        // Rendering for the terminal: the layout of texts (wrapping, styles, hyperlinks), the runner's screens,
        // and the driver that draws them and reads keys through a RunConsole. The runner's logic (RunSession,
        // its state, log and reports) stays in WegwijsCore and cannot reach any of this.
        .target(name: "WegwijsTerminal", dependencies: ["WegwijsCore", "WegwijsMarkdown"]),
        // The subcommands: argument parsing and printing, assembling work from the core.
        .target(
            name: "WegwijsCommandLine",
            dependencies: [
                "WegwijsCore",
                "WegwijsTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "wegwijs", dependencies: ["WegwijsCommandLine"]),
        .target(name: "WegwijsTestSupport", dependencies: ["WegwijsCore"], path: "Tests/WegwijsTestSupport"),
        .testTarget(name: "WegwijsMarkdownTests", dependencies: ["WegwijsMarkdown"]),
        // Specification/: a copy of the Mustache spec's required modules, read as data (SpecificationTests).
        .testTarget(name: "WegwijsMustacheTests", dependencies: ["WegwijsMustache"], exclude: ["Specification"]),
        .testTarget(
            name: "WegwijsCoreTests",
            dependencies: ["WegwijsCore", "WegwijsTerminal", "WegwijsTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "WegwijsCommandLineTests",
            dependencies: ["WegwijsCommandLine", "WegwijsCore", "WegwijsTestSupport"]
        ),
    ]
)
