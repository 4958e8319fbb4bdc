import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ContentLoader {
    /// What reading each procedure file gave, kept between the loads of a site that stays loaded (``LiveSite``):
    /// a file whose identity is unchanged, read for the same languages, is not read again.
    public struct Cache: Sendable {
        /// One file's reading.
        struct Entry: Sendable {
            var identity: FileIdentity
            var languages: [String]
            var procedure: Procedure?
            var diagnostics: Diagnostics
            /// The hash of the file's bytes.
            var digest: UInt64
            /// The hashes of every word of the file that could be a procedure id, sorted: the ids its texts, includes
            /// and requirements can name (more, never fewer), for finding what an edit of another file can change.
            var idWords: [UInt64]
        }

        /// The entries, by the file's display path.
        var entries: [String: Entry] = [:]

        public init() {}

        /// Forgets every file (a change the cache cannot judge: site.yaml, a figure, a file system overflow).
        public mutating func removeAll() { entries.removeAll() }

        /// The hash of the bytes of the procedure file `displayPath` as last read, and its id words.
        func reading(of displayPath: String) -> (digest: UInt64, idWords: [UInt64])? {
            entries[displayPath].map { ($0.digest, $0.idWords) }
        }

        /// The hash of `id` as ``Entry/idWords`` holds the words.
        static func wordHash(_ id: some StringProtocol) -> UInt64 {
            var hasher = StableHasher()
            hasher.combine(String(id))
            return hasher.value
        }

        /// The sorted hashes of the runs of lowercase letters, digits and hyphens in `bytes` (ASCII letters folded
        /// to lowercase): every procedure id the file can name is one of them.
        static func idWords(of bytes: Data) -> [UInt64] {
            var words = Set<UInt64>()
            var word: [UInt8] = []
            func finish() {
                if !word.isEmpty, let text = String(bytes: word, encoding: .utf8) { words.insert(wordHash(text)) }
                word.removeAll(keepingCapacity: true)
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                    word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    word.append(byte + 32)
                default:
                    finish()
                }
            }
            finish()
            return words.sorted()
        }
    }

    /// Reads `files` (in parallel), reusing `cache`'s readings of files that did not change, and keeps the cache
    /// to the files given.
    func loadProcedures(_ files: [PendingFile], languages: [String], cache: inout Cache) -> [(Procedure?, Diagnostics)] {
        let identities = files.map { FileIdentity(path: $0.url.path) }
        let stale = files.indices.filter { index in
            guard let entry = cache.entries[files[index].displayPath], let identity = identities[index] else { return true }
            return entry.identity != identity || entry.languages != languages
        }
        let loader = self
        let read = ParallelMap.map(stale.count) { position in
            let file = files[stale[position]]
            // The bytes hashed are read apart from the parse: a file that changes in between has a new identity
            // (taken before either), so the next load reads it again.
            let bytes = (try? Data(contentsOf: file.url)) ?? Data()
            var hasher = StableHasher()
            hasher.combine(bytes: bytes)
            let (procedure, diagnostics) = loader.loadProcedure(file, languages: languages)
            return (procedure, diagnostics, hasher.value, Cache.idWords(of: bytes))
        }
        for (position, index) in stale.enumerated() {
            let (procedure, diagnostics, digest, idWords) = read[position]
            cache.entries[files[index].displayPath] = Cache.Entry(
                identity: identities[index] ?? FileIdentity(), languages: languages, procedure: procedure, diagnostics: diagnostics,
                digest: digest, idWords: idWords)
        }
        let kept = Set(files.map(\.displayPath))
        cache.entries = cache.entries.filter { kept.contains($0.key) }
        return files.map { file in
            guard let entry = cache.entries[file.displayPath] else { return (nil, Diagnostics()) }
            return (entry.procedure, entry.diagnostics)
        }
    }
}

/// What tells a file's version apart without reading it: device, inode, size, and modification and status-change
/// times to the nanosecond (a rename over it, as editors save, gives a new inode; a write, new times).
struct FileIdentity: Sendable, Hashable {
    var device: UInt64 = 0
    var inode: UInt64 = 0
    var size: Int64 = -1
    var modified: Int64 = 0
    var changed: Int64 = 0

    init() {}

    /// The identity of the file at `path` (following links), or nil when it cannot be read.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        #if canImport(Darwin)
        modified = Int64(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(status.st_mtimespec.tv_nsec)
        changed = Int64(status.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(status.st_ctimespec.tv_nsec)
        #else
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
        #endif
    }
}
