import Foundation

/// Input patterns: regular expressions (ICU syntax, as NSRegularExpression reads them) a value must match whole.
public enum InputPattern {
    /// Why `pattern` is not a usable regular expression, or nil when it is.
    public static func problem(with pattern: String) -> String? {
        if pattern.isEmpty { return "the pattern is empty" }
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "'\(pattern)' is not a valid regular expression"
        }
    }

    /// Whether `value` matches `pattern` as a whole.
    public static func matches(_ value: String, pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        let range = NSRange(value.startIndex..., in: value)
        guard let match = expression.firstMatch(in: value, options: [.anchored], range: range) else { return false }
        return match.range == range
    }
}
