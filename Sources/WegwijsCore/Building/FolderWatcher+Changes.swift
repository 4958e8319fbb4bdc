extension FolderWatcher.Snapshot {
    /// The paths of the files that were added, removed or changed between `earlier` and this snapshot.
    public func changedPaths(since earlier: FolderWatcher.Snapshot) -> Set<String> {
        var paths = Set<String>()
        for (path, state) in files where earlier.files[path] != state { paths.insert(path) }
        for path in earlier.files.keys where files[path] == nil { paths.insert(path) }
        return paths
    }
}
