import Foundation
import Testing
import WegwijsTestSupport

/// The page numbers of the printed example guides are real: read back from the PDFs with `pdftotext`, every
/// reference and every contents entry names the page its target starts on, in each language and in the
/// booklet, where pages are numbered on through both parts.
@Suite struct PrintedGuidePageTests {
    let expected: ExpectedGuide

    init() throws {
        expected = try ExpectedGuide()
    }

    func guides() throws -> ExamplePDFs {
        try ExamplePDFs.shared.get()
    }

    @Test func pdfWritesEachLanguageAndTheBookletWithoutComplaint() throws {
        let guides = try guides()
        #expect(guides.result.status == 0, "\(guides.result.standardError)")
        #expect(guides.printFiles == ["en.html", "en.pdf", "guide.html", "guide.pdf", "images", "nl.html", "nl.pdf", "print.css"])
        let lines = guides.result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("warning") || $0.contains("error") } == [])
        let wrote = try #require(lines.last)
        #expect(wrote.hasPrefix("Wrote '"))
        #expect(wrote.contains("/print/en.pdf', '") && wrote.contains("/print/nl.pdf', '") && wrote.hasSuffix("/print/guide.pdf'."))
    }

    @Test(arguments: ["en", "nl"])
    func everyReferenceNamesThePageItsTargetStartsOn(language: String) throws {
        let guides = try guides()
        let pages = try #require(guides.pdfs[language])
        let part = try layout(of: language, in: pages, from: 1, to: pages.count)
        let references = try self.references(in: part, pages: pages)
        let html = try #require(guides.documents[language])
        #expect(references.count == html.components(separatedBy: "class=\"page-reference\"").count - 1)
        #expect(references.count >= 10)
        try check(references, against: part)
    }

    @Test func bookletReferencesNameTheirPagesInTheBookletsNumbering() throws {
        let guides = try guides()
        let pages = try #require(guides.pdfs["guide"])
        let parts = try bookletParts(of: pages)
        var found = 0
        for part in parts {
            let references = try self.references(in: part, pages: pages)
            try check(references, against: part)
            found += references.count
        }
        let html = try #require(guides.documents["guide"])
        #expect(found == html.components(separatedBy: "class=\"page-reference\"").count - 1)
        // The Dutch part starts after the English one, on a right-hand (odd) page.
        #expect(parts.map(\.language) == ["en", "nl"])
        #expect(parts[1].first > parts[0].last - 1 && parts[1].first % 2 == 1)
    }

    @Test(arguments: ["en", "nl", "guide"])
    func contentsNameThePagesProceduresAndGroupsStartOn(name: String) throws {
        let guides = try guides()
        let pages = try #require(guides.pdfs[name])
        let parts = name == "guide" ? try bookletParts(of: pages) : [try layout(of: name, in: pages, from: 1, to: pages.count)]
        for part in parts {
            // The contents follow the cover.
            var entries: [String: Int] = [:]
            for line in pages.lines(ofPage: part.first + 1) {
                guard let match = line.firstMatch(of: /^(.+?)\s*\.{3,}\s*(\d+)$/) else { continue }
                entries[String(match.1)] = Int(match.2)
            }
            var firstOfGroup: [String: String] = [:]
            for chapter in expected.chapters(in: part.language) {
                #expect(entries[chapter.title] == part.starts[chapter.title], "\(name): contents entry '\(chapter.title)'")
                if firstOfGroup[chapter.group] == nil { firstOfGroup[chapter.group] = chapter.title }
            }
            #expect(firstOfGroup.count == expected.session.site.groups.count)
            for (group, first) in firstOfGroup {
                #expect(entries[group] == part.starts[first], "\(name): contents entry of group '\(group)'")
            }
        }
    }

    @Test(arguments: ["en", "nl", "guide"])
    func everyPageAfterTheCoverShowsItsOwnNumber(name: String) throws {
        let guides = try guides()
        let pages = try #require(guides.pdfs[name])
        let parts = name == "guide" ? try bookletParts(of: pages) : [try layout(of: name, in: pages, from: 1, to: pages.count)]
        let covers = Set(parts.map(\.first))
        var numbered = 0
        for page in 1...pages.count where !covers.contains(page) && !pages.lines(ofPage: page).isEmpty {
            let footer = pages.footer(ofPage: page)
            #expect(footer.first == String(page) || footer.last == String(page), "\(name): page \(page) shows \(footer)")
            numbered += 1
        }
        #expect(numbered >= expected.session.site.procedures.count * parts.count)
    }

    // MARK: - Reading the pages

    /// One language's part of a printed guide: its pages, and the page each procedure and step starts on.
    struct Part {
        var language: String
        var first: Int
        var last: Int
        /// Procedure title or step label → the page it starts on.
        var starts: [String: Int]
    }

    /// The parts of the booklet, each from its cover (the page with the language's name) to the next.
    func bookletParts(of pages: PrintedPages) throws -> [Part] {
        let languages = expected.session.site.languages
        var covers: [(language: String, page: Int)] = []
        for page in 1...pages.count {
            let lines = pages.lines(ofPage: page)
            if let language = languages.first(where: { lines.contains(expected.string("language.name", in: $0).uppercased()) }) {
                covers.append((language, page))
            }
        }
        try #require(covers.map(\.language) == languages, "covers found: \(covers)")
        return try covers.enumerated().map { index, cover in
            let last = index + 1 < covers.count ? covers[index + 1].page - 1 : pages.count
            return try layout(of: cover.language, in: pages, from: cover.page, to: last)
        }
    }

    /// Where each procedure starts (the first page whose running header names it) and each step that can be
    /// referred to (the first page of its procedure's pages with the step's title as a line).
    func layout(of language: String, in pages: PrintedPages, from first: Int, to last: Int) throws -> Part {
        let chapters = expected.chapters(in: language)
        var starts: [String: Int] = [:]
        var previous = first
        for chapter in chapters {
            let start = (previous...last).first { pages.header(ofPage: $0).last == chapter.title }
            let page = try #require(start, "\(language): no page from \(previous) on starts '\(chapter.title)'")
            starts[chapter.title] = page
            previous = page
        }
        for (index, chapter) in chapters.enumerated() {
            let start = starts[chapter.title]!
            let end = index + 1 < chapters.count ? starts[chapters[index + 1].title]! : last
            for step in chapter.steps {
                let page = (start...end).first { pages.lines(ofPage: $0).dropFirst().contains(step.title) }
                starts[step.label] = try #require(page, "\(language): step '\(step.title)' not found in '\(chapter.title)'")
            }
        }
        return Part(language: language, first: first, last: last, starts: starts)
    }

    /// A page reference as printed: on which page, to which target (procedure title or step label), which number.
    struct Reference {
        var page: Int
        var target: String
        var number: Int
        var isEarlier: Bool
    }

    /// Every printed reference in `part`: the words of `print.reference.earlier` / `.later` after the title or
    /// label of a procedure or step. The "earlier" words are looked for first; the "later" ones may be part of
    /// them ("… earlier on page 3"), so those inside an earlier match are skipped.
    func references(in part: Part, pages: PrintedPages) throws -> [Reference] {
        var found: [Reference] = []
        let targets = part.starts.keys.sorted { $0.count > $1.count }
        var patterns: [(isEarlier: Bool, pattern: Regex<AnyRegexOutput>)] = []
        for isEarlier in [true, false] {
            let words = expected.string(isEarlier ? "print.reference.earlier" : "print.reference.later", in: part.language)
            try #require(words.hasPrefix("{link}"), "the test reads references whose words follow the link")
            let pieces = String(words.dropFirst("{link}".count)).components(separatedBy: "{page}")
            let pattern = NSRegularExpression.escapedPattern(for: pieces[0]) + "([0-9]+)" + NSRegularExpression.escapedPattern(for: pieces[1])
            patterns.append((isEarlier, try Regex(pattern)))
        }
        for page in part.first...part.last {
            let body = pages.body(ofPage: page)
            var taken: [Range<String.Index>] = []
            for (isEarlier, pattern) in patterns {
                for match in body.matches(of: pattern) where !taken.contains(where: { $0.overlaps(match.range) }) {
                    taken.append(match.range)
                    let before = body[..<match.range.lowerBound]
                    let target = try #require(targets.first { before.hasSuffix($0) }, "page \(page): '\(before.suffix(60))' names no known target")
                    let number = try #require(match.output[1].substring.flatMap { Int($0) })
                    let next = body[match.range.upperBound...].first
                    #expect(next.map { !$0.isLetter && !$0.isNumber } ?? true, "page \(page): no space after page \(number)")
                    found.append(Reference(page: page, target: target, number: number, isEarlier: isEarlier))
                }
            }
        }
        return found
    }

    /// Each reference names the page its target starts on, and says "earlier" only of what comes before it.
    func check(_ references: [Reference], against part: Part) throws {
        for reference in references {
            let start = try #require(part.starts[reference.target])
            #expect(reference.number == start, "\(part.language) page \(reference.page): '\(reference.target)' says page \(reference.number), starts on \(start)")
            if reference.isEarlier {
                #expect(start <= reference.page, "\(part.language) page \(reference.page): '\(reference.target)' is not earlier")
            } else {
                #expect(start >= reference.page, "\(part.language) page \(reference.page): '\(reference.target)' is not later")
            }
        }
        #expect(references.contains { $0.isEarlier } && references.contains { !$0.isEarlier })
        #expect(references.contains { $0.target.contains(":") }, "a reference to a step")
    }
}
