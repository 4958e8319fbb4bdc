/// One problem found in content, templates or input files.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Whether it stops a build.
    public var severity: Severity
    /// Where it is.
    public var location: SourceLocation
    /// A stable identifier of the kind of problem (`unknown-key`, `unknown-reference`…), for tools and tests.
    public var id: String
    /// One line, naming things in 'single quotes' and suggesting the fix where one exists.
    public var summary: String
    /// Further lines of explanation, printed indented under the summary.
    public var notes: [String]

    /// A problem of `severity` at `location`.
    public init(_ severity: Severity, _ id: String, at location: SourceLocation, _ summary: String, notes: [String] = []) {
        self.severity = severity
        self.id = id
        self.location = location
        self.summary = summary
        self.notes = notes
    }

    /// `file:line:column: severity: summary`, the first line of the printed form.
    public var headline: String {
        "\(location): \(severity.rawValue): \(summary)"
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by file, line and column, then errors before warnings, then by summary.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.summary < rhs.summary
    }
}
