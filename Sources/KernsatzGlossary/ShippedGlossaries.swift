/// The glossaries in the repository's `Glossaries/` folder, embedded in the binary at build time
/// (`Resources/glossaries` is a symbolic link to it), so `kernsatz` finds them wherever it runs.
public enum ShippedGlossaries {
    /// File name and bytes of each shipped glossary.
    static var files: [(name: String, bytes: [UInt8])] {
        [("de-en/sicherheitspolitik.tbx", PackageResources.sicherheitspolitik_tbx)]
    }

    /// The names of the shipped glossaries ("de-en/sicherheitspolitik.tbx").
    public static var names: [String] { files.map(\.name) }

    /// The languages the shipped glossaries have terms in, each of which can be read as the source.
    public static let languages = ["de", "en", "fr"]

    /// The shipped glossaries read from each of `languages` as the source (the German one first):
    /// for a French text, its French terms with their German and English translations.
    public static func glossaries() throws(GlossaryError) -> [Glossary] {
        var all: [Glossary] = []
        for language in languages {
            let glossary = try glossary(sourceLanguage: language)
            if !glossary.entries.isEmpty { all.append(glossary) }
        }
        return all
    }

    /// The shipped glossaries as one.
    /// - Throws: `GlossaryError` when a shipped file is broken (a test keeps that from happening).
    public static func glossary(sourceLanguage: String = "de") throws(GlossaryError) -> Glossary {
        var glossaries: [Glossary] = []
        let reader = GlossaryReader(sourceLanguage: sourceLanguage)
        for file in files {
            let (glossary, problems) = reader.parse(file.bytes, format: GlossaryFormat(path: file.name) ?? .tbx, source: "Glossaries/" + file.name)
            if let error = problems.first(where: { !$0.isWarning }) { throw error }
            if let glossary { glossaries.append(glossary) }
        }
        var merged = Glossary.merged(glossaries)
        merged.name = "shipped"
        return merged
    }
}
