import Foundation

/// A run as JSON for audit tools (`--report-json FILE`): schema `wegwijs-run/1`, documented in the README.
///
/// Times are ISO 8601 in UTC, durations in seconds. Fields are only added in later versions of the schema,
/// never renamed or given another meaning.
public struct RunRecord: Codable, Sendable, Equatable {
    public struct Prerequisite: Codable, Sendable, Equatable {
        /// 1-based.
        public var number: Int
        public var text: String
        /// Every answer given, in order ("yes", "no").
        public var answers: [String]
    }

    public struct Input: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        /// The value at the end (nil when never given).
        public var value: String?
        /// Every value given, in order: more than one when it was changed.
        public var history: [String]
    }

    public struct Step: Codable, Sendable, Equatable {
        /// As the web page and the printed guide number it ("2", "2.1").
        public var number: String
        public var key: String
        public var title: String
        /// "done", "skipped", "bypassed" (a choice led past it) or "not-reached".
        public var status: String
        public var seconds: Double?
        /// The last answer to "Do you see this?" (nil when not asked).
        public var sawResult: Bool?
        /// Every answer to it, in order: an earlier "no" stays visible after a later "yes".
        public var answers: [String]
        /// The problem noted, when the result was not seen.
        public var problem: String?
        /// The 1-based choice answered, and where it led (`step:id`, `procedure:id`).
        public var choice: Int?
        public var choiceTarget: String?
        /// Seconds waited at the step's `wait:`, and how long it asked.
        public var waitedSeconds: Double?
        public var waitSeconds: Int?
        /// The step's `command:` each time it was run, in order (absent when it never was).
        public var commands: [Command]?
    }

    /// One run of a step's `command:`, after the admin confirmed it.
    public struct Command: Codable, Sendable, Equatable {
        /// The command line, as run with `/bin/sh -c`.
        public var command: String
        public var at: Date
        /// "exited", "signal", "stopped" (Ctrl-C) or "not-started".
        public var ending: String
        /// The exit status, when it exited (0: it worked).
        public var exitStatus: Int?
        /// The last lines of its output (standard output and errors), made safe.
        public var output: String
    }

    /// `wegwijs-run/1`.
    public var schema: String
    public var procedure: String
    public var title: String
    public var language: String
    public var user: String
    public var fingerprint: String
    public var startedAt: Date
    public var endedAt: Date
    /// "finished", "ended-with-problem", "stopped", "interrupted", "prerequisite-not-met".
    public var outcome: String
    /// Wall clock from start to end, pauses included.
    public var elapsedSeconds: Double
    /// Time between a stop and the resume that followed.
    public var pausedSeconds: Double
    public var prerequisites: [Prerequisite]
    public var inputs: [Input]
    public var steps: [Step]
    public var languageSwitches: Int
    /// Every event of the run, as in the log.
    public var events: [RunEvent]
}
