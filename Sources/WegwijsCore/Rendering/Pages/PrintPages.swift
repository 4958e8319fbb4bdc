import WegwijsMustache

/// A piece of one language's part of a print document (`print-part`): the part's start (the cover and the
/// contents), a group's start or end, or the part's end. Chapters are ``ProcedurePage``s.
enum PrintPartPiece: Sendable {
    case partStart(Cover)
    case groupStart(GroupStart)
    case groupEnd
    case partEnd

    /// The cover and the contents.
    struct Cover: Sendable {
        var chrome: PageChrome
        var partAnchor: String
        var contentsAnchor: String
        var groups: [ContentsGroup]
    }

    /// A group of the contents, with its procedures.
    struct ContentsGroup: Sendable {
        var anchor: String
        var title: Markup
        var procedures: [ContentsEntry]
    }

    /// A procedure of the contents.
    struct ContentsEntry: Sendable {
        var anchor: String
        var title: Markup
    }

    /// The heading of a group's section.
    struct GroupStart: Sendable {
        var anchor: String
        var title: Markup
    }
}

extension PrintPartPiece: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch (key, self) {
        case ("partStart", .partStart(let cover)): .object(cover)
        case ("groupStart", .groupStart(let start)): .object(start)
        case ("groupEnd", .groupEnd), ("partEnd", .partEnd): .bool(true)
        case ("partStart", _), ("groupStart", _): .null
        case ("groupEnd", _), ("partEnd", _): .bool(false)
        default: nil
        }
    }

    static func schema(strings: TemplateSchema) -> TemplateSchema {
        .object(
            name: "PrintPart",
            fields: [
                "partStart": .optional(Cover.schema(strings: strings)), "groupStart": .optional(GroupStart.schema),
                "groupEnd": .bool, "partEnd": .bool,
            ])
    }
}

extension PrintPartPiece.Cover: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "partAnchor": .text(partAnchor)
        case "contentsAnchor": .text(contentsAnchor)
        case "groups": groups.templateValue
        default: chrome.value(forKey: key)
        }
    }

    static func schema(strings: TemplateSchema) -> TemplateSchema {
        .object(
            name: "Cover",
            fields: PageChrome.fields(strings: strings).merging([
                "partAnchor": .text, "contentsAnchor": .text, "groups": .list(PrintPartPiece.ContentsGroup.schema),
            ]) { _, cover in cover })
    }
}

extension PrintPartPiece.ContentsGroup: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "anchor": .text(anchor)
        case "title": title.templateValue
        case "procedures": procedures.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "ContentsGroup", fields: ["anchor": .text, "title": .markup, "procedures": .list(PrintPartPiece.ContentsEntry.schema)]) }
}

extension PrintPartPiece.ContentsEntry: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "anchor": .text(anchor)
        case "title": title.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(name: "ContentsEntry", fields: ["anchor": .text, "title": .markup]) }
}

extension PrintPartPiece.GroupStart: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "anchor": .text(anchor)
        case "title": title.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(name: "GroupStart", fields: ["anchor": .text, "title": .markup]) }
}

/// The start or the end of a print document (`print-document`), around its parts.
enum PrintDocumentEdge: Sendable {
    case start(lang: String, documentTitle: String, stylesheetHref: String)
    case end

    /// The fields of the start.
    private struct Start: TemplateObject {
        var lang: String
        var documentTitle: String
        var stylesheetHref: String

        func value(forKey key: String) -> TemplateValue? {
            switch key {
            case "lang": .text(lang)
            case "documentTitle": .text(documentTitle)
            case "stylesheetHref": .text(stylesheetHref)
            default: nil
            }
        }
    }
}

extension PrintDocumentEdge: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch (key, self) {
        case ("documentStart", .start(let lang, let title, let stylesheet)):
            .object(Start(lang: lang, documentTitle: title, stylesheetHref: stylesheet))
        case ("documentStart", .end): .null
        case ("documentEnd", _): .bool(self.isEnd)
        default: nil
        }
    }

    private var isEnd: Bool {
        if case .end = self { true } else { false }
    }

    static var schema: TemplateSchema { .object(
        name: "PrintDocument",
        fields: [
            "documentStart": .optional(.object(name: "DocumentStart", fields: ["lang": .text, "documentTitle": .text, "stylesheetHref": .text])),
            "documentEnd": .bool,
        ]) }
}

/// A text shown in another language because it is not translated, as the `…-fallback-…` templates mark it.
struct FallbackText: TemplateObject {
    var content: Markup
    var lang: String
    var strings: InterfaceStringsTemplate

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "content": content.templateValue
        case "lang": .text(lang)
        case "isFallback": .bool(true)
        case "strings": .object(strings)
        default: nil
        }
    }

    static func schema(strings: TemplateSchema) -> TemplateSchema {
        .object(name: "FallbackText", fields: ["content": .markup, "lang": .text, "isFallback": .bool, "strings": strings])
    }
}
