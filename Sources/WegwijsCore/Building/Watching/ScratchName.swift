#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names editors and tools write on the way to saving a file (vim's `4913` probe, `.x.swp` swap files,
/// `x~` backups, emacs' `.#x` locks and `#x#` auto-saves, `.x.tmp` and `x.tmp` files renamed over `x`, JetBrains' `x___jb_tmp___`, other dot files):
/// a batch reports them only when they are still there, as a regular file, when it ends. Swap files are
/// never reported: an editor rewrites them while the writer types.
enum ScratchName {
    /// Whether a file name is one an editor may write on the way to a save.
    static func isScratch(_ name: Substring) -> Bool {
        name == "4913" || name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
            || name.hasSuffix(".tmp") || name.hasSuffix("___jb_tmp___") || name.hasSuffix("___jb_old___")
    }

    /// Whether a file name is vim's swap file (`.x.swp`, `.x.swo`, … `.x.swx`).
    static func isSwap(_ name: Substring) -> Bool {
        guard name.hasPrefix("."), name.count >= 5 else { return false }
        let suffix = name.suffix(4)
        guard suffix.hasPrefix(".sw"), let last = suffix.last else { return false }
        return ("a"..."p").contains(last) || last == "x"
    }

    /// The paths of a batch worth reporting: every ordinary name, and a scratch name only when it ended up
    /// as a real file.
    static func keptPaths(of batch: Set<String>) -> Set<String> {
        batch.filter { path in
            let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
            guard isScratch(name) else { return true }
            return !isSwap(name) && isRegularFile(path)
        }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
