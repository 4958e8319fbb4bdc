/// Every check of a loaded site, the validator's and the translation checker's, with each procedure's texts
/// parsed once for both: ``all()`` for the commands that only check, or a procedure at a time
/// (``check(_:trees:)``) for a build, whose jobs render the procedure's pages from the same trees.
public struct ContentChecks: Sendable {
    let validator: Validator
    let translations: TranslationChecker
    let labels: [String: GlossaryLabels]

    /// The checks of `site`.
    public init(site: Site, strings: InterfaceStrings, files: ContentFiles, plainTexts: PlainTexts, records: TranslationRecords) {
        validator = Validator(site: site, strings: strings, files: files, plainTexts: plainTexts)
        translations = TranslationChecker(site: site, records: records, files: files, plainTexts: plainTexts)
        labels = translations.labelsByLanguage()
    }

    /// What the checks of one procedure found.
    public struct ProcedureFindings: Sendable {
        var validation: Diagnostics
        var translations: TranslationChecker.Findings
    }

    /// What the checks found, in the order the checks run: the validator's, then the translation checker's.
    public struct Found: Sendable {
        public var validation: Diagnostics
        public var translations: Diagnostics
    }

    /// The checks of the site as a whole (includes, choices, audiences, interface languages) and of the texts
    /// outside procedures: a build renders nothing when these fail.
    public func siteChecks() -> Diagnostics {
        validator.validateSite()
    }

    /// The checks of one procedure's texts, each parsed once in `trees`.
    public func check(_ procedure: Procedure, trees: TextTrees) -> ProcedureFindings {
        ProcedureFindings(
            validation: validator.validate(procedure, trees: trees),
            translations: translations.check(procedure, labels: labels, trees: trees))
    }

    /// Everything found, given the site checks' diagnostics and each procedure's findings in the site's order.
    public func found(site: Diagnostics, procedures: [ProcedureFindings]) -> Found {
        var validation = site
        for findings in procedures { validation.append(contentsOf: findings.validation) }
        let translated = translations.finish([translations.checkSiteTexts(labels: labels)] + procedures.map(\.translations))
        return Found(validation: validation, translations: translated)
    }

    /// Every check, the procedures on every core.
    public func all() -> Found {
        found(site: siteChecks(), procedures: procedureChecks())
    }

    /// Each procedure's checks, in the site's order, on every core.
    public func procedureChecks() -> [ProcedureFindings] {
        let procedures = validator.site.procedures
        let checks = self
        return ParallelMap.map(procedures.count) { index in
            checks.check(procedures[index], trees: TextTrees())
        }
    }
}
