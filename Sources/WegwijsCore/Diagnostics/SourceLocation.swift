/// A place in a content file.
///
/// `line` and `column` are 1-based. The column counts Unicode scalars, as libyaml does; positions coming
/// from cmark (which counts UTF-8 bytes) are converted before they become a `SourceLocation`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as shown to the user: relative to the current directory when the content folder was given so.
    public var file: String
    /// The line, 1-based.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    /// The column in Unicode scalars, 1-based.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    // The model holds a location for every text, step, note and input: 32-bit positions make each
    // 24 bytes instead of 32 (a content file of more than two billion lines cannot be loaded anyway).
    private var storedLine: Int32
    private var storedColumn: Int32

    /// A location in `file` at `line` and `column`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// The start of `file`, for problems that concern a whole file.
    public static func start(of file: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
