/// A place in a YAML file as libyaml marks it, with the byte offset added.
///
/// `line` and `column` are 0-based, the column in Unicode scalars (libyaml's unit); `offset` counts UTF-8
/// bytes from the start of the file's text, after a byte order mark.
struct YAMLMark: Sendable, Equatable {
    /// The line, 0-based.
    var line: UInt32
    /// The column in Unicode scalars, 0-based.
    var column: UInt32
    /// The UTF-8 byte offset in the file's text.
    var offset: UInt32

    /// This place as a 1-based location in `file`.
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: Int(line) + 1, column: Int(column) + 1)
    }
}
