import FuzzSupport
import Foundation
@testable import WegwijsCore

// One PO file, as `po import` reads it: read, written back and read again (the two readings must agree),
// then planned against the fixed site in both languages and, for what the plan would change, edited into
// the YAML files in memory and checked as the import checks before writing (nothing is written).
let site = FuzzSite.shared
let importer = TranslationImporter(session: site.session)

/// A catalogue's entries without their lines, which differ between a file and the same file written back.
func comparable(_ catalog: POCatalog) -> [POEntry] {
    catalog.entries.map { entry in
        var entry = entry
        entry.line = 0
        return entry
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPOReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (catalog, _) = POReader.read(fuzzInput(data, size), file: "fuzz.po")
    guard let catalog else { return 0 }

    // What Wegwijs reads, Wegwijs writes so that it reads the same again.
    let written = POWriter.text(of: catalog)
    let (again, problems) = POReader.read(Data(written.utf8), file: "written.po")
    guard let again else { fatalError("a catalogue written back does not read: \(problems.sorted.map(\.headline))") }
    guard comparable(again) == comparable(catalog), again.header.map(\.name) == catalog.header.map(\.name),
        again.header.map(\.value) == catalog.header.map(\.value), again.headerComments == catalog.headerComments
    else { fatalError("a catalogue written back reads differently:\n\(written)") }

    for language in ["nl", "en"] {
        let plan = importer.plan(catalog.exchangedTranslations(file: "fuzz.po"), language: language)
        guard !plan.changes.isEmpty else { continue }
        var update = ContentUpdate(session: site.session)
        update.changes = plan.changes
        // Any text a translator may type is written into the YAML so that it reads back as typed, or the
        // update refuses it ("cannot change the text"); a file that would not load or a text that would come
        // back different is a bug in the editor, caught here before it could reach a real file.
        for problem in update.prepare().diagnostics.all where problem.severity == .error {
            guard problem.summary.hasPrefix("cannot change the text") else {
                fatalError("import check failed: \(problem.headline)\n\(problem.notes.joined(separator: "\n"))")
            }
        }
    }
    return 0
}
