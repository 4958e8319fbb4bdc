import Foundation
import Testing
import WegwijsTestSupport

@testable import WegwijsCore

/// The print documents are written in pieces, in order, as parallel workers finish them: never assembled whole.
@Suite struct StreamedFileTests {
    /// A file in a fresh temporary folder, which `body` may write; the folder is removed after.
    func withFile(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wegwijs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("document.html"))
    }

    func contents(of url: URL) -> String {
        String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
    }

    @Test func piecesAreWrittenInOrderAsSoonAsThoseBeforeThemAre() throws {
        try withFile { url in
            let file = try StreamedFile(url: url, pieceCount: 4)
            try file.put("<end>", at: 3)
            try file.put("<two>", at: 2)
            let beforeFirst = contents(of: url)
            #expect(beforeFirst == "")
            try file.put("<zero>", at: 0)
            let afterFirst = contents(of: url)
            #expect(afterFirst == "<zero>")
            #expect(file.writtenPieces == 1)
            try file.put("<one>", at: 1)
            let afterAll = contents(of: url)
            #expect(afterAll == "<zero><one><two><end>")
            let bytes = try file.finish()
            #expect(bytes == afterAll.utf8.count)
        }
    }

    @Test func aFileWithAMissingPieceIsNotFinished() throws {
        try withFile { url in
            let file = try StreamedFile(url: url, pieceCount: 3)
            try file.put("<zero>", at: 0)
            try file.put("<two>", at: 2)
            #expect(throws: OutputWriter.Failure.self) { try file.finish() }
            let written = contents(of: url)
            #expect(written == "<zero>")
        }
    }

    @Test func aPrintPartIsWrittenAChapterAtATime() throws {
        let fixture = try ContentFixture(ShowcaseContent.files)
        let session = try #require(fixture.open().session)
        let pieces = PrintPiece.pieces(of: session.site, plainTexts: session.plainTexts, language: "en").map { piece -> String in
            switch piece {
            case .partStart: "part start"
            case .groupStart(let group): "group \(group.id)"
            case .chapter(let procedure): "chapter \(procedure.id)"
            case .groupEnd: "group end"
            case .partEnd: "part end"
            }
        }
        // Groups without procedures (`other`) have no pieces.
        #expect(
            pieces == [
                "part start", "group portal", "chapter add-users", "chapter log-in", "group end",
                "part end",
            ])
    }
}
