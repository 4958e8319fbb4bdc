/// Reads the nodes of one YAML file into model values, reporting every problem and carrying on.
///
/// Every value read keeps the marks of its node. Scalars are strings: `no`, `nee`, `on` or `~` read where
/// a text or string is asked for are that text; only ``isNull(_:)`` (asked for optional fields and by
/// ``required(_:in:what:)``) sees an empty plain scalar, `~` or `null` as nothing.
struct NodeReader {
    /// The file, as shown in diagnostics.
    let file: String
    /// The site's languages, for reading texts; empty while site.yaml itself is read.
    var languages: [String]
    /// What was found wrong.
    var diagnostics = Diagnostics()

    /// The location of a node.
    func location(of node: YAMLNode) -> SourceLocation {
        node.event.start.location(in: file)
    }

    // MARK: - Mappings

    /// The entries of a mapping node with only `known` keys, or nil (reported) when `node` is no mapping.
    /// Unknown keys are reported with a suggestion and left out.
    mutating func fields(of node: YAMLNode, what: String, known: [String]) -> Fields? {
        guard case .mapping(let mapping) = node.content else {
            error("wrong-type", at: node, "\(what) must be a mapping of keys to values, not \(describe(node))")
            return nil
        }
        var fields = Fields(location: location(of: node))
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key.content else {
                error("wrong-type", at: key, "a key in \(what) must be a plain name")
                continue
            }
            let name = scalar.string
            guard known.contains(name) else {
                error(
                    "unknown-key", at: key,
                    "unknown key '\(name)' in \(what)\(Suggestion.didYouMean(name, among: known))",
                    notes: ["Known keys: \(known.joined(separator: ", "))."])
                continue
            }
            fields.entries[name] = (key, value)
        }
        return fields
    }

    /// A required field: reports when it is missing.
    mutating func required(_ name: String, in fields: Fields, what: String) -> YAMLNode? {
        guard let value = fields[name] else {
            diagnostics.error("missing-field", at: fields.location, "\(what) has no '\(name)'", notes: ["Add '\(name):'."])
            return nil
        }
        if isNull(value) {
            error("missing-field", at: value, "'\(name)' in \(what) is empty")
            return nil
        }
        return value
    }

    // MARK: - Scalars

    /// A string scalar, or nil (reported) for any other node.
    mutating func string(_ node: YAMLNode, what: String) -> String? {
        guard case .scalar(let scalar) = node.content else {
            error("wrong-type", at: node, "\(what) must be a string, not \(describe(node))")
            return nil
        }
        return scalar.string
    }

    /// `register: formal` or `register: informal`, with where it is written, or nil (reported).
    mutating func register(_ node: YAMLNode) -> Located<Register>? {
        guard let value = string(node, what: "'register'") else { return nil }
        guard let register = Register(rawValue: value) else {
            // 'Formal' is 'formal' in the wrong case; else the nearest name, if it is a likely typo.
            let suggestion = Register(rawValue: value.lowercased()).map { " (did you mean '\($0.rawValue)'?)" }
                ?? Suggestion.didYouMean(value, among: Register.names)
            error(
                "unknown-register", at: node, "unknown register '\(value)'\(suggestion)",
                notes: ["A register is " + Register.names.map { "'\($0)'" }.joined(separator: " or ") + " (Dutch 'u' or 'je')."])
            return nil
        }
        return Located(register, at: location(of: node))
    }

    /// An id matching `^[a-z0-9]+(-[a-z0-9]+)*$`, or nil (reported).
    mutating func id(_ node: YAMLNode, what: String) -> String? {
        guard let value = string(node, what: what) else { return nil }
        guard Identifier.isValid(value) else {
            let suggestion = Identifier.suggestion(for: value).map { " (did you mean '\($0)'?)" } ?? ""
            error(
                "invalid-id", at: node, "\(what) '\(value)' is not a valid id\(suggestion)",
                notes: ["Ids are lowercase letters and digits, in words joined by single hyphens: 'approve-users'."])
            return nil
        }
        return value
    }

    /// The items of a sequence node, or nil (reported).
    mutating func sequence(_ node: YAMLNode, what: String) -> [YAMLNode]? {
        guard case .sequence(let sequence) = node.content else {
            error("wrong-type", at: node, "\(what) must be a list, not \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    // MARK: - Texts

    /// A text: a mapping of language codes to strings, or one string for every language.
    mutating func text(_ node: YAMLNode, what: String) -> Text? {
        switch node.content {
        case .scalar(let scalar):
            if scalar.string.allSatisfy(\.isWhitespace) {
                error("empty-text", at: node, "\(what) is empty")
                return nil
            }
            let entry = Text.Entry(value: scalar.string, origin: origin(of: node, scalar))
            return Text(entries: ["*": entry], isSameInEveryLanguage: true, location: location(of: node))
        case .mapping(let mapping):
            var entries: [String: Text.Entry] = [:]
            for (key, value) in mapping {
                guard let language = key.scalar?.string else {
                    error("wrong-type", at: key, "a language in \(what) must be a code such as 'en'")
                    continue
                }
                guard languages.contains(language) else {
                    error(
                        "unknown-language", at: key,
                        "'\(language)' in \(what) is not a language of the site"
                            + Suggestion.didYouMean(language, among: languages),
                        notes: ["The site's languages, from site.yaml: \(languages.joined(separator: ", "))."])
                    continue
                }
                guard case .scalar(let scalar) = value.content else {
                    error("wrong-type", at: value, "the '\(language)' text of \(what) must be a string, not \(describe(value))")
                    continue
                }
                if scalar.string.allSatisfy(\.isWhitespace) {
                    error("empty-text", at: key, "the '\(language)' text of \(what) is empty")
                    continue
                }
                entries[language] = Text.Entry(value: scalar.string, origin: origin(of: value, scalar))
            }
            if entries.isEmpty {
                if mapping.isEmpty { error("empty-text", at: node, "\(what) has no text in any language") }
                return nil
            }
            return Text(entries: entries, location: location(of: node))
        case .sequence:
            error(
                "wrong-type", at: node,
                "\(what) must be a text (a string, or a mapping of languages to strings), not \(describe(node))")
            return nil
        }
    }

    /// A list of texts.
    mutating func texts(_ node: YAMLNode, what: String) -> [Text] {
        guard let items = sequence(node, what: what) else { return [] }
        return items.enumerated().compactMap { offset, item in text(item, what: "item \(offset + 1) of \(what)") }
    }

    /// Where a text's scalar is, from its start to its end, and how it was written.
    func origin(of node: YAMLNode, _ scalar: YAMLNode.Scalar) -> TextOrigin {
        let style: TextOrigin.Style =
            switch scalar.style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            default: .plain
            }
        let event = node.event
        return TextOrigin(
            location: location(of: node), style: style, startOffset: Int(event.start.offset),
            end: TextOrigin.End(line: Int(event.end.line) + 1, column: Int(event.end.column) + 1, offset: Int(event.end.offset)))
    }

    // MARK: - Helpers

    /// Whether a node is an empty plain scalar or `~`/`null`.
    func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node.content, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// "a list", "a mapping", "the string 'x'": for messages about wrong types.
    func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar: isNull(node) ? "nothing" : "a string"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    mutating func error(_ id: String, at node: YAMLNode, _ summary: String, notes: [String] = []) {
        diagnostics.error(id, at: location(of: node), summary, notes: notes)
    }
}

/// The recognised entries of a YAML mapping.
struct Fields {
    /// Where the mapping starts.
    let location: SourceLocation
    /// Key and value nodes by key.
    var entries: [String: (key: YAMLNode, value: YAMLNode)] = [:]

    /// The value of `name`, if present.
    subscript(name: String) -> YAMLNode? { entries[name]?.value }
}
