import Foundation
import Testing
import WegwijsTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// End-to-end: `wegwijs serve --port 0` on a copy of the example content, asked over a real socket on loopback
/// (raw bytes, so that no client tidies a path before it is sent): what it serves and how, every path outside the
/// site refused, malformed requests, the live-reload events, Ctrl-C, a port in use, two serves of one folder.
/// The browser's side (reload, errors dialog, axe) is `scripts/check-serve`, run by the last test.
@Suite(.serialized) struct ServeCommandTests {
    /// A running `wegwijs serve` in a folder of its own, with what it printed.
    final class Server: @unchecked Sendable {
        let root: URL
        let process = Process()
        private var printed = Data()
        private let lock = NSLock()
        private(set) var port: UInt16 = 0

        var text: String { lock.withLock { String(decoding: printed, as: UTF8.self) } }

        init(arguments: [String] = [], in existing: URL? = nil) throws {
            if let existing {
                root = existing
            } else {
                root = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-serve-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
                for folder in ["content", "templates"] {
                    try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
                }
            }
            process.executableURL = CommandRunner.executable
            process.arguments = ["serve"] + (arguments.contains("--port") ? [] : ["--port", "0"]) + arguments
            process.currentDirectoryURL = root
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            environment["SWIFT_BACKTRACE"] = "enable=no"
            process.environment = environment
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                self?.lock.withLock { self?.printed.append(data) }
            }
            try process.run()
        }

