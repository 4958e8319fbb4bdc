import WegwijsMustache

/// What every page of a language shows around its content: the site's title, the language switcher, the
/// interface strings, the addresses of the index, the language chooser and the stylesheet; and what the head says
/// of the page (``PageChrome/Head``: its description, canonical address, icon).
struct PageChrome: Sendable {
    /// One language of the language switcher.
    struct Alternate: Sendable {
        var lang: String
        var name: String
        var href: String
        var isCurrent: Bool
        var isLast: Bool
        /// "(partly translated)" in the other language, when it shows some of the page's texts untranslated.
        var partlyTranslated: String?
        /// The address the head's `hreflang` alternate names: absolute with a base URL, else ``href``.
        var linkHref: String
    }

    var lang: String
    var languageName: String
    var siteTitle: Markup
    var siteTitlePlain: String
    var strings: InterfaceStringsTemplate
    var alternates: [Alternate]
    var indexHref: String
    var languagesHref: String
    var stylesheetHref: String
    var scripts: [String]
    /// What the head says of the page.
    var head: Head
    /// The search index the script loads when the search box is first used, relative to the page.
    var searchIndexHref: String?

    /// The chrome's own fields; a page looks its other names up here.
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "lang": .text(lang)
        case "languageName": .text(languageName)
        case "siteTitle": siteTitle.templateValue
        case "siteTitlePlain": .text(siteTitlePlain)
        case "strings": .object(strings)
        case "alternates": alternates.templateValue
        case "hasAlternates": .bool(alternates.count > 1)
        case "indexHref": .text(indexHref)
        case "languagesHref": .text(languagesHref)
        case "stylesheetHref": .text(stylesheetHref)
        case "scripts": .list(scripts.map { .object(Script(src: $0)) })
        case "searchIndexHref": searchIndexHref.templateValue
        default: head.value(forKey: key)
        }
    }

    /// The fields of ``value(forKey:)``, for checking templates.
    static func fields(strings: TemplateSchema) -> [String: TemplateSchema] {
        [
            "lang": .text, "languageName": .text, "siteTitle": .markup, "siteTitlePlain": .text, "strings": strings,
            "alternates": .list(Alternate.schema), "hasAlternates": .bool, "indexHref": .text, "languagesHref": .text,
            "stylesheetHref": .text, "scripts": .list(Script.schema), "searchIndexHref": .optional(.text),
        ].merging(Head.fields) { chrome, _ in chrome }
    }

    /// A script the page loads.
    struct Script: TemplateObject {
        var src: String
        func value(forKey key: String) -> TemplateValue? { key == "src" ? .text(src) : nil }
        static var schema: TemplateSchema { .object(name: "Script", fields: ["src": .text]) }
    }
}

extension PageChrome.Alternate: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "lang": .text(lang)
        case "name": .text(name)
        case "href": .text(href)
        case "isCurrent": .bool(isCurrent)
        case "isLast": .bool(isLast)
        case "partlyTranslated": partlyTranslated.templateValue
        case "linkHref": .text(linkHref)
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "Alternate",
        fields: ["lang": .text, "name": .text, "href": .text, "isCurrent": .bool, "isLast": .bool, "partlyTranslated": .optional(.text),
            "linkHref": .text,
        ]) }
}
