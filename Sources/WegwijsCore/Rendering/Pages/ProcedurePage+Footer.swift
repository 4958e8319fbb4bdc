import WegwijsMustache

extension ProcedurePage {
    /// What the end of a procedure's page says of the page itself: when it last changed (`updated:`), and
    /// where to edit it and to report a problem with it (site.yaml's `edit-url:` and `report-url:`).
    struct Footer: Sendable {
        /// "Last changed on 3 December 2026", the date marked up for the format (`<time>` in HTML).
        var updated: Markup?
        /// The day as `YYYY-MM-DD`.
        var updatedISO: String?
        /// "Edit this page", linked to the filled-in `edit-url`, when the site has one.
        var editLink: Markup?
        /// "Report a problem", linked to the filled-in `report-url`, when the site has one.
        var reportLink: Markup?

        static let none = Footer()

        func value(forKey key: String) -> TemplateValue? {
            switch key {
            case "updated": updated.templateValue
            case "updatedISO": updatedISO.templateValue
            case "editLink": editLink.templateValue
            case "reportLink": reportLink.templateValue
            case "hasPageLinks": .bool(editLink != nil || reportLink != nil)
            case "hasBothLinks": .bool(editLink != nil && reportLink != nil)
            case "hasFooter": .bool(updated != nil || editLink != nil || reportLink != nil)
            default: nil
            }
        }

        /// Computed where it is asked for (at template load): a stored static's enum boxes read to
        /// LeakSanitizer as leaks.
        static var fields: [String: TemplateSchema] {
            [
                "updated": .optional(.markup), "updatedISO": .optional(.text), "editLink": .optional(.markup),
                "reportLink": .optional(.markup), "hasPageLinks": .bool, "hasBothLinks": .bool, "hasFooter": .bool,
            ]
        }
    }
}