        /// Waits until it serves (or stops); answers whether it serves.
        func waitUntilServing() -> Bool {
            let ready = wait { self.text.contains("(Ctrl-C stops).") || !self.process.isRunning }
            guard ready, let range = text.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression) else { return false }
            port = UInt16(text[range].dropFirst("127.0.0.1:".count).dropLast()) ?? 0
            return port != 0
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGINT) }
            process.waitUntilExit()
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Waits (polling, up to a generous limit never asserted on) until `condition` holds.
    static func wait(_ condition: () -> Bool) -> Bool {
        for _ in 0..<600 {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }

    /// One answer: its status, headers (lowercased names) and body.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends `request` (bytes as given) to the port and reads until the server closes the connection.
    static func send(_ request: String, to port: UInt16, readingAtMost limit: Int = 1 << 24) throws -> Response? {
        let raw = try exchange(Data(request.utf8), port: port, limit: limit)
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1.1 "),
            let status = Int(statusLine.dropFirst(9).prefix(3))
        else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(raw[split.upperBound...]))
    }

    static func get(_ target: String, port: UInt16, method: String = "GET") throws -> Response? {
        try send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", to: port)
    }

    /// A socket connected to the port on loopback; `readTimeout` bounds each read (nil: none).
    static func connected(to port: UInt16, readTimeout: Int? = nil) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        if let readTimeout {
            var timeout = timeval(tv_sec: readTimeout, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        return socket
    }

    static func exchange(_ request: Data, port: UInt16, limit: Int) throws -> Data {
        let socket = try connected(to: port, readTimeout: 20)
        defer { close(socket) }
        _ = request.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while received.count < limit {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[..<count])
        }
        return received
    }

    @Test func itServesTheBuiltSiteWithTheLiveScriptAndNeverStale() throws {
        let server = try Server()
        defer { server.stop(); server.remove() }
        try #require(server.waitUntilServing(), "\(server.text)")
        let port = server.port

        let page = try #require(try Self.get("/html/en/approve-users.html", port: port))
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["cache-control"] == "no-store")
        #expect(page.headers["etag"] == nil && page.headers["last-modified"] == nil)
        #expect(page.headers["x-content-type-options"] == "nosniff")
        #expect(page.text.contains(#"<script src="/_wegwijs/live.js" defer></script></body>"#))
        let onDisk = try String(contentsOf: server.root.appendingPathComponent("output/html/en/approve-users.html"), encoding: .utf8)
        #expect(!onDisk.contains("_wegwijs"), "build's files stay as a build writes them")
        #expect(page.body.count == Int(page.headers["content-length"] ?? "") ?? -1)

        let head = try #require(try Self.get("/html/en/approve-users.html", port: port, method: "HEAD"))
        #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] == page.headers["content-length"])
        let conditional = try #require(
            try Self.send(
                "GET /html/en/approve-users.html HTTP/1.1\r\nHost: x\r\nIf-None-Match: *\r\nIf-Modified-Since: Thu, 01 Jan 2099 00:00:00 GMT\r\nConnection: close\r\n\r\n",
                to: port))
        #expect(conditional.status == 200, "conditional requests are not answered 304: a preview is never stale")

        for (path, type) in [
            ("/md/en/approve-users.md", "text/markdown; charset=utf-8"), ("/html/wegwijs.css", "text/css; charset=utf-8"),
            ("/html/wegwijs.js", "text/javascript; charset=utf-8"), ("/print/en.html", "text/html; charset=utf-8"),
            ("/_wegwijs/live.js", "text/javascript; charset=utf-8"), ("/_wegwijs/strings/nl.json", "application/json"),
        ] {
            let response = try #require(try Self.get(path, port: port))
            #expect(response.status == 200 && response.headers["content-type"] == type, "\(path): \(response.status) \(response.headers)")
        }
        let figures = FileManager.default.enumerator(atPath: server.root.appendingPathComponent("output/html/images").path)?
            .compactMap { $0 as? String } ?? []
        let svg = try #require(figures.first { $0.hasSuffix(".svg") })
        #expect(try Self.get("/html/images/\(svg)", port: port)?.headers["content-type"] == "image/svg+xml")
        let words = try #require(try Self.get("/_wegwijs/strings/nl.json", port: port))
        #expect(words.text.contains("\"errors.one\":\"De inhoud bevat 1 fout\""), "\(words.text)")

        let missing = try #require(try Self.get("/html/nl/no-such-page.html", port: port))
        #expect(missing.status == 404)
        #expect(missing.text.contains("Pagina niet gevonden"), "the site's own 404 page, in the language of the path")
        #expect(try Self.get("/html/en", port: port).map { ($0.status, $0.headers["location"]) } ?? (0, nil) == (301, "/html/en/"))
        #expect(try Self.get("/", port: port)?.headers["location"] == "/html/")
        #expect(try Self.get("/html/en/", port: port)?.status == 200)
        let post = try #require(try Self.get("/html/en/", port: port, method: "POST"))
        #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD")
        #expect(try Self.get("/.wegwijs-output", port: port)?.status == 404, "hidden files are not served")
    }

    @Test func everyPathOutsideTheSiteIsRefused() throws {
        let server = try Server()
        defer { server.stop(); server.remove() }
        try #require(server.waitUntilServing(), "\(server.text)")
        let port = server.port
        // A link inside the output that leaves it: made after the build, as a hostile or careless hand would.
        let outside = server.root.appendingPathComponent("secret")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("secret words".utf8).write(to: outside.appendingPathComponent("key.txt"))
        try FileManager.default.createSymbolicLink(
            at: server.root.appendingPathComponent("output/html/escape"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: server.root.appendingPathComponent("output/html/escape.txt"), withDestinationURL: outside.appendingPathComponent("key.txt"))
        let refused = [
            "/html/../content/site.yaml", "/../content/site.yaml", "/html/%2e%2e/%2e%2e/content/site.yaml", "/html/%2E%2E/x",
            "/html/.%2e/x", "/html%2fen%2fadd-users.html", "/html/en%5cadd-users.html", "/html\\en\\add-users.html",
            "/html/en/add-users.html%00.txt", "/html/en/%zz", "/html/en/%4", "/html/en/%", "/html/%c0%ae%c0%ae/x", "//etc/passwd",
            "/html//en/", "http://example.org/html/", "*", "/html/escape/key.txt", "/html/escape.txt", "/html/./en/",
        ]
        for target in refused {
            let response = try Self.get(target, port: port)
            #expect(response?.status == 400, "\(target): \(response.map { "\($0.status) \($0.text.prefix(80))" } ?? "no answer")")
            #expect(!(response?.text.contains("secret words") ?? false) && !(response?.text.contains("languages:") ?? false), "\(target)")
        }
        // NIO's parser answers what is no HTTP at all, and closes the connection.
        // The connection is closed at once: the socket's 20-second read limit is never reached.
        for garbage in ["GARBAGE\r\n\r\n", "GET /html/ HTTP/9.9\r\n\r\n", "GET /html/\r\nHost: x\r\n\r\n", "GET /html/ HTTP/1.1\r\nBad Header\r\n\r\n"] {
            let response = try Self.send(garbage, to: port)
            #expect(response?.status == 400 || response == nil, "\(garbage.debugDescription): \(response?.status ?? 0)")
        }
        #expect(try Self.get("/html/en/add-users.html", port: port)?.status == 200, "it still serves after all of that")
    }

    @Test func eventsTellEachBuildAndItsErrorsAndCtrlCStopsCleanly() throws {
        let server = try Server()
        defer { server.stop(); server.remove() }
        try #require(server.waitUntilServing(), "\(server.text)")
        // The event stream, read on a thread of its own.
        final class Stream: @unchecked Sendable {
            private var data = Data()
            private let lock = NSLock()
            func append(_ more: Data) { lock.withLock { data.append(more) } }
            var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
        }
        let stream = Stream()
        let port = server.port
        let reader = Thread {
            _ = try? Self.exchangeStreaming("GET /_wegwijs/events HTTP/1.1\r\nHost: x\r\n\r\n", port: port, into: stream.append)
        }
        reader.start()
        #expect(Self.wait { stream.text.contains("\"build\":1") })
        #expect(stream.text.contains("text/event-stream"))

        let file = server.root.appendingPathComponent("content/procedures/dhl-esecure/add-users.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        let steps = try #require(original.range(of: "\nsteps:"))
        let block = try #require(original.range(of: ": |\n", range: steps.upperBound..<original.endIndex))
        var edited = original
        let indent = edited[block.upperBound...].prefix { $0 == " " }
        edited.insert(contentsOf: "\(indent)Served words.\n", at: block.upperBound)
        try EditorSave.write(edited, to: file)
        #expect(Self.wait { stream.text.contains("\"changed\":[\"html/en/add-users.html\"") }, "\(stream.text)")
        #expect(Self.wait { server.text.contains("Built 1 of 11 procedures") }, "\(server.text)")
        #expect(try Self.get("/html/en/add-users.html", port: port)?.text.contains("Served words.") == true)

        try EditorSave.write(edited.replacingOccurrences(of: "steps:", with: "steps: ["), to: file)
        #expect(Self.wait { stream.text.contains("content/procedures/dhl-esecure/add-users.yaml:") && stream.text.contains("\"severity\":\"error\"") })
        #expect(Self.wait { server.text.contains("nothing was written") })
        #expect(try Self.get("/html/en/add-users.html", port: port)?.text.contains("Served words.") == true, "the last good page stays served")
        try EditorSave.write(edited, to: file)
        // Fixed: the last event has no errors, and the overlay goes.
        #expect(Self.wait { stream.text.components(separatedBy: "event: build").last?.contains("\"errors\":[]") == true }, "\(stream.text)")

        kill(server.process.processIdentifier, SIGINT)
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 130, "\(server.text)")
        let beside = try FileManager.default.contentsOfDirectory(atPath: server.root.path).filter { $0.hasPrefix(".output") }
        #expect(beside.isEmpty, "left beside the output: \(beside)")
        #expect(Self.wait { reader.isFinished || !stream.text.isEmpty }, "the stream was closed")
    }

    @Test func aPortInUseASecondServeAndAnOpenHostAreToldPlainly() throws {
        let first = try Server()
        defer { first.stop(); first.remove() }
        try #require(first.waitUntilServing(), "\(first.text)")

        // The same output folder: refused as two builds are.
        let second = try Server(in: first.root)
        second.process.waitUntilExit()
        #expect(second.process.terminationStatus == 1)
        #expect(second.text.contains("another build is writing 'output' right now"), "\(second.text)")

        // Another folder, the same port.
        let third = try Server(arguments: ["--port", "\(first.port)", "--output", "other"], in: first.root)
        third.process.waitUntilExit()
        #expect(third.process.terminationStatus == 1)
        #expect(third.text.contains("port \(first.port) is in use"), "\(third.text)")
        #expect(third.text.contains("--port 0"), "\(third.text)")

        let open = try Server(arguments: ["--host", "0.0.0.0", "--output", "open"], in: first.root)
        defer { open.stop() }
        #expect(Self.wait { open.text.contains("(Ctrl-C stops).") || !open.process.isRunning })
        #expect(open.text.contains("others on the network can read the preview"), "\(open.text)")
    }

    @Test func aPersonSeesTheLoopInABrowser() throws {
        guard !TestScale.isSanitized else { return }  // the same script and server bytes are checked in the plain run
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-check-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let repository = Repository.root
        let result = try ProgramRunner.run([
            "python3", repository.appendingPathComponent("scripts/check-serve").path, CommandRunner.executable.path,
            repository.appendingPathComponent("content").path, repository.appendingPathComponent("templates").path, work.path,
        ])
        #expect(result.status == 0, "scripts/check-serve found problems (exit \(result.status)):\n\(result.output)")
        #expect(result.output.contains("all checks passed, no axe violations"), "\(result.output)")
    }

    /// Sends `request` and hands what comes back to `receive` until the server closes the connection.
    static func exchangeStreaming(_ request: String, port: UInt16, into receive: (Data) -> Void) throws {
        let socket = try connected(to: port)
        defer { close(socket) }
        _ = request.withCString { Glibc.send(socket, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { return }
            receive(Data(buffer[..<count]))
        }
    }
}

/// Saving as editors do: a temporary file beside the file, renamed over it.
enum EditorSave {
    static func write(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw POSIXError(.EIO) }
    }
}
