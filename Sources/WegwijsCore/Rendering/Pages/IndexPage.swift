import WegwijsMustache

/// A language's index: every group with its procedures.
struct IndexPage: Sendable {
    var chrome: PageChrome
    var pageTitle: String
    var groups: [Group]

    /// A group of the index.
    struct Group: Sendable {
        var id: String
        var title: Markup
        var procedures: [Entry]
    }

    /// A procedure of the index.
    struct Entry: Sendable {
        var id: String
        var href: String
        var title: Markup
        var summary: Markup?
        var audience: ProcedurePage.AudienceLabel?
    }
}

extension IndexPage: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "pageTitle", "documentTitle": .text(pageTitle)
        case "groups": groups.templateValue
        default: chrome.value(forKey: key)
        }
    }

    static func schema(strings: TemplateSchema) -> TemplateSchema {
        .object(
            name: "IndexPage",
            fields: PageChrome.fields(strings: strings).merging([
                "pageTitle": .text, "documentTitle": .text, "groups": .list(Group.schema),
            ]) { _, page in page })
    }
}

extension IndexPage.Group: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "id": .text(id)
        case "title": title.templateValue
        case "procedures": procedures.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "IndexGroup", fields: ["id": .text, "title": .markup, "procedures": .list(IndexPage.Entry.schema)]) }
}

extension IndexPage.Entry: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "id": .text(id)
        case "href": .text(href)
        case "title": title.templateValue
        case "summary": summary.templateValue
        case "audience": audience.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "IndexEntry",
        fields: [
            "id": .text, "href": .text, "title": .markup, "summary": .optional(.markup),
            "audience": .optional(ProcedurePage.AudienceLabel.schema),
        ]) }
}

/// The language chooser at the root of an output: the site's languages, each with its title.
struct LanguagesPage: Sendable {
    var lang: String
    var siteTitle: String
    var languages: [Language]
    /// The chooser's description, canonical address and icon.
    var head: PageChrome.Head

    /// One language of the chooser.
    struct Language: Sendable {
        var lang: String
        var name: String
        var title: String
        var choose: String
        var href: String
        /// The head's `hreflang` address: absolute with a base URL, else ``href``.
        var linkHref: String
    }
}

extension LanguagesPage: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "lang": .text(lang)
        case "siteTitle": .text(siteTitle)
        case "languages": languages.templateValue
        default: head.value(forKey: key)
        }
    }

    static var schema: TemplateSchema { .object(
        name: "LanguagesPage",
        fields: ["lang": .text, "siteTitle": .text, "languages": .list(Language.schema)].merging(PageChrome.Head.fields) { page, _ in page }) }
}

extension LanguagesPage.Language: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "lang": .text(lang)
        case "name": .text(name)
        case "title": .text(title)
        case "choose": .text(choose)
        case "href": .text(href)
        case "linkHref": .text(linkHref)
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "Language",
        fields: ["lang": .text, "name": .text, "title": .text, "choose": .text, "href": .text, "linkHref": .text]) }
}
