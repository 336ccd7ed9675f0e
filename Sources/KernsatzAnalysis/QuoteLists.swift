import KernsatzSegmentation

/// The language data of quote detection: `Resources/quotes/<kind>.<lang>.txt`, UTF-8 NFC, one entry
/// per line, `#` comments. Embedded at build time (`.embedInCode`); every file must have its line
/// in `QuoteLists.bytes`, which `QuoteListTests` checks.
public enum QuoteListKind: String, CaseIterable, Sendable {
    /// Verbs of saying („sagte“, „fügte+hinzu“: a separable verb's particle after `+`; `=so`: a word
    /// that introduces a speaker without being a verb).
    case speechVerbs = "speech-verbs"
    /// Finite forms that mark reported speech (Konjunktiv I: „sei“, „habe“).
    case subjunctive
    /// Pronouns that name a speaker; `!` marks those that never do („es“).
    case pronouns
    /// Words before quotation marks that make the quoted words a name or term („sogenannt*“, „Zeitung“).
    case titleCues = "title-cues"
    /// Roles and titles before a speaker's name, matched against word ends („präsident“).
    case speakerRoles = "speaker-roles"
    /// Auxiliaries before a participle of saying („a déclaré“).
    case auxiliaries
    /// Articles that open a speaker phrase („der 58-Jährige“).
    case determiners
    /// Lowercase words inside personal names („von der“ in „Ursula von der Leyen“).
    case nameParticles = "name-particles"
    /// Words opening the sentence after a quotation that point back to it („Das sagte Rutte.“).
    case anaphora
    /// Conjunctions that join a new main clause after a comma („…, und verließ den Saal“).
    case coordinators
}

enum QuoteLists {
    /// The languages with quote attribution data.
    static let languages = ["de", "en", "fr"]

    static func bytes(_ kind: QuoteListKind, language: String) -> [UInt8]? {
        switch (kind, language) {
        case (.auxiliaries, "fr"): return PackageResources.auxiliaries_fr_txt
        case (.pronouns, "de"): return PackageResources.pronouns_de_txt
        case (.pronouns, "en"): return PackageResources.pronouns_en_txt
        case (.pronouns, "fr"): return PackageResources.pronouns_fr_txt
        case (.speakerRoles, "de"): return PackageResources.speaker_roles_de_txt
        case (.speakerRoles, "en"): return PackageResources.speaker_roles_en_txt
        case (.speakerRoles, "fr"): return PackageResources.speaker_roles_fr_txt
        case (.speechVerbs, "de"): return PackageResources.speech_verbs_de_txt
        case (.speechVerbs, "en"): return PackageResources.speech_verbs_en_txt
        case (.speechVerbs, "fr"): return PackageResources.speech_verbs_fr_txt
        case (.subjunctive, "de"): return PackageResources.subjunctive_de_txt
        case (.titleCues, "de"): return PackageResources.title_cues_de_txt
        case (.titleCues, "en"): return PackageResources.title_cues_en_txt
        case (.titleCues, "fr"): return PackageResources.title_cues_fr_txt
        case (.determiners, "de"): return PackageResources.determiners_de_txt
        case (.determiners, "en"): return PackageResources.determiners_en_txt
        case (.determiners, "fr"): return PackageResources.determiners_fr_txt
        case (.nameParticles, "de"): return PackageResources.name_particles_de_txt
        case (.nameParticles, "en"): return PackageResources.name_particles_en_txt
        case (.nameParticles, "fr"): return PackageResources.name_particles_fr_txt
        case (.anaphora, "de"): return PackageResources.anaphora_de_txt
        case (.anaphora, "en"): return PackageResources.anaphora_en_txt
        case (.anaphora, "fr"): return PackageResources.anaphora_fr_txt
        case (.coordinators, "de"): return PackageResources.coordinators_de_txt
        default: return nil
        }
    }

    /// The entries of a shipped list (comments, blank lines dropped, trimmed); empty when none.
    static func entries(_ kind: QuoteListKind, language: String) -> [String] {
        guard let bytes = bytes(kind, language: language) else { return [] }
        return LanguageList.entries(parsing: bytes)
    }

    /// The files under `Resources/quotes/`, relative to it.
    static func fileName(_ kind: QuoteListKind, language: String) -> String { "\(kind.rawValue).\(language).txt" }
}
