import Foundation

/// The WeasyPrint program, which lays out the print documents (CSS Paged Media) as PDF.
///
/// It runs as a child process, without a shell; what it writes to standard error is kept, and a failure
/// becomes a ``Failure`` with WeasyPrint's own last word, never a Python stack trace. A PDF is written to a
/// hidden file beside its place and renamed into place only when WeasyPrint succeeded.
public struct WeasyPrint: Sendable {
    /// The program.
    public let executable: URL

    /// What to install when WeasyPrint is missing, one line per system.
    public static let installAdvice = [
        "Debian or Ubuntu: apt-get install weasyprint",
        "macOS: brew install weasyprint",
        "elsewhere: pip install weasyprint",
    ]

    /// WeasyPrint at `executable`.
    public init(executable: URL) {
        self.executable = executable
    }

    /// The `weasyprint` found on the `PATH` of `environment`; nil when it is not installed.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> WeasyPrint? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("weasyprint")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return WeasyPrint(executable: candidate)
            }
        }
        return nil
    }

    /// Why a PDF could not be made.
    public struct Failure: Error, Sendable {
        /// One line: what failed.
        public var message: String
        /// What WeasyPrint said about it.
        public var notes: [String]
    }

    /// What WeasyPrint said while making one PDF that succeeded (warnings, such as a figure it could not load).
    public struct Report: Sendable {
        /// The PDF, relative to the output folder.
        public var path: String
        /// WeasyPrint's messages, one per line.
        public var messages: [String]
    }

    /// Makes the PDF of each print document in `documents` (paths relative to `root`, `print/en.html`), up to
    /// one per core at a time; messages name files under `displayRoot` (the output folder as the user named it).
    /// Throws the first failure, in `documents` order, after all have ended; PDFs already made stay (the
    /// caller decides), a failed one leaves nothing.
    public func makePDFs(of documents: [String], in root: URL, shownAs displayRoot: String) throws(Failure) -> [Report] {
        let weasyPrint = self
        let results = ParallelMap.map(documents.count) { index -> Result<Report, Failure> in
            let document = documents[index]
            let name = "\(displayRoot)/\(PrintedGuide.pdfPath(of: document))"
            return Result { () throws(Failure) in
                let messages = try weasyPrint.makePDF(of: root.appendingPathComponent(document), named: name)
                return Report(path: PrintedGuide.pdfPath(of: document), messages: messages)
            }
        }
        return try results.map { result throws(Failure) in try result.get() }
    }

    /// Lays out the HTML file `document` as the PDF beside it; returns what WeasyPrint wrote to standard error.
    /// `name` is the PDF as messages show it.
    func makePDF(of document: URL, named name: String) throws(Failure) -> [String] {
        let target = document.deletingPathExtension().appendingPathExtension("pdf")
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial")
        try? FileManager.default.removeItem(at: partial)
        let process = Process()
        process.executableURL = executable
        // A tagged PDF (its structure, and the document's language as /Lang), for screen readers: see README.
        process.arguments = [document.path, partial.path] + Self.options
        process.currentDirectoryURL = document.deletingLastPathComponent()
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(
                message: "cannot start WeasyPrint ('\(executable.path)') for '\(name)'", notes: [error.localizedDescription])
        }
        let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let messages = Self.messages(in: String(decoding: errorData, as: UTF8.self))
        let size = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int) ?? 0
        guard process.terminationReason == .exit, process.terminationStatus == 0, size > 0 else {
            try? FileManager.default.removeItem(at: partial)
            let how =
                process.terminationReason == .uncaughtSignal
                ? "was stopped by signal \(process.terminationStatus)"
                : process.terminationStatus == 0 ? "wrote no PDF" : "failed (exit status \(process.terminationStatus))"
            throw Failure(message: "WeasyPrint \(how) making '\(name)'", notes: Self.explanation(of: messages))
        }
        // rename(2) puts the whole PDF in place at once, replacing an older one.
        guard rename(partial.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: partial)
            throw Failure(message: "cannot write '\(name)'", notes: [reason])
        }
        return messages
    }

    /// What WeasyPrint is asked for besides the document and the PDF: the PDF/UA-1 variant, which makes it
    /// write a tagged PDF (WeasyPrint 57 calls the variant experimental).
    static let options = ["--pdf-variant", "pdf/ua-1"]

    /// The non-empty lines of WeasyPrint's standard error, but its notice that PDF/UA is experimental, which
    /// every run would repeat.
    static func messages(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !($0.contains("PDF/UA support is experimental")) }
    }

    /// What to show of a failed run's messages: a Python stack trace is reduced to its last line, the error
    /// itself; otherwise the last few lines.
    static func explanation(of messages: [String]) -> [String] {
        if let trace = messages.firstIndex(of: "Traceback (most recent call last):"), let error = messages.last, trace < messages.count - 1 {
            return Array(messages[..<trace].suffix(3)) + [error]
        }
        return messages.isEmpty ? ["WeasyPrint said nothing about why."] : Array(messages.suffix(6))
    }
}
