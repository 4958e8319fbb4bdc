import Foundation

/// Golden files: compares text with a file under `Tests/<Target>/Snapshots/`.
///
/// Run with `WEGWIJS_RECORD_SNAPSHOTS=1` (or `make snapshots`) to write the files anew; a recording run
/// still fails, so a re-recorded snapshot is always looked at before it is trusted.
public enum Snapshot {
    /// Whether this run records snapshots instead of comparing.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["WEGWIJS_RECORD_SNAPSHOTS"] == "1" }

    /// nil when `actual` equals the snapshot; otherwise what differs, for the test's failure message.
    public static func mismatch(_ actual: String, named name: String, target: String, filePath: String = #filePath) -> String? {
        let folder = Repository.root.appendingPathComponent("Tests/\(target)/Snapshots")
        let url = folder.appendingPathComponent(name)
        if isRecording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return "recorded \(name); run the tests again without WEGWIJS_RECORD_SNAPSHOTS"
        }
        guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
            return "no snapshot \(name); record it with `make snapshots`"
        }
        return expected == actual ? nil : "snapshot \(name) differs:\n" + firstDifference(expected, actual)
    }

    /// The first differing line, for a short failure message.
    public static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(left[index]) : "<end>"
            let b = index < right.count ? String(right[index]) : "<end>"
            if a != b { return "line \(index + 1):\n  expected: \(a)\n  actual:   \(b)" }
        }
        return "(no line differs)"
    }
}
