import ArgumentParser
import Dispatch
import Foundation
import NIOCore
import Synchronization
import WegwijsCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `wegwijs serve`: build, serve the site on loopback, rebuild what a save changed and reload the browser.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site on loopback, rebuild what a save changed and reload the browser.",
        discussion: """
            Pages reload when their output changed, keeping their place. When a save breaks the content, every open \
            page shows the errors over the last good pages, and the terminal prints them; fixing the file removes them. \
            Ctrl-C stops.
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The output folder the site is built to and served from.", valueName: "dir"))
    var output: String = "output"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "n"))
    var port: Int = 8000

    @Option(help: ArgumentHelp("The address to listen on (loopback unless named: others on the network can then read the preview).", valueName: "addr"))
    var host: String = "127.0.0.1"

    @Flag(help: "Open the site in the desktop's browser once it is served.")
    var open = false

    @Option(name: .customLong("lang"), help: ArgumentHelp("Build only this language (repeatable).", valueName: "code"))
    var languages: [String] = []

    @Flag(help: "Treat warnings as errors, as `build --strict` does.")
    var strict = false

    @Flag(help: "Look at every file once a second instead of asking the system (for network and container file systems).")
    var poll = false

    @Flag(help: .hidden)
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a number from 0 to 65535, not \(port).") }
    }

    func run() async throws {
        let sources = options.sources
        let live = try WatchOptions.liveSite(of: sources, output: output, languages: languages, strict: strict)
        defer { live.close() }
        let assets: [String: (type: String, data: Data)]
        do {
            assets = try Self.assets(templates: sources.templates, displayPath: options.templates)
        } catch let problem as ValidationError {
            Report.printError(problem.message)
            throw ExitCode(1)
        }
        let events = LiveEvents()
        let sourceLines = SourceLines()
        func diagnostics(_ build: LiveBuild) -> [PreviewDiagnostic] { build.diagnostics.map { PreviewDiagnostic($0, sourceLines: sourceLines) } }

        let first = await live.update(changed: nil)
        LiveReport.print(first, output: output, showingTimings: timings)
        events.publish(changed: [], diagnostics: diagnostics(first))

        let root = SitePath.realPath(live.folder.url.path) ?? live.folder.url.path
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let server: PreviewServer
        do {
            server = try await PreviewServer.start(host: host, port: port, site: .init(root: root, events: events, assets: assets))
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            Report.printError("port \(port) is in use on \(host)", notes: ["Stop what is using it, or pick another with --port N (--port 0 picks a free one)."])
            throw ExitCode(1)
        } catch {
            Report.printError("cannot listen on \(host) port \(port): \(error)", notes: ["Name an address of this machine with --host, such as 127.0.0.1."])
            throw ExitCode(1)
        }
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            Report.printWarning("serving on \(host), not only on this machine: others on the network can read the preview")
        }
        let address = server.address
        StandardStreams.printError("Serving '\(TerminalText.safe(output))' on \(address) (Ctrl-C stops).")
        if open, case .failed = Desktop(environment: ProcessInfo.processInfo.environment).open(address: address + "html/") {
            Report.printWarning("could not open a browser; open \(address)html/ yourself")
        }

        let watcher = WatchOptions.watcher(of: sources, polling: poll)
        let stop = StopSignal()
        let signalSources = stop.install(watcher: watcher, leftovers: live.leftovers)
        while stop.stoppedBy == nil {
            let changed: Set<String>
            do {
                changed = try await watcher.changes()
            } catch {
                break  // a signal ended the wait
            }
            let build = await live.update(changed: changed) { pages in
                events.publish(changed: pages.changedPaths, diagnostics: diagnostics(pages))
            }
            if build.succeeded {
                if !build.guidePaths.isEmpty { events.publish(changed: build.guidePaths, diagnostics: diagnostics(build)) }
            } else {
                events.publish(changed: [], diagnostics: diagnostics(build))
            }
            LiveReport.print(build, output: output, showingTimings: timings)
        }
        // Stopped: the streams and the socket are closed, then `live` (deferred) removes its scratch folder and lock.
        StandardStreams.printError("Stopping.")
        await server.stop()
        watcher.stop()
        withExtendedLifetime(signalSources) {}
        throw ExitCode(128 + (stop.stoppedBy ?? SIGINT))
    }

    /// The preview's own files (templates/preview/) and the overlay's words in each language (`preview.*` strings).
    static func assets(templates: URL, displayPath: String) throws -> [String: (type: String, data: Data)] {
        var assets: [String: (type: String, data: Data)] = [:]
        for name in ["live.js", "live.css"] {
            let url = templates.appendingPathComponent("preview").appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ValidationError("the preview's '\(displayPath)/preview/\(name)' is missing: copy it from Wegwijs' own templates/preview/")
            }
            assets[name] = (PreviewHandler.contentType(of: name), data)
        }
        var ignored = Diagnostics()
        let strings = InterfaceStrings.load(from: templates.appendingPathComponent("strings"), displayPath: "\(displayPath)/strings", diagnostics: &ignored)
        for language in strings.languages {
            var words: [String: String] = [:]
            for key in strings.keys(withPrefix: "preview.") { words[key] = strings.string("preview." + key, in: language) }
            let data = (try? JSONEncoder.sorted.encode(words)) ?? Data("{}".utf8)
            assets["strings/\(language).json"] = ("application/json", data)
        }
        return assets
    }

}

/// Ctrl-C (or TERM, HUP) for `serve`: the signal ends the wait for changes, so the command returns through its
/// clean-up (connections closed, the scratch folder and lock removed) and exits with 128 + the signal (130 for
/// Ctrl-C). A build under way finishes first; when one takes longer than five seconds, the process removes what
/// it keeps beside the output and exits at once.
final class StopSignal: Sendable {
    private let received = Mutex<Int32?>(nil)

    /// The signal that stops the command, once one came.
    var stoppedBy: Int32? { received.withLock { $0 } }

    func install(watcher: ChangeWatcher, leftovers: [URL]) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                received.withLock { $0 = $0 ?? number }
                watcher.interrupt()
                DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
                    for url in leftovers { try? FileManager.default.removeItem(at: url) }
                    Foundation.exit(128 + number)
                }
            }
            source.resume()
            return source
        }
    }
}
