internal import CYAML

/// Reads YAML text with libyaml's parser into a ``YAMLDocument``: its events, straight, in one pass.
///
/// The only code that knows libyaml. In the same pass it spends the alias budget (``YAMLAliasBudget``),
/// finds duplicate keys (at their second occurrence) and undefined aliases, and refuses a second document,
/// as Yams' composer did. Problems keep libyaml's own wording and positions; ``YAMLFile`` words them.
enum YAMLEventReader {
    /// A problem found while reading.
    enum Problem: Equatable {
        /// From libyaml's scanner or parser, or a rule of composing (an undefined alias, a second document):
        /// libyaml's problem text, its 1-based line and column (in Unicode scalars), and the context, if any.
        case syntax(problem: String, line: Int, column: Int, context: Context?)
        /// From libyaml's reader (a character YAML does not allow): its problem text and the byte offset.
        case unreadable(problem: String, offset: Int)
        /// An alias took the file past the alias budget.
        case aliasExcess(YAMLAliasBudget.Excess)
        /// A mapping has the scalar key `key` a second time, at `at`; the first is at `first`.
        case duplicateKey(key: String, at: YAMLMark, first: YAMLMark)
        /// libyaml ran out of memory.
        case memory
    }

    /// What libyaml was reading when it met a problem ("while parsing a flow mapping"), and where that began.
    struct Context: Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    /// The document in `text` (nil for a stream without one), or nil with the problems that stopped it.
    ///
    /// Duplicate keys do not stop reading (every one is reported), but the file is not read further.
    static func read(_ text: String) -> (document: YAMLDocument?, problems: [Problem]) {
        var text = text
        return text.withUTF8 { bytes in
            var pass = Pass(bytes: bytes)
            pass.run()
            return (pass.problems.isEmpty ? pass.document : nil, pass.problems)
        }
    }

    // MARK: - The pass

    /// One reading: the parser, the document being built, and the collections still open.
    private struct Pass {
        let bytes: UnsafeBufferPointer<UInt8>
        var document = YAMLDocument()
        var problems: [Problem] = []
        var open: [Frame] = []
        /// Anchors by name: the index of their node and its size in nodes (a later anchor of the same name wins).
        var anchors: [String: (index: Int, size: Int)] = [:]
        var budget = YAMLAliasBudget()
        var offsets: OffsetCursor
        var documents = 0

        /// A sequence or mapping whose end has not come yet.
        struct Frame {
            var start: Int
            var anchor: String?
            var size = 1
            var isMapping: Bool
            /// Items (a mapping's keys and values alternately) read so far.
            var items = 0
            /// The event indices of a mapping's scalar keys, once it has more than a few of them.
            var keys: [String: Int]?
        }

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            offsets = OffsetCursor(bytes: bytes)
        }

