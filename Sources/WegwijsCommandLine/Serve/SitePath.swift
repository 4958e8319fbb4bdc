#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a request's path names in the served folder: a file in it, a folder to be asked for with a slash, nothing,
/// or something the server refuses to look for.
///
/// Everything outside the folder is refused before the file system is asked: `..` and `.` segments (also encoded,
/// `%2e%2e`), encoded slashes and backslashes (`%2f`, `%5c`), backslashes, NUL and other control characters,
/// invalid or incomplete percent-encoding, invalid UTF-8, empty segments (`//`), and targets that are no path
/// (`*`, `http://host/…`). What remains is looked up, and the real path of what it names (symbolic links followed)
/// must still be inside the folder.
enum SitePath: Equatable {
    case file(String)
    /// A folder asked for without its closing slash: the address to send the browser to.
    case redirect(String)
    case notFound
    /// Refused, with why (for the response's text and the tests).
    case refused(String)

    /// Resolves `target` (a request's target, query and fragment included) in `root`, a folder's real path.
    static func resolve(_ target: String, in root: String) -> SitePath {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard path.hasPrefix("/") else { return .refused("not a path") }
        guard let decoded = decode(path) else { return .refused("invalid percent-encoding or UTF-8") }
        if decoded.segments.contains(where: { $0 == "." || $0 == ".." }) { return .refused("a '.' or '..' segment") }
        if decoded.hasEncodedSeparator { return .refused("an encoded slash or backslash") }
        if decoded.segments.dropLast().contains("") { return .refused("an empty segment") }
        if decoded.segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }  // hidden files: the marker, temporary files
        let relative = decoded.segments.joined(separator: "/")
        let candidate = relative.isEmpty ? root : root + "/" + relative
        guard let real = realPath(candidate) else { return .notFound }
        guard real == root || real.hasPrefix(root + "/") else { return .refused("a link that leaves the served folder") }
        var status = stat()
        guard stat(real, &status) == 0 else { return .notFound }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return .file(real)
        case S_IFDIR:
            guard path.hasSuffix("/") else { return .redirect(path + "/") }
            return resolve(path + "index.html", in: root)
        default:
            return .notFound
        }
    }

    /// The path's segments, percent-decoded; nil when an escape is incomplete or invalid, a byte is a control
    /// character or backslash, or the result is not UTF-8.
    static func decode(_ path: String) -> (segments: [String], hasEncodedSeparator: Bool)? {
        var segments: [String] = []
        var current: [UInt8] = []
        var encodedSeparator = false
        let bytes = Array(path.utf8.dropFirst())
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        func finish() -> Bool {
            guard let segment = String(validating: current, as: UTF8.self) else { return false }
            segments.append(segment)
            current = []
            return true
        }
        while index < bytes.count {
            var byte = bytes[index]
            if byte == UInt8(ascii: "/") {
                guard finish() else { return nil }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
                else { return nil }
                byte = high << 4 | low
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") { encodedSeparator = true }
                index += 2
            }
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") { return nil }
            current.append(byte)
            index += 1
        }
        guard finish() else { return nil }
        return (segments, encodedSeparator)
    }

    /// `realpath(3)` of `path`, or nil when it names nothing.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
