import Foundation

/// A new version of one text in one language, to be written into its YAML file.
public struct TextChange: Sendable {
    /// The text as loaded.
    public var text: Text
    /// The language to write.
    public var language: String
    /// The language the text is written in (the key kept when a text written once for every language
    /// becomes a mapping).
    public var sourceLanguage: String
    /// The new string, without leading or trailing blank space.
    public var value: String

    /// A change of `text` in `language` to `value`.
    public init(text: Text, language: String, sourceLanguage: String, value: String) {
        self.text = text
        self.language = language
        self.sourceLanguage = sourceLanguage
        self.value = value
    }
}

/// Rewrites texts inside a YAML file in place, touching nothing but the bytes of the texts it changes.
///
/// Works from the locations and styles the loader kept (``TextOrigin``), never by re-serialising the file:
/// comments, key order, quoting and indentation of everything else stay byte for byte. A changed version
/// keeps its scalar style where the new string allows it; a text of several lines in a block mapping
/// becomes a `|` block scalar indented like its neighbours; a missing language is added as the last key
/// of its mapping (`, nl: …` in a flow mapping, a line of its own indented like the other keys in a
/// block mapping); a text written once for every language becomes a flow mapping `{en: …, nl: …}`.
public enum YAMLTextEditor {
    /// Why a change cannot be made.
    public struct Failure: Error, Sendable {
        /// Where the text is.
        public var location: SourceLocation
        /// What went wrong.
        public var message: String
    }

    /// `data` (a YAML file's bytes) with `changes` made.
    public static func apply(_ changes: [TextChange], to data: Data) throws(Failure) -> Data {
        let hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? data.dropFirst(3) : data[...]
        guard let fileText = String(validating: body, as: UTF8.self) else {
            throw Failure(location: changes.first.map { $0.text.location } ?? .start(of: ""), message: "the file is not valid UTF-8")
        }
        let file = EditedFile(text: fileText)
        var replacements: [(range: Range<Int>, text: String, location: SourceLocation)] = []
        for change in changes {
            let (range, text) = try file.replacement(for: change)
            replacements.append((range, text, change.text.location))
        }
        replacements.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (previous, next) in zip(replacements, replacements.dropFirst()) where previous.range.upperBound > next.range.lowerBound {
            throw Failure(location: next.location, message: "two changes overlap in the file")
        }
        var bytes = Array(fileText.utf8)
        for replacement in replacements.reversed() {
            bytes.replaceSubrange(replacement.range, with: Array(replacement.text.utf8))
        }
        return (hasBOM ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(bytes)
    }
}

/// A file's text with what editing needs: its lines as the loader saw them and where each starts in bytes.
struct EditedFile {
    let mapper: TextPositionMapper
    let utf8: [UInt8]
    let lineStarts: [Int]
    let lineEnd: String

    init(text: String) {
        mapper = TextPositionMapper(fileText: text)
        utf8 = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
        lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
    }

    /// The byte offset of 0-based `line` and `column` (in Unicode scalars).
    func offset(line: Int, column: Int) -> Int {
        guard line < lineStarts.count else { return utf8.count }
        var offset = lineStarts[line]
        for scalar in mapper.line(line).prefix(column) { offset += String(scalar).utf8.count }
        return offset
    }

    /// The byte offset where 0-based `line` ends, before its line end.
    func endOfLine(_ line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return utf8.count }
        var end = lineStarts[line + 1] - 1
        if end > lineStarts[line], utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// The rest of 0-based `line` from `column`, as text.
    func rest(ofLine line: Int, from column: Int) -> String {
        String(String.UnicodeScalarView(mapper.line(line).dropFirst(column)))
    }

    func extent(of entry: Text.Entry, at location: SourceLocation) throws(YAMLTextEditor.Failure) -> TextPositionMapper.Extent {
        guard let extent = mapper.extent(of: entry.value, origin: entry.origin) else {
            throw YAMLTextEditor.Failure(location: location, message: "the text could not be found where the file was read; edit it by hand")
        }
        return extent
    }

    /// Whether the mapping at `location` is a flow mapping (`{…}`).
    func isFlowMapping(at location: SourceLocation) -> Bool {
        let line = mapper.line(location.line - 1)
        return location.column - 1 < line.count && line[location.column - 1] == "{"
    }

