/// One task an admin performs, with its steps.
public struct Procedure: Sendable {
    /// The id: the file name without `.yaml`, unique in the site.
    public var id: String
    /// The group: the folder the file is in.
    public var group: String
    /// The file, as shown in diagnostics.
    public var file: String
    /// Short and task-oriented.
    public var title: Text
    /// One paragraph under the title.
    public var summary: Text?
    /// Who may do this (`admin`), with where it is written.
    public var audience: Located<String>?
    /// The language it was written in, when not the site's source language.
    public var sourceLanguage: Located<String>?
    /// Prerequisites, confirmed before the steps.
    public var requirements: [Text]
    /// The procedure that fulfils a prerequisite, by the prerequisite's 0-based index (`see: id`), for those that name one.
    public var requirementProcedures: [Int: Located<String>] = [:]
    /// Values the procedure works with.
    public var inputs: [Input]
    /// The steps, including includes of other procedures.
    public var steps: [StepEntry]
    /// The register of the procedure's page and runs (`register:`), when it chooses one; else its group's or
    /// the site's (``Site/register(of:)``).
    public var register: Located<Register>? = nil
    /// The day the procedure last changed (`updated:`), shown on its pages; nil when it does not say.
    public var updated: Located<CalendarDate>? = nil

    /// The input with `id`.
    public func input(_ id: String) -> Input? { inputs.first { $0.id == id } }

    /// The step with `id` (explicit or positional) and its 1-based number.
    public func step(_ id: String) -> (number: Int, step: Step)? {
        for (offset, entry) in steps.enumerated() {
            if case .step(let step) = entry, step.id == id { return (offset + 1, step) }
        }
        return nil
    }

    /// Ids of steps that may be referred to (those with an explicit id).
    public var referableStepIDs: [String] {
        steps.compactMap { if case .step(let step) = $0, step.hasExplicitID { step.id } else { nil } }
    }
}

/// A value with where it was written.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where it is.
    public var location: SourceLocation

    /// `value` at `location`.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// A value a procedure asks for up front.
public struct Input: Sendable {
    /// The id, used in `[](input:id)`.
    public var id: String
    /// Where the id is.
    public var location: SourceLocation
    /// The label in every language.
    public var label: Text
    /// A regular expression the value must match, if any.
    public var pattern: Located<String>?
    /// An example value.
    public var example: String?
}

/// An entry of a procedure's step list.
public enum StepEntry: Sendable {
    /// A step of its own.
    case step(Step)
    /// The steps of another procedure.
    case include(Include)
}

/// `- include: <procedure-id>`
public struct Include: Sendable {
    /// The included procedure's id.
    public var procedureID: String
    /// Where the id is written.
    public var location: SourceLocation
}

/// One step.
public struct Step: Sendable {
    /// The id: explicit, or `step-N` from its position.
    public var id: String
    /// Whether the id was written in the content (only those can be referred to).
    public var hasExplicitID: Bool
    /// Where the step starts.
    public var location: SourceLocation
    /// One imperative line.
    public var title: Text
    /// The body.
    public var text: Text?
    /// A screenshot or drawing.
    public var figure: Figure? {
        get { figures.first }
        set { figures = newValue.map { [$0] } ?? [] }
    }
    /// Notes, tips and warnings.
    public var notes: [Note]
    /// What the admin should see afterwards.
    public var result: Text?
    /// A decision the step asks for, each answer leading somewhere (DITA's `<choices>`); empty for most steps.
    public var choices: [Choice]
    /// How long the admin waits after doing the step (`wait: 10m`), in seconds; the step's text says for what.
    public var wait: Located<Int>?
    /// A shell command line the admin would otherwise type (`command: …`), the same in every language: the
    /// runner shows it in full and runs it only when the admin asks for it and confirms (``StepCommand``).
    public var command: Located<String>?

    // Most steps have no figure: held in the step, a figure's room (some 120 bytes) was taken by every step.
    // An empty array takes 8 bytes and no heap.
    private var figures: [Figure]

    /// A step with all its parts.
    public init(
        id: String, hasExplicitID: Bool, location: SourceLocation, title: Text, text: Text?, figure: Figure?,
        notes: [Note], result: Text?, choices: [Choice] = [], wait: Located<Int>? = nil, command: Located<String>? = nil
    ) {
        self.id = id
        self.hasExplicitID = hasExplicitID
        self.location = location
        self.title = title
        self.text = text
        figures = figure.map { [$0] } ?? []
        self.notes = notes
        self.result = result
        self.choices = choices
        self.wait = wait
        self.command = command
    }
}

/// One answer of a step's decision: "If the user has no MyDHL+ account yet" → step `invite`.
public struct Choice: Sendable {
    /// Where the answer leads.
    public enum Target: Sendable, Equatable {
        /// A later step of the same procedure, by its explicit id.
        case step(String)
        /// Another procedure, walked and then the run goes on after this step.
        case procedure(String)
    }

    /// The answer, read as "If …" (without "if": the text is the condition).
    public var text: Text
    /// Where it leads.
    public var target: Target
    /// Where the target is written (for diagnostics about it).
    public var targetLocation: SourceLocation
    /// Where the choice starts.
    public var location: SourceLocation

    /// A choice of `text` leading to `target`.
    public init(text: Text, target: Target, targetLocation: SourceLocation, location: SourceLocation) {
        self.text = text
        self.target = target
        self.targetLocation = targetLocation
        self.location = location
    }
}

/// A figure with numbered markers.
public struct Figure: Sendable {
    /// The image, for every language or per language; paths are relative to the content folder.
    public enum Source: Sendable {
        case shared(Located<String>)
        case perLanguage([String: Located<String>])
    }

    /// The image file(s).
    public var source: Source
    /// The alternative text, required in every language.
    public var alt: Text
    /// The legend of markers 1, 2, …
    public var callouts: [Text]
    /// Where the figure is.
    public var location: SourceLocation

    /// The path for `language`, falling back to `fallback`'s.
    public func path(in language: String, fallback: String) -> Located<String>? {
        switch source {
        case .shared(let path): path
        case .perLanguage(let paths): paths[language] ?? paths[fallback] ?? paths.values.sorted { $0.value < $1.value }.first
        }
    }

    /// Every path, in a stable order.
    public var allPaths: [Located<String>] {
        switch source {
        case .shared(let path): [path]
        case .perLanguage(let paths): paths.keys.sorted().compactMap { paths[$0] }
        }
    }
}

/// A note, tip, important remark or warning.
public struct Note: Sendable {
    /// The kinds of note.
    public enum Kind: String, Sendable, CaseIterable {
        case note, tip, important, warning
    }

    /// The kind.
    public var kind: Kind
    /// The text.
    public var text: Text
    /// Where the note is.
    public var location: SourceLocation
}
