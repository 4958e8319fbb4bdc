import Foundation
import Testing
import WegwijsMustache

/// The Mustache specification's required modules, read as data: from the folder `WEGWIJS_MUSTACHE_SPEC`
/// names, else from `shared/mustache-spec/` beside the repository (or beside a folder above it), else from the
/// copy in `Specification/` (the spec's MIT licence with it), which must then match the shared one byte for
/// byte wherever both exist. A missing module fails.
@Suite("The Mustache specification")
struct SpecificationTests {
    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    /// This test folder.
    static var here: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent() }

    /// The copy kept with the tests.
    static var copy: URL { here.appendingPathComponent("Specification", isDirectory: true) }

    /// `shared/mustache-spec` in the nearest folder above the repository that has one.
    static var shared: URL? {
        var folder = here.deletingLastPathComponent().deletingLastPathComponent()
        while folder.path != "/" {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("shared/mustache-spec", isDirectory: true)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("sections.json").path) {
                return candidate
            }
        }
        return nil
    }

    /// The folder the spec's JSON files are read from.
    static var folder: URL {
        if let path = ProcessInfo.processInfo.environment["WEGWIJS_MUSTACHE_SPEC"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return shared ?? copy
    }

    @Test("the copy kept with the tests is the shared spec's", arguments: modules)
    func copyMatchesTheSharedSpec(_ module: String) throws {
        let kept = try Data(contentsOf: Self.copy.appendingPathComponent("\(module).json"))
        guard let shared = Self.shared else { return }
        #expect(try Data(contentsOf: shared.appendingPathComponent("\(module).json")) == kept, "update Specification/\(module).json")
    }

    /// Every test of every required module; a module that cannot be read is one failing case.
    static let cases: [SpecCase] = modules.flatMap { module -> [SpecCase] in
        let url = folder.appendingPathComponent("\(module).json")
        do {
            let file = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
            return file.tests.map { SpecCase(module: module, test: $0, problem: nil) }
        } catch {
            return [SpecCase(module: module, test: nil, problem: "\(url.path) could not be read: \(error)")]
        }
    }

    @Test("every required module is there and read", arguments: modules)
    func moduleIsPresent(_ module: String) {
        let tests = Self.cases.filter { $0.module == module }
        #expect(tests.allSatisfy { $0.problem == nil }, "\(tests.compactMap(\.problem))")
        #expect(tests.count >= 10, "\(module) has \(tests.count) tests")
    }

    @Test("all 136 tests of the required modules are there")
    func count() {
        #expect(Self.cases.filter { $0.problem == nil }.count == 136)
    }

    @Test(arguments: cases)
    func specification(_ spec: SpecCase) throws {
        let test = try #require(spec.test, "\(spec.problem ?? "")")
        var library = TemplateLibrary(escape: .html)
        try library.add(test.template, named: "test")
        for (name, source) in test.partials ?? [:] {
            try library.add(source, named: name)
        }
        let output = library.render("test", with: test.data.templateValue)
        #expect(output == test.expected, "\(test.desc)")
    }
}

/// One test of the spec, named by its module and name in the test report.
struct SpecCase: Sendable, CustomTestStringConvertible {
    let module: String
    let test: SpecTest?
    let problem: String?

    var testDescription: String { "\(module): \(test?.name ?? "unreadable")" }
}

struct SpecFile: Decodable {
    let tests: [SpecTest]
}

struct SpecTest: Decodable, Sendable {
    let name: String
    let desc: String
    let data: JSONValue
    let template: String
    let expected: String
    let partials: [String: String]?
}

/// A JSON value as the spec's data gives it.
enum JSONValue: Decodable, Sendable {
    case bool(Bool), integer(Int), decimal(Double), string(String), array([JSONValue]), object([String: JSONValue]), null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .decimal(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value as a template sees it. Strings are markup: the spec expects `{{{x}}}` to insert them as
    /// they are, which this engine does for markup only (plain text is escaped everywhere).
    var templateValue: TemplateValue {
        switch self {
        case .bool(let value): .bool(value)
        case .integer(let value): .integer(value)
        case .decimal(let value): .decimal(value)
        case .string(let value): .markup(value)
        case .array(let items): .list(items.map(\.templateValue))
        case .object(let fields): .object(JSONObject(fields: fields.mapValues(\.templateValue)))
        case .null: .null
        }
    }
}

/// A JSON object as a template model.
struct JSONObject: TemplateObject {
    let fields: [String: TemplateValue]

    func value(forKey key: String) -> TemplateValue? { fields[key] }
}
