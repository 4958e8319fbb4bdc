import WegwijsMarkdown

/// A procedure laid out for the runner: includes expanded into their steps, prerequisites and inputs
/// gathered from every procedure the run passes through.
public struct RunPlan: Sendable {
    /// One step as the runner walks it.
    public struct Step: Sendable {
        /// Identifies the step across changes of the procedure: the include path and the step id
        /// (`access-esecure/open-esecure`, or `fill-in` for a step of the procedure itself).
        public var key: String
        /// The step.
        public var step: WegwijsCore.Step
        /// The procedure the step belongs to (the included one for included steps).
        public var procedure: Procedure
        /// The includes the step is inside, outermost first, for the breadcrumb ("Access eSecure › 2/3").
        public var trail: [Crumb]
        /// The step's number as the web page and the printed guide count it: an include is one step there, so
        /// its steps are "2.1", "2.2" here (and "2.1.1" for an include inside an include).
        public var number: String
    }

    /// Where a step sits inside an included procedure.
    public struct Crumb: Sendable, Equatable {
        /// The included procedure.
        public var procedureID: String
        /// The step's 1-based position among that procedure's steps as walked.
        public var position: Int
        /// How many steps the included procedure has as walked.
        public var count: Int

        public init(procedureID: String, position: Int, count: Int) {
            self.procedureID = procedureID
            self.position = position
            self.count = count
        }
    }

    /// A prerequisite and the procedure it comes from.
    public struct Requirement: Sendable {
        public var text: Text
        public var procedure: Procedure
        /// The procedure that fulfils it: its `see:`, else the first procedure its text refers to (`[](ref:id)`).
        public var see: String?
    }

    /// The procedure being run.
    public let procedure: Procedure
    /// Every prerequisite, the procedure's own first, each once.
    public let requirements: [Requirement]
    /// Every input of the procedure and its includes, each id once (the outer declaration wins).
    public let inputs: [(input: Input, procedure: Procedure)]
    /// The steps in order.
    public let steps: [Step]
    /// How many steps the web page and the printed guide show: the procedure's own entries, an include counting one.
    public let pageStepCount: Int

    /// The plan of `procedure` in `site`; includes that are unknown or cyclic (reported by the validator) are skipped.
    public init(procedure: Procedure, site: Site) {
        self.procedure = procedure
        var steps: [Step] = []
        var requirements: [Requirement] = []
        var seenRequirements = Set<String>()
        var inputs: [(input: Input, procedure: Procedure)] = []

        func gather(_ procedure: Procedure) {
            for (offset, requirement) in procedure.requirements.enumerated() {
                let identity = requirement.versions.map { "\($0.language)=\($0.entry.value)" }.joined(separator: "\u{1F}")
                guard seenRequirements.insert(identity).inserted else { continue }
                var see = procedure.requirementProcedures[offset]?.value
                if see == nil {
                    see = requirement.versions.lazy.flatMap { MarkdownDocument(parsing: $0.entry.value).links }
                        .first { $0.destination.hasPrefix("ref:") }
                        .map { String($0.destination.dropFirst(4).prefix { $0 != "#" }) }
                }
                if see == procedure.id || see.flatMap(site.procedure) == nil { see = nil }
                requirements.append(Requirement(text: requirement, procedure: procedure, see: see))
            }
            for input in procedure.inputs where !inputs.contains(where: { $0.input.id == input.id }) {
                inputs.append((input, procedure))
            }
        }

        func expand(_ procedure: Procedure, path: [String], trail: [Crumb], visiting: Set<String>) -> [Step] {
            gather(procedure)
            var expanded: [Step] = []
            for (offset, entry) in procedure.steps.enumerated() {
                let number = String(offset + 1)
                switch entry {
                case .step(let step):
                    expanded.append(Step(
                        key: (path + [step.id]).joined(separator: "/"), step: step, procedure: procedure, trail: trail,
                        number: number))
                case .include(let include):
                    guard let included = site.procedure(include.procedureID), !visiting.contains(included.id) else { continue }
                    var inner = expand(included, path: path + [included.id], trail: [], visiting: visiting.union([included.id]))
                    for index in inner.indices {
                        inner[index].trail = trail + [Crumb(procedureID: included.id, position: index + 1, count: inner.count)]
                            + inner[index].trail
                        inner[index].number = number + "." + inner[index].number
                    }
                    expanded.append(contentsOf: inner)
                }
            }
            return expanded
        }

        steps = expand(procedure, path: [], trail: [], visiting: [procedure.id])
        self.requirements = requirements
        self.inputs = inputs
        self.steps = steps
        pageStepCount = procedure.steps.count
    }

    /// The index of the step with `key`.
    public func index(ofKey key: String) -> Int? {
        steps.firstIndex { $0.key == key }
    }

    /// A fingerprint of the procedure as the runner walks it (step keys and every text in every language),
    /// so a saved run knows when the procedure changed since.
    public var fingerprint: String {
        var hasher = StableHasher()
        for step in steps {
            hasher.combine(step.key)
            for text in [step.step.title, step.step.text, step.step.result].compactMap({ $0 }) {
                for version in text.versions { hasher.combine(version.language); hasher.combine(version.entry.value) }
            }
            // Only when there is one: a procedure without commands keeps the fingerprint it had.
            if let command = step.step.command?.value {
                hasher.combine("command")
                hasher.combine(command)
            }
        }
        return hasher.hexDigest
    }
}
