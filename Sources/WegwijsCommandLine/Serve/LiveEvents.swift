import Foundation
import NIOCore
import NIOHTTP1
import NIOConcurrencyHelpers
import WegwijsCore

/// The open live-reload streams (`/_wegwijs/events`, server-sent events) and the state every new one is told.
///
/// Each build publishes one event; a page that connects later gets the last one at once, so a page opened while
/// the content has errors shows them. A comment every 15 seconds keeps proxies and browsers from closing an idle
/// stream; nothing else runs while nothing changes.
final class LiveEvents: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: Channel] = [:]
        var last: String?
        var number = 0
    }
    private let state = NIOLockedValueBox(State())
    private let keepAlive: NIOLockedValueBox<RepeatedTask?> = NIOLockedValueBox(nil)

    /// Starts the keep-alive comments on `loop`.
    func start(on loop: EventLoop) {
        let task = loop.scheduleRepeatedTask(initialDelay: .seconds(15), delay: .seconds(15)) { [weak self] _ in
            self?.send(": keep-alive\n\n")
        }
        keepAlive.withLockedValue { $0 = task }
    }

    /// Adds a stream whose response head is written: it gets the last event, then every later one.
    func add(_ channel: Channel) {
        let last = state.withLockedValue { state in
            state.channels[ObjectIdentifier(channel)] = channel
            return state.last
        }
        channel.closeFuture.whenComplete { [weak self] _ in
            _ = self?.state.withLockedValue { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
        }
        Self.write("retry: 1000\n\n" + (last ?? ""), to: channel)
    }

    /// Publishes one build: `changed` (output paths), and its diagnostics, for every open page.
    func publish(changed: [String], diagnostics: [PreviewDiagnostic]) {
        let text = state.withLockedValue { state -> String in
            state.number += 1
            let event = PreviewEvent(
                build: state.number, changed: changed, errors: diagnostics.filter { $0.severity == "error" },
                warnings: diagnostics.filter { $0.severity == "warning" })
            let data = (try? JSONEncoder.sorted.encode(event)) ?? Data("{}".utf8)
            let text = "event: build\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
            state.last = text
            return text
        }
        send(text)
    }

    /// Closes every stream (the server is stopping).
    func closeAll() -> EventLoopFuture<Void>? {
        keepAlive.withLockedValue { $0?.cancel() }
        let channels = state.withLockedValue { Array($0.channels.values) }
        guard let first = channels.first else { return nil }
        return EventLoopFuture.andAllComplete(channels.map { $0.close() }, on: first.eventLoop)
    }

    private func send(_ text: String) {
        for channel in state.withLockedValue({ Array($0.channels.values) }) { Self.write(text, to: channel) }
    }

    private static func write(_ text: String, to channel: Channel) {
        let buffer = channel.allocator.buffer(string: text)
        channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
    }
}

/// One build as the pages' script reads it.
struct PreviewEvent: Encodable {
    var build: Int
    var changed: [String]
    var errors: [PreviewDiagnostic]
    var warnings: [PreviewDiagnostic]
}

/// A diagnostic as the overlay shows it: its printed headline, notes, and the source line with the column to mark.
struct PreviewDiagnostic: Encodable, Sendable {
    var severity: String
    var location: String
    var message: String
    var headline: String
    var notes: [String]
    var source: String?
    var column: Int

    init(_ diagnostic: Diagnostic, sourceLines: SourceLines) {
        severity = diagnostic.severity.rawValue
        location = "\(diagnostic.location)"
        message = diagnostic.summary
        headline = diagnostic.headline
        notes = diagnostic.notes
        source = sourceLines.line(at: diagnostic.location).map { line in
            // What a terminal would not show, a page does not either (the overlay writes it as text, never as markup).
            String(String.UnicodeScalarView(line.unicodeScalars.map { $0 == "\t" ? " " : ($0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "\u{FFFD}" : $0) }))
        }
        column = diagnostic.location.column
    }
}

extension JSONEncoder {
    /// Keys sorted, slashes not escaped: the same event gives the same bytes.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
