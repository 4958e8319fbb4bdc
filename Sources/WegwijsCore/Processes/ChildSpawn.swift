#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a program with `posix_spawn`, the one way this project starts children: the runner's step
/// commands, the desktop opener and the tests' pseudo-terminal all go through here.
///
/// The child starts with no signal blocked and every signal at its default action (a parent that ignores
/// SIGINT or blocks SIGCHLD does not pass that on), in a process group of its own or a new session, so the
/// parent can stop it and everything it started with one signal to the group.
public enum ChildSpawn {
    /// One change to the child's descriptors, applied in order before the program starts.
    public enum FileAction: Sendable {
        /// Opens `path` with `flags` as descriptor `descriptor`.
        case open(_ descriptor: Int32, path: String, flags: Int32)
        /// Makes `descriptor` a copy of the parent's (or an earlier action's) `source`.
        case duplicate(_ source: Int32, as: Int32)
    }

    /// Where the child belongs.
    public enum Grouping: Sendable {
        /// A new process group led by the child, in the parent's session.
        case ownProcessGroup
        /// A new session (and process group) led by the child: it can take a terminal of its own.
        case newSession
    }

    /// Starts `program` with `arguments` (the first of them the program's own name) and exactly
    /// `environment`; its process id, or the `errno` of the failure.
    public static func spawn(
        _ program: String, arguments: [String], environment: [String: String], fileActions: [FileAction], grouping: Grouping
    ) -> Result<pid_t, POSIXErrorNumber> {
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        let newSession: Int32 = 0x80  // POSIX_SPAWN_SETSID, which Swift does not import (a GNU extension)
        #else
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        let newSession: Int32 = 0x0400  // POSIX_SPAWN_SETSID
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for action in fileActions {
            switch action {
            case .open(let descriptor, let path, let flags): posix_spawn_file_actions_addopen(&actions, descriptor, path, flags, 0)
            case .duplicate(let source, let descriptor): posix_spawn_file_actions_adddup2(&actions, source, descriptor)
            }
        }

        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        switch grouping {
        case .ownProcessGroup:
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
        case .newSession:
            flags |= newSession
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = arguments.map { strdup($0) }
        // Sorted: the child sees the same environment in the same order every time.
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { argumentList in
            (envp + [nil]).withUnsafeBufferPointer { environmentList in
                posix_spawn(&pid, program, &actions, &attributes, argumentList.baseAddress!, environmentList.baseAddress!)
            }
        }
        return result == 0 ? .success(pid) : .failure(POSIXErrorNumber(value: result))
    }

    /// An `errno` value from a failed start.
    public struct POSIXErrorNumber: Error, Sendable, Equatable {
        public let value: Int32

        /// The system's words for it.
        public var description: String { String(cString: strerror(value)) }
    }
}
