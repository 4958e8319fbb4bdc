internal import CStemmer

/// One of Snowball's stemmers (libstemmer): a word's stem, the part its forms share ("approve", "approving"
/// and "approved" are all "approv"; "gebruikers" is "gebruiker").
///
/// The only user of the C library. A stemmer keeps its state between calls, so one serves one thread: each
/// build job makes its own (making one takes a few small allocations).
final class Stemmer {
    private let stemmer: OpaquePointer

    /// The stemmer of Snowball's algorithm `algorithm` ("english", "dutch", or a language code libstemmer
    /// knows), or nil when libstemmer has no such algorithm.
    init?(algorithm: String) {
        // libstemmer takes the names in lower case only; nil means UTF-8.
        guard !algorithm.isEmpty, let stemmer = sb_stemmer_new(algorithm, nil) else { return nil }
        self.stemmer = stemmer
    }

    deinit {
        sb_stemmer_delete(stemmer)
    }

    /// The stem of `word`, which should be in lower case (Snowball's algorithms expect it); `word` itself
    /// when libstemmer fails (it returns nil only when out of memory).
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            guard let base = bytes.baseAddress, let stem = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            // The stem is the stemmer's own buffer, valid until its next call: copied at once.
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: stem, count: length), as: UTF8.self)
        }
    }

    /// The names of the algorithms libstemmer has ("arabic", …, "dutch", "english", …), sorted.
    static let algorithms: [String] = {
        var names: [String] = []
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.append(String(cString: name))
            list += 1
        }
        return names.sorted()
    }()
}
