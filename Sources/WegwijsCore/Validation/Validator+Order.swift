/// The writers' order of each group's procedures (`procedures:` in site.yaml's `groups:`).
extension Validator {
    /// Reports, with the place of each id in site.yaml: an id no procedure has (with a suggestion among the
    /// group's procedures), a procedure of another group, an id listed twice (errors); and the group's
    /// procedures the list leaves out, which come after the listed ones in title order (a warning).
    func checkProcedureOrders(_ diagnostics: inout Diagnostics) {
        for group in site.groups {
            guard let order = group.procedureOrder else { continue }
            let members = site.procedures(in: group).map(\.id)
            var listed = Set<String>()
            for entry in order {
                let id = entry.value
                if let procedure = site.procedure(id), procedure.group != group.id {
                    diagnostics.error(
                        "order-other-group", at: entry.location,
                        "procedure '\(id)' is in group '\(procedure.group)', not in '\(group.id)'",
                        notes: ["List it under the 'procedures:' of group '\(procedure.group)', or move its file to procedures/\(group.id)/."])
                } else if site.procedure(id) == nil {
                    diagnostics.error(
                        "order-unknown-procedure", at: entry.location,
                        "unknown procedure '\(id)' in the order of group '\(group.id)'"
                            + Suggestion.didYouMean(id, among: members.filter { !listed.contains($0) }))
                } else if !listed.insert(id).inserted {
                    diagnostics.error(
                        "order-duplicate", at: entry.location, "procedure '\(id)' is listed twice in the order of group '\(group.id)'")
                }
            }
            let missing = members.filter { !listed.contains($0) }
            guard !missing.isEmpty else { continue }
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.warning(
                "order-incomplete", at: order.last?.location ?? group.location,
                "the order of group '\(group.id)' leaves out \(names)",
                notes: ["They come after the listed procedures, by title; add them to 'procedures:' to place them."])
        }
    }
}
