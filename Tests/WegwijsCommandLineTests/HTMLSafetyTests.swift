import Foundation
import Testing
import WegwijsTestSupport

/// XSS payloads in every field of the content, built to HTML, then checked by `scripts/check-html-safety`:
/// statically with Python's HTML parser, and live in headless Chromium, where a payload that runs marks the page.
@Suite(.serialized) struct HTMLSafetyTests {
    /// What a payload does when it runs: mark the page, for the browser check to find.
    static let mark = "document.documentElement.setAttribute('data-pwned','1')"

    /// Payloads in CommonMark and in attribute contexts.
    static let payloads = [
        "<script>\(mark)</script>",
        "<img src=x onerror=\"\(mark)\">",
        "\"><svg onload=\"\(mark)\">",
        "'><img src=x onerror='\(mark)'>",
        "[link](javascript:\(mark))",
        "[case](JaVaScRiPt:\(mark))",
        "[tab](java\tscript:\(mark))",
        "[vb](vbscript:msgbox(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![alt\" onerror=\"\(mark)](x.png)",
        "<javascript:\(mark)>",
        "[ref][evil]\n\n[evil]: javascript:\(mark)",
        "{{siteTitle}} {{{siteTitle}}} &lt;script&gt;",
        "<a href=\"javascript:\(mark)\">a</a> <iframe src=\"javascript:\(mark)\"></iframe>",
        "<style>body{background:url(javascript:\(mark))}</style>",
    ]

    /// The payloads as one YAML double-quoted string.
    static func quoted(_ prefix: String) -> String {
        let text = ([prefix] + payloads).joined(separator: "\n\n")
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }

    static var files: [String: String] {
        let q = quoted
        return [
            "site.yaml": "title: \(q("Site"))\nlanguages: [en, nl]\ngroups:\n  - {id: portal, title: \(q("Group"))}\n",
            "glossary.yaml": "save: {en: \(q("Save")), nl: \(q("Opslaan"))}\n",
            // The figure's file name carries a payload too.
            "procedures/portal/xss.yaml": ContentFixture.procedureWithEveryField { field in
                q(field == "text" ? "Text [](term:save) [](input:account) [](callout:1) [](ref:xss#one)" : field.capitalized)
            }.replacingOccurrences(
                of: "src: images/a.svg", with: "src: \"images/q\\\" onerror=\\\"\(mark).svg\""),
            "images/q\" onerror=\"\(mark).svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        ]
    }

    /// Runs the checker on `folder`.
    static func check(_ folder: URL, browser: Bool = true) throws -> (status: Int32, output: String) {
        try ProgramRunner.run(
            ["python3", Repository.root.appendingPathComponent("scripts/check-html-safety").path, folder.path]
                + (browser ? [] : ["--no-browser"]))
    }

    @Test func payloadsInEveryFieldNeitherAppearInTheMarkupNorRunInTheBrowser() throws {
        let site = try ContentFixture(Self.files)
        let build = try CommandRunner.run(["build"], in: site.root, timeLimit: 120)
        #expect(build.status == 0, "\(build.standardError)")
        let html = site.root.appendingPathComponent("output/html")
        let page = try String(contentsOf: html.appendingPathComponent("en/xss.html"), encoding: .utf8)
        // The payloads are there, as text.
        #expect(page.contains("&lt;script&gt;"))
        #expect(page.contains("{{siteTitle}}"))
        let result = try Self.check(html)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("pages checked in chromium, 0 problems"))
    }

    @Test func theCheckerFindsWhatItLooksFor() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-xss-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<html><body><img src=x onerror=\"\(Self.mark)\"><a href=\"java&#9;script:x\">a</a></body></html>".utf8)
            .write(to: folder.appendingPathComponent("bad.html"))
        let result = try Self.check(folder)
        #expect(result.status == 1)
        #expect(result.output.contains("event handler attribute onerror= on <img>"))
        #expect(result.output.contains("unsafe URL scheme 'javascript:' in href= on <a>"))
        #expect(result.output.contains("a payload ran in the browser"))
    }
}
