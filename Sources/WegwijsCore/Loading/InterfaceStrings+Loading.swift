import Foundation

extension InterfaceStrings {
    /// Reads every `<language>.yaml` in `directory`, reporting syntax errors, non-string values and missing keys.
    public static func load(from directory: URL, displayPath: String, diagnostics: inout Diagnostics) -> InterfaceStrings {
        var table: [String: [String: String]] = [:]
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
            for (key, value) in mapping {
                guard let name = reader.string(key, what: "a key"), let text = reader.string(value, what: "'\(name)'") else {
                    continue
                }
                strings[name] = text
            }
            for key in requiredKeys where strings[key] == nil {
                reader.diagnostics.error("missing-interface-string", at: .start(of: file), "missing interface string '\(key)'")
            }
            diagnostics.append(contentsOf: reader.diagnostics)
            table[language] = strings
        }
        return InterfaceStrings(table: table, directoryDisplayPath: displayPath)
    }
}
