/// Which procedure includes which, for finding cycles and expanding includes.
public struct IncludeGraph {
    let edges: [String: [String]]
    let order: [String]

    /// The graph of `site`'s includes (unknown procedures left out).
    public init(site: Site) {
        var edges: [String: [String]] = [:]
        for procedure in site.procedures {
            edges[procedure.id] = procedure.steps.compactMap { entry in
                if case .include(let include) = entry, site.procedure(include.procedureID) != nil { return include.procedureID }
                return nil
            }
        }
        self.edges = edges
        order = site.procedures.map(\.id)
    }

    /// Every elementary cycle once, each starting at its smallest id, in a stable order.
    public func cycles() -> [[String]] {
        var found = Set<[String]>()
        var result: [[String]] = []
        // Depth-first search with an explicit stack; nodes are coloured to find back edges.
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        for start in order where state[start] == nil {
            var stack: [(node: String, next: Int)] = [(start, 0)]
            var path: [String] = [start]
            state[start] = 1
            while let top = stack.last {
                let targets = edges[top.node] ?? []
                if top.next < targets.count {
                    stack[stack.count - 1].next += 1
                    let target = targets[top.next]
                    switch state[target] {
                    case 1:
                        if let index = path.firstIndex(of: target) {
                            let cycle = Array(path[index...])
                            let rotated = Self.rotatedToSmallest(cycle)
                            if found.insert(rotated).inserted { result.append(rotated) }
                        }
                    case nil:
                        state[target] = 1
                        stack.append((target, 0))
                        path.append(target)
                    default:
                        break
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                    path.removeLast()
                }
            }
        }
        return result
    }

    static func rotatedToSmallest(_ cycle: [String]) -> [String] {
        guard let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return cycle }
        return Array(cycle[smallest...] + cycle[..<smallest])
    }
}
