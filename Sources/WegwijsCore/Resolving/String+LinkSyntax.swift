extension String {
    /// Whether `]` is directly followed by one of the ASCII characters `followers` somewhere: the quick test of
    /// whether CommonMark may find a link in the text (`](` an inline link, `]:` a reference definition).
    ///
    /// A scan of the bytes: Foundation's `contains` and the standard library's generic one both cost more on a large
    /// site than the parsing this test spares.
    func hasClosingBracket(followedByAnyOf followers: String) -> Bool {
        let followers = Array(followers.utf8)
        var follows = false
        for byte in utf8 {
            if follows, followers.contains(byte) { return true }
            follows = byte == UInt8(ascii: "]")
        }
        return false
    }
}
