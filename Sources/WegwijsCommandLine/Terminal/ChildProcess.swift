#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import WegwijsCore

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

        let input: ChildSpawn.FileAction = inputEnd >= 0 ? .duplicate(inputEnd, as: 0) : .open(0, path: "/dev/null", flags: O_RDONLY)
        let started = ChildSpawn.spawn(
            path, arguments: [path] + arguments, environment: environment,
            fileActions: [input, .open(1, path: "/dev/null", flags: O_WRONLY), .duplicate(1, as: 2)], grouping: .ownProcessGroup)
        guard case .success(let pid) = started else { return nil }
        return ChildProcess(id: pid)
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
