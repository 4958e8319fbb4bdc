import Foundation

/// One thing that happened during a run, as written to the run's log (one JSON object per line).
public struct RunEvent: Codable, Sendable, Equatable {
    /// What happened.
    public enum Kind: String, Codable, Sendable {
        case start, resume, prerequisite, input, stepShown = "step-shown", stepDone = "step-done"
        case stepSkipped = "step-skipped", answer, problem, languageSwitch = "language-switch"
        case interruption, end
        /// A choice answered: `name` its 1-based number, `value` where it led (`step:id`, `procedure:id`).
        case choice
        /// A step a choice led past.
        case stepBypassed = "step-bypassed"
        /// A procedure walked from this run (`value` its id) began, or (`detour-end`) ended.
        case detour, detourEnd = "detour-end"
        /// A step's wait began (`seconds` to wait), or ended (`value` "over", "ended early" or "paused", `seconds` waited).
        case waitStart = "wait-start", waitEnd = "wait-end"
        /// A step's `command:` was run after the admin confirmed it: `value` the command line, `name` how it
        /// ended ("exited", "signal", "stopped", "not-started"), `exitStatus`, and the last of its `output`.
        case command
    }

    public var kind: Kind
    /// When, in UTC.
    public var time: Date
    public var procedureID: String
    /// The plan's fingerprint (on start and resume).
    public var fingerprint: String?
    /// The step's key, for step events.
    public var step: String?
    /// A value: the language, an input's value, the answer ("yes"/"no"), the problem noted, why the run ended.
    public var value: String?
    /// The input id, or the prerequisite number.
    public var name: String?
    /// Seconds spent on a step.
    public var seconds: Double?
    /// The value an input had before this event changed it.
    public var previous: String?
    /// A command's exit status, when it exited.
    public var exitStatus: Int?
    /// The last lines of a command's output, made safe.
    public var output: String?

    public init(
        _ kind: Kind, at time: Date, procedureID: String, fingerprint: String? = nil, step: String? = nil,
        value: String? = nil, name: String? = nil, seconds: Double? = nil
    ) {
        self.kind = kind
        self.time = time
        self.procedureID = procedureID
        self.fingerprint = fingerprint
        self.step = step
        self.value = value
        self.name = name
        self.seconds = seconds
    }
}
