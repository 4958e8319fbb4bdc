/// Texts as plain strings with their meaningful links read as the page shows them, for the page's head.
extension TextRenderer {
    /// `text` in this language (or its fallback) as plain text: an empty link's words filled in as on the page
    /// (a procedure's title, "step N: title", a UI label, an input's label), from the tree the build holds.
    func plain(_ text: Text, in scope: LinkResolver.Scope) -> String {
        let shared = self.shared
        guard let (entry, _) = shared.site.entry(of: text, in: language, procedure: scope.procedure) else { return "" }
        return shared.resolver.plainText(of: entry.value, in: scope, language: language, markup: shared.markup, trees: trees)
    }
}
