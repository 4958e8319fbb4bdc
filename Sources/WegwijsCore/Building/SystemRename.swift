#if canImport(Glibc)
import Glibc
#endif

/// Renames the C library offers beyond `rename(2)`.
enum SystemRename {
    #if canImport(Glibc)
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// glibc's `renameat2`, found at run time: Swift's Glibc module does not declare it (it needs `_GNU_SOURCE`).
    static let renameAt2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        .map { unsafeBitCast($0, to: RenameAt2.self) }
    /// `RENAME_EXCHANGE` from linux/fs.h.
    static let exchangeFlag: UInt32 = 1 << 1
    #endif

    /// Exchanges two existing paths in one atomic step; false (nothing changed) where the system cannot.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if canImport(Glibc)
        guard let renameAt2 else { return false }
        return renameAt2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
        #else
        return false
        #endif
    }
}
