import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a path can be read as a content file (YAML, a figure or a PO file) without blocking or filling
/// the memory.
public enum RegularFile {
    /// The largest content file read: ten times the largest real one would be generous; this is far more.
    public static let maximumSize = 64 << 20

    /// Why a path cannot be read as a content file without reading it: a FIFO or a device would block or never
    /// end, and a huge file would fill the memory. Nil for a regular file (links followed) or a missing one.
    public static func problem(at url: URL) -> String? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            if Int(status.st_size) > maximumSize {
                return "the file is \(Int(status.st_size) >> 20) MB; Wegwijs reads files of at most \(maximumSize >> 20) MB"
            }
            return nil
        case S_IFDIR: return "this is a folder, not a file"
        default: return "this is not a regular file (a pipe, socket or device)"
        }
    }
}
