#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WegwijsCore

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

    /// Opens `path` in the desktop's viewer without waiting for the viewer: `.noOpener` when there is no
    /// opener, `.failed` when it cannot start or fails within a second (xdg-open exits 3 or 4 when nothing
    /// can open the file).
    func open(file path: String) -> OpenOutcome {
        // An absolute path never starts with '-', so the opener cannot take it for an option.
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return launchOpener(with: absolute)
    }

    /// Opens a web address with the desktop's opener, as one argument and never through a shell; only
    /// `http:`, `https:` and `mailto:` addresses without control characters or spaces are passed on.
    func open(address: String) -> OpenOutcome {
        let scheme = address.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() }
        guard let scheme, ["http", "https", "mailto"].contains(scheme),
            !address.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) })
        else { return .failed }
        return launchOpener(with: address)
    }

    func launchOpener(with argument: String) -> OpenOutcome {
        guard let opener = executable(named: Self.opener) else { return .noOpener(Self.opener) }
        guard let child = ChildProcess.start(opener, arguments: [argument], environment: environment) else { return .failed }
        switch child.waitForExit(atMost: .seconds(1)) {
        case .exited(let status): return status == 0 ? .opened : .failed
        case .killedBySignal: return .failed
        case .unknown: return .opened
        case .running:
            child.collectInBackground()
            return .opened
        }
    }

    // MARK: - The clipboard

    /// Clipboard tools in the order tried: Wayland, X11, macOS.
    static let clipboardTools: [(name: String, arguments: [String])] = [
        ("wl-copy", []), ("xclip", ["-selection", "clipboard"]), ("xsel", ["--clipboard", "--input"]), ("pbcopy", []),
    ]

    /// Whether the terminal is one known to put OSC 52 on the clipboard as it comes (many ignore it silently:
    /// VTE terminals such as GNOME Terminal, Konsole, Apple's Terminal; tmux only with `set-clipboard on`).
    var terminalAcceptsOSC52: Bool {
        let program = environment["TERM_PROGRAM"] ?? ""
        let term = environment["TERM"] ?? ""
        if ["iTerm.app", "WezTerm", "ghostty"].contains(program) { return true }
        if term.hasPrefix("xterm-kitty") || term.hasPrefix("foot") || term == "xterm-ghostty" || term.hasPrefix("alacritty") { return true }
        if !(environment["KITTY_WINDOW_ID"] ?? "").isEmpty || !(environment["WT_SESSION"] ?? "").isEmpty { return true }
        return false
    }

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
