/// Texts as plain strings with their meaningful links read as the page shows them, for the page's head.
extension TextRenderer {
    /// `text` in this language (or its fallback) as plain text: an empty link's words filled in as on the page
    /// (a procedure's title, "step N: title", a UI label, an input's label), from the tree the build holds.
    func plain(_ text: Text, in scope: LinkResolver.Scope) -> String {
        let shared = self.shared
        guard let (entry, _) = shared.site.entry(of: text, in: language, procedure: scope.procedure) else { return "" }
        let trees = self.trees
        return shared.plainTexts.trees.withTree(of: entry.value, orParsedIn: trees) { document in
            document.render(.plainText) { link in
                guard case .success(let target)? = shared.resolver.resolve(link.destination, in: scope, language: language, trees: trees)
                else { return nil }
                return [link.text.isEmpty ? .text(shared.markup.text(for: target)) : .originalContent]
            }
        }
    }
}
