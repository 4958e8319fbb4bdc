import Foundation

/// A step's `wait:` written as hours, minutes and seconds (`1h30m`, `10m`, `90s`).
public enum WaitDuration {
    /// The seconds `text` stands for, or nil when it is not such a duration, is nothing, or is longer than a day.
    public static func seconds(in text: String) -> Int? {
        var total = 0
        var number = ""
        var lastUnit = 4
        for character in text.trimmingCharacters(in: .whitespaces) {
            if let digit = character.wholeNumberValue, character.isASCII, digit >= 0 {
                number.append(character)
                guard number.count <= 6 else { return nil }
                continue
            }
            let units: [Character: (order: Int, seconds: Int)] = ["h": (3, 3600), "m": (2, 60), "s": (1, 1)]
            guard let unit = units[character], let value = Int(number), unit.order < lastUnit else { return nil }
            total += value * unit.seconds
            lastUnit = unit.order
            number = ""
        }
        guard number.isEmpty, total > 0, total <= 24 * 3600 else { return nil }
        return total
    }

    /// "10 min", "1 h 30 min", "45 s": how the runner says a duration.
    public static func spoken(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, rest = seconds % 60
        var parts: [String] = []
        if hours > 0 { parts.append("\(hours) h") }
        if minutes > 0 { parts.append("\(minutes) min") }
        if rest > 0 || parts.isEmpty { parts.append("\(rest) s") }
        return parts.joined(separator: " ")
    }
}
