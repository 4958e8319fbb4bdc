import WegwijsMustache

/// A language's "page not found" (`html/<lang>/404.html`): the site's header, the search box where the
/// language has one, and a way back to the index.
struct NotFoundPage: Sendable {
    var chrome: PageChrome
    /// "Page not found".
    var pageTitle: String
    var documentTitle: String
}

extension NotFoundPage: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "pageTitle": .text(pageTitle)
        case "documentTitle": .text(documentTitle)
        default: chrome.value(forKey: key)
        }
    }

    static func schema(strings: TemplateSchema) -> TemplateSchema {
        .object(name: "NotFoundPage", fields: PageChrome.fields(strings: strings).merging(["pageTitle": .text, "documentTitle": .text]) { _, page in page })
    }
}

/// The "page not found" at the HTML site's root (`html/404.html`): it shows the message in the visitor's
/// language (picked by its script from `navigator.languages`) and lists every language's way back.
struct LanguagesNotFoundPage: Sendable {
    var lang: String
    var siteTitle: String
    var iconHref: String
    /// The script that shows the visitor's language.
    var notFoundScript: String
    var languages: [Language]

    /// One language's message and way back.
    struct Language: Sendable {
        var lang: String
        var name: String
        var heading: String
        var text: String
        var indexHref: String
        var indexLabel: String
        var isFirst: Bool
    }
}

extension LanguagesNotFoundPage: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "lang": .text(lang)
        case "siteTitle": .text(siteTitle)
        case "iconHref": .text(iconHref)
        case "notFoundScript": .text(notFoundScript)
        case "languages": languages.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "LanguagesNotFoundPage",
        fields: [
            "lang": .text, "siteTitle": .text, "iconHref": .text, "notFoundScript": .text, "languages": .list(Language.schema),
        ]) }
}

extension LanguagesNotFoundPage.Language: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "lang": .text(lang)
        case "name": .text(name)
        case "heading": .text(heading)
        case "text": .text(text)
        case "indexHref": .text(indexHref)
        case "indexLabel": .text(indexLabel)
        case "isFirst": .bool(isFirst)
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "NotFoundLanguage",
        fields: [
            "lang": .text, "name": .text, "heading": .text, "text": .text, "indexHref": .text, "indexLabel": .text, "isFirst": .bool,
        ]) }
}
