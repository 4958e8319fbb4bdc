import Foundation

extension ContentLoader {
    /// `site` as it would be with the file `displayPath` holding `data` instead: the file is read again as
    /// `load()` reads it, and replaces its part of the site (the title, languages and groups of site.yaml,
    /// the glossary, or one procedure). Nil, with the problems, when the new file would not load cleanly.
    ///
    /// Used to check edits before they are written: nothing on disk is read or changed.
    public func site(_ site: Site, withFile displayPath: String, holding data: Data) -> (site: Site?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let root = YAMLFile.read(data, displayPath: displayPath, diagnostics: &diagnostics) else {
            if !diagnostics.hasErrors { diagnostics.error("empty-file", at: .start(of: displayPath), "the file would be empty") }
            return (nil, diagnostics)
        }
        var result: Site?
        if displayPath == site.file {
            var reader = NodeReader(file: displayPath, languages: [])
            if let header = SiteHeader(root, reader: &reader) {
                result = Site(
                    title: header.title, languages: header.languages, languageLocations: header.languageLocations,
                    groups: header.groups, glossary: site.glossary, procedures: site.procedures, file: site.file,
                    register: header.register, description: header.description, baseURL: header.baseURL, editURL: header.editURL,
                    reportURL: header.reportURL)
            }
            diagnostics.append(contentsOf: reader.diagnostics)
        } else if displayPath == site.glossary.file {
            let glossary = Self.glossary(root, file: displayPath, languages: site.languages, diagnostics: &diagnostics)
            result = Site(
                title: site.title, languages: site.languages, languageLocations: site.languageLocations, groups: site.groups,
                glossary: glossary, procedures: site.procedures, file: site.file, register: site.register,
                description: site.description, baseURL: site.baseURL, editURL: site.editURL, reportURL: site.reportURL)
        } else if let index = site.procedures.firstIndex(where: { $0.file == displayPath }) {
            let old = site.procedures[index]
            var reader = NodeReader(file: displayPath, languages: site.languages)
            if let procedure = ProcedureReader.read(root, id: old.id, group: old.group, reader: &reader) {
                var procedures = site.procedures
                procedures[index] = procedure
                result = Site(
                    title: site.title, languages: site.languages, languageLocations: site.languageLocations, groups: site.groups,
                    glossary: site.glossary, procedures: procedures, file: site.file, register: site.register,
                description: site.description, baseURL: site.baseURL, editURL: site.editURL, reportURL: site.reportURL)
            }
            diagnostics.append(contentsOf: reader.diagnostics)
        } else {
            diagnostics.error("unknown-file", at: .start(of: displayPath), "not a file of the content")
        }
        return (diagnostics.hasErrors ? nil : result, diagnostics)
    }
}
