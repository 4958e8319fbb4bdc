import Foundation

extension InterfaceStrings {
    /// Reads every `<language>.yaml` in `directory`, reporting syntax errors, non-string values and missing keys.
    public static func load(from directory: URL, displayPath: String, diagnostics: inout Diagnostics) -> InterfaceStrings {
        var table: [String: [String: String]] = [:]
        var variants: [String: [Register: [String: String]]] = [:]
        var files: [String: String] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        if names.isEmpty {
            diagnostics.error(
                "missing-interface-strings", at: .start(of: displayPath),
                "no interface strings: '\(displayPath)' holds no <language>.yaml files",
                notes: ["Use --templates DIR to name the folder that holds strings/."])
        }
        for name in names.sorted() where name.hasSuffix(".yaml") {
            let language = String(name.dropLast(5))
            let file = "\(displayPath)/\(name)"
            files[language] = file
            let yaml = YAMLFile(url: directory.appendingPathComponent(name), displayPath: file, diagnostics: &diagnostics)
            guard let root = yaml.root else { continue }
            var reader = NodeReader(file: file, languages: [])
            guard case .mapping(let mapping) = root.content else {
                reader.error("wrong-type", at: root, "a strings file maps keys to strings, not \(reader.describe(root))")
                diagnostics.append(contentsOf: reader.diagnostics)
                continue
            }
            var strings: [String: String] = [:]
            // The strings a register words differently: `formal:` mapping keys to strings.
            var overlays: [(register: Register, mapping: YAMLNode.Pairs)] = []
            for (key, value) in mapping {
                if case .mapping(let overlay) = value.content, let name = key.scalar?.string {
                    guard let register = Register(rawValue: name) else {
                        reader.error(
                            "unknown-register", at: key,
                            "unknown register '\(name)'" + Suggestion.didYouMean(name, among: Register.names),
                            notes: ["A mapping in a strings file holds the strings a register words differently: "
                                + Register.names.map { "'\($0)'" }.joined(separator: " or ") + "."])
                        continue
                    }
                    overlays.append((register, overlay))
                    continue
                }
                guard let name = reader.string(key, what: "a key"), let text = reader.string(value, what: "'\(name)'") else {
                    continue
                }
                if name == SearchIndex.stemmerKey, text != SearchIndex.noStemmer, Stemmer(algorithm: text) == nil {
                    // Read on: the site's search still works, matching words as written, but the writer meant a stemmer.
                    reader.error(
                        "unknown-stemmer", at: value,
                        "'\(text)' is no stemming algorithm" + Suggestion.didYouMean(text, among: Stemmer.algorithms),
                        notes: ["'\(name)' names one of Snowball's algorithms (\(Stemmer.algorithms.joined(separator: ", "))), or '\(SearchIndex.noStemmer)' to match words as they are written."])
                }
                strings[name] = text
            }
            for key in requiredKeys where strings[key] == nil {
                reader.diagnostics.error("missing-interface-string", at: .start(of: file), "missing interface string '\(key)'")
            }
            for overlay in overlays {
                var worded: [String: String] = [:]
                for (key, value) in overlay.mapping {
                    guard let name = reader.string(key, what: "a key"), let text = reader.string(value, what: "'\(name)'") else {
                        continue
                    }
                    // A variant of a string the file does not have would never be looked up under that name.
                    guard strings[name] != nil else {
                        reader.error(
                            "unknown-interface-string", at: key,
                            "'\(overlay.register.rawValue)' words '\(name)', which this file does not have"
                                + Suggestion.didYouMean(name, among: strings.keys))
                        continue
                    }
                    worded[name] = text
                }
                variants[language, default: [:]][overlay.register, default: [:]].merge(worded) { first, _ in first }
            }
            diagnostics.append(contentsOf: reader.diagnostics)
            table[language] = strings
        }
        return InterfaceStrings(table: table, variants: variants, directoryDisplayPath: displayPath)
    }
}
