import Testing
import WegwijsCommandLine
import WegwijsCore

/// What the console may do, decided from the environment and which streams are terminals.
@Suite struct ConsoleEnvironmentTests {
    func terminal(_ variables: [String: String] = [:], columns: Int? = 100) -> ConsoleEnvironment {
        ConsoleEnvironment(
            variables: ["TERM": "xterm-256color"].merging(variables) { $1 }, inputIsTerminal: true, outputIsTerminal: true,
            terminalColumns: columns)
    }

    // MARK: - Colour

    @Test func colourOnlyOnATerminalWithoutNoColorOrDumb() {
        #expect(terminal().usesColor)
        #expect(!terminal(["NO_COLOR": "1"]).usesColor)
        // no-color.org: set *and not empty*.
        #expect(terminal(["NO_COLOR": ""]).usesColor)
        #expect(!terminal(["TERM": "dumb"]).usesColor)
        var piped = terminal()
        piped.outputIsTerminal = false
        #expect(!piped.usesColor)
        // Standard input being a pipe does not matter for what is written.
        var readingAPipe = terminal()
        readingAPipe.inputIsTerminal = false
        #expect(readingAPipe.usesColor)
    }

    // MARK: - Hyperlinks

    @Test func hyperlinksInTerminalsKnownToShowThem() {
        #expect(terminal(["TERM_PROGRAM": "iTerm.app"]).supportsHyperlinks)
        #expect(terminal(["TERM_PROGRAM": "WezTerm"]).supportsHyperlinks)
        #expect(terminal(["TERM_PROGRAM": "vscode"]).supportsHyperlinks)
        #expect(terminal(["TERM_PROGRAM": "ghostty"]).supportsHyperlinks)
        #expect(terminal(["VTE_VERSION": "7600"]).supportsHyperlinks)
        #expect(terminal(["VTE_VERSION": "5000"]).supportsHyperlinks)
        #expect(terminal(["WT_SESSION": "4c6f2e1a"]).supportsHyperlinks)
        #expect(terminal(["TERM": "xterm-kitty"]).supportsHyperlinks)
        #expect(terminal(["TERM": "foot"]).supportsHyperlinks)
    }

    @Test func noHyperlinksWhereTheyMightHideTheAddress() {
        #expect(!terminal().supportsHyperlinks)
        #expect(!terminal(["TERM_PROGRAM": "Apple_Terminal"]).supportsHyperlinks)
        #expect(!terminal(["VTE_VERSION": "4803"]).supportsHyperlinks)
        #expect(!terminal(["VTE_VERSION": "new"]).supportsHyperlinks)
        #expect(!terminal(["TERM": "alacritty"]).supportsHyperlinks)
        #expect(!terminal(["WT_SESSION": ""]).supportsHyperlinks)
        // tmux and screen pass the outer terminal's variables into their panes, but not OSC 8.
        #expect(!terminal(["TMUX": "/tmp/tmux-1000/default,1,0", "VTE_VERSION": "7600"]).supportsHyperlinks)
        #expect(!terminal(["TERM": "screen-256color", "WT_SESSION": "x"]).supportsHyperlinks)
        #expect(!terminal(["TERM": "tmux-256color", "TERM_PROGRAM": "iTerm.app"]).supportsHyperlinks)
        #expect(!terminal(["STY": "1234.pts-0.host", "TERM_PROGRAM": "WezTerm"]).supportsHyperlinks)
    }

    @Test func hyperlinksNeedEscapeSequencesAndCanBeForced() {
        #expect(!terminal(["TERM_PROGRAM": "iTerm.app", "NO_COLOR": "1"]).supportsHyperlinks)
        #expect(terminal(["WEGWIJS_HYPERLINKS": "1"]).supportsHyperlinks)
        #expect(terminal(["WEGWIJS_HYPERLINKS": "1", "TMUX": "x"]).supportsHyperlinks)
        #expect(!terminal(["WEGWIJS_HYPERLINKS": "0", "TERM_PROGRAM": "iTerm.app"]).supportsHyperlinks)
        // Forcing never puts escape sequences into a pipe or past NO_COLOR.
        var piped = terminal(["WEGWIJS_HYPERLINKS": "1"])
        piped.outputIsTerminal = false
        #expect(!piped.supportsHyperlinks)
        #expect(!terminal(["WEGWIJS_HYPERLINKS": "1", "NO_COLOR": "1"]).supportsHyperlinks)
    }

    // MARK: - Interactive or plain

    @Test func interactiveOnlyWithBothStreamsOnATerminalAndNoPlain() {
        #expect(terminal().isInteractive(plain: false))
        #expect(!terminal().isInteractive(plain: true))
        var pipedInput = terminal()
        pipedInput.inputIsTerminal = false
        #expect(!pipedInput.isInteractive(plain: false))
        var pipedOutput = terminal()
        pipedOutput.outputIsTerminal = false
        #expect(!pipedOutput.isInteractive(plain: false))
        #expect(!terminal(["TERM": "dumb"]).isInteractive(plain: false))
        // NO_COLOR takes colour away, not keys.
        #expect(terminal(["NO_COLOR": "1"]).isInteractive(plain: false))
    }

    @Test func capabilitiesFollowTheMode() {
        let environment = terminal(["TERM_PROGRAM": "WezTerm"], columns: 120)
        #expect(
            environment.capabilities(plain: false)
                == ConsoleCapabilities(usesColor: true, supportsHyperlinks: true, isInteractive: true, width: 120))
        #expect(environment.capabilities(plain: true) == .plain(width: 120))
        var piped = environment
        piped.outputIsTerminal = false
        piped.terminalColumns = nil
        #expect(piped.capabilities(plain: false) == .plain(width: 80))
        #expect(terminal(["NO_COLOR": "1"]).capabilities(plain: false).usesColor == false)
    }

    // MARK: - Width

    @Test func widthFromTheTerminalThenColumnsThenEighty() {
        #expect(terminal(columns: 132).width == 132)
        #expect(terminal(["COLUMNS": "90"], columns: 132).width == 132)
        #expect(terminal(["COLUMNS": "90"], columns: nil).width == 90)
        #expect(terminal(["COLUMNS": "90"], columns: 0).width == 90)
        #expect(terminal(["COLUMNS": " 72 "], columns: nil).width == 72)
        #expect(terminal(columns: nil).width == 80)
        #expect(terminal(["COLUMNS": "wide"], columns: nil).width == 80)
    }

    @Test func widthIsClamped() {
        #expect(terminal(columns: 1000).width == 500)
        #expect(terminal(["COLUMNS": "0"], columns: nil).width == 1)
        #expect(terminal(["COLUMNS": "-5"], columns: nil).width == 1)
        #expect(terminal(["COLUMNS": "99999999999999999999"], columns: nil).width == 80)
    }
}
