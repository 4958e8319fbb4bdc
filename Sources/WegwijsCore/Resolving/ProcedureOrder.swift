import Foundation

/// The order in which readers meet the procedures in one language: group by group (as site.yaml lists the
/// groups), each group in the writers' order (`procedures:` in its entry in site.yaml) or else by title.
///
/// The index, the navigation, previous and next, the printed guide and the search index all follow it.
/// Titles are collated in the page's language: compared with case, accents and width folded by that
/// language's rules (so "Éénmalig" sorts as "eenmalig", "zet" beside "Zet"), then as written, then by id, so
/// the order is total and the same on every run. Procedures a writer's list leaves out follow the listed ones,
/// by title (the validator warns about them); ids in the list that name no procedure of the group are skipped
/// (the validator reports them).
public struct ProcedureOrder: Sendable {
    /// One language's order.
    struct Reading: Sendable {
        /// For each of the site's groups, its procedures' indices in `Site.procedures`, in order.
        var groups: [[Int]]
        /// Each procedure's place in the whole order, by id.
        var positions: [String: Int]
        /// The whole order: the indices in `Site.procedures`, group after group.
        var sequence: [Int]
    }

    private let readings: [String: Reading]

    /// The order of `site`'s procedures in each of its languages, `title` giving a procedure's plain title in a
    /// language.
    init(site: Site, title: (Procedure, String) -> String) {
        var readings: [String: Reading] = [:]
        let members = site.groups.map { group in site.procedures.indices.filter { site.procedures[$0].group == group.id } }
        for language in site.languages {
            let locale = Locale(identifier: language)
            var groups: [[Int]] = []
            var positions: [String: Int] = [:]
            for (group, indices) in zip(site.groups, members) {
                // Folded once per title: comparing folded keys is cheap, where a locale-aware comparison per pair
                // cost half a second for 5,000 titles.
                let keyed = indices.map { index in
                    let plain = title(site.procedures[index], language)
                    let folded = plain.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: locale)
                    return (index: index, folded: folded, plain: plain, id: site.procedures[index].id)
                }
                var byTitle = keyed.sorted { ($0.folded, $0.plain, $0.id) < ($1.folded, $1.plain, $1.id) }.map(\.index)
                if let order = group.procedureOrder {
                    let place = Dictionary(indices.map { (site.procedures[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
                    var listed: [Int] = []
                    var seen = Set<Int>()
                    for entry in order {
                        if let index = place[entry.value], seen.insert(index).inserted { listed.append(index) }
                    }
                    byTitle = listed + byTitle.filter { !seen.contains($0) }
                }
                for index in byTitle where positions[site.procedures[index].id] == nil {
                    positions[site.procedures[index].id] = positions.count
                }
                groups.append(byTitle)
            }
            readings[language] = Reading(groups: groups, positions: positions, sequence: groups.flatMap { $0 })
        }
        self.readings = readings
    }

    /// The indices (in `Site.procedures`) of the procedures of the site's group at `groupIndex`, in `language`'s order.
    func procedureIndices(inGroupAt groupIndex: Int, language: String) -> [Int] {
        guard let groups = readings[language]?.groups, groups.indices.contains(groupIndex) else { return [] }
        return groups[groupIndex]
    }

    /// The indices (in `Site.procedures`) of the procedures before and after the one with `id` in `language`'s
    /// whole order, across groups.
    func neighbours(of id: String, in language: String) -> (previous: Int?, next: Int?) {
        guard let reading = readings[language], let position = reading.positions[id] else { return (nil, nil) }
        let sequence = reading.sequence
        return (position > 0 ? sequence[position - 1] : nil, position + 1 < sequence.count ? sequence[position + 1] : nil)
    }

    /// Every procedure's place in `language`'s order, by id.
    func positions(in language: String) -> [String: Int] {
        readings[language]?.positions ?? [:]
    }
}
