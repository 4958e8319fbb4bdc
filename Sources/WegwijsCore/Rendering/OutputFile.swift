import Foundation

/// A file of the output, with its path relative to the output folder.
public struct OutputFile: Sendable {
    /// Path relative to the output folder, with `/` separators.
    public var path: String
    /// The bytes to write.
    public var contents: Data

    /// A text file, UTF-8.
    public init(path: String, text: String) {
        self.path = path
        contents = Data(text.utf8)
    }

    /// A file of bytes.
    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}
