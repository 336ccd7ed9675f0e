/// The shipped language lists, embedded in the binary at build time (`.embedInCode`), so the
/// `kernsatz` executable needs no resource bundle beside it. Every file under `Resources/` must
/// have its line here; `LanguageListTests` checks that none is missing.
enum EmbeddedLists {
    static func bytes(_ kind: LanguageListKind, language: String) -> [UInt8]? {
        switch (kind, language) {
        case (.abbreviations, "de"): return PackageResources.abbreviations_de_txt
        case (.abbreviations, "en"): return PackageResources.abbreviations_en_txt
        case (.abbreviations, "fr"): return PackageResources.abbreviations_fr_txt
        case (.abbreviations, "nl"): return PackageResources.abbreviations_nl_txt
        case (.abbreviations, "es"): return PackageResources.abbreviations_es_txt
        case (.abbreviations, "it"): return PackageResources.abbreviations_it_txt
        case (.sentenceFinalAbbreviations, "de"): return PackageResources.sentence_final_abbreviations_de_txt
        case (.sentenceFinalAbbreviations, "en"): return PackageResources.sentence_final_abbreviations_en_txt
        case (.sentenceFinalAbbreviations, "fr"): return PackageResources.sentence_final_abbreviations_fr_txt
        case (.sentenceFinalAbbreviations, "nl"): return PackageResources.sentence_final_abbreviations_nl_txt
        case (.sentenceFinalAbbreviations, "es"): return PackageResources.sentence_final_abbreviations_es_txt
        case (.sentenceFinalAbbreviations, "it"): return PackageResources.sentence_final_abbreviations_it_txt
        case (.sentenceStarters, "de"): return PackageResources.sentence_starters_de_txt
        case (.sentenceStarters, "en"): return PackageResources.sentence_starters_en_txt
        case (.sentenceStarters, "fr"): return PackageResources.sentence_starters_fr_txt
        case (.sentenceStarters, "nl"): return PackageResources.sentence_starters_nl_txt
        case (.sentenceStarters, "es"): return PackageResources.sentence_starters_es_txt
        case (.sentenceStarters, "it"): return PackageResources.sentence_starters_it_txt
        case (.ordinalContext, "de"): return PackageResources.ordinal_context_de_txt
        case (.stopwords, "de"): return PackageResources.stopwords_de_txt
        case (.stopwords, "en"): return PackageResources.stopwords_en_txt
        case (.stopwords, "fr"): return PackageResources.stopwords_fr_txt
        case (.stopwords, "nl"): return PackageResources.stopwords_nl_txt
        case (.stopwords, "es"): return PackageResources.stopwords_es_txt
        case (.stopwords, "it"): return PackageResources.stopwords_it_txt
        case (.quotes, "de"): return PackageResources.quotes_de_txt
        case (.quotes, "en"): return PackageResources.quotes_en_txt
        case (.quotes, "fr"): return PackageResources.quotes_fr_txt
        case (.quotes, "nl"): return PackageResources.quotes_nl_txt
        case (.quotes, "es"): return PackageResources.quotes_es_txt
        case (.quotes, "it"): return PackageResources.quotes_it_txt
        default: return nil
        }
    }
}
