/// One translatable text with the place that names it, the language it is written in, and what it belongs to.
///
/// The place is stable as long as ids are: `site/title`, `site/groups/<group>/title`, `glossary/<key>`,
/// `<procedure>/<field>` and `<procedure>/steps/<step>/<field>` (fields as ``Procedure/forEachText(_:)-5wvyp``
/// names them). A procedure whose id is `site`, `glossary` or `procedures` is named `procedures/<id>/…` so that
/// no two places are alike. PO files use the place as `msgctxt`; the record file keys translations by it.
public struct TranslationUnit: Sendable {
    /// What the text belongs to.
    public enum Owner: Sendable {
        /// The site's title.
        case site
        /// A group's title.
        case group(Group)
        /// A glossary term's label.
        case glossaryTerm(Glossary.Term)
        /// A text of a procedure, of one of its steps (with the step's 1-based number) or of the procedure itself.
        case procedure(Procedure, step: Step?, stepNumber: Int?)
    }

    /// The name of the place, such as `add-users/steps/fill-in/text`.
    public var place: String
    /// The text.
    public var text: Text
    /// The language the text is written in and translated from.
    public var sourceLanguage: String
    /// The field, relative to the step or procedure (`title`, `figure/callouts/2`…), or `title`/`label` for site texts.
    public var field: String
    /// What the text is for.
    public var role: TextRole
    /// What it belongs to.
    public var owner: Owner

    /// The procedure the text belongs to, if any.
    public var procedure: Procedure? {
        if case .procedure(let procedure, _, _) = owner { return procedure }
        return nil
    }

    /// The step the text belongs to, if any.
    public var step: Step? {
        if case .procedure(_, let step, _) = owner { return step }
        return nil
    }

    /// Whether the text is a title or a label: a heading, index entry or UI word rather than running prose.
    public var isTitleOrLabel: Bool {
        switch owner {
        case .site, .group, .glossaryTerm: true
        case .procedure: field == "title" || field.hasSuffix("/label") || role == .alternativeText
        }
    }

    /// The languages this text is to be translated into: every language of the site but its source language.
    public func targetLanguages(in site: Site) -> [String] {
        site.languages.filter { $0 != sourceLanguage }
    }
}

extension Site {
    /// Every translatable text of the site, in a fixed order: the site's title, group titles, glossary labels
    /// (in file order), then each procedure's texts in index and document order.
    public var translationUnits: [TranslationUnit] {
        var units = siteTranslationUnits
        for procedure in procedures { units.append(contentsOf: translationUnits(of: procedure)) }
        return units
    }

    /// ``translationUnits`` made a procedure at a time as they are read, for one pass that need not hold them all
    /// (a large site's take more memory than its model).
    public var translationUnitsOneProcedureAtATime: some Sequence<TranslationUnit> {
        (0...procedures.count).lazy.flatMap { index in
            index == 0 ? siteTranslationUnits : translationUnits(of: procedures[index - 1])
        }
    }

    /// The translatable texts outside procedures: the site's title, group titles and glossary labels (in file order).
    public var siteTranslationUnits: [TranslationUnit] {
        var units: [TranslationUnit] = []
        units.append(TranslationUnit(place: "site/title", text: title, sourceLanguage: sourceLanguage, field: "title", role: .prose, owner: .site))
        if let description {
            units.append(
                TranslationUnit(
                    place: "site/description", text: description, sourceLanguage: sourceLanguage, field: "description", role: .prose,
                    owner: .site))
        }
        for group in groups {
            units.append(
                TranslationUnit(
                    place: "site/groups/\(group.id)/title", text: group.title, sourceLanguage: sourceLanguage, field: "title",
                    role: .prose, owner: .group(group)))
        }
        for term in glossary.terms {
            units.append(
                TranslationUnit(
                    place: "glossary/\(term.key)", text: term.label, sourceLanguage: sourceLanguage, field: "label", role: .prose,
                    owner: .glossaryTerm(term)))
        }
        return units
    }

    /// The translatable texts of one procedure, in document order.
    public func translationUnits(of procedure: Procedure) -> [TranslationUnit] {
        let prefix = ["site", "glossary", "procedures"].contains(procedure.id) ? "procedures/\(procedure.id)" : procedure.id
        let source = procedure.sourceLanguage?.value ?? sourceLanguage
        var numbers: [String: Int] = [:]
        for (offset, entry) in procedure.steps.enumerated() {
            if case .step(let step) = entry { numbers[step.id] = offset + 1 }
        }
        var units: [TranslationUnit] = []
        procedure.forEachText { text, step, role, field in
            let place = step.map { "\(prefix)/steps/\($0.id)/\(field)" } ?? "\(prefix)/\(field)"
            units.append(
                TranslationUnit(
                    place: place, text: text, sourceLanguage: source, field: field, role: role,
                    owner: .procedure(procedure, step: step, stepNumber: step.flatMap { numbers[$0.id] })))
        }
        return units
    }
}
