/// The inline codes of one unit, numbered once for the source and its translation alike: a code of the
/// translation has the number of the source's code that stands for the same markup (placeholders by their
/// CommonMark, pairs by their opening and closing CommonMark together, the first unused one of each), and
/// markup only the translation has is numbered after the source's. Import looks codes up here by number, so a
/// code always turns back into the markup it stood for, whatever a tool wrote inside it.
public struct UnitCodes: Sendable {
    // Markup the source and the current translation differ in was accepted with the translation: it is only
    // reported when the file's translation differs from the content's.
    /// The source text's pieces.
    public let source: SegmentedText
    /// The current translation's pieces, numbered as explained; nil without a translation.
    public let target: SegmentedText?
    /// Each number's code (a placeholder, or the opening half of a pair) and the closing half of a pair.
    public private(set) var codes: [Int: (start: SegmentedText.Code, end: SegmentedText.Code?)] = [:]
    /// The numbers of the source's codes, in order.
    public let sourceOrder: [Int]
    /// The numbers of the current translation's codes, in order (nil without a translation).
    public let targetOrder: [Int]?

    /// The codes of `source` and of its translation `target` (empty for none).
    public init(source sourceText: String, target targetText: String) {
        let source = SegmentedText(commonMark: sourceText)
        self.source = source
        var codes: [Int: (start: SegmentedText.Code, end: SegmentedText.Code?)] = [:]
        var order: [Int] = []
        for code in source.codes {
            switch code.role {
            case .placeholder, .opening:
                codes[code.id] = (code, nil)
                order.append(code.id)
            case .closing: codes[code.id]?.end = code
            }
        }
        sourceOrder = order
        guard !targetText.isEmpty else {
            target = nil
            targetOrder = nil
            self.codes = codes
            return
        }
        let translation = SegmentedText(commonMark: targetText)
        var closings: [Int: SegmentedText.Code] = [:]
        for code in translation.codes where code.role == .closing { closings[code.id] = code }
        var used = Set<Int>()
        var renumbered: [Int: Int] = [:]
        var next = (codes.keys.max() ?? 0) + 1
        for code in translation.codes where code.role != .closing {
            let end = closings[code.id]
            let match = order.first { id in
                guard !used.contains(id), let candidate = codes[id] else { return false }
                return candidate.start.role == code.role && candidate.start.kind == code.kind
                    && candidate.start.native == code.native && candidate.end?.native == end?.native
            }
            if let match {
                used.insert(match)
                renumbered[code.id] = match
            } else {
                renumbered[code.id] = next
                var start = code
                start.id = next
                var closing = end
                closing?.id = next
                codes[next] = (start, closing)
                next += 1
            }
        }
        let target = SegmentedText(pieces: translation.pieces.map { piece in
            guard case .code(var code) = piece else { return piece }
            code.id = renumbered[code.id] ?? code.id
            return .code(code)
        })
        self.target = target
        targetOrder = target.codes.filter { $0.role != .closing }.map(\.id)
        self.codes = codes
    }

    /// A code of a translation as an exchange file has it: its number, whether it stands alone, opens or
    /// closes, and where it is in the file.
    public struct Reference: Sendable {
        public var id: Int
        public var role: SegmentedText.Code.Role
        public var location: SourceLocation
        public init(id: Int, role: SegmentedText.Code.Role, location: SourceLocation) {
            self.id = id
            self.role = role
            self.location = location
        }
    }

    /// A piece of a translation as an exchange file has it.
    public enum ReadPiece: Sendable {
        case text(String)
        case code(Reference)
        /// A code whose number is not a number, or that has none.
        case unknownCode(name: String, location: SourceLocation)
    }

    /// The CommonMark of a translation read as `pieces`, and the problems of its codes: an unknown or duplicated
    /// code, or a pair that does not open before it closes, is an error (then the text is nil); a code of the
    /// source that is missing, or codes in another order than the source's, a warning.
    public func restore(_ pieces: [ReadPiece], at location: SourceLocation) -> (text: String?, problems: Diagnostics) {
        var problems = Diagnostics()
        var text = ""
        var seen: [String: SourceLocation] = [:]
        var open: [Int] = []
        var order: [Int] = []
        for piece in pieces {
            switch piece {
            case .text(let value): text += value
            case .unknownCode(let name, let location):
                problems.error("xliff-unknown-code", at: location, "'\(name)' is not one of this text's inline codes")
            case .code(let reference):
                guard let entry = codes[reference.id] else {
                    problems.error("xliff-unknown-code", at: reference.location, "inline code \(reference.id) is not one of this text's codes")
                    continue
                }
                let expected: SegmentedText.Code.Role = entry.end == nil ? .placeholder : (reference.role == .closing ? .closing : .opening)
                guard reference.role == expected else {
                    let what = entry.end == nil ? "a placeholder" : "a pair of codes"
                    problems.error("xliff-unknown-code", at: reference.location, "inline code \(reference.id) stands for \(what) in the source, not for \(reference.role.article)")
                    continue
                }
                let key = "\(reference.id)/\(reference.role.rawValue)"
                if let first = seen[key] {
                    problems.error("xliff-duplicate-code", at: reference.location, "inline code \(reference.id) is used twice (first at line \(first.line))")
                    continue
                }
                seen[key] = reference.location
                switch reference.role {
                case .placeholder:
                    text += entry.start.native
                    order.append(reference.id)
                case .opening:
                    text += entry.start.native
                    open.append(reference.id)
                    order.append(reference.id)
                case .closing:
                    guard open.last == reference.id else {
                        let why = open.contains(reference.id) ? "it closes before the codes opened inside it" : "it closes before it opens"
                        problems.error("xliff-code-order", at: reference.location, "inline code \(reference.id) cannot be turned back into markup: \(why)")
                        continue
                    }
                    open.removeLast()
                    text += entry.end!.native
                }
            }
        }
        for id in open {
            problems.error("xliff-code-order", at: seen["\(id)/opening"] ?? location, "inline code \(id) opens a pair that is never closed")
        }
        guard !problems.hasErrors else { return (nil, problems) }
        // Codes as the content's translation has them are the translator's earlier, accepted choice.
        if order == targetOrder { return (text, problems) }
        let missing = sourceOrder.filter { !order.contains($0) }
        if !missing.isEmpty {
            let names = missing.map { "\($0) (\(codes[$0]!.start.native)\(codes[$0]!.end.map { "…" + $0.native } ?? ""))" }
            problems.warning("xliff-missing-code", at: location, "the translation lacks inline code\(missing.count == 1 ? "" : "s") \(names.joined(separator: ", "))")
        }
        let sourceIDs = Set(sourceOrder)
        let added = order.filter { !sourceIDs.contains($0) }
        if !added.isEmpty {
            problems.warning("xliff-added-code", at: location, "the translation has markup its source does not have: inline code\(added.count == 1 ? "" : "s") \(added.map(String.init).joined(separator: ", "))")
        }
        if order.filter(sourceIDs.contains) != sourceOrder.filter(order.contains) {
            problems.warning("xliff-reordered-code", at: location, "the translation has the source's inline codes in another order: check that the markup still fits the words")
        }
        return (text, problems)
    }
}

extension SegmentedText.Code.Role {
    var article: String {
        switch self {
        case .placeholder: "a placeholder"
        case .opening: "the start of a pair"
        case .closing: "the end of a pair"
        }
    }
}
