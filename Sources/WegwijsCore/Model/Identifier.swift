/// The rules for ids of procedures, steps, groups, inputs and glossary keys: `^[a-z0-9]+(-[a-z0-9]+)*$`.
public enum Identifier {
    /// Whether `text` is a valid id.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-", !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A valid id close to `text` (lowercased, spaces and underscores as hyphens), if one can be made.
    public static func suggestion(for text: String) -> String? {
        var words: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        let candidate = words.joined(separator: "-")
        return isValid(candidate) && candidate != text ? candidate : nil
    }
}
