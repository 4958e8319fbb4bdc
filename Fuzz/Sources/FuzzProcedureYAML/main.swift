import FuzzSupport
import Foundation
@testable import WegwijsCore
@testable import WegwijsTerminal

// One procedure file, from bytes to the model and, when valid, to pages and a run: the loader (YAMLFile,
// YAMLAliasBudget, NodeReader, ProcedureReader, figure paths), the validator with positions mapped back
// into the file (TextPositionMapper), the page renderers and the runner at a narrow width.
let site = FuzzSite.shared
let fileURL = site.scratch.appendingPathComponent("content/procedures/portal/fuzzed.yaml")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProcedureYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    try? fuzzInput(data, size).write(to: fileURL)
    let session = site.session
    let pending = ContentLoader.PendingFile(
        url: fileURL, displayPath: session.loader.displayPath("procedures/portal/fuzzed.yaml"), id: "fuzzed", group: "portal")
    let (loaded, loadDiagnostics) = session.loader.loadProcedure(pending, languages: session.site.languages)
    guard let procedure = loaded else { return 0 }
    let fuzzedSite = site.adding(procedure)
    let plainTexts = PlainTexts(site: fuzzedSite)
    let diagnostics = Validator(
        site: fuzzedSite, strings: session.strings, files: ContentFiles(loader: session.loader), plainTexts: plainTexts
    ).validate()
    for diagnostic in diagnostics.all + loadDiagnostics.all {
        _ = DiagnosticFormatter(usesColor: true, sourceLine: { _ in String(repeating: "x", count: 300) }).text(diagnostic)
    }
    guard !diagnostics.hasErrors, !loadDiagnostics.hasErrors else { return 0 }
    for format in OutputFormat.allCases {
        for language in fuzzedSite.languages {
            let renderer = PageRenderer(
                site: fuzzedSite, strings: session.strings, templates: site.templates, plainTexts: plainTexts,
                language: language, format: format)
            _ = renderer.procedurePage(procedure)
        }
    }
    let fuzzedSession = ContentSession(
        site: fuzzedSite, strings: session.strings, plainTexts: plainTexts, files: session.files, loader: session.loader,
        translationRecords: session.translationRecords)
    let plan = RunPlan(procedure: procedure, site: fuzzedSite)
    let console = FuzzConsole(
        capabilities: .init(usesColor: true, supportsHyperlinks: true, isInteractive: false, width: 30),
        script: [.line("y"), .line("123"), .line(""), .line("l"), .line("r"), .line(""), .line("b"), .line("q")])
    let store = RunStateStore(folder: site.scratch.appendingPathComponent("state"))
    _ = RunDriver(
        session: fuzzedSession, plan: plan, console: console, store: store,
        options: .init(language: "en", presets: [:], restart: true, recordFile: nil, user: "fuzz"),
        clock: { Date(timeIntervalSince1970: 1_800_000_000) }
    ).start()
    return 0
}
