#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A helper program (a file viewer, a clipboard tool) started with `posix_spawn`.
///
/// It runs in its own process group, so keys and hang-ups meant for the run do not reach it, with
/// standard output and error on /dev/null, so it never writes over the run, and standard input on
/// /dev/null or a pipe holding the text given. It starts with default signal dispositions and an empty
/// signal mask, whatever the console had set.
struct ChildProcess {
    /// How a child ended, as far as is known.
    enum Ending: Equatable {
        /// It exited with this status.
        case exited(status: Int32)
        /// A signal ended it.
        case killedBySignal
        /// Still running when the wait's time was up.
        case running
        /// Someone else collected its status (ECHILD).
        case unknown
    }

    /// The child's process id.
    let id: pid_t

    /// Starts `path` with `arguments`, the environment `environment`, and `input` as its standard input;
    /// nil when it cannot be started. `input` must fit in a pipe's buffer (it is written before the child
    /// starts, so that a child exiting early can never leave us blocked or hit by SIGPIPE).
    static func start(_ path: String, arguments: [String], environment: [String: String], input: [UInt8]? = nil) -> ChildProcess? {
        var inputEnd: Int32 = -1
        if let input {
            guard let ends = Descriptor.makePipe() else { return nil }
            ends.write.makeNonBlocking()
            let written = input.isEmpty || ends.write.writeAll(input, waitingWhenFull: false)
            close(ends.write.rawValue)
            guard written else {
                close(ends.read.rawValue)
                return nil
            }
            inputEnd = ends.read.rawValue
        }
        defer { if inputEnd >= 0 { close(inputEnd) } }

        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if inputEnd >= 0 {
            posix_spawn_file_actions_adddup2(&actions, inputEnd, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { arguments in
            (envp + [nil]).withUnsafeBufferPointer { environment in
                posix_spawn(&pid, path, &actions, &attributes, arguments.baseAddress!, environment.baseAddress!)
            }
        }
        return result == 0 ? ChildProcess(id: pid) : nil
    }

    // MARK: - Waiting

    /// Waits at most `limit` for the child to end.
    func waitForExit(atMost limit: Duration) -> Ending {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while true {
            var status: Int32 = 0
            let result = waitpid(id, &status, WNOHANG)
            if result == id {
                // The W* macros are not imported into Swift; this is their definition on Linux and macOS.
                return status & 0x7F == 0 ? .exited(status: (status >> 8) & 0xFF) : .killedBySignal
            }
            if result < 0 && errno == EINTR { continue }
            if result < 0 { return .unknown }
            if clock.now >= deadline { return .running }
            usleep(10_000)
        }
    }

    /// Ends the child at once and collects its status.
    func terminate() {
        kill(id, SIGKILL)
        var status: Int32 = 0
        while waitpid(id, &status, 0) < 0 && errno == EINTR {}
    }

    /// Collects the child's status whenever it ends, so that it does not linger as a zombie.
    func collectInBackground() {
        let id = self.id
        DispatchQueue.global(qos: .utility).async {
            var status: Int32 = 0
            while waitpid(id, &status, 0) < 0 && errno == EINTR {}
        }
    }
}
