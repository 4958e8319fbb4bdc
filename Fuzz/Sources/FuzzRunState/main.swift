import FuzzSupport
import Foundation
@testable import WegwijsCore
@testable import WegwijsTerminal

// One state file, as the runner finds it in the state folder: read (or set aside), then resumed and shown
// through the plain runner until the script runs out.
let site = FuzzSite.shared
let session = site.session
let procedure = session.site.procedure("add-users")!
let plan = RunPlan(procedure: procedure, site: session.site)
let store = RunStateStore(folder: site.scratch.appendingPathComponent("state"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRunState(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    try? FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
    try? fuzzInput(data, size).write(to: store.stateURL("add-users"))
    let console = FuzzConsole(
        capabilities: .init(usesColor: false, supportsHyperlinks: false, isInteractive: false, width: 40),
        script: [.line(""), .line("b"), .line("q")])
    _ = RunDriver(
        session: session, plan: plan, console: console, store: store,
        options: .init(language: "nl", presets: [:], restart: false, recordFile: nil, user: "fuzz"),
        clock: { Date(timeIntervalSince1970: 1_800_000_000) }
    ).start()
    // Set-aside copies would fill the scratch folder.
    for name in (try? FileManager.default.contentsOfDirectory(atPath: store.folder.path)) ?? [] {
        try? FileManager.default.removeItem(at: store.folder.appendingPathComponent(name))
    }
    return 0
}
