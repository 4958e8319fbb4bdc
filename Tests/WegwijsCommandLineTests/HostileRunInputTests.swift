import Foundation
import Testing
import WegwijsTestSupport

/// Content, state files and typed input written to attack the terminal or the runner: escape sequences,
/// C1 codes, bidi overrides, bytes that are not UTF-8, damaged and foreign state files, extreme widths,
/// two runners at once. Every command ends with its documented status, in time, writing nothing unsafe.
@Suite(.serialized) struct HostileRunInputTests {
    /// An OSC title change, a colour, a C1 CSI, a right-to-left override and isolate, NEL, CR and BEL, as
    /// YAML double-quoted escapes.
    static let payload = #"\e]0;pwned\a\e[31mX\x9b31m\u202Eevil\u2066\N\r\x7f"#

    static var files: [String: String] {
        let p = payload
        return [
            "site.yaml": """
                title: "Guides \(p)"
                languages: [en, nl]
                groups:
                  - {id: portal, title: "Portal \(p)"}

                """,
            "glossary.yaml": "save: {en: \"Save \(p)\", nl: \"Opslaan \(p)\"}\n",
            "procedures/portal/hostile.yaml": ContentFixture.procedureWithEveryField { field in
                switch field {
                case "example": "\"1\(p)\""
                case "text": "\"Click [](term:save) with [](input:account) [](callout:1) \(p)\""
                default: "\"\(field.capitalized) \(p)\""
                }
            } + "  - title: \"Two \(p)\"\n    text: \"```\\ncode \(p)\\n```\\n\\n> quote \(p)\"\n",
            "images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        ]
    }

    /// The scalars that must never reach a terminal from content, state or input.
    static func unsafeScalars(in text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }.map { String(format: "U+%04X", $0.value) }
    }

