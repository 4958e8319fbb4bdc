import Foundation
import Testing
import WegwijsTestSupport

/// `wegwijs run` end to end: through a pipe in plain mode, and in a pseudo-terminal as a person uses it.
@Suite(.serialized) struct RunCommandTests {
    /// A state folder of its own for each test, so runs never meet the user's or each other's.
    final class StateFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-state-\(UUID().uuidString)")
        var environment: [String: String] {
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_STATE_HOME"] = url.path
            environment["SWIFT_BACKTRACE"] = "enable=no"
            environment["LANG"] = "C"
            environment.removeValue(forKey: "LC_ALL")
            return environment
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// Whether the screen that starts with `marker` is complete: its key hints (they end with "quit") follow it.
    static func isDrawn(_ output: String, after marker: String) -> Bool {
        guard let range = output.range(of: marker, options: .backwards) else { return false }
        return output[range.upperBound...].contains("quit")
    }

    @Test func aScriptWalksAWholeSeedProcedureInPlainMode() throws {
        let state = StateFolder()
        try FileManager.default.createDirectory(at: state.url, withIntermediateDirectories: true)
        let report = state.url.appendingPathComponent("report.md")
        let answers = "y\n\n\n\ny\n\ny\n"
        let result = try CommandRunner.run(
            ["run", "enable-track-and-trace", "--plain", "--record", report.path], in: Repository.root,
            environment: ["XDG_STATE_HOME": state.url.path, "LANG": "C"], input: answers)
        #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)")
        #expect(result.standardOutput.contains("Step 1.3 of 2"), "the include is step 1, as on the web page")
        #expect(result.standardOutput.contains("Step 2 of 2"))
        #expect(result.standardOutput.contains("4 of 4 steps done, 0 skipped"))
        #expect(!result.standardOutput.contains("\u{1B}"))
        let text = try String(contentsOf: report, encoding: .utf8)
        #expect(text.hasPrefix("# Run report: Turn on the Track & Trace authorisation: finished\n"))
        #expect(text.contains("| 2 | Select the authorisations for the user | done |"))
        #expect(text.contains("| 1.1 | Log in to Mijn PostNL | done |"))
    }

    @Test func languageFollowsLANGAndStdinClosingStopsAndSaves() throws {
        let state = StateFolder()
        let result = try CommandRunner.run(
            ["run", "enable-track-and-trace"], in: Repository.root,
            environment: ["XDG_STATE_HOME": state.url.path, "LANG": "nl_NL.UTF-8"], input: "j\n\n")
        #expect(result.status == 3)
        #expect(result.standardOutput.contains("Stap 1.2 van 2"))
        #expect(result.standardOutput.contains("Gestopt. Je voortgang is opgeslagen"))
        #expect(FileManager.default.fileExists(atPath: state.url.appendingPathComponent("wegwijs/enable-track-and-trace.json").path))
    }

    @Test func wrongArgumentsExitWith64() throws {
        let state = StateFolder()
        for arguments in [["run", "enable-track-and-trac"], ["run", "add-users", "--set", "nonsense"],
                          ["run", "add-users", "--set", "acount=1"], ["run", "add-users", "--lang", "fr"]] {
            let result = try CommandRunner.run(arguments, in: Repository.root, environment: ["XDG_STATE_HOME": state.url.path], input: "")
            #expect(result.status == 64, "\(arguments): \(result.standardError)")
        }
        let typo = try CommandRunner.run(["run", "enable-track-and-trac"], in: Repository.root, input: "")
        #expect(typo.standardError.contains("did you mean 'enable-track-and-trace'?"))
    }

    /// The example content: DHL formal (the site's register), Mijn PostNL informal (its group's); mistakes on the
    /// command line in the user's language.
    @Test func theRunAndItsCommandLineMistakesFollowTheLanguageAndTheRegister() throws {
        let state = StateFolder()
        let dutch = ["XDG_STATE_HOME": state.url.path, "LANG": "nl_NL.UTF-8"]
        let mistakes: [([String], String)] = [
            (["run", "enable-track-and-trac"], "geen procedure 'enable-track-and-trac' (bedoelde u 'enable-track-and-trace'?)"),
            (["run", "add-users", "--set", "nonsense"], "--set verwacht NAAM=WAARDE, niet 'nonsense'"),
            (["run", "add-users", "--set", "acount=1"], "procedure 'add-users' vraagt geen waarde 'acount' (bedoelde u 'account'?)"),
            (["run", "add-users", "--lang", "fr"], "'fr' is geen taal van de site (en, nl)"),
        ]
        for (arguments, words) in mistakes {
            let result = try CommandRunner.run(arguments, in: Repository.root, environment: dutch, input: "")
            #expect(result.status == 64, "\(arguments)")
            #expect(result.standardError.contains(words), "\(arguments): \(result.standardError)")
        }
        let english = try CommandRunner.run(["run", "add-users", "--set", "acount=1"], in: Repository.root, environment: ["LANG": "C"], input: "")
        #expect(english.standardError.contains("procedure 'add-users' has no input 'acount' (did you mean 'account'?)"))

        // DHL's Add users: formal, and its prerequisite names the procedure that puts it in place (see:).
        let formal = try CommandRunner.run(["run", "add-users", "--plain"], in: Repository.root, environment: dutch, input: "n\nn\n")
        #expect(formal.standardOutput.contains("Voordat u begint (1 van 1)"), "\(formal.standardOutput)")
        #expect(formal.standardOutput.contains("Met “Beheerders toevoegen” regelt u dit."))
        #expect(formal.status == 3)
        // Mijn PostNL: informal.
        let informal = try CommandRunner.run(
            ["run", "enable-track-and-trace", "--plain"], in: Repository.root, environment: dutch, input: "j\n\n\n\nj\n\nj\n")
        #expect(informal.standardOutput.contains("Voordat je begint (1 van 1)"), "\(informal.standardOutput)")
        #expect(informal.standardOutput.contains("Zie je dit?"))
        #expect(!informal.standardOutput.contains("Ziet u dit?"))
    }

    @Test func pickingAProcedureByPartOfItsTitle() throws {
        let state = StateFolder()
        let result = try CommandRunner.run(
            ["run", "--plain"], in: Repository.root, environment: ["XDG_STATE_HOME": state.url.path, "LANG": "C"],
            input: "track\nq\n")
        #expect(result.standardOutput.contains("Choose a procedure"))
        #expect(result.standardOutput.contains("Turn on the Track & Trace authorisation"))
        #expect(result.standardOutput.contains("Is this in place?"))
    }

    @Test func ctrlCInATerminalSavesRestoresTheTerminalAndTheNextRunResumes() throws {
        let state = StateFolder()
        let (terminal, before) = try Self.launch("enable-track-and-trace", columns: 72, state: state)
        _ = try terminal.readOutput { Self.isDrawn($0, after: "Is this in place?") }
        try terminal.send("y")
        _ = try terminal.readOutput { Self.isDrawn($0, after: "Step 1.1 of 2") }
        try terminal.send("\r")
        // Keys typed while a screen is drawn are discarded: wait for the whole screen (its key hints).
        _ = try terminal.readOutput { Self.isDrawn($0, after: "Step 1.2 of 2") }
        try terminal.send(bytes: [0x03])
        let status = terminal.waitForExit(timeout: .seconds(10))
        #expect(status == 130)
        #expect(terminal.output.contains("Interrupted. Your progress is saved"))
        #expect(try terminal.attributes() == before, "the terminal settings are restored")

        let (again, _) = try Self.launch("enable-track-and-trace", columns: 72, state: state)
        let screen = try again.readOutput { Self.isDrawn($0, after: "Step 1.2 of 2") }
        #expect(screen.contains("Resuming at step 1.2 of 2: Go to Mijn Account"))
        try again.send("q")
        #expect(again.waitForExit(timeout: .seconds(10)) == 3)
    }

    /// `wegwijs run ID --lang en` on the seed content in a pseudo-terminal `columns` wide, as an xterm, keeping
    /// its state in `state`; with the terminal's settings from before the launch.
    static func launch(_ id: String, columns: Int, state: StateFolder) throws -> (PseudoTerminal, PseudoTerminal.Attributes) {
        let terminal = try PseudoTerminal(columns: columns, rows: 30)
        let before = try terminal.attributes()
        var environment = state.environment
        environment["TERM"] = "xterm-256color"
        try terminal.launch(CommandRunner.executable, arguments: ["run", id, "--lang", "en"], environment: environment, in: Repository.root)
        return (terminal, before)
    }

    /// `text` without any white space: at width 1 every word, even every letter, is on a line of its own.
    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    /// The lines a terminal shows for `output`: escape sequences (CSI, OSC) taken out, split at line ends.
    static func visibleLines(_ output: String) -> [String] {
        var lines: [String] = []
        var line = ""
        var scalars = output.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}":
                guard let kind = scalars.next() else { break }
                if kind == "[" {
                    while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
                } else if kind == "]" {
                    var previous: Unicode.Scalar = " "
                    while let next = scalars.next(), next != "\u{07}", !(previous == "\u{1B}" && next == "\\") { previous = next }
                }
            case "\n":
                lines.append(line)
                line = ""
            case "\r", "\u{07}", "\u{08}":
                continue
            default:
                line.unicodeScalars.append(scalar)
            }
        }
        return lines + [line]
    }

    @Test(arguments: [1, 500])
    func aTerminalOneOrFiveHundredColumnsWideIsServedWithinItsWidth(columns: Int) throws {
        let state = StateFolder()
        let (terminal, before) = try Self.launch("enable-track-and-trace", columns: columns, state: state)
        func drawn(_ marker: String) throws -> String {
            try terminal.readOutput { Self.isDrawn(Self.squeezed($0), after: Self.squeezed(marker)) }
        }
        _ = try drawn("Is this in place?")
        try terminal.send("y")
        _ = try drawn("Step 1.1 of 2")
        try terminal.send("\r")
        let screen = Self.squeezed(try drawn("Step 1.2 of 2"))
        #expect(screen.contains(Self.squeezed("Open the Autorisaties screen")))
        try terminal.send("q")
        #expect(terminal.waitForExit(timeout: .seconds(10)) == 3)
        #expect(try terminal.attributes() == before, "the terminal settings are restored")
        // The runner lays text out for at most 100 columns, and never wider than the terminal.
        let limit = min(columns, 100)
        for line in Self.visibleLines(terminal.output) {
            #expect(line.count <= limit, "wider than \(limit) columns: \(line)")
        }
    }

    @Test func languageSwitchRedrawsTheSameStep() throws {
        let state = StateFolder()
        let (terminal, _) = try Self.launch("access-esecure", columns: 80, state: state)
        _ = try terminal.readOutput { Self.isDrawn($0, after: "Step 1 of 2") }
        try terminal.send("l")
        // The key hints come last on a screen: read until they are there.
        let screen = try terminal.readOutput(until: "stoppen")
        #expect(screen.contains("Stap 1 van 2"))
        #expect(screen.contains("Log in op MyDHL+ met uw beheerdersaccount"))
        try terminal.send("q")
        #expect(terminal.waitForExit(timeout: .seconds(10)) == 3)
    }

    // MARK: - Issue 13: the runner for real admin work

    @Test func aResultNotSeenEndsWithAProblemAndExitStatus4() throws {
        let state = StateFolder()
        try FileManager.default.createDirectory(at: state.url, withIntermediateDirectories: true)
        let report = state.url.appendingPathComponent("report.md")
        let result = try CommandRunner.run(
            ["run", "enable-track-and-trace", "--plain", "--record", report.path], in: Repository.root,
            environment: ["XDG_STATE_HOME": state.url.path, "LANG": "C"], input: "y\n\n\n\nn\nn\nno such screen\n\ny\n")
        #expect(result.status == 4, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("Ended with a problem: a result was not seen."))
        #expect(!result.standardOutput.contains("Finished."))
        let text = try String(contentsOf: report, encoding: .utf8)
        #expect(text.hasPrefix("# Run report: Turn on the Track & Trace authorisation: ended with a problem\n"))
        #expect(text.contains("no such screen"))
    }

    @Test func aReportPathThatCannotBeWrittenIsRefusedBeforeTheRunInTheAdminsLanguage() throws {
        let state = StateFolder()
        for (language, words) in [("C", "cannot be written"), ("nl_NL.UTF-8", "kan niet geschreven worden")] {
            for flag in ["--record", "--report-json"] {
                let result = try CommandRunner.run(
                    ["run", "access-esecure", "--plain", flag, "/nonexistent-folder/report"], in: Repository.root,
                    environment: ["XDG_STATE_HOME": state.url.path, "LANG": language], input: "\n")
                #expect(result.status == 64, "\(flag) \(language)")
                #expect(result.standardError.contains(words), "\(result.standardError)")
                #expect(!result.standardOutput.contains("Step 1"), "nothing was run")
            }
        }
    }

    @Test func anIdThatMatchesSeveralProceduresListsThemToPick() throws {
        let state = StateFolder()
        let result = try CommandRunner.run(
            ["run", "users", "--plain"], in: Repository.root, environment: ["XDG_STATE_HOME": state.url.path, "LANG": "C"],
            input: "2\nq\n")
        #expect(result.standardOutput.contains("Several procedures match 'users':"))
        #expect(result.standardOutput.contains("1. Add users (add-users)"))
        #expect(result.standardOutput.contains("2. Approve rejected users (approve-rejected-users)"))
        #expect(result.standardOutput.contains("Approve rejected users\n[Admins only]"), "the one picked is run")
        #expect(result.status == 3)
    }

    @Test func inATerminalOOpensThePortalAddressWithTheOpenerAndNoShell() throws {
        let state = StateFolder()
        let tools = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tools) }
        let record = tools.appendingPathComponent("opened")
        let opener = tools.appendingPathComponent("xdg-open")
        try Data("#!/bin/sh\nprintf '%s' \"$*\" > '\(record.path)'\n".utf8).write(to: opener)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: opener.path)
        let terminal = try PseudoTerminal(columns: 80, rows: 30)
        var environment = state.environment
        environment["TERM"] = "xterm-256color"
        environment["PATH"] = tools.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        try terminal.launch(
            CommandRunner.executable, arguments: ["run", "enable-track-and-trace", "--lang", "en"], environment: environment,
            in: Repository.root)
        _ = try terminal.readOutput { Self.isDrawn($0, after: "Is this in place?") }
        try terminal.send("y")
        let step = try terminal.readOutput { Self.isDrawn($0, after: "Step 1.1 of 2") }
        #expect(step.contains("[o]"), "the key to open is hinted where the step names an address")
        #expect(step.contains("https://mijn.postnl.nl"), "the address is shown in full")
        try terminal.send("o")
        _ = try terminal.readOutput(until: "Opened https://mijn.postnl.nl.")
        #expect(try String(contentsOf: record, encoding: .utf8) == "https://mijn.postnl.nl")
        try terminal.send("q")
        #expect(terminal.waitForExit(timeout: .seconds(10)) == 3)
    }

    @Test func inATerminalEscGoesBackFromAnInputAndCtrlDStops() throws {
        let state = StateFolder()
        let (terminal, before) = try Self.launch("add-users", columns: 80, state: state)
        // Its prerequisite (administrator rights) first.
        _ = try terminal.readOutput { Self.isDrawn($0, after: "Is this in place?") }
        try terminal.send("y")
        _ = try terminal.readOutput { $0.contains("What you need (1 of 2)") && $0.hasSuffix("> ") }
        try terminal.send("123\r")
        let second = try terminal.readOutput { $0.contains("What you need (2 of 2)") && $0.hasSuffix("> ") }
        #expect(second.contains("[Esc] back"), "Esc is hinted at a typed answer")
        terminal.clearOutput()
        try terminal.send("\u{1B}")
        let back = try terminal.readOutput { $0.contains("What you need (1 of 2)") && $0.hasSuffix("> ") }
        #expect(back.contains("Now: «123»"))
        try terminal.send("\r")
        _ = try terminal.readOutput { $0.contains("What you need (2 of 2)") && $0.hasSuffix("> ") }
        try terminal.send("?\r")
        _ = try terminal.readOutput(until: "Ctrl-D stops")
        try terminal.send(bytes: [0x04])
        #expect(terminal.waitForExit(timeout: .seconds(10)) == 3)
        #expect(try terminal.attributes() == before)
        #expect(terminal.output.contains("Stopped. Your progress is saved"))
    }
}
