import Foundation
import Testing
import WegwijsTestSupport

/// Figure files with names that need care (spaces, Unicode, URL delimiters), folders linked from outside the
/// content, and files that are not files (pipes): built or refused, never hung, always linked correctly.
@Suite struct FigurePathTests {
    @Test func oddNamesAreCopiedAsTheyAreAndLinkedPercentEncoded() throws {
        let name = "my figure (é) #1?.svg"
        let site = try ContentFixture([
            "procedures/portal/a.yaml": "title: A\nsteps:\n  - title: One\n    figure: {src: \"images/\(name)\", alt: A}\n",
            "images/\(name)": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        ])
        let build = try CommandRunner.run(["build"], in: site.root, timeLimit: 60)
        #expect(build.status == 0, "\(build.standardError)")
        let output = site.root.appendingPathComponent("output")
        let encoded = "../images/my%20figure%20%28%C3%A9%29%20%231%3F.svg"
        let html = try String(contentsOf: output.appendingPathComponent("html/en/a.html"), encoding: .utf8)
        #expect(html.contains("<img src=\"\(encoded)\" alt=\"A\">"))
        let markdown = try String(contentsOf: output.appendingPathComponent("md/nl/a.md"), encoding: .utf8)
        #expect(markdown.contains("![A](\(encoded))"))
        for format in ["html", "md"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(format)/images/\(name)").path))
        }
    }

    @Test func linkedFoldersLeavingTheContentAndPipesAreRefused() throws {
        let site = try ContentFixture([
            "procedures/portal/a.yaml": """
                title: A
                steps:
                  - title: One
                    figure: {src: images/etc/passwd, alt: A}
                  - title: Two
                    figure: {src: images/pipe.svg, alt: A}
                  - title: Three
                    figure: {src: images/zero.svg, alt: A}

                """
        ])
        let images = site.content.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: images.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        #expect(mkfifo(images.appendingPathComponent("pipe.svg").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: images.appendingPathComponent("zero.svg").path, withDestinationPath: "/dev/zero")
        let build = try CommandRunner.run(["build"], in: site.root, timeLimit: 60)
        #expect(!build.timedOut)
        #expect(build.status == 1)
        #expect(build.standardError.contains("a.yaml:4:19: error: figure 'images/etc/passwd' is a link that leads outside the content folder"))
        #expect(build.standardError.contains("a.yaml:6:19: error: figure 'images/pipe.svg': this is not a regular file (a pipe, socket or device)"))
        #expect(build.standardError.contains("a.yaml:8:19: error: figure 'images/zero.svg' is a link that leads outside the content folder"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("output").path))
    }
}
