import Foundation

/// What is built once per language and reused — segmenters, layout parsers, quote, entity and
/// measure finders, word counters, summarizers, per-thread ICU sessions — kept by language tag.
///
///     let finders = LanguageCache<MeasureFinder>()
///     let finder = try finders.value(for: "de") { try MeasureFinder(language: $0) }
///
/// **Bound:** at most `LanguageCache.limit` (64) languages are kept. A value for a language beyond
/// them is built each time it is asked for and not kept, so a stream naming ever new language tags
/// cannot grow memory. 64 is well above the languages Kernsatz has data for (`LanguageList`) plus
/// their regional tags ("de-AT", "de-CH") and "und".
///
/// A value is built under the cache's lock, so each language's is built once even when several
/// threads ask at the same time; `make` must not ask the same cache. Copies share what is built.
/// The cache is `Sendable` when its values are (a cache of non-`Sendable` values, such as ICU
/// iterators, belongs to one thread, as its owner does).
public struct LanguageCache<Value> {
    /// The most languages one cache keeps.
    public static var limit: Int { 64 }

    private final class Storage {
        let lock = NSLock()
        var values: [String: Value] = [:]
    }

    private let storage = Storage()

    public init() {}

    /// The value for `language`, built by `make(language)` if this is the first time it is asked for.
    public func value<Failure: Error>(for language: String, make: (String) throws(Failure) -> Value) throws(Failure) -> Value {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        if let known = storage.values[language] { return known }
        let made = try make(language)
        if storage.values.count < Self.limit { storage.values[language] = made }
        return made
    }

    /// The value built for `language`, if one is kept.
    public func cached(_ language: String) -> Value? {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        return storage.values[language]
    }

    /// Keeps `value` for `language` (within the bound), replacing what was kept.
    public func store(_ value: Value, for language: String) {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        if storage.values[language] != nil || storage.values.count < Self.limit { storage.values[language] = value }
    }

    /// How many languages are kept.
    public var count: Int {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        return storage.values.count
    }
}

// The storage is read and written under its lock only; the values cross threads only when they are Sendable.
extension LanguageCache: @unchecked Sendable where Value: Sendable {}