    /// The byte range to replace and its new text, for one change.
    func replacement(for change: TextChange) throws(YAMLTextEditor.Failure) -> (Range<Int>, String) {
        let text = change.text
        if text.isSameInEveryLanguage, let entry = text.versions.first?.entry {
            let extent = try extent(of: entry, at: text.location)
            let old = YAMLScalarWriter.flow(entry.value.trimmingCharacters(in: .whitespacesAndNewlines), preferring: nil, inFlowCollection: true)
            let new = YAMLScalarWriter.flow(change.value, preferring: nil, inFlowCollection: true)
            let start = offset(line: extent.startLine, column: extent.startColumn)
            var tail = ""
            if entry.origin.style == .literal || entry.origin.style == .folded {
                tail = headerTail(of: extent)
            }
            let mapping = "{\(change.sourceLanguage): \(old), \(change.language): \(new)}\(tail)"
            return (start..<offset(line: extent.endLine, column: extent.endColumn), mapping)
        }
        let isFlow = isFlowMapping(at: text.location)
        let keyIndent = text.location.column - 1
        if let entry = text.versions.first(where: { $0.language == change.language })?.entry {
            let extent = try extent(of: entry, at: text.location)
            let start = offset(line: extent.startLine, column: extent.startColumn)
            let end = offset(line: extent.endLine, column: extent.endColumn)
            switch entry.origin.style {
            case .literal where YAMLScalarWriter.canBeLiteral(change.value), .folded where YAMLScalarWriter.canBeLiteral(change.value):
                let indent = contentIndent(after: extent.startLine) ?? keyIndent + 2
                return (start..<end, YAMLScalarWriter.literal(change.value, indent: indent, headerTail: headerTail(of: extent), lineEnd: lineEnd))
            default:
                if !isFlow, change.value.unicodeScalars.contains("\n"), YAMLScalarWriter.canBeLiteral(change.value) {
                    // A comment after the old scalar moves to the block scalar's header line.
                    let after = rest(ofLine: extent.endLine, from: extent.endColumn)
                    let trimmed = after.drop { $0 == " " || $0 == "\t" }
                    let tail = trimmed.hasPrefix("#") ? " " + trimmed : ""
                    let blockEnd = trimmed.isEmpty || trimmed.hasPrefix("#") ? endOfLine(extent.endLine) : end
                    let literal = YAMLScalarWriter.literal(change.value, indent: keyIndent + 2, headerTail: tail, lineEnd: lineEnd)
                    return (start..<blockEnd, literal)
                }
                let style: TextOrigin.Style? = entry.origin.style == .literal || entry.origin.style == .folded ? nil : entry.origin.style
                return (start..<end, YAMLScalarWriter.flow(change.value, preferring: style, inFlowCollection: isFlow))
            }
        }
        // A missing language: a new key after the mapping's last one.
        guard let last = text.versions.max(by: { $0.entry.origin.location < $1.entry.origin.location })?.entry else {
            throw YAMLTextEditor.Failure(location: text.location, message: "the text has no version to add to")
        }
        let extent = try extent(of: last, at: text.location)
        if isFlow {
            let value = YAMLScalarWriter.flow(change.value, preferring: nil, inFlowCollection: true)
            let end = offset(line: extent.endLine, column: extent.endColumn)
            return (end..<end, ", \(change.language): \(value)")
        }
        let padding = String(repeating: " ", count: keyIndent)
        let value =
            change.value.unicodeScalars.contains("\n") && YAMLScalarWriter.canBeLiteral(change.value)
            ? YAMLScalarWriter.literal(change.value, indent: keyIndent + 2, headerTail: "", lineEnd: lineEnd)
            : YAMLScalarWriter.flow(change.value, preferring: nil, inFlowCollection: false)
        let end = endOfLine(extent.endLine)
        return (end..<end, "\(lineEnd)\(padding)\(change.language): \(value)")
    }

    /// What follows a block scalar's indicator on its header line (a comment, with the space before it).
    func headerTail(of extent: TextPositionMapper.Extent) -> String {
        let rest = rest(ofLine: extent.startLine, from: extent.startColumn)
        let indicator = rest.prefix { $0 != " " && $0 != "\t" && $0 != "#" }
        return String(rest.dropFirst(indicator.count))
    }

    /// The indentation of the first line with content after `header`.
    func contentIndent(after header: Int) -> Int? {
        var line = header + 1
        while line < mapper.lineCount {
            let scalars = mapper.line(line)
            if !scalars.allSatisfy({ $0 == " " }) { return scalars.prefix { $0 == " " }.count }
            line += 1
        }
        return nil
    }
}