        mutating func run() {
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                problems.append(.memory)
                return
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            // About one event per 16 bytes of content; a huge scalar needs none of this room.
            document.events.reserveCapacity(min(bytes.count / 16, 1 << 16))
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    problems.append(Self.problem(of: parser))
                    return
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT,
                    let problem = Self.nestingProblem(of: parser, at: event)
                {
                    problems.append(problem)
                    return
                }
                if event.type == YAML_STREAM_END_EVENT || !take(event) { return }
            }
        }

        /// Adds one event; false when reading must stop.
        mutating func take(_ event: yaml_event_t) -> Bool {
            switch event.type {
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    // Yams' words for a second document.
                    problems.append(
                        .syntax(
                            problem: "but found another document", line: Int(event.start_mark.line) + 1,
                            column: Int(event.start_mark.column) + 1,
                            context: Context(text: "expected a single document in the stream", line: 1, column: 1)))
                    return false
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let valueStart = document.values.count
                if let value = scalar.value, scalar.length > 0 {
                    var bytes = UnsafeBufferPointer(start: value, count: scalar.length)[...]
                    // Yams decoded values with Foundation, which drops a byte order mark at a value's start
                    // (one after indentation: libyaml skips it only in column 1). Dropped likewise.
                    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
                    document.values.append(contentsOf: bytes)
                }
                var added = self.event(.scalar, Self.style(of: scalar.style), event)
                added.valueStart = UInt32(truncatingIfNeeded: valueStart)
                added.valueCount = UInt32(truncatingIfNeeded: document.values.count - valueStart)
                let index = append(added)
                return close(index, anchor: Self.string(scalar.anchor), size: 1)
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                let style: YAMLEvent.Style = start.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block
                let index = append(self.event(.sequenceStart, style, event))
                open.append(Frame(start: index, anchor: Self.string(start.anchor), isMapping: false))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                let style: YAMLEvent.Style = start.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block
                let index = append(self.event(.mappingStart, style, event))
                open.append(Frame(start: index, anchor: Self.string(start.anchor), isMapping: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = open.popLast() else { return true }
                var end = self.event(.collectionEnd, document.events[frame.start].style, event)
                end.link = UInt32(truncatingIfNeeded: frame.start)
                let index = append(end)
                document.events[frame.start].link = UInt32(truncatingIfNeeded: index)
                document.events[frame.start].end = end.end
                return close(frame.start, anchor: frame.anchor, size: frame.size)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    problems.append(
                        .syntax(
                            problem: "found undefined alias", line: Int(event.start_mark.line) + 1,
                            column: Int(event.start_mark.column) + 1, context: nil))
                    return false
                }
                guard budget.spend(target.size) else {
                    let excess = YAMLAliasBudget.Excess(
                        line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1, anchor: name)
                    problems = [.aliasExcess(excess)]
                    return false
                }
                var alias = self.event(.alias, .plain, event)
                alias.link = UInt32(truncatingIfNeeded: target.index)
                let index = append(alias)
                return close(index, anchor: nil, size: target.size)
            default:
                break
            }
            return true
        }

        mutating func event(_ kind: YAMLEvent.Kind, _ style: YAMLEvent.Style, _ event: yaml_event_t) -> YAMLEvent {
            YAMLEvent(kind: kind, style: style, start: mark(event.start_mark), end: endMark(event.end_mark))
        }

        /// An end mark, on a line of the text: at the end of a text without a final line break, libyaml
        /// marks a line after the last (it adds a line break to the stream). Start marks stay as libyaml
        /// gives them, since diagnostics use them as Yams gave them.
        mutating func endMark(_ mark: yaml_mark_t) -> YAMLMark {
            var end = self.mark(mark)
            guard Int(end.offset) == bytes.count, end.column == 0, end.line > 0, !endsWithLineBreak else { return end }
            end.line -= 1
            end.column = UInt32(truncatingIfNeeded: charactersOfLastLine)
            return end
        }

        /// Whether the text ends with a line break as libyaml counts them (LF, CR, NEL, LS, PS).
        var endsWithLineBreak: Bool {
            guard let last = bytes.last else { return true }
            if last == 0x0A || last == 0x0D { return true }
            let count = bytes.count
            if count >= 2, bytes[count - 2] == 0xC2, last == 0x85 { return true }
            return count >= 3 && bytes[count - 3] == 0xE2 && bytes[count - 2] == 0x80 && (last == 0xA8 || last == 0xA9)
        }

        /// The characters after the text's last line break.
        var charactersOfLastLine: Int {
            var start = bytes.count
            while start > 0 {
                let byte = bytes[start - 1]
                if byte == 0x0A || byte == 0x0D { break }
                if byte == 0x85, start >= 2, bytes[start - 2] == 0xC2 { break }
                if byte == 0xA8 || byte == 0xA9, start >= 3, bytes[start - 3] == 0xE2, bytes[start - 2] == 0x80 { break }
                start -= 1
            }
            return bytes[start...].reduce(0) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        }

        mutating func append(_ event: YAMLEvent) -> Int {
            document.events.append(event)
            return document.events.count - 1
        }

        /// A libyaml mark with its byte offset: libyaml's `index` counts Unicode scalars.
        mutating func mark(_ mark: yaml_mark_t) -> YAMLMark {
            YAMLMark(
                line: UInt32(truncatingIfNeeded: mark.line), column: UInt32(truncatingIfNeeded: mark.column),
                offset: UInt32(truncatingIfNeeded: offsets.offset(ofScalar: mark.index)))
        }

        /// A node has ended: remembers its anchor, adds its size to its parent, checks it as a key.
        mutating func close(_ index: Int, anchor: String?, size: Int) -> Bool {
            if let anchor { anchors[anchor] = (index, size) }
            guard !open.isEmpty else { return true }
            let parent = open.count - 1
            open[parent].size += size
            defer { open[parent].items += 1 }
            if open[parent].isMapping, open[parent].items % 2 == 0 { checkKey(index, in: parent) }
            return true
        }

        // MARK: - Duplicate keys

        /// Reports the key at `index` when an earlier key of the mapping has the same scalar value.
        mutating func checkKey(_ index: Int, in frame: Int) {
            let key = resolved(index)
            guard document.events[key].kind == .scalar else { return }
            let value = bytes(of: key)
            var first: Int?
            if var keys = open[frame].keys {
                open[frame].keys = nil
                let string = String(decoding: value, as: UTF8.self)
                if let earlier = keys[string] { first = earlier } else { keys[string] = index }
                open[frame].keys = keys
            } else {
                // A few keys are compared one by one; past eight, by a dictionary.
                var earlier = open[frame].start + 1
                var count = 0
                while earlier < index {
                    let earlierKey = resolved(earlier)
                    if document.events[earlierKey].kind == .scalar, bytes(of: earlierKey).elementsEqual(value) {
                        first = earlier
                        break
                    }
                    count += 1
                    earlier = document.indexAfter(document.indexAfter(earlier))
                }
                if first == nil, count >= 8 { open[frame].keys = keyTable(of: open[frame].start, before: index) }
            }
            if let first {
                problems.append(
                    .duplicateKey(
                        key: String(decoding: value, as: UTF8.self), at: document.events[index].start,
                        first: document.events[first].start))
            }
        }

        /// The scalar keys of the mapping starting at `start`, up to and including the one at `last`.
        func keyTable(of start: Int, before last: Int) -> [String: Int] {
            var keys: [String: Int] = [:]
            var index = start + 1
            while index <= last {
                let key = resolved(index)
                if document.events[key].kind == .scalar {
                    let string = String(decoding: bytes(of: key), as: UTF8.self)
                    if keys[string] == nil { keys[string] = index }
                }
                if index == last { break }
                index = document.indexAfter(document.indexAfter(index))
            }
            return keys
        }

        func resolved(_ index: Int) -> Int {
            let event = document.events[index]
            return event.kind == .alias ? Int(event.link) : index
        }

        func bytes(of index: Int) -> ArraySlice<UInt8> {
            let event = document.events[index]
            return document.values[Int(event.valueStart)..<Int(event.valueStart + event.valueCount)]
        }

        // MARK: - libyaml's values

        /// The nesting limit of the libyaml that Yams built in (`yaml_set_max_nest_level`, 1,000 levels), which the
        /// system's libyaml 0.2.5 lacks: checked as that libyaml checks it, when the parser starts a collection,
        /// against the scanner's block indents and flow level then (the scanner reads ahead, so a deep flow
        /// collection is refused near its start), and reported with its words and marks.
        static func nestingProblem(of parser: yaml_parser_t, at event: yaml_event_t) -> Problem? {
            let indents = parser.indents.start.map { start in parser.indents.top.map { start.distance(to: $0) } ?? 0 } ?? 0
            guard indents >= maximumNesting - Int(parser.flow_level) else { return nil }
            // libyaml marks the token that starts the collection: `[` or `{` just before the event's end, or
            // the zero-width start of a block collection at its end.
            let isFlow =
                event.type == YAML_SEQUENCE_START_EVENT
                ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
            let token = event.end_mark
            let column = Int(token.column) - (isFlow ? 1 : 0)
            return .syntax(
                problem: "Maximum nesting level reached, set with yaml_set_max_nest_level())", line: Int(token.line) + 1,
                column: max(0, column) + 1,
                context: Context(
                    text: "while parsing", line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1))
        }

        /// libyaml's default `MAX_NESTING_LEVEL`, where it has one.
        static let maximumNesting = 1000

        static func problem(of parser: yaml_parser_t) -> Problem {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            switch parser.error {
            case YAML_READER_ERROR:
                return .unreadable(problem: problem, offset: parser.problem_offset)
            case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
                let context = parser.context.map {
                    Context(
                        text: String(cString: $0), line: Int(parser.context_mark.line) + 1,
                        column: Int(parser.context_mark.column) + 1)
                }
                return .syntax(
                    problem: problem, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                    context: context)
            default:
                return .memory
            }
        }

        static func style(of style: yaml_scalar_style_t) -> YAMLEvent.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        }

        static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
    }
}

/// Turns libyaml's positions in Unicode scalars into UTF-8 byte offsets, walking from the last one asked:
/// events come in file order, so each walk is short.
private struct OffsetCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var scalars = 0
    var offset = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func offset(ofScalar target: Int) -> Int {
        while scalars < target, offset < bytes.count {
            let lead = bytes[offset]
            offset += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            scalars += 1
        }
        while scalars > target, offset > 0 {
            offset -= 1
            while offset > 0, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            scalars -= 1
        }
        return min(offset, bytes.count)
    }
}
