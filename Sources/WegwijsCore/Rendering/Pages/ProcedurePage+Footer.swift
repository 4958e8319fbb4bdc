import WegwijsMustache

extension ProcedurePage {
    /// What the end of a procedure's page says of the page itself: when it last changed (`updated:`), and
    /// where to edit it and to report a problem with it (site.yaml's `edit-url:` and `report-url:`).
    struct Footer: Sendable {
        /// "Last changed on 3 December 2026", the date marked up for the format (`<time>` in HTML).
        var updated: Markup?
        /// The day as `YYYY-MM-DD`.
        var updatedISO: String?
        /// The filled-in `edit-url`, when the site has one.
        var editHref: String?
        /// The filled-in `report-url`, when the site has one.
        var reportHref: String?

        static let none = Footer()

        func value(forKey key: String) -> TemplateValue? {
            switch key {
            case "updated": updated.templateValue
            case "updatedISO": updatedISO.templateValue
            case "editHref": editHref.templateValue
            case "reportHref": reportHref.templateValue
            case "hasPageLinks": .bool(editHref != nil || reportHref != nil)
            case "hasFooter": .bool(updated != nil || editHref != nil || reportHref != nil)
            default: nil
            }
        }

        static let fields: [String: TemplateSchema] = [
            "updated": .optional(.markup), "updatedISO": .optional(.text), "editHref": .optional(.text),
            "reportHref": .optional(.text), "hasPageLinks": .bool, "hasFooter": .bool,
        ]
    }
}
