internal import CKernsatzICU

/// ICU's break iteration: character, word, line or sentence boundaries, by locale or from rules.
///
///     let words = try BreakIterator(.word, locale: "de")
///     words.boundaries(in: Array("Am 3. Oktober".utf16))   // [0, 2, 3, 4, 5, 6, 13]
///
/// An iterator holds ICU state and is not shareable between threads: give each task its own, or
/// `copy()` one that is already open (cheaper than opening by locale again).
public final class BreakIterator {
    public enum Kind: Sendable {
        case character, word, line, sentence
    }

    private let handle: OpaquePointer
    /// The locale or "rules" this iterator was opened with, for messages.
    public let origin: String

    /// Opens an iterator with ICU's rules for `locale` ("de", "en_US", "de@ss=standard").
    /// - Throws: `ICUError` when ICU cannot open it.
    public init(_ kind: Kind, locale: String) throws(ICUError) {
        var status: Int32 = 0
        let type: ks_break_kind
        switch kind {
        case .character: type = KS_BREAK_CHARACTER
        case .word: type = KS_BREAK_WORD
        case .line: type = KS_BREAK_LINE
        case .sentence: type = KS_BREAK_SENTENCE
        }
        let pointer = locale.withCString { ks_break_open(type, $0, &status) }
        try check(status, "opening a \(kind) break iterator for '\(locale)'")
        guard let pointer else { throw ICUError(.failure("no iterator"), while: "opening a break iterator") }
        handle = pointer
        origin = locale
    }

    /// Opens an iterator from custom rules in ICU's break-rule syntax.
    /// - Throws: `ICUError.Kind.invalidRules` with the line and offset of a syntax error.
    public init(rules: String) throws(ICUError) {
        var status: Int32 = 0
        var line: Int32 = 0
        var offset: Int32 = 0
        let units = Array(rules.utf16)
        let pointer = units.withUnsafeBufferPointer {
            ks_break_open_rules($0.baseAddress, Int32($0.count), &line, &offset, &status)
        }
        guard ks_is_failure(status) == 0, let pointer else {
            throw ICUError(.invalidRules(line: Int(line), offset: Int(offset)), while: "compiling break rules")
        }
        handle = pointer
        origin = "rules"
    }

    private init(handle: OpaquePointer, origin: String) {
        self.handle = handle
        self.origin = origin
    }

    deinit { ks_break_close(handle) }

    /// A new, independent iterator with the same rules.
    public func copy() throws(ICUError) -> BreakIterator {
        var status: Int32 = 0
        let pointer = ks_break_clone(handle, &status)
        try check(status, "copying a break iterator")
        guard let pointer else { throw ICUError(.failure("no iterator"), while: "copying a break iterator") }
        return BreakIterator(handle: pointer, origin: origin)
    }

    /// Every boundary of `text` in UTF-16 offsets, from 0 to `text.count` inclusive.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public func boundaries(in text: [UInt16]) -> [Int] {
        var result: [Int] = [0]
        forEachBoundary(in: text) { boundary, _ in result.append(boundary) }
        if text.isEmpty { return [0] }
        return result
    }

    /// Calls `body` with each boundary after 0 (UTF-16 offset) and ICU's rule status for it.
    public func forEachBoundary(in text: [UInt16], _ body: (Int, Int32) -> Void) {
        text.withUnsafeBufferPointer { buffer in
            var status: Int32 = 0
            ks_break_set_text(handle, buffer.baseAddress, Int32(buffer.count), &status)
            guard ks_is_failure(status) == 0 else { return }
            _ = ks_break_first(handle)
            while true {
                let next = ks_break_next(handle)
                if next < 0 { break }
                body(Int(next), ks_break_rule_status(handle))
            }
        }
    }

    /// The number of boundaries after 0 in `text`: the cheapest possible walk (for benchmarks).
    public func countBoundaries(in text: [UInt16]) -> Int {
        text.withUnsafeBufferPointer { buffer in
            var status: Int32 = 0
            ks_break_set_text(handle, buffer.baseAddress, Int32(buffer.count), &status)
            return Int(ks_break_all(handle, nil, nil, 0))
        }
    }
}

extension BreakIterator {
    /// The word ranges of `text` (UTF-16 offsets) whose rule status is not "none":
    /// letters, numbers, kana and ideographs, without spaces and punctuation.
    public func words(in text: [UInt16]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        forEachBoundary(in: text) { boundary, status in
            // UBRK_WORD_NONE_LIMIT is 100: statuses at or above it are words of some kind.
            if status >= 100 { result.append(start..<boundary) }
            start = boundary
        }
        return result
    }

    /// The number of `words(in:)`, counted without building them: the walk stays inside ICU.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public func wordCount(in text: [UInt16]) -> Int {
        text.withUnsafeBufferPointer { buffer in
            var status: Int32 = 0
            ks_break_set_text(handle, buffer.baseAddress, Int32(buffer.count), &status)
            guard ks_is_failure(status) == 0 else { return 0 }
            // UBRK_WORD_NONE_LIMIT is 100: statuses at or above it are words of some kind.
            return Int(ks_break_count_status(handle, 100))
        }
    }
}
