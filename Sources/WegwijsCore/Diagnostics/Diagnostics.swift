/// A collector of diagnostics: checks append to it and keep going, so one run reports every problem.
public struct Diagnostics: Sendable {
    /// What was reported, in the order reported.
    public private(set) var all: [Diagnostic] = []

    /// An empty collector.
    public init() {}

    /// Whether any error was reported.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Every diagnostic, sorted by place, without duplicates.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.sorted().filter { seen.insert($0).inserted }
    }

    /// Reports an error.
    public mutating func error(_ id: String, at location: SourceLocation, _ summary: String, notes: [String] = []) {
        all.append(Diagnostic(.error, id, at: location, summary, notes: notes))
    }

    /// Reports a warning.
    public mutating func warning(_ id: String, at location: SourceLocation, _ summary: String, notes: [String] = []) {
        all.append(Diagnostic(.warning, id, at: location, summary, notes: notes))
    }

    /// Appends everything `other` collected.
    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    /// Appends diagnostics.
    public mutating func append(contentsOf diagnostics: [Diagnostic]) {
        all.append(contentsOf: diagnostics)
    }

    /// Turns warnings into errors, for `--strict`.
    public mutating func treatWarningsAsErrors() {
        for index in all.indices { all[index].severity = .error }
    }
}
