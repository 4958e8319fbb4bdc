import Foundation

/// The words of a text as the search compares them: folded (lower case, accents removed) and with the parts
/// of hyphenated words both apart and joined, so "E-mail" is "email", "e" and "mail", and "één" is "een".
///
/// `wegwijs.js` splits and folds the texts of the index and the reader's query the same way (its `terms`);
/// the two must stay alike, character for character.
enum SearchTerms {
    /// What joins the parts of one word: hyphens and apostrophes ("pick-up", "foto's").
    static let joiners: Set<Unicode.Scalar> = ["-", "'", "\u{2019}", "\u{2010}", "\u{2011}"]

    /// `text` in lower case without accents (canonical decomposition, combining marks removed).
    static func fold(_ text: String) -> String {
        // Most words are ASCII, which has nothing to decompose: lower case is all (a quarter of the index's time
        // went to decomposing them).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(scalar) {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }

    /// The search terms of `text`, in order, repeats included: of each word its folded form with its parts
    /// joined, then (for a word of several parts) each part.
    static func terms(in text: String) -> [String] {
        words(in: text).flatMap(terms(ofWord:))
    }

    /// The terms of one word of `words(in:)`.
    static func terms(ofWord word: String) -> [String] {
        let parts = fold(word).unicodeScalars.split(whereSeparator: joiners.contains).map { String(String.UnicodeScalarView($0)) }
        return parts.count > 1 ? [parts.joined()] + parts : parts
    }

    /// The words of `text`: runs of letters, digits and marks, with single joiners between them.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var pendingJoiner: Unicode.Scalar?
        func finish() {
            if !word.isEmpty { words.append(String(word)) }
            word = String.UnicodeScalarView()
            pendingJoiner = nil
        }
        for scalar in text.unicodeScalars {
            if isWordCharacter(scalar) {
                if let joiner = pendingJoiner { word.append(joiner) }
                pendingJoiner = nil
                word.append(scalar)
            } else if joiners.contains(scalar), !word.isEmpty, pendingJoiner == nil {
                pendingJoiner = scalar
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    /// A letter, digit or mark (`\p{L}`, `\p{N}`, `\p{M}` in the script's expressions).
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            // ASCII's letters and digits; its other characters are no letter, number or mark.
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return isMark(scalar)
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
