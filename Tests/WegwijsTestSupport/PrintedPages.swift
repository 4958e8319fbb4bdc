import Foundation

/// The text of a PDF page by page, as `pdftotext -layout` (poppler-utils) gives it: for checking the page
/// numbers the layout engine wrote against the pages things really are on.
public struct PrintedPages: Sendable {
    /// Why the text could not be read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String

        /// A failure saying `description`.
        public init(description: String) {
            self.description = description
        }
    }

    /// Each page's text, the first at index 0.
    public let pages: [String]

    /// The pages of `pdf`, read with `pdftotext -layout`.
    public init(pdf: URL) throws(Failure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-layout", "-enc", "UTF-8", pdf.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run pdftotext (install poppler-utils): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "pdftotext failed on \(pdf.lastPathComponent) (is poppler-utils installed?)")
        }
        var pages = String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        self.pages = pages
    }

    /// The number of pages.
    public var count: Int { pages.count }

    /// The non-empty lines of page `number` (1-based), trimmed.
    public func lines(ofPage number: Int) -> [String] {
        pages[number - 1].split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The running header's parts on page `number`: its first line split where the layout leaves a wide gap.
    public func header(ofPage number: Int) -> [String] {
        lines(ofPage: number).first.map(Self.fields) ?? []
    }

    /// The footer's parts on page `number`: its last line split where the layout leaves a wide gap.
    public func footer(ofPage number: Int) -> [String] {
        lines(ofPage: number).last.map(Self.fields) ?? []
    }

    /// The text of page `number` between its header and footer, on one line with single spaces.
    public func body(ofPage number: Int) -> String {
        let lines = lines(ofPage: number)
        return lines.dropFirst().dropLast().joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A line split at runs of three or more spaces (the gap `-layout` leaves between margin boxes).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var spaces = 0
        for character in line {
            if character == " " {
                spaces += 1
                continue
            }
            if spaces >= 3, !current.isEmpty {
                fields.append(current)
                current = ""
            } else if spaces > 0 {
                current += String(repeating: " ", count: spaces)
            }
            spaces = 0
            current.append(character)
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }
}
