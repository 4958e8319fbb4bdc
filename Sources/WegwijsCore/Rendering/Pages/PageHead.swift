import WegwijsMustache

extension PageChrome {
    /// What a page's head says of it besides its title: a description for search engines and link previews, its
    /// canonical address and the one for readers of no listed language (only with a base URL), and its icon.
    struct Head: Sendable {
        /// Plain text: the procedure's summary, or the site's description on an index; nil: none.
        var description: String?
        /// The page's absolute address, when site.yaml names a `base-url`.
        var canonicalHref: String?
        /// The language chooser's absolute address (`hreflang="x-default"`), when site.yaml names a `base-url`.
        var defaultHref: String?
        /// The icon (`favicon.svg` from the templates), relative to the page.
        var iconHref: String

        func value(forKey key: String) -> TemplateValue? {
            switch key {
            case "description": description.templateValue
            case "canonicalHref": canonicalHref.templateValue
            case "defaultHref": defaultHref.templateValue
            case "iconHref": .text(iconHref)
            default: nil
            }
        }

        /// Computed where it is asked for (at template load): a stored static's enum boxes read to
        /// LeakSanitizer as leaks.
        static var fields: [String: TemplateSchema] {
            [
                "description": .optional(.text), "canonicalHref": .optional(.text), "defaultHref": .optional(.text), "iconHref": .text,
            ]
        }

        /// `text` as one line for `<meta name="description">`: white space run together, at most about 300
        /// characters (cut at a word, with "…"), as search engines show no more.
        static func description(from text: String) -> String? {
            let words = text.split(whereSeparator: \.isWhitespace)
            guard !words.isEmpty else { return nil }
            var line = ""
            for word in words {
                if line.count + word.count + 1 > 300 { return line + "…" }
                line += line.isEmpty ? word : " " + word
            }
            return line
        }
    }
}
