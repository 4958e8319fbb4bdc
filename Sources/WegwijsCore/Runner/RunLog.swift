import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The events of a procedure's runs, one JSON object per line, appended as they happen.
///
/// Each event is one `write` to a file opened with `O_APPEND`, so two runs writing at once never
/// interleave inside a line.
public struct RunLog: Sendable {
    /// The log file.
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// Appends `events`.
    public func append(_ events: [RunEvent]) throws {
        guard !events.isEmpty else { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for event in events {
            data.append(try encoder.encode(event))
            data.append(0x0A)
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        _ = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// The events of the last run in the log: from its last `start` on (a `resume` continues it).
    /// Lines that cannot be read are skipped.
    public func lastRun() -> [RunEvent] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let events = data.split(separator: 0x0A).compactMap { try? decoder.decode(RunEvent.self, from: Data($0)) }
        guard let start = events.lastIndex(where: { $0.kind == .start }) else { return events }
        return Array(events[start...])
    }
}
