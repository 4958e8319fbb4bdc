/// The web site's ways between pages: the groups and procedures beside each page, previous and next, and the
/// way back to a step that includes the page's procedure. All follow ``ProcedureOrder``.
extension PageRenderer {
    /// A group's procedures are listed in full in the navigation up to this many; a larger group lists this many
    /// around the current procedure (its own group) or none (another group), with a link to the whole list in
    /// the index, so that a page's navigation stays small however large the site.
    static let navigationEntries = 15

    /// The place of `group`'s heading in the index (`index.html#group-dhl-esecure`).
    func groupHref(_ group: Group) -> String {
        "\(format.indexFileName)#group-\(group.id)"
    }

    /// Every group with a procedure, its procedures (some of them in a large group) and `procedure` marked.
    func navigation(around procedure: Procedure) -> [ProcedurePage.NavigationGroup] {
        site.groups.indices.compactMap { groupIndex -> ProcedurePage.NavigationGroup? in
            let group = site.groups[groupIndex]
            let members = plainTexts.order.procedureIndices(inGroupAt: groupIndex, language: language)
            guard !members.isEmpty else { return nil }
            let isCurrent = group.id == procedure.group
            var shown = members[...]
            if members.count > Self.navigationEntries {
                if isCurrent, let here = members.firstIndex(where: { site.procedures[$0].id == procedure.id }) {
                    let start = max(0, min(here - Self.navigationEntries / 2, members.count - Self.navigationEntries))
                    shown = members[start..<(start + Self.navigationEntries)]
                } else {
                    shown = []
                }
            }
            let title = inline(group.title, in: .init())
            return ProcedurePage.NavigationGroup(
                id: group.id, title: title, href: groupHref(group), isCurrent: isCurrent,
                entries: shown.compactMap { entry($0, current: procedure) },
                more: shown.count < members.count
                    ? strings.string(
                        "navigation.all-in-group", in: language,
                        ["count": String(members.count), "group": plainTexts.plain(group.title, in: language, procedure: nil)])
                    : nil)
        }
    }

    /// The procedure at `index` in `Site.procedures` as an entry of the navigation, or as previous or next.
    func entry(_ index: Int?, current: Procedure? = nil) -> ProcedurePage.NavigationEntry? {
        guard let index else { return nil }
        let other = site.procedures[index]
        let shownIn = site.entry(of: other.title, in: language, procedure: other)?.language ?? language
        return .init(
            title: plainTexts.title(of: other, in: language), lang: shownIn == language ? nil : shownIn,
            href: LinkMarkup.pageHref(other.id, format: format), isCurrent: other.id == current?.id)
    }

    /// "Back to Add users, step 2" for each step that includes `procedure`, in the order of the site's procedures.
    func backLinks(to procedure: Procedure) -> [ProcedurePage.BackLink] {
        (includers[procedure.id] ?? []).map { includer in
            let from = site.procedures[includer.procedure]
            let anchor = format.stepAnchor(number: includer.step, id: nil, plainTitle: "", procedureID: from.id, language: language)
            return .init(
                from: from.id, step: anchor, href: "\(LinkMarkup.pageHref(from.id, format: format))#\(anchor)",
                text: strings.string(
                    "procedure.back", in: language, ["title": plainTexts.title(of: from, in: language), "number": String(includer.step)]))
        }
    }
}
