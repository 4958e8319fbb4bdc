import Foundation

/// Where runs are saved: `$XDG_STATE_HOME/wegwijs/` (default `~/.local/state/wegwijs/`).
///
/// Each procedure has `<id>.json` (the state) and `<id>.log.jsonl` (the events). States are written to a
/// temporary file and renamed over the old one, so a reader never sees half a file and two runs at once
/// cannot interleave their bytes. A file that cannot be read is moved aside, never a crash.
public struct RunStateStore: Sendable {
    /// The folder.
    public let folder: URL

    /// The store in `folder`.
    public init(folder: URL) {
        self.folder = folder
    }

    /// The store the environment names: `$XDG_STATE_HOME/wegwijs`, else `$HOME/.local/state/wegwijs`.
    public static func standard(environment: [String: String]) -> RunStateStore {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return RunStateStore(folder: URL(fileURLWithPath: state).appendingPathComponent("wegwijs"))
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return RunStateStore(folder: URL(fileURLWithPath: home).appendingPathComponent(".local/state/wegwijs"))
    }

    /// What loading a saved state gave.
    public enum Loaded: Sendable, Equatable {
        case none
        case state(RunState)
        /// The file could not be used; it was moved to `setAside` (or left where it was if even that failed).
        case unreadable(reason: String, setAside: String?)
    }

    func stateURL(_ procedureID: String) -> URL { folder.appendingPathComponent("\(procedureID).json") }

    /// The event log of a procedure's runs.
    public func logURL(_ procedureID: String) -> URL { folder.appendingPathComponent("\(procedureID).log.jsonl") }

    /// The saved state of `procedureID`'s last run, if any.
    public func load(_ procedureID: String) -> Loaded {
        let url = stateURL(procedureID)
        guard FileManager.default.fileExists(atPath: url.path) else { return .none }
        let reason: String
        do {
            let data = try Data(contentsOf: url)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let state = try decoder.decode(RunState.self, from: data)
            if state.version > RunState.currentVersion {
                reason = "it was written by a newer version of wegwijs"
            } else if state.procedureID != procedureID {
                reason = "it belongs to procedure '\(state.procedureID)'"
            } else {
                return .state(state)
            }
        } catch is DecodingError {
            reason = "it is damaged or incomplete"
        } catch {
            reason = "it cannot be read"
        }
        let aside = folder.appendingPathComponent("\(procedureID).json.unreadable-\(Self.timestamp())")
        do {
            try FileManager.default.moveItem(at: url, to: aside)
            return .unreadable(reason: reason, setAside: aside.path)
        } catch {
            return .unreadable(reason: reason, setAside: nil)
        }
    }

    /// Whether states can be saved here: the folder exists or can be made, and a file can be written in it.
    public var isWritable: Bool {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return false
        }
        let probe = folder.appendingPathComponent(".wegwijs-write-test-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else { return false }
        try? FileManager.default.removeItem(at: probe)
        return true
    }

    /// Saves `state` atomically.
    public func save(_ state: RunState) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(state)
        try AtomicFile.write(data, to: stateURL(state.procedureID))
    }

    /// Forgets the saved state of `procedureID` (for `--restart` and finished runs).
    public func remove(_ procedureID: String) {
        try? FileManager.default.removeItem(at: stateURL(procedureID))
    }

    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date())
    }
}
