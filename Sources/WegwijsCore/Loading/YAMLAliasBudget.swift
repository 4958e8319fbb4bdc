internal import CYaml

/// Refuses YAML whose aliases would expand into more nodes than any content needs ("billion laughs").
///
/// Yams composes aliases as shared nodes, but anything that walks or hashes the composed tree (Yams itself
/// hashes every mapping key to find duplicates) pays for the expanded size, which grows exponentially with
/// aliases of aliases. So before Yams composes a file, this reads libyaml's events (the libyaml inside
/// Yams, without building anything) and adds up the size of every alias's target; past ``limit`` it
/// stops and names the alias that went over. Nesting depth needs no check here: libyaml refuses more
/// than 1,000 levels itself, and Yams' recursive composer holds that many.
enum YAMLAliasBudget {
    /// How many nodes aliases may add to a file, in total, counting an alias as the size of its target.
    static let limit = 100_000

    /// Where the budget ran out: the alias's position (1-based line; column in Unicode scalars) and name.
    struct Excess: Equatable {
        var line: Int
        var column: Int
        var anchor: String
    }

    /// The first alias that takes the expanded size of `text` past ``limit``, or nil when within it.
    ///
    /// Syntax errors end the scan quietly: Yams reports them right after, with their own positions.
    static func firstExcess(in text: String) -> Excess? {
        // Without an anchor there is nothing to alias; most files have none and skip the second pass.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Excess? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var scan = Scan()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if let excess = scan.take(event) { return excess }
                if event.type == YAML_STREAM_END_EVENT { return nil }
            }
        }
    }

    /// The running sizes: one open collection per level, anchors with their expanded sizes.
    private struct Scan {
        var open: [(anchor: String?, size: Int)] = []
        var anchors: [String: Int] = [:]
        var added = 0

        mutating func take(_ event: yaml_event_t) -> Excess? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                close(anchor: string(event.data.scalar.anchor), size: 1)
            case YAML_SEQUENCE_START_EVENT:
                open.append((string(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                open.append((string(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let last = open.popLast() { close(anchor: last.anchor, size: last.size) }
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                // An undefined alias is Yams' to report.
                let size = anchors[name] ?? 1
                added += size
                if added > YAMLAliasBudget.limit {
                    let mark = event.start_mark
                    return Excess(line: Int(mark.line) + 1, column: Int(mark.column) + 1, anchor: name)
                }
                close(anchor: nil, size: size)
            default:
                break
            }
            return nil
        }

        /// Adds a finished node to its parent, and remembers its size under its anchor.
        mutating func close(anchor: String?, size: Int) {
            if let anchor { anchors[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }

        func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
    }
}
