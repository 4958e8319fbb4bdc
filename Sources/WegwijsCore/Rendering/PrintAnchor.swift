/// Anchors in the printed guide, where every procedure of every language shares one document.
///
/// Each anchor starts with the language, so the parts of the bilingual booklet never clash. Ids never contain
/// `--` or `.` (``Identifier``), so `--` joins a procedure to its own anchors and `.` marks the anchors of the
/// document itself (cover, contents, groups), which can then never equal a procedure's.
enum PrintAnchor {
    /// A procedure's start: `en--add-users`.
    static func procedure(_ procedureID: String, language: String) -> String {
        "\(language)--\(procedureID)"
    }

    /// What goes before a procedure's own anchors (steps, figures, callouts, notes): `en--add-users--`.
    static func prefix(of procedureID: String, language: String) -> String {
        procedure(procedureID, language: language) + "--"
    }

    /// A step: `en--add-users--fill-in`.
    static func step(_ stepID: String, of procedureID: String, language: String) -> String {
        prefix(of: procedureID, language: language) + stepID
    }

    /// A group's heading: `en.group.dhl-esecure`.
    static func group(_ groupID: String, language: String) -> String {
        "\(language).group.\(groupID)"
    }

    /// One of the document's own places (`cover`, `contents`): `en.contents`.
    static func document(_ name: String, language: String) -> String {
        "\(language).\(name)"
    }
}
