/// How the interface addresses the reader where a language makes the difference: Dutch "u" (formal) or
/// "je" (informal). Content chooses one per site, group or procedure (`register:`); strings files word the
/// strings that differ per register (``InterfaceStrings``). A language without the difference needs nothing.
public enum Register: String, Sendable, CaseIterable, Hashable {
    case formal
    case informal

    /// The names `register:` accepts.
    public static var names: [String] { allCases.map(\.rawValue) }
}
