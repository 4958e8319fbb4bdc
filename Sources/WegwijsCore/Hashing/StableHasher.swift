/// FNV-1a, 64 bits: a hash that is the same in every process and on every machine (Swift's `Hasher` is seeded per process).
struct StableHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01B3
        }
        state ^= 0xFF
        state &*= 0x0000_0100_0000_01B3
    }

    /// Adds `bytes`, then a separator, as ``combine(_:)-(String)`` does for text.
    mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01B3
        }
        state ^= 0xFF
        state &*= 0x0000_0100_0000_01B3
    }

    /// Adds the eight bytes of `value`.
    mutating func combine(_ value: UInt64) {
        var value = value.littleEndian
        withUnsafeBytes(of: &value) { combine(bytes: $0) }
    }

    /// The hash so far.
    var value: UInt64 { state }

    var hexDigest: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
