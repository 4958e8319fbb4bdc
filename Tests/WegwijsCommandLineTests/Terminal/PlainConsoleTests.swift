#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import WegwijsCommandLine
import WegwijsCore

/// The line-by-line console on pipes, as scripts and screen-reader users drive it.
@Suite struct PlainConsoleTests {
    static let limit: Duration = .seconds(5)

    /// A pipe for standard input and one for standard output, closed when the test ends.
    final class Pipes {
        let input: (read: Int32, write: Int32)
        let output: (read: Int32, write: Int32)
        private var open: Set<Int32>

        init() throws {
            var a: [Int32] = [-1, -1]
            var b: [Int32] = [-1, -1]
            guard pipe(&a) == 0, pipe(&b) == 0 else { throw POSIXError(.EMFILE) }
            // A write end inherited by a child another test spawns would keep the input from ending.
            for end in a + b { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            input = (a[0], a[1])
            output = (b[0], b[1])
            open = Set(a + b)
        }

        func type(_ bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes { write(input.write, $0.baseAddress, $0.count) }
        }

        func endInput() { closeOnce(input.write) }

        /// What was written to the output, once the writer is closed.
        func printed() -> String {
            closeOnce(output.write)
            return String(decoding: FileHandle(fileDescriptor: output.read, closeOnDealloc: false).readDataToEndOfFile(), as: UTF8.self)
        }

        private func closeOnce(_ descriptor: Int32) {
            if open.remove(descriptor) != nil { close(descriptor) }
        }

        deinit { open.forEach { close($0) } }
    }

    func open(_ pipes: Pipes, width: Int = 80, environment: [String: String] = [:]) -> PlainConsole {
        PlainConsole(input: pipes.input.read, output: pipes.output.write, width: width, environment: environment, handlesSignals: false)
    }

    // MARK: - Lines

    @Test func eachLineIsOneInputThenEndOfInput() throws {
        let pipes = try Pipes()
        let console = open(pipes)
        defer { console.close() }
        pipes.type(Array("y\n\nWindows\r\nzoë\nno newline at the end".utf8))
        pipes.endInput()
        var inputs: [RunInput?] = []
        for _ in 0..<7 { inputs.append(console.nextInput(waitingAtMost: Self.limit)) }
        #expect(inputs == [.line("y"), .line(""), .line("Windows"), .line("zoë"), .line("no newline at the end"), .endOfInput, .endOfInput])
    }

    @Test func bytesThatAreNotUTF8AreReplacedNotFatal() throws {
        let pipes = try Pipes()
        let console = open(pipes)
        defer { console.close() }
        // "café" in Latin-1, then a lone continuation byte.
        pipes.type([0x63, 0x61, 0x66, 0xE9, 0x0A, 0x80, 0x6F, 0x6B, 0x0A])
        pipes.endInput()
        #expect(console.nextInput(waitingAtMost: Self.limit) == .line("caf\u{FFFD}"))
        #expect(console.nextInput(waitingAtMost: Self.limit) == .line("\u{FFFD}ok"))
        #expect(console.nextInput(waitingAtMost: Self.limit) == .endOfInput)
    }

    @Test func aLineArrivingInPiecesIsWaitedFor() throws {
        let pipes = try Pipes()
        let console = open(pipes)
        defer { console.close() }
        pipes.type(Array("zo".utf8) + [0xC3])
        #expect(console.nextInput(waitingAtMost: .milliseconds(100)) == nil)
        pipes.type([0xAB, 0x0A])
        #expect(console.nextInput(waitingAtMost: Self.limit) == .line("zoë"))
    }

    @Test func linesTypedAheadAreAnswersAndAreKept() throws {
        let pipes = try Pipes()
        let console = open(pipes)
        defer { console.close() }
        pipes.type(Array("y\nn\n".utf8))
        #expect(console.nextInput(waitingAtMost: Self.limit) == .line("y"))
        console.discardPendingInput()
        #expect(console.nextInput(waitingAtMost: Self.limit) == .line("n"))
    }

    @Test func afterClosingThereIsNoMoreInput() throws {
        let pipes = try Pipes()
        let console = open(pipes)
        pipes.type(Array("y\n".utf8))
        console.close()
        #expect(console.nextInput(waitingAtMost: Self.limit) == .endOfInput)
    }

    // MARK: - Output and capabilities

    @Test func outputIsWrittenAsItIs() throws {
        let pipes = try Pipes()
        let console = open(pipes)
        console.write("Stap 1 van 3\n")
        console.write("Klaar.\n")
        console.close()
        #expect(pipes.printed() == "Stap 1 van 3\nKlaar.\n")
    }

    @Test func capabilitiesArePlainAndTheWidthIsClamped() throws {
        let pipes = try Pipes()
        #expect(open(pipes, width: 72).capabilities == .plain(width: 72))
        #expect(open(pipes, width: 0).capabilities.width == 1)
        #expect(open(pipes, width: 4000).capabilities.width == 500)
    }

    @Test func copyingNeverWritesEscapeSequences() throws {
        let pipes = try Pipes()
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-no-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let console = open(pipes, environment: ["PATH": empty.path, "DISPLAY": ":0"])
        #expect(console.copyToClipboard("secret") == nil)
        console.close()
        #expect(pipes.printed() == "")
    }
}
