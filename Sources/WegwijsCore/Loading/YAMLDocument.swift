/// A YAML document read from libyaml's events: the events, and the bytes of every scalar's value.
struct YAMLDocument: Sendable {
    /// The node events, the root's first.
    var events: [YAMLEvent] = []
    /// Every scalar's value, one after the other.
    var values: [UInt8] = []

    /// The root node, or nil for a stream without a document.
    var root: YAMLNode? { events.isEmpty ? nil : YAMLNode(document: self, index: 0) }

    /// The value of the scalar event at `index`.
    func value(at index: Int) -> String {
        let event = events[index]
        let start = Int(event.valueStart)
        return values.withUnsafeBufferPointer { buffer in
            String(decoding: buffer[start..<(start + Int(event.valueCount))], as: UTF8.self)
        }
    }

    /// The index of the event after the node at `index` and everything inside it.
    func indexAfter(_ index: Int) -> Int {
        let event = events[index]
        return event.kind == .sequenceStart || event.kind == .mappingStart ? Int(event.link) + 1 : index + 1
    }
}
