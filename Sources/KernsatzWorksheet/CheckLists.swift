/// The translation check's language data: `Resources/check/*.txt`, UTF-8, tab-separated fields,
/// `#` comments, embedded at build time.
struct CheckLists: Sendable {
    /// One suffix rule: a word ending in `ending` ("" for any) may end in `replacement` instead.
    struct Suffix: Sendable {
        var ending: String
        var replacement: String
    }

    /// By target language: suffix rules and spelling pairs.
    var suffixes: [String: [Suffix]] = [:]
    var spellings: [String: [(String, String)]] = [:]
    /// Language → word allowed twice in a row → the words after which it is (nil: anywhere).
    var doubledWords: [String: [String: Set<String>?]] = [:]
    /// (source, target, lowest, highest), `*` for any language.
    var ratios: [(String, String, Double, Double)] = []
    /// (language, name, language, name).
    var names: [(String, String, String, String)] = []
    /// Language → unit words after which a number keeps its sign (temperatures), and the words
    /// that say a number is below zero (`signed-units.txt`).
    var signedUnits: [String: [String]] = [:]
    var belowZero: [String: [[String]]] = [:]
    /// Language → elided articles and prepositions before a name („l'“ of „l'OTAN“).
    var elisions: [String: Set<String>] = [:]
    /// Names every language writes the same way (agencies, companies, media), each as its words
    /// (`kept-names.txt`).
    var keptNames: [[String]] = []
    /// Region codes whose ICU display names are place names („Europa“).
    var regions: [String] = []
    /// Language → word → value.
    var numberWords: [String: [String: Double]] = [:]
    /// Language → scale suffix written onto the digits ("bn" of "3.5bn") → factor.
    var scaleSuffixes: [String: [String: Double]] = [:]

    static let shortestRatioSource = 25

    static func shipped() throws(WorksheetError) -> CheckLists {
        var lists = CheckLists()
        for (language, bytes) in [("en", PackageResources.inflection_en_txt), ("de", PackageResources.inflection_de_txt),
                                  ("fr", PackageResources.inflection_fr_txt)] {
            for (fields, line) in try rows(bytes, file: "inflection.\(language).txt", fields: 3) {
                switch fields[0] {
                case "suffix":
                    lists.suffixes[language, default: []].append(Suffix(ending: fields[1] == "-" ? "" : fields[1], replacement: fields[2]))
                case "spelling":
                    lists.spellings[language, default: []].append((fields[1], fields[2]))
                default:
                    throw WorksheetError(.badCheckList(file: "inflection.\(language).txt", line: line,
                                                       reason: "'\(fields[0])' is neither suffix nor spelling"))
                }
            }
        }
        for (fields, _) in try rows(PackageResources.doubled_words_txt, file: "doubled-words.txt", fields: 3) {
            let context: Set<String>? = fields[2] == "*" ? nil : Set(fields[2].split(separator: " ").map(String.init))
            lists.doubledWords[fields[0], default: [:]][fields[1]] = .some(context)
        }
        for (fields, line) in try rows(PackageResources.length_ratios_txt, file: "length-ratios.txt", fields: 4) {
            guard let low = Double(fields[2]), let high = Double(fields[3]), low < high else {
                throw WorksheetError(.badCheckList(file: "length-ratios.txt", line: line, reason: "the bounds are not two increasing numbers"))
            }
            lists.ratios.append((fields[0], fields[1], low, high))
        }
        for (fields, _) in try rows(PackageResources.regions_txt, file: "regions.txt", fields: 1) {
            lists.regions.append(fields[0])
        }
        for (fields, line) in try rows(PackageResources.signed_units_txt, file: "signed-units.txt", fields: 3) {
            switch fields[0] {
            case "unit": lists.signedUnits[fields[1], default: []].append(fields[2])
            case "below": lists.belowZero[fields[1], default: []].append(fields[2].split(separator: " ").map(String.init))
            default:
                throw WorksheetError(.badCheckList(file: "signed-units.txt", line: line, reason: "'\(fields[0])' is neither unit nor below"))
            }
        }
        for (fields, _) in try rows(PackageResources.elisions_txt, file: "elisions.txt", fields: 2) {
            lists.elisions[fields[0], default: []].insert(fields[1])
        }
        for (fields, _) in try rows(PackageResources.kept_names_txt, file: "kept-names.txt", fields: 1) {
            let scalars = Array(fields[0].unicodeScalars)
            lists.keptNames.append(CheckText.words(scalars).map { CheckText.string(scalars, $0.start..<$0.end) })
        }
        for (fields, _) in try rows(PackageResources.names_txt, file: "names.txt", fields: 4) {
            lists.names.append((fields[0], fields[1], fields[2], fields[3]))
        }
        for (fields, line) in try rows(PackageResources.number_words_txt, file: "number-words.txt", fields: 3) {
            guard let value = Double(fields[2]) else {
                throw WorksheetError(.badCheckList(file: "number-words.txt", line: line, reason: "'\(fields[2])' is not a number"))
            }
            if fields[1].hasPrefix("+") {
                lists.scaleSuffixes[fields[0], default: [:]][String(fields[1].dropFirst())] = value
            } else {
                lists.numberWords[fields[0], default: [:]][fields[1]] = value
            }
        }
        return lists
    }

    /// The bounds for a language pair (primary subtags).
    func ratioBounds(from source: String, to target: String) -> (Double, Double) {
        for (s, t, low, high) in ratios where (s == "*" || s == source) && (t == "*" || t == target) { return (low, high) }
        return (0.45, 2.2)
    }

    private static func rows(_ bytes: [UInt8], file: String, fields count: Int) throws(WorksheetError) -> [([String], Int)] {
        var rows: [([String], Int)] = []
        for (index, raw) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == count, fields.allSatisfy({ !$0.isEmpty }) else {
                throw WorksheetError(.badCheckList(file: file, line: index + 1, reason: "expected \(count) tab-separated fields"))
            }
            rows.append((fields, index + 1))
        }
        return rows
    }
}
