import Foundation

/// How big the stress tests make their inputs: smaller under a sanitizer (`make asan`, `make tsan` set
/// `WEGWIJS_SANITIZED`), where every step costs several times as much, so CI stays within its time.
public enum TestScale {
    /// Whether the tests run under AddressSanitizer or ThreadSanitizer.
    public static let isSanitized = ProcessInfo.processInfo.environment["WEGWIJS_SANITIZED"] != nil

    /// `full` normally, `sanitized` under a sanitizer.
    public static func pick(_ full: Int, sanitized: Int) -> Int {
        isSanitized ? sanitized : full
    }
}