    func expectSafe(_ result: CommandRunner.Result, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!result.timedOut, "\(what) hung", sourceLocation: sourceLocation)
        #expect(Self.unsafeScalars(in: result.standardOutput) == [], "\(what): standard output", sourceLocation: sourceLocation)
        #expect(Self.unsafeScalars(in: result.standardError) == [], "\(what): standard error", sourceLocation: sourceLocation)
        #expect(!result.standardError.contains("Fatal error"), "\(what)", sourceLocation: sourceLocation)
    }

    func environment(_ state: URL, columns: Int = 60) -> [String: String] {
        ["XDG_STATE_HOME": state.path, "LANG": "C", "COLUMNS": String(columns), "NO_COLOR": "1"]
    }

    @Test func hostileContentNeverReachesTheTerminalInAnyCommandOrWidth() throws {
        let site = try ContentFixture(Self.files)
        let state = site.root.appendingPathComponent("state")
        let list = try CommandRunner.run(["list"], in: site.root, timeLimit: 60)
        #expect(list.status == 0)
        #expect(list.standardOutput.contains("Title"))
        expectSafe(list, "list")
        // An unknown term whose key carries the payload: the diagnostic quotes it.
        try site.write(
            Self.files["procedures/portal/hostile.yaml"]!.replacingOccurrences(of: "(term:save)", with: "(term:\\e[2Jsave\\u202E)"),
            to: "procedures/portal/other.yaml")
        let check = try CommandRunner.run(["check"], in: site.root, timeLimit: 60)
        #expect(check.status == 1)
        #expect(check.standardError.contains("unknown glossary term"))
        expectSafe(check, "check")
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("procedures/portal/other.yaml"))
        for columns in [1, 40, 500] {
            // Answers: the prerequisite, a value with escapes and bytes that are not UTF-8, then every step.
            var input = Data("y\n".utf8) + Data("12\u{1B}[31m\u{202E}".utf8) + Data([0xFF, 0xFE, 0xC3, 0x0A]) + Data("\n\ny\nc\n\n".utf8)
            input += Data("y\n".utf8)
            let run = try CommandRunner.run(
                ["run", "hostile", "--plain"], in: site.root, environment: environment(state, columns: columns), input: input,
                timeLimit: 120)
            #expect([0, 3].contains(run.status), "width \(columns): \(run.status) \(run.standardError)")
            // At width 1 the title comes a letter a line: look for it with the line breaks taken out.
            #expect(run.standardOutput.filter { !$0.isWhitespace }.contains("StepTitle"), "width \(columns)")
            expectSafe(run, "run at width \(columns)")
            if columns == 40 {
                for line in run.standardOutput.split(separator: "\n") {
                    #expect(line.count <= 40, "wider than 40 columns: \(line)")
                }
            }
        }
    }

    @Test func damagedOrForeignStateFilesAreSetAsideAndTheRunStartsOver() throws {
        let site = try ContentFixture(Self.files)
        let state = site.root.appendingPathComponent("state")
        let folder = state.appendingPathComponent("wegwijs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let valid = """
            {"version": 1, "procedureID": "hostile", "fingerprint": "x", "language": "en",
             "startedAt": "2027-01-15T08:00:00Z", "updatedAt": "2027-01-15T08:01:00Z", "currentStepKey": "hostile/\\u001b[2J",
             "prerequisitesConfirmed": true, "inputs": {"account": "\\u001b]0;x\\u0007\\u202e9"},
             "records": [{"key": "\\u001b[31mgone\\u202e", "status": "done", "seconds": 1}], "isFinished": false}
            """
        let cases: [(String, Data, String?)] = [
            ("empty", Data(), "it is damaged or incomplete"),
            ("truncated", Data(valid.prefix(90).utf8), "it is damaged or incomplete"),
            ("not UTF-8", Data([0x7B, 0xFF, 0xFE, 0x7D]), "it is damaged or incomplete"),
            ("future", Data(valid.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 7").utf8), "it was written by a newer version"),
            ("other procedure", Data(valid.replacingOccurrences(of: "\"hostile\",", with: "\"o\\u001b[31mther\\u202e\",").utf8), "it belongs to procedure"),
            ("hostile but valid", Data(valid.utf8), nil),
        ]
        for (name, bytes, reason) in cases {
            try bytes.write(to: folder.appendingPathComponent("hostile.json"))
            let run = try CommandRunner.run(
                ["run", "hostile", "--plain"], in: site.root, environment: environment(state), input: "q\n", timeLimit: 60)
            #expect(run.status == 3, "\(name): \(run.standardError)")
            expectSafe(run, name)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            if let reason {
                let words = run.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(words.contains("The saved progress could not be used: \(reason)"), "\(name)")
                let aside = try #require(names.first { $0.hasPrefix("hostile.json.unreadable-") }, "\(name) not set aside")
                #expect(try Data(contentsOf: folder.appendingPathComponent(aside)) == bytes, "\(name): the set-aside file changed")
                try FileManager.default.removeItem(at: folder.appendingPathComponent(aside))
            } else {
                #expect(run.standardOutput.contains("Resuming"), "\(name)")
            }
        }
    }

    @Test func twoRunnersOfTheSameProcedureAtOnceLeaveAReadableState() throws {
        let site = try ContentFixture(Self.files)
        let state = site.root.appendingPathComponent("state")
        let answers = "y\n123\n\n\n\n"
        nonisolated(unsafe) var results: [CommandRunner.Result?] = [nil, nil]
        let lock = NSLock()
        let root = site.root
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = try? CommandRunner.run(
                ["run", "hostile", "--plain"], in: root, environment: environment(state), input: answers, timeLimit: 60)
            lock.withLock { results[index] = result }
        }
        for result in results {
            let result = try #require(result)
            #expect([0, 3].contains(result.status))
            expectSafe(result, "concurrent run")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("wegwijs").path)
        #expect(!names.contains { $0.contains("unreadable") || $0.hasSuffix(".tmp") }, "\(names)")
        let next = try CommandRunner.run(["run", "hostile", "--plain"], in: site.root, environment: environment(state), input: "q\n")
        #expect(!next.standardOutput.contains("could not be used"))
    }
}
