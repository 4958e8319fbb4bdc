import Foundation
import Testing
import WegwijsTestSupport

/// cmark's own pathological inputs (its test/pathological_tests.py) and more, in step texts, through every
/// walker of ours: validation (links), HTML and Markdown pages, and the terminal runner at narrow and wide
/// widths. Each command must end in time, with its usual status.
@Suite(.serialized) struct PathologicalMarkdownTests {
    static let count = TestScale.pick(10_000, sanitized: 2_000)

    static let texts: [String: String] = [
        "nested-strong-emphasis": String(repeating: "*a **a ", count: count) + String(repeating: " a** a*", count: count),
        "emphasis-closers-without-openers": String(repeating: "a_ ", count: count),
        "emphasis-openers-without-closers": String(repeating: "_a ", count: count),
        "link-closers-without-openers": String(repeating: "a]", count: count),
        "link-openers-without-closers": String(repeating: "[a", count: count),
        "link-openers-and-emphasis-closers": String(repeating: "[ a_", count: count),
        "mismatched-openers-and-closers": String(repeating: "*a_ ", count: count),
        "openers-and-closers-multiple-of-3": "a**b" + String(repeating: "c* ", count: count),
        "nested-brackets": String(repeating: "[", count: count) + "a" + String(repeating: "]", count: count),
        "nested-block-quotes": String(repeating: "> ", count: count) + "a",
        "nested-lists": String(repeating: "- ", count: count / 5) + "a",
        "nested-ordered-lists": String(repeating: "1. ", count: count / 5) + "a",
        "backticks": (1...(count / 10)).map { "e" + String(repeating: "`", count: $0) }.joined(),
        "unclosed-links": String(repeating: "[a](<b", count: count),
        "many-references": (0..<count).map { "[a\($0)]: u\n" }.joined() + "[a9999]",
        "thousands-of-links": (0..<count).map { i in ["[](ref:p)", "[](term:save)", "[](input:value)", "[](callout:1)", "[x](javascript:x)", "[](ref:p#one)", "[]()"][i % 7] }
            .joined(separator: " "),
        "table-of-brackets": (0..<(count / 30)).map { _ in "| " + String(repeating: "[ | ", count: 100) + "|" }.joined(separator: "\n"),
        "many-emphasis-delimiters": String(repeating: "**_", count: count),
    ]

    /// One procedure per text: `p` holds the texts that carry links, so references resolve to itself.
    static var files: [String: String] {
        var files = ["glossary.yaml": "save: {en: Save, nl: Opslaan}\n"]
        for (name, text) in texts {
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
            files["procedures/portal/\(name).yaml"] = """
                title: {en: \(name), nl: \(name)}
                inputs: [{id: value, label: Value}]
                steps:
                  - id: one
                    title: {en: One, nl: Een}
                    text: |
                \(indented)
                    figure: {src: images/a.svg, alt: A, callouts: [First]}

                """
        }
        files["procedures/portal/p.yaml"] = "title: {en: P, nl: P}\nsteps:\n  - id: one\n    title: {en: One, nl: Een}\n"
        files["images/a.svg"] = "<svg xmlns='http://www.w3.org/2000/svg'/>"
        return files
    }

    @Test func everyWalkerEndsInTime() throws {
        let site = try ContentFixture(Self.files)
        let build = try CommandRunner.run(["build"], in: site.root, timeLimit: 240)
        #expect(!build.timedOut, "build hung")
        #expect(build.status == 0, "\(build.standardError.prefix(2_000))")
        let page = site.root.appendingPathComponent("output/html/en/nested-block-quotes.html")
        #expect(FileManager.default.fileExists(atPath: page.path))
        let state = site.root.appendingPathComponent("state")
        for name in Self.texts.keys.sorted() {
            for columns in [1, 200] {
                let run = try CommandRunner.run(
                    ["run", name, "--plain"], in: site.root,
                    environment: ["XDG_STATE_HOME": state.path, "LANG": "C", "COLUMNS": String(columns)], input: "v\n\ny\n",
                    timeLimit: 120)
                #expect(!run.timedOut, "\(name) at \(columns) columns hung")
                #expect([0, 3].contains(run.status), "\(name) at \(columns) columns: \(run.status) \(run.standardError.prefix(500))")
            }
        }
    }

    /// Titles that refer to themselves (a reference's empty text is the title it names) and empty link texts
    /// in every field: no recursion, no hang; they read as empty quotes.
    @Test func selfReferencesAndEmptyLinkTextsEverywhere() throws {
        let site = try ContentFixture([
            "site.yaml": "title: \"[](ref:a)\"\nlanguages: [en, nl]\ngroups: [{id: portal, title: \"[](ref:a#one) []()\"}]\n",
            "glossary.yaml": "save: {en: \"[](term:save)\", nl: \"[](ref:a)\"}\n",
            "procedures/portal/a.yaml": ContentFixture.procedureWithEveryField { field in
                switch field {
                case "title": "\"[](ref:a) [](ref:b)\""
                case "label", "example": "\"[](input:account)\""
                case "step title": "\"[](ref:a#one) [](term:save)\""
                case "text": "\"[](ref:a) [](ref:a#one) [](callout:1) []() [](input:account)\""
                case "callout": "\"[](callout:1) [](ref:a#one)\""
                case "result": "\"[](ref:b)\""
                default: "\"[](ref:a#one)\""
                }
            },
            "procedures/portal/b.yaml": "title: \"[](ref:a)\"\nsteps:\n  - {id: one, title: \"[](ref:b#one)\"}\n",
            "images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        ])
        let check = try CommandRunner.run(["check"], in: site.root, timeLimit: 60)
        #expect(check.status == 0, "\(check.standardError)")
        let build = try CommandRunner.run(["build"], in: site.root, timeLimit: 60)
        #expect(build.status == 0, "\(build.standardError)")
        let run = try CommandRunner.run(
            ["run", "a", "--plain"], in: site.root,
            environment: ["XDG_STATE_HOME": site.root.appendingPathComponent("state").path, "LANG": "C"], input: "y\nx\n\ny\n",
            timeLimit: 60)
        #expect(run.status == 0, "\(run.standardOutput)")
        #expect(run.standardOutput.contains("“step 1: ”"))
    }
}
