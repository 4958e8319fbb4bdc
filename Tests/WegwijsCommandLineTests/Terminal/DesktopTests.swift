#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import WegwijsCommandLine
import WegwijsTestSupport

/// The figure viewer and the clipboard tools, played by small scripts put first on the path.
@Suite struct DesktopTests {
    /// A folder of stand-in programs, and a file where they write what they were given.
    final class Tools {
        let folder: URL
        let record: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-tools-\(UUID().uuidString)")
            record = folder.appendingPathComponent("record.txt")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        /// A program `name` running `body` under /bin/sh; `$RECORD` names the record file.
        ///
        /// Written through a close-on-exec descriptor: a script file left open for writing in a child that
        /// another test spawns meanwhile could not be executed (ETXTBSY).
        func add(_ name: String, _ body: String) throws {
            let path = folder.appendingPathComponent(name).path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(descriptor) }
            let bytes = Array("#!/bin/sh\n\(body)\n".utf8)
            guard write(descriptor, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
        }

        func desktop(_ extra: [String: String] = [:]) -> Desktop {
            Desktop(environment: ["PATH": folder.path, "RECORD": record.path].merging(extra) { $1 })
        }

        var recorded: String? { try? String(contentsOf: record, encoding: .utf8) }
    }

    // MARK: - Opening figures

    @Test func opensAnAbsolutePathWithTheDesktopOpener() throws {
        let tools = try Tools()
        try tools.add(Desktop.opener, #"printf '%s' "$*" > "$RECORD""#)
        #expect(tools.desktop().open(file: "images/step 1.png") == .opened)
        #expect(tools.recorded == FileManager.default.currentDirectoryPath + "/images/step 1.png")
        #expect(tools.desktop().open(file: "/srv/figure.png") == .opened)
        #expect(tools.recorded == "/srv/figure.png")
    }

    @Test func anOpenerThatIsMissingIsSaidApartFromOneThatFails() throws {
        let tools = try Tools()
        #expect(tools.desktop().open(file: "/srv/figure.png") == .noOpener(Desktop.opener))
        try tools.add(Desktop.opener, "exit 3")
        #expect(tools.desktop().open(file: "/srv/figure.png") == .failed)
    }

    @Test func aWebAddressIsOneArgumentAndOnlyWebSchemesAreOpened() throws {
        let tools = try Tools()
        try tools.add(Desktop.opener, #"printf '%s|%s' "$#" "$1" > "$RECORD""#)
        #expect(tools.desktop().open(address: "https://mijn.postnl.nl/zakelijk?a=1&b=$(id)") == .opened)
        #expect(tools.recorded == "1|https://mijn.postnl.nl/zakelijk?a=1&b=$(id)", "no shell: $(id) stays text")
        try FileManager.default.removeItem(at: tools.record)
        for refused in ["javascript:alert(1)", "file:///etc/passwd", "-x https://a", "https://a b", "https://a\u{1B}]"] {
            #expect(tools.desktop().open(address: refused) == .failed, "\(refused)")
        }
        #expect(tools.recorded == nil, "nothing refused reached the opener")
    }

    @Test func aSlowViewerDoesNotHoldUpTheRun() throws {
        let tools = try Tools()
        try tools.add(Desktop.opener, "exec /bin/sleep 5")
        let clock = ContinuousClock()
        let start = clock.now
        #expect(tools.desktop().open(file: "/srv/figure.png") == .opened)
        #expect(clock.now - start < .seconds(3))
    }

    // MARK: - The clipboard

    @Test func theFirstClipboardToolThatWorksIsUsedAndNamed() throws {
        let tools = try Tools()
        try tools.add("wl-copy", #"/bin/cat > "$RECORD""#)
        #expect(tools.desktop().copyWithTool("Gebruikers → Toevoegen") == "wl-copy")
        #expect(tools.recorded == "Gebruikers → Toevoegen")
    }

    @Test func aFailingToolGivesWayToTheNext() throws {
        let tools = try Tools()
        try tools.add("wl-copy", "exit 1")
        try tools.add("xclip", #"{ printf '%s|' "$*"; /bin/cat; } > "$RECORD""#)
        #expect(tools.desktop().copyWithTool("label") == "xclip")
        #expect(tools.recorded == "-selection clipboard|label")
    }

    @Test func noToolIsNil() throws {
        let tools = try Tools()
        #expect(tools.desktop().copyWithTool("label") == nil)
        try tools.add("pbcopy", "exit 1")
        #expect(tools.desktop().copyWithTool("label") == nil)
        try tools.add("wl-copy", "exec /bin/sleep 30")
        let clock = ContinuousClock()
        let start = clock.now
        #expect(tools.desktop().copyWithTool("label") == nil, "a hung tool is killed and does not count")
        #expect(clock.now - start < .seconds(6))
    }

    @Test func theTerminalConsoleAlsoRunsAToolInADesktopSession() throws {
        let tools = try Tools()
        try tools.add("wl-copy", #"/bin/cat > "$RECORD""#)
        let terminal = try PseudoTerminal()
        let console = try TerminalConsole(
            input: terminal.terminal, output: terminal.terminal, capabilities: .plain(),
            environment: ["PATH": tools.folder.path, "RECORD": tools.record.path, "WAYLAND_DISPLAY": "wayland-0"],
            handlesSignals: false)
        defer { console.close() }
        #expect(console.copyToClipboard("ok") == "wl-copy")
        #expect(tools.recorded == "ok")
    }

    @Test func osc52IsOnlyCountedWhereTheTerminalIsKnownToTakeIt() throws {
        let tools = try Tools()
        for (term, expected) in [("xterm-256color", nil), ("xterm-kitty", "OSC 52")] as [(String, String?)] {
            let terminal = try PseudoTerminal()
            let console = try TerminalConsole(
                input: terminal.terminal, output: terminal.terminal, capabilities: .plain(),
                environment: ["PATH": tools.folder.path, "TERM": term], handlesSignals: false)
            defer { console.close() }
            #expect(console.copyToClipboard("ok") == expected, "\(term)")
            if expected != nil {
                try terminal.readOutput(until: "\u{07}")
                #expect(terminal.output == "\u{1B}]52;c;b2s=\u{07}")
            }
        }
    }

    @Test func xselIsTriedAfterXclip() throws {
        let tools = try Tools()
        try tools.add("xsel", #"{ printf '%s|' "$*"; /bin/cat; } > "$RECORD""#)
        #expect(tools.desktop().copyWithTool("label") == "xsel")
        #expect(tools.recorded == "--clipboard --input|label")
    }
}
