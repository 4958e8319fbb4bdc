// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for Wegwijs (and the cmark bridge check run under valgrind), kept out of the main package so `swift build` and `swift test` never
// compile them. Every folder in Sources/ whose name starts with "Fuzz" (besides FuzzSupport) is one
// target: adding a target is adding one folder with a main.swift (see README.md). Built by `make fuzz`
// with `swift build --sanitize=fuzzer --sanitize=address -c release -Xswiftc -enable-testing`.
let sources = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("Sources")
let fuzzers = ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? [])
    .filter { $0.hasPrefix("Fuzz") && $0 != "FuzzSupport" }
    .sorted()

let package = Package(
    name: "WegwijsFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Wegwijs", path: "..")],
    targets: [
        // A fixed small site, a console that records, and the entry point's plumbing, shared by the fuzzers.
        .target(name: "FuzzSupport", dependencies: [.product(name: "WegwijsCore", package: "Wegwijs")]),
        // Not a fuzzer: exercises the cmark bridge once, for valgrind in CI (`make valgrind`).
        .executableTarget(name: "MarkdownBridgeCheck", dependencies: [.product(name: "WegwijsMarkdown", package: "Wegwijs")]),
    ]
        + fuzzers.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzSupport", .product(name: "WegwijsCore", package: "Wegwijs"),
                    .product(name: "WegwijsTerminal", package: "Wegwijs"),
                    .product(name: "WegwijsMustache", package: "Wegwijs"),
                ])
        }
)
