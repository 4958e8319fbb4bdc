/// What site.yaml says: title, languages and groups.
struct SiteHeader {
    var title: Text
    var languages: [String]
    var languageLocations: [SourceLocation]
    var groups: [Group]
    /// The site's register (`register:`), if it names one.
    var register: Located<Register>?
    /// `description:`, `base-url:`, `edit-url:` and `report-url:` (``SiteHeader+Addresses``).
    var description: Text?
    var baseURL: Located<String>?
    var editURL: URLTemplate?
    var reportURL: URLTemplate?

    static let keys = ["title", "description", "languages", "groups", "register", "base-url", "edit-url", "report-url"]

    /// Reads site.yaml's root; nil when it is too broken to go on (title or languages unusable).
    init?(_ root: YAMLNode, reader: inout NodeReader) {
        guard let fields = reader.fields(of: root, what: "site.yaml", known: Self.keys) else { return nil }
        var languages: [String] = []
        var languageLocations: [SourceLocation] = []
        if let node = reader.required("languages", in: fields, what: "site.yaml"),
            let items = reader.sequence(node, what: "'languages'")
        {
            for item in items {
                guard let code = reader.string(item, what: "a language") else { continue }
                guard Self.isLanguageCode(code) else {
                    reader.error(
                        "invalid-language", at: item, "'\(code)' is not a language code",
                        notes: ["Use a BCP 47 code such as 'en', 'nl' or 'pt-br'."])
                    continue
                }
                if languages.contains(code) {
                    reader.error("duplicate-id", at: item, "language '\(code)' is listed twice")
                    continue
                }
                languages.append(code)
                languageLocations.append(reader.location(of: item))
            }
            if items.isEmpty { reader.error("missing-field", at: node, "'languages' lists no language") }
        }
        reader.languages = languages
        guard !languages.isEmpty else { return nil }

        var title: Text?
        if let node = reader.required("title", in: fields, what: "site.yaml") {
            title = reader.text(node, what: "the site title")
        }
        var groups: [Group] = []
        if let node = reader.required("groups", in: fields, what: "site.yaml"),
            let items = reader.sequence(node, what: "'groups'")
        {
            for item in items {
                guard let group = Self.group(item, reader: &reader) else { continue }
                if groups.contains(where: { $0.id == group.id }) {
                    reader.error("duplicate-id", at: item, "group '\(group.id)' is declared twice")
                    continue
                }
                groups.append(group)
            }
        }
        let register = fields["register"].flatMap { reader.register($0) }
        description = fields["description"].flatMap { reader.isNull($0) ? nil : reader.text($0, what: "the site description") }
        baseURL = fields["base-url"].flatMap { Self.baseURL($0, reader: &reader) }
        editURL = fields["edit-url"].flatMap { Self.urlTemplate($0, key: "edit-url", reader: &reader) }
        reportURL = fields["report-url"].flatMap { Self.urlTemplate($0, key: "report-url", reader: &reader) }
        guard let title else { return nil }
        self.register = register
        self.title = title
        self.languages = languages
        self.languageLocations = languageLocations
        self.groups = groups
    }

    static func group(_ node: YAMLNode, reader: inout NodeReader) -> Group? {
        guard let fields = reader.fields(of: node, what: "a group", known: ["id", "title", "register", "procedures"]) else { return nil }
        let id = reader.required("id", in: fields, what: "the group").flatMap { reader.id($0, what: "group id") }
        let title = reader.required("title", in: fields, what: "group '\(id ?? "?")'").flatMap {
            reader.text($0, what: "the title of group '\(id ?? "?")'")
        }
        let register = fields["register"].flatMap { reader.register($0) }
        // The ids are checked against the procedures once they are loaded (Validator.checkProcedureOrders).
        let order = fields["procedures"].flatMap { reader.sequence($0, what: "'procedures'") }.map { items in
            items.compactMap { item in reader.id(item, what: "procedure id").map { Located($0, at: reader.location(of: item)) } }
        }
        guard let id, let title else { return nil }
        return Group(id: id, title: title, location: fields.location, register: register, procedureOrder: order)
    }

    /// A BCP 47-like code: letters, then optional `-` subtags of letters and digits.
    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
            first.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
    }
}
