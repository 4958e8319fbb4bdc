#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The desktop around the terminal: the viewer that opens a figure, and the clipboard tools.
///
/// Programs are looked up on the `PATH` of `environment` and run with that environment, so tests can
/// put stand-ins first on the path.
struct Desktop: Sendable {
    /// The environment the programs are found in and run with.
    var environment: [String: String]

    // MARK: - Opening files

    /// The program that opens a file in the desktop's viewer.
    static var opener: String {
        #if os(macOS)
        "open"
        #else
        "xdg-open"
        #endif
    }

    /// Opens `path` in the desktop's viewer without waiting for the viewer; false when there is no opener,
    /// it cannot start, or it fails within a second (xdg-open exits 3 or 4 when nothing can open the file).
    func open(file path: String) -> Bool {
        guard let opener = executable(named: Self.opener) else { return false }
        // An absolute path never starts with '-', so the opener cannot take it for an option.
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        guard let child = ChildProcess.start(opener, arguments: [absolute], environment: environment) else { return false }
        switch child.waitForExit(atMost: .seconds(1)) {
        case .exited(let status): return status == 0
        case .killedBySignal: return false
        case .unknown: return true
        case .running:
            child.collectInBackground()
            return true
        }
    }

    // MARK: - The clipboard

    /// Clipboard tools in the order tried: Wayland, X11, macOS.
    static let clipboardTools: [(name: String, arguments: [String])] = [
        ("wl-copy", []), ("xclip", ["-selection", "clipboard"]), ("pbcopy", []),
    ]

    /// Whether a clipboard tool could reach a clipboard here: a Wayland or X11 display, or macOS.
    var hasGraphicalSession: Bool {
        #if os(macOS)
        return true
        #else
        return !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty || !(environment["DISPLAY"] ?? "").isEmpty
        #endif
    }

    /// Puts `text` on the clipboard with the first tool that is installed and succeeds within two seconds
    /// (each); its name, or nil. Texts longer than 16 KiB are refused: they are written to the tool's input
    /// before it starts, which must fit in a pipe on every system.
    func copyWithTool(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count <= 16 * 1024 else { return nil }
        for tool in Self.clipboardTools {
            guard let path = executable(named: tool.name),
                let child = ChildProcess.start(path, arguments: tool.arguments, environment: environment, input: bytes)
            else { continue }
            switch child.waitForExit(atMost: .seconds(2)) {
            case .exited(status: 0), .unknown:
                return tool.name
            case .running:
                child.terminate()
            case .exited, .killedBySignal:
                break
            }
        }
        return nil
    }

    // MARK: - Finding programs

    /// The full path of `name` on the environment's `PATH`, or nil.
    func executable(named name: String) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(folder)/\(name)"
            var status = stat()
            // A directory named like the tool is executable too; only regular files count.
            if access(candidate, X_OK) == 0, stat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
                return candidate
            }
        }
        return nil
    }
}
