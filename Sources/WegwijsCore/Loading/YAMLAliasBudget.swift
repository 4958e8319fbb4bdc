/// Refuses YAML whose aliases would expand into more nodes than any content needs ("billion laughs").
///
/// An alias reads as the node it names, so anything that walks the document (the readers, and the duplicate
/// key check of every mapping inside an aliased one) pays for the expanded size, which grows exponentially
/// with aliases of aliases. ``YAMLEventReader`` counts, as it reads the events, the size of every alias's
/// target (a scalar is one node, a collection one plus its items, an alias the size of its target) and
/// spends it here; past ``limit`` it stops and names the alias that went over. Nesting depth needs no
/// check here: libyaml refuses more than 1,000 levels itself, and nothing reads the events recursively.
struct YAMLAliasBudget {
    /// How many nodes aliases may add to a file, in total, counting an alias as the size of its target.
    static let limit = 100_000

    /// Where the budget ran out: the alias's position (1-based line; column in Unicode scalars) and name.
    struct Excess: Equatable {
        var line: Int
        var column: Int
        var anchor: String
    }

    /// The nodes aliases have added so far.
    private(set) var spent = 0

    /// Spends `size` nodes on one alias; false once the file has gone over ``limit``.
    mutating func spend(_ size: Int) -> Bool {
        spent += size
        return spent <= Self.limit
    }
}
