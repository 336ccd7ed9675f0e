import Foundation
import Kernsatz

/// Which language a text is translated into, by the text's own language: what `--to` gives
/// `worksheet` and `batch`. Either one target for every source language (`en`), or pairs
/// `source:target` (`de:en,en:de,fr:en`), optionally with one plain language for the rest
/// (`en:de,en` — English texts into German, all others into English). Source languages are compared
/// by their primary subtag (`de` covers de-AT and de-CH); targets are kept as given (`en-GB`).
///
/// A text gets no worksheet when its language is its target's (an English text with `--to en`) or
/// when the pairs name no target for it; ``skipReason(for:)`` says why, in words for the log and report.
///
///     let targets = try TargetLanguages(parsing: "de:en,en:de")
///     targets.target(for: "de-AT")     // "en"
///     targets.target(for: "fr")        // nil
///     targets.skipReason(for: "fr")    // "no target language for 'fr' texts in --to de:en,en:de; add one (e.g. --to de:en,en:de,fr:en)"
///     try TargetLanguages(parsing: "de:")  // throws: "--to 'de:': 'de:' has no target language after the colon; write it as de:en"
public struct TargetLanguages: Sendable, Equatable, CustomStringConvertible {
    /// One source → target pair.
    public struct Pair: Sendable, Equatable {
        /// The source language's primary subtag, lowercased ("de").
        public var source: String
        /// The target language as given ("en", "en-GB").
        public var target: String
    }

    /// The pairs in the order given.
    public var pairs: [Pair]
    /// The target of every source language the pairs do not name; nil when there is none.
    public var fallback: String?

    /// Every source language into `target` (`--to en`).
    public init(all target: String) {
        pairs = []
        fallback = target
    }

    /// Parses `en`, `de:en,en:de,fr:en` or `en:de,en` (white space around items is allowed).
    /// - Throws: `WorksheetError` (`.targetLanguages`) naming the item that is wrong and how to write it.
    public init(parsing text: String) throws(WorksheetError) {
        pairs = []
        fallback = nil
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw WorksheetError.targetLanguages(text, "give a target language (--to en) or pairs of source:target (--to de:en,en:de)") }
        for raw in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let item = raw.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { throw WorksheetError.targetLanguages(text, "an empty item between commas; write pairs as de:en,fr:en") }
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            switch parts.count {
            case 1:
                try Self.check(item, in: text, item: item)
                if let fallback {
                    throw WorksheetError.targetLanguages(text, "two targets for all languages ('\(fallback)' and '\(item)'); keep one, and give the others as source:target pairs (de:en,en:fr)")
                }
                fallback = item
            case 2:
                let (source, target) = (parts[0], parts[1])
                if source.isEmpty { throw WorksheetError.targetLanguages(text, "'\(item)' has no source language before the colon; write it as de:\(target)") }
                if target.isEmpty { throw WorksheetError.targetLanguages(text, "'\(item)' has no target language after the colon; write it as \(source):en") }
                try Self.check(source, in: text, item: item)
                try Self.check(target, in: text, item: item)
                let key = LanguageTag.primary(source)
                if key == LanguageTag.primary(target) {
                    throw WorksheetError.targetLanguages(text, "'\(item)' translates a language into itself; leave it out (texts whose language is their target get no worksheet anyway)")
                }
                if let earlier = pairs.first(where: { $0.source == key }) {
                    throw WorksheetError.targetLanguages(text, "'\(key)' has two targets ('\(earlier.source):\(earlier.target)' and '\(item)'); keep one")
                }
                pairs.append(Pair(source: key, target: target))
            default:
                throw WorksheetError.targetLanguages(text, "'\(item)' has more than one colon; write one pair per item: de:en,en:fr")
            }
        }
    }

    /// The target for a text in `language` (any tag: "de", "de-AT"); nil when it gets no worksheet:
    /// the pairs name none for it, or it is the text's own language.
    public func target(for language: String) -> String? {
        let key = LanguageTag.primary(language)
        guard let target = pairs.first(where: { $0.source == key })?.target ?? fallback else { return nil }
        return LanguageTag.primary(target) == key ? nil : target
    }

    /// Why a text in `language` gets no worksheet, or nil when it gets one.
    public func skipReason(for language: String) -> String? {
        guard target(for: language) == nil else { return nil }
        let key = LanguageTag.primary(language)
        var example = self
        example.pairs.append(Pair(source: key, target: key == "en" ? "de" : "en"))
        if fallback != nil, !pairs.contains(where: { $0.source == key }) {
            return "the text is in '\(language)', the target language of --to \(description); give '\(key)' texts another one (e.g. --to \(example))"
        }
        return "no target language for '\(key)' texts in --to \(description); add one (e.g. --to \(example))"
    }

    /// The target when there is exactly one (plain `--to en`), else nil.
    public var single: String? { pairs.isEmpty ? fallback : nil }

    /// The targets in use, each once, in order: the pairs' targets, then the fallback.
    public var targets: [String] {
        var seen: [String] = []
        for target in pairs.map(\.target) + (fallback.map { [$0] } ?? []) where !seen.contains(target) { seen.append(target) }
        return seen
    }

    /// As written on the command line, normalized: `de:en,en:de`, `en`, `en:de,en`.
    public var description: String {
        (pairs.map { "\($0.source):\($0.target)" } + (fallback.map { [$0] } ?? [])).joined(separator: ",")
    }

    /// A language code: letters, digits, `-` and `_`, starting with a primary subtag of 2–3 letters (or `und`).
    private static func check(_ tag: String, in text: String, item: String) throws(WorksheetError) {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        let valid = parts.first.map { (2...3).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isLetter } } == true
            && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        if !valid {
            throw WorksheetError.targetLanguages(text, "'\(tag)'\(tag == item ? "" : " in '\(item)'") is not a language code; use codes such as en, en-GB, fr or de")
        }
    }
}
