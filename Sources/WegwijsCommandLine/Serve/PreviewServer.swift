import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import WegwijsCore

/// The HTTP server of `wegwijs serve`, on SwiftNIO: the output folder as it is on disk, with the live-reload script
/// in every HTML page, its events, and nothing outside the folder.
///
/// Responses are never cached (`Cache-Control: no-store`, no validators: a preview is never stale); `GET` and
/// `HEAD` only. NIO parses the requests; a malformed one gets 400 and its connection is closed.
struct PreviewServer: Sendable {
    /// What every connection's handler reads.
    struct Site: Sendable {
        /// The output folder's real path.
        let root: String
        let events: LiveEvents
        /// The script and stylesheet of the preview (templates/preview/), and the overlay's words per language.
        let assets: [String: (type: String, data: Data)]
        /// The page of a path that names nothing: the site's own 404 page in the language of the path, when built.
        func notFoundPage(for path: String) -> String? {
            let parts = path.split(separator: "/")
            if parts.count >= 2, parts[0] == "html", parts[1].allSatisfy({ $0.isLetter || $0 == "-" }) {
                let page = "\(root)/html/\(parts[1])/404.html"
                if FileManager.default.fileExists(atPath: page) { return page }
            }
            let page = "\(root)/html/404.html"
            return FileManager.default.fileExists(atPath: page) ? page : nil
        }
    }

    let channel: Channel
    let group: MultiThreadedEventLoopGroup
    let site: Site
    /// The threads that read files off the event loop: the server's own, shut down with it.
    let files: NIOThreadPool

    /// The address it listens on, as a browser is given it.
    var address: String {
        let port = channel.localAddress?.port ?? 0
        switch channel.localAddress {
        case .v6(let address)?:
            return "http://[\(address.host)]:\(port)/"
        default:
            return "http://\(channel.localAddress?.ipAddress ?? "127.0.0.1"):\(port)/"
        }
    }

    /// Listens on `host`:`port` (0: a free port).
    static func start(host: String, port: Int, site: Site) async throws -> PreviewServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let files = NIOThreadPool(numberOfThreads: 2)
        files.start()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(PreviewHandler(site: site, files: files))
                }
            }
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            site.events.start(on: group.next())
            return PreviewServer(channel: channel, group: group, site: site, files: files)
        } catch {
            try? await group.shutdownGracefully()
            try? await files.shutdownGracefully()
            throw error
        }
    }

    /// Closes the event streams and the listening socket, then the event loops.
    func stop() async {
        try? await site.events.closeAll()?.get()
        try? await channel.close()
        try? await group.shutdownGracefully()
        try? await files.shutdownGracefully()
    }
}

/// One connection: answers each request from the folder.
final class PreviewHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let site: PreviewServer.Site
    private let files: NIOThreadPool
    private var request: HTTPRequestHead?

    init(site: PreviewServer.Site, files: NIOThreadPool) {
        self.site = site
        self.files = files
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break  // no request of the preview has a body worth reading; it is read and dropped
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    /// A request NIO could not parse has had its 400 (from the pipeline's error handler): the connection ends, so
    /// that a client that sends no HTTP holds nothing open.
    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard head.method == .GET || head.method == .HEAD else {
            var headers = Self.headers(type: "text/plain; charset=utf-8")
            headers.add(name: "Allow", value: "GET, HEAD")
            return send(.methodNotAllowed, headers: headers, body: Data("Only GET and HEAD are served.\n".utf8), head: head, context: context)
        }
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        if path == "/_wegwijs/events" {
            return startStream(head: head, context: context)
        }
        if path.hasPrefix("/_wegwijs/"), let asset = site.assets[String(path.dropFirst("/_wegwijs/".count))] {
            return send(.ok, headers: Self.headers(type: asset.type), body: asset.data, head: head, context: context)
        }
        if path == "/" {
            var headers = Self.headers(type: "text/plain; charset=utf-8")
            headers.add(name: "Location", value: "/html/")
            return send(.found, headers: headers, body: Data(), head: head, context: context)
        }
        switch SitePath.resolve(head.uri, in: site.root) {
        case .file(let file):
            serve(file: file, status: .ok, head: head, context: context)
        case .redirect(let location):
            var headers = Self.headers(type: "text/plain; charset=utf-8")
            headers.add(name: "Location", value: location)
            send(.movedPermanently, headers: headers, body: Data(), head: head, context: context)
        case .notFound:
            let relative = String(path.drop { $0 == "/" })
            if let page = site.notFoundPage(for: relative) {
                serve(file: page, status: .notFound, head: head, context: context)
            } else {
                send(.notFound, headers: Self.headers(type: "text/plain; charset=utf-8"), body: Data("Not found.\n".utf8), head: head, context: context)
            }
        case .refused(let reason):
            let body = Data("Refused: \(reason). Only the files of the site are served.\n".utf8)
            send(.badRequest, headers: Self.headers(type: "text/plain; charset=utf-8"), body: body, head: head, context: context, closing: true)
        }
    }

    /// Reads `file` off the event loop, then answers it (an HTML page with the live-reload script in it).
    private func serve(file: String, status: HTTPResponseStatus, head: HTTPRequestHead, context: ChannelHandlerContext) {
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: loop)
        let type = Self.contentType(of: file)
        files.runIfActive(eventLoop: loop) { () -> Data? in
            guard let data = FileManager.default.contents(atPath: file) else { return nil }
            return type.hasPrefix("text/html") ? Self.withLiveScript(data) : data
        }.whenComplete { result in
            let (handler, context) = bound.value
            switch result {
            case .success(let data?):
                handler.send(status, headers: Self.headers(type: type), body: data, head: head, context: context)
            default:
                handler.send(.notFound, headers: Self.headers(type: "text/plain; charset=utf-8"), body: Data("Not found.\n".utf8), head: head, context: context)
            }
        }
    }

    /// The server-sent events of the builds: the response stays open.
    private func startStream(head: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = Self.headers(type: "text/event-stream; charset=utf-8")
        headers.add(name: "Connection", value: "keep-alive")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
        if head.method == .HEAD {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        context.flush()
        site.events.add(context.channel)
    }

    private func send(
        _ status: HTTPResponseStatus, headers: HTTPHeaders, body: Data, head: HTTPRequestHead, context: ChannelHandlerContext,
        closing: Bool = false
    ) {
        var headers = headers
        headers.replaceOrAdd(name: "Content-Length", value: "\(body.count)")
        let keepAlive = head.isKeepAlive && !closing
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if head.method != .HEAD, !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    static func headers(type: String) -> HTTPHeaders {
        HTTPHeaders([
            ("Content-Type", type), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
        ])
    }

    /// The page with the preview's script and stylesheet before its last `</body>`: the only change `serve` makes to
    /// a file (`build` writes none of it), a byte insertion in the served copy, not a change of the content.
    static func withLiveScript(_ page: Data) -> Data {
        let tag = Data(#"<link rel="stylesheet" href="/_wegwijs/live.css"><script src="/_wegwijs/live.js" defer></script>"#.utf8)
        guard let end = page.range(of: Data("</body>".utf8), options: .backwards) else { return page + tag }
        var result = page
        result.insert(contentsOf: tag, at: end.lowerBound)
        return result
    }

    /// The content type of a file the build writes, by its extension.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }
}
