/// Everything a content folder holds, loaded and immutable.
public struct Site: Sendable {
    /// The site's title.
    public var title: Text
    /// The languages, the source language first.
    public var languages: [String]
    /// Where each language is listed in site.yaml.
    public var languageLocations: [SourceLocation]
    /// The groups, in index order.
    public var groups: [Group]
    /// The UI terms.
    public var glossary: Glossary
    /// The procedures, ordered by group (as site.yaml lists them) and then by id.
    public var procedures: [Procedure]
    /// Where site.yaml is.
    public var file: String
    /// The register of the site's pages and runs where a group or procedure chooses none (`register:` in
    /// site.yaml); nil: the strings files' own wording.
    public var register: Located<Register>?
    /// What the site is for, in every language (`description:`): the index pages' `<meta name="description">`.
    public var description: Text?
    /// Where the HTML site is published (`base-url:`), normalised to end in `/`: then pages name their canonical
    /// and alternate addresses absolutely and the build writes a sitemap. Nil: every address stays relative.
    public var baseURL: Located<String>?
    /// The address of a procedure's source for editing (`edit-url:`), shown on its pages.
    public var editURL: URLTemplate?
    /// The address for reporting a problem with a procedure (`report-url:`), shown on its pages.
    public var reportURL: URLTemplate?

    /// The language translations are made from.
    public var sourceLanguage: String { languages.first ?? "en" }

    /// The procedure with `id`, if there is one.
    public func procedure(_ id: String) -> Procedure? {
        procedureIndex[id].map { procedures[$0] }
    }

    /// The group with `id`, if there is one.
    public func group(_ id: String) -> Group? {
        groups.first { $0.id == id }
    }

    /// The register `procedure`'s page, chapter and runs use: its own, else its group's, else the site's.
    public func register(of procedure: Procedure) -> Register? {
        procedure.register?.value ?? group(procedure.group)?.register?.value ?? register?.value
    }

    /// The procedures of one group, in order.
    public func procedures(in group: Group) -> [Procedure] {
        procedures.filter { $0.group == group.id }
    }

    var procedureIndex: [String: Int] = [:]

    /// A site; `procedures` are put in index order.
    public init(
        title: Text, languages: [String], languageLocations: [SourceLocation], groups: [Group],
        glossary: Glossary, procedures: [Procedure], file: String, register: Located<Register>? = nil,
        description: Text? = nil, baseURL: Located<String>? = nil, editURL: URLTemplate? = nil, reportURL: URLTemplate? = nil
    ) {
        self.description = description
        self.baseURL = baseURL
        self.editURL = editURL
        self.reportURL = reportURL
        self.register = register
        self.title = title
        self.languages = languages
        self.languageLocations = languageLocations
        self.groups = groups
        self.glossary = glossary
        let groupOrder = Dictionary(groups.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.procedures = procedures.sorted {
            (groupOrder[$0.group] ?? .max, $0.id, $0.file) < (groupOrder[$1.group] ?? .max, $1.id, $1.file)
        }
        self.file = file
        for (index, procedure) in self.procedures.enumerated() where procedureIndex[procedure.id] == nil {
            procedureIndex[procedure.id] = index
        }
    }
}

/// A group of procedures: one portal or product.
public struct Group: Sendable {
    /// The id, also the folder name under procedures/.
    public var id: String
    /// The title shown in indexes and on pages.
    public var title: Text
    /// Where the group is declared.
    public var location: SourceLocation
    /// The register of the group's procedures where they choose none (`register:`).
    public var register: Located<Register>? = nil
    /// The writer's order of the group's procedures (`procedures:`), each id where it is written; nil when
    /// site.yaml gives none, and the procedures are ordered by title in each language (``ProcedureOrder``).
    public var procedureOrder: [Located<String>]? = nil
}

/// UI terms: labels as the portal shows them, in every language.
public struct Glossary: Sendable {
    /// One term.
    public struct Term: Sendable {
        /// The key, used in `[](term:key)`.
        public var key: String
        /// The label in every language.
        public var label: Text
        /// Where the key is.
        public var location: SourceLocation
    }

    /// The terms, in file order.
    public var terms: [Term]
    /// The glossary file, or nil when the site has none.
    public var file: String?
    private var index: [String: Int]

    /// A glossary of `terms`.
    public init(terms: [Term], file: String?) {
        var terms = terms
        Text.shareStorage { body in
            for position in terms.indices { body(&terms[position].label) }
        }
        self.terms = terms
        self.file = file
        index = [:]
        for (position, term) in terms.enumerated() where index[term.key] == nil { index[term.key] = position }
    }

    /// The term with `key`.
    public func term(_ key: String) -> Term? {
        index[key].map { terms[$0] }
    }
}
