import Foundation

/// A run's progress, saved after every step so the next run of the same procedure can resume.
public struct RunState: Codable, Sendable, Equatable {
    /// The format of this file; a file from a later version is set aside, not misread.
    public static let currentVersion = 1

    /// What happened to one step.
    public struct StepRecord: Codable, Sendable, Equatable {
        public enum Status: String, Codable, Sendable {
            case done, skipped
            /// Not walked: a choice at an earlier step led past it.
            case bypassed
        }

        /// The step's key in the plan (see ``RunPlan/Step/key``).
        public var key: String
        public var status: Status
        /// Seconds spent on the step.
        public var seconds: Double
        /// The answer to "Do you see …?", when the step asks it.
        public var sawResult: Bool?
        /// A problem the admin noted instead of seeing the result.
        public var problem: String?
        /// The 1-based number of the choice answered, for a step with choices.
        public var choice: Int?
        /// Seconds waited at the step's `wait:` (less than asked when the admin went on early).
        public var waited: Double?
        /// The step's title when it was walked, so it can be named if it later disappears from the procedure.
        public var title: String?

        public init(
            key: String, status: Status, seconds: Double, sawResult: Bool? = nil, problem: String? = nil, choice: Int? = nil,
            title: String? = nil
        ) {
            self.key = key
            self.status = status
            self.seconds = seconds
            self.sawResult = sawResult
            self.problem = problem
            self.choice = choice
            self.title = title
        }
    }

    public var version: Int
    public var procedureID: String
    /// The plan's fingerprint when the run started.
    public var fingerprint: String
    public var language: String
    public var startedAt: Date
    public var updatedAt: Date
    /// The key of the step to show next (nil before the first step, or when finished).
    public var currentStepKey: String?
    /// Whether every prerequisite was confirmed.
    public var prerequisitesConfirmed: Bool
    /// Input values by id.
    public var inputs: [String: String]
    /// What happened to each step so far, in the order it happened (a step walked twice appears once, last state).
    public var records: [StepRecord]
    /// Whether the run reached the end.
    public var isFinished: Bool
    /// A procedure walked from this run that has not ended yet (a choice's or a prerequisite's), resumed first.
    public var detour: Detour?
    /// Seconds still to wait, by step key, for a wait that was stopped before it ended.
    public var waitRemaining: [String: Double]?

    /// A procedure walked from inside a run, and where the run goes on afterwards.
    public struct Detour: Codable, Sendable, Equatable {
        /// The procedure walked.
        public var procedureID: String
        /// The key of the step whose choice led there (nil for a prerequisite's `see:`).
        public var afterStepKey: String?
        /// The 0-based prerequisite whose `see:` led there (nil for a choice).
        public var prerequisite: Int?

        public init(procedureID: String, afterStepKey: String? = nil, prerequisite: Int? = nil) {
            self.procedureID = procedureID
            self.afterStepKey = afterStepKey
            self.prerequisite = prerequisite
        }
    }

    /// A new state for a run of `plan` starting `now`.
    public init(plan: RunPlan, language: String, now: Date) {
        version = Self.currentVersion
        procedureID = plan.procedure.id
        fingerprint = plan.fingerprint
        self.language = language
        startedAt = now
        updatedAt = now
        currentStepKey = nil
        prerequisitesConfirmed = false
        inputs = [:]
        records = []
        isFinished = false
    }

    /// The record of the step with `key`.
    public func record(for key: String) -> StepRecord? {
        records.last { $0.key == key }
    }

    /// Stores what happened to a step, replacing an earlier record of it.
    public mutating func setRecord(_ record: StepRecord) {
        records.removeAll { $0.key == record.key }
        records.append(record)
    }
}

/// What resuming a saved run found.
public struct Resumption: Sendable, Equatable {
    /// The 0-based index in the plan to continue at.
    public var stepIndex: Int
    /// Records of steps that no longer exist in the procedure, by key.
    public var unmatchedKeys: [String]
    /// The titles of those steps as they were when walked (the key when no title was kept), in the same order.
    public var unmatchedTitles: [String] = []
    /// Whether the procedure changed since the run started.
    public var procedureChanged: Bool

    public init(stepIndex: Int, unmatchedKeys: [String], procedureChanged: Bool) {
        self.stepIndex = stepIndex
        self.unmatchedKeys = unmatchedKeys
        self.procedureChanged = procedureChanged
    }
}

extension RunState {
    /// Where to go on in `plan`, matching steps by key when the procedure changed.
    public func resumption(in plan: RunPlan) -> Resumption {
        let keys = plan.steps.map(\.key)
        let unmatchedRecords = records.filter { !keys.contains($0.key) }
        let unmatched = unmatchedRecords.map(\.key)
        var index = 0
        if let current = currentStepKey, let found = keys.firstIndex(of: current) {
            index = found
        } else {
            // The current step is gone: continue at the first step not yet done or skipped.
            index = keys.firstIndex { record(for: $0) == nil } ?? keys.count
        }
        var resumption = Resumption(stepIndex: index, unmatchedKeys: unmatched, procedureChanged: fingerprint != plan.fingerprint)
        resumption.unmatchedTitles = unmatchedRecords.map { $0.title ?? $0.key }
        return resumption
    }
}
