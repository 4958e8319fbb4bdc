/// One record of what `read(2)` on an inotify descriptor answers: `struct inotify_event` (wd, mask, cookie,
/// len: four 32-bit fields) followed by `len` bytes of name, NUL-padded, so that records follow each other
/// without gaps but not necessarily aligned for the reader: fields are loaded unaligned.
struct InotifyEvent: Equatable, Sendable {
    /// The watch the event is for.
    var watch: Int32
    /// The event's bits (`IN_…`).
    var mask: UInt32
    /// Pairs an `IN_MOVED_FROM` with its `IN_MOVED_TO`.
    var cookie: UInt32
    /// The name in the watched folder, empty for an event about the folder itself.
    var name: String

    /// The size of the fixed part of a record.
    static let headerSize = 16

    /// The records in `bytes`, in order; a truncated last record (which the kernel never writes) or a name
    /// longer than what is left ends the list rather than reading past the buffer.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while bytes.count - offset >= headerSize {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard length <= bytes.count - nameStart else { break }
            let nameBytes = bytes[nameStart..<(nameStart + length)]
            let end = nameBytes.firstIndex(of: 0) ?? nameBytes.endIndex
            let name = String(decoding: bytes[nameStart..<end], as: UTF8.self)
            events.append(InotifyEvent(watch: watch, mask: mask, cookie: cookie, name: name))
            offset = nameStart + length
        }
        return events
    }
}
