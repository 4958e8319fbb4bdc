/// One render of a template: the context stack and the limits, walking compiled nodes into one buffer.
///
/// A render is bounded so that no template (a fuzzer's, or a user's recursive partial) can hang a build or
/// exhaust a thread's stack; see ``TemplateLibrary/maximumPartialDepth`` and the limits beside it. Where a
/// limit is reached the render stops appending and returns what it has.
struct Renderer {
    /// The compiled templates partials are looked up in.
    let templates: [String: [Node]]
    /// How plain text is escaped.
    let escaping: Escaping
    /// The context stack, its top last.
    private var stack: [TemplateValue]
    /// The byte count of the output when the render began.
    private let startSize: Int
    /// How many partials are being rendered, one inside the other.
    private var partialDepth = 0
    /// How many sections and partials are being rendered, one inside the other.
    private var depth = 0
    /// How many section items and partials were rendered so far.
    private var expansions = 0
    /// Whether a limit was reached: nothing more is appended.
    private var isStopped = false
    /// How many section items and partials may be rendered in all, and how many bytes appended.
    private let expansionLimit: Int
    private let outputLimit: Int

    /// A render with `root` at the bottom of the context stack, appending to an output of `startSize` bytes.
    init(
        templates: [String: [Node]], escaping: Escaping, root: TemplateValue, startSize: Int,
        expansionLimit: Int = TemplateLibrary.maximumExpansions, outputLimit: Int = TemplateLibrary.maximumOutputSize
    ) {
        self.expansionLimit = expansionLimit
        self.outputLimit = outputLimit
        self.templates = templates
        self.escaping = escaping
        self.stack = [root]
        self.stack.reserveCapacity(16)
        self.startSize = startSize
    }

    /// Appends `nodes` rendered in the current context to `output`, with `indentation` at each line start.
    mutating func render(_ nodes: [Node], indentation: String, into output: inout String) {
        for node in nodes {
            if isStopped { return }
            switch node {
            case .text(let text):
                if indentation.isEmpty {
                    output.append(text)
                } else {
                    append(text, indentedBy: indentation, to: &output)
                }
            case .indentation:
                if !indentation.isEmpty {
                    output.append(indentation)
                    stopIfPastTheOutputLimit(output)
                }
            case .variable(let name, let isEscaped, _):
                if let value = resolve(name) { interpolate(value, isEscaped: isEscaped, into: &output) }
            case .section(let name, let children, _):
                guard let value = resolve(name), value.isTruthy else { continue }
                renderSection(over: value, children, indentation: indentation, into: &output)
            case .invertedSection(let name, let children, _):
                if resolve(name)?.isTruthy == true { continue }
                render(children, indentation: indentation, into: &output)
            case .partial(let name, let ownIndentation, _):
                guard let partial = templates[name] else { continue }
                guard partialDepth < TemplateLibrary.maximumPartialDepth, enter(output) else { continue }
                partialDepth += 1
                render(partial, indentation: indentation + ownIndentation, into: &output)
                partialDepth -= 1
                depth -= 1
            }
        }
    }

    /// Renders a section's `children` over its truthy `value`: once per item of a list, once with an object
    /// or other value pushed, once without pushing for `true` (as swift-mustache did).
    private mutating func renderSection(
        over value: TemplateValue, _ children: [Node], indentation: String, into output: inout String
    ) {
        switch value {
        case .list(let items):
            for item in items {
                guard enter(output) else { return }
                stack.append(item)
                render(children, indentation: indentation, into: &output)
                stack.removeLast()
                depth -= 1
            }
        case .bool:
            guard enter(output) else { return }
            render(children, indentation: indentation, into: &output)
            depth -= 1
        default:
            guard enter(output) else { return }
            stack.append(value)
            render(children, indentation: indentation, into: &output)
            stack.removeLast()
            depth -= 1
        }
    }

    /// Counts one more section item or partial, one level deeper; false (and stopped) when that passes a limit.
    private mutating func enter(_ output: String) -> Bool {
        expansions += 1
        guard depth < TemplateLibrary.maximumDepth else { return false }
        if expansions > expansionLimit || output.utf8.count - startSize > outputLimit
        {
            isStopped = true
            return false
        }
        depth += 1
        return true
    }

    // MARK: - Names

    /// The value `name` names: its first part looked up down the stack (or in the top only, for `.a`),
    /// the rest inside that value only; nil when it names nothing.
    private func resolve(_ name: Name) -> TemplateValue? {
        let parts = name.parts
        guard let first = parts.first else { return stack.last }
        var found: TemplateValue?
        if name.isAnchored {
            found = stack[stack.count - 1].field(first)
        } else {
            var index = stack.count - 1
            while index >= 0 {
                if let value = stack[index].field(first) {
                    found = value
                    break
                }
                index -= 1
            }
        }
        guard var value = found else { return nil }
        var index = 1
        while index < parts.count {
            guard let next = value.field(parts[index]) else { return nil }
            value = next
            index += 1
        }
        return value
    }

    // MARK: - Output

    /// Appends `value` as a variable tag shows it: text always escaped, markup escaped when `isEscaped`.
    private func interpolate(_ value: TemplateValue, isEscaped: Bool, into output: inout String) {
        switch value {
        case .text(let text):
            escaping.append(text, to: &output)
        case .markup(let markup):
            if isEscaped { escaping.append(markup, to: &output) } else { output.append(markup) }
        case .integer(let integer):
            output.append(String(integer))
        case .decimal(let decimal):
            output.append(Self.format(decimal))
        case .bool(let bool):
            output.append(bool ? "true" : "false")
        case .list, .object, .null:
            break
        }
    }

    /// `value` as Swift writes it, without the `.0` of an integral value.
    static func format(_ value: Double) -> String {
        let written = "\(value)"
        return written.hasSuffix(".0") ? String(written.dropLast(2)) : written
    }

    /// Appends `text` with `indentation` after each line break that more of the text follows, stopping the
    /// render once the output passes its limit: nested partials' indentations add up, and a long text
    /// indented deeply would otherwise grow the output by far more than its size.
    private mutating func append(_ text: String, indentedBy indentation: String, to output: inout String) {
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: "\n"), next != bytes.endIndex {
                output.append(contentsOf: text[start..<next])
                output.append(indentation)
                start = next
                stopIfPastTheOutputLimit(output)
                if isStopped { return }
            }
            index = next
        }
        output.append(contentsOf: text[start...])
    }

    /// Stops the render when `output` has grown past the limit since the render began.
    private mutating func stopIfPastTheOutputLimit(_ output: String) {
        if output.utf8.count - startSize > outputLimit { isStopped = true }
    }
}
