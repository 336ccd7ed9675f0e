import KernsatzICU

/// Reads TBX v3 (`<tbx>`, `conceptEntry`/`langSec`/`termSec`) and TBX 2008 (`<martif>`,
/// `termEntry`/`langSet`/`tig`|`ntig`) with `XMLPullReader`: nothing a glossary names is ever
/// loaded, an external DTD and any entity declaration refuse the glossary, and an invalid byte is
/// an error naming its line, column and byte offset (with `lenient`, a U+FFFD and a warning).
struct TBXReader {
    let sourceLanguage: String
    var lenient = false

    func parse(_ bytes: [UInt8], source: String, problems: inout [GlossaryError]) -> [GlossaryEntry] {
        let reader: XMLPullReader
        do throws(ICUError) {
            reader = try XMLPullReader(bytes: bytes, lenient: lenient)
        } catch {
            problems.append(Self.problem(error, source: source))
            return []
        }
        if let replaced = reader.replacedBytes, case .xml(.invalidBytes(let encoding, let offset), let line, _) = replaced.kind {
            problems.append(GlossaryError(.replacedBytes(count: reader.replacementCount, encoding: encoding, firstByteOffset: offset),
                                          source: source, line: line))
        }
        var state = TBXState(sourceLanguage: sourceLanguage, source: source)
        do throws(ICUError) {
            while let event = try reader.next() {
                switch event {
                case .start(let name, let attributes, let line): state.start(name, attributes: attributes, line: line)
                case .end(let name, let line): state.end(name, line: line)
                case .text(let text): state.text(text)
                }
                if state.stoppedOnPurpose { break }
            }
        } catch {
            problems += state.problems
            problems.append(Self.problem(error, source: source))
            return state.entries
        }
        problems += state.problems
        return state.stoppedOnPurpose ? [] : state.entries
    }

    /// The reader's error as a glossary problem, at its line (the column goes into the message).
    static func problem(_ error: ICUError, source: String) -> GlossaryError {
        guard case .xml(let problem, let line, let column) = error.kind else {
            return GlossaryError(.unreadable(error.description), source: source)
        }
        let at = line > 0 ? line : nil
        switch problem {
        case .invalidBytes(let encoding, let offset):
            return GlossaryError(.invalidBytes(encoding: encoding, byteOffset: offset, column: column), source: source, line: at)
        case .unknownEncoding(let name):
            return GlossaryError(.unreadable("the XML declaration names the encoding '\(name)', which ICU does not know; save the glossary as UTF-8"),
                                 source: source, line: at)
        case .notWellFormed(let reason):
            return GlossaryError(.malformedXML(column > 0 ? "column \(column): \(reason)" : reason), source: source, line: at)
        case .externalDTD(let id):
            return GlossaryError(.externalDTD(id), source: source, line: at)
        case .externalEntity(let name):
            return GlossaryError(.externalEntity(name), source: source, line: at)
        case .internalEntity(let name):
            return GlossaryError(.entityDeclaration(name), source: source, line: at)
        }
    }
}

/// The event side of `TBXReader`: a small state machine over concept → language → term.
struct TBXState {
    let sourceLanguage: String
    let source: String

    var entries: [GlossaryEntry] = []
    var problems: [GlossaryError] = []
    /// The root is not TBX: nothing more is read.
    var stoppedOnPurpose = false
    private var sawRoot = false

    // The concept being read.
    private struct Term {
        var text = ""
        var status: TermStatus = .preferred
        var partOfSpeech: String?
        var note: String?
        var line: Int
    }
    private var conceptID: String?
    private var conceptDefinition: String?
    private var conceptNote: String?
    private var terms: [(language: String, term: Term)] = []
    private var inConcept = false
    private var language: String?
    private var term: Term?
    private var langDefinition: String?

    // Text capture: the element whose text is wanted, and what it is for.
    private enum Capture { case term, partOfSpeech, status, definition, note, other }
    private var capture: Capture?
    private var captureDepth = 0
    private var depth = 0
    private var buffer = ""

    init(sourceLanguage: String, source: String) {
        self.sourceLanguage = sourceLanguage
        self.source = source
    }

    mutating func start(_ name: String, attributes: [String: String], line: Int) {
        depth += 1
        let local = Self.localName(name)
        if !sawRoot {
            sawRoot = true
            if local != "tbx" && local != "martif" {
                problems.append(GlossaryError(.notTBX(root: name), source: source, line: line))
                stoppedOnPurpose = true
            }
            return
        }
        if capture != nil { return }
        switch local {
        case "conceptEntry", "termEntry":
            inConcept = true
            conceptID = attributes["id"]
            conceptDefinition = nil
            conceptNote = nil
            terms = []
        case "langSec", "langSet":
            language = attributes["xml:lang"] ?? attributes["lang"]
            langDefinition = nil
        case "termSec", "tig", "ntig":
            term = Term(line: line)
        case "term":
            if term == nil { term = Term(line: line) }
            term?.line = line
            begin(.term)
        case "termNote":
            switch attributes["type"] {
            case "partOfSpeech": begin(.partOfSpeech)
            case "administrativeStatus", "usageStatus", "normativeAuthorization": begin(.status)
            default: begin(.other)
            }
        case "descrip":
            begin(attributes["type"] == "definition" ? .definition : .other)
        case "note":
            begin(.note)
        default:
            break
        }
    }

    private mutating func begin(_ what: Capture) {
        capture = what
        captureDepth = depth
        buffer = ""
    }

    mutating func text(_ string: String) {
        if capture != nil { buffer += string }
    }

    mutating func end(_ name: String, line: Int) {
        defer { depth -= 1 }
        let local = Self.localName(name)
        if let what = capture {
            guard depth == captureDepth else { return }
            capture = nil
            let text = Self.collapsingSpaces(buffer)
            switch what {
            case .term: term?.text = text
            case .partOfSpeech: term?.partOfSpeech = text.isEmpty ? nil : text
            case .status:
                if let status = TermStatus(tbx: text) { term?.status = status }
                else { problems.append(GlossaryError(.unknownValue(field: "status", value: text), source: source, line: line)) }
            case .definition:
                if language == nil { conceptDefinition = text } else { langDefinition = text }
            case .note:
                if term != nil { term?.note = text }
                else if inConcept, language.map({ Self.primary($0) == Self.primary(sourceLanguage) }) ?? true { conceptNote = conceptNote ?? text }
            case .other: break
            }
            return
        }
        switch local {
        case "termSec", "tig", "ntig":
            if let finished = term {
                if finished.text.isEmpty {
                    problems.append(GlossaryError(.emptyTerm, source: source, line: finished.line))
                } else {
                    terms.append((language ?? "", finished))
                }
            }
            term = nil
        case "langSec", "langSet":
            if let language, Self.primary(language) == Self.primary(sourceLanguage), let definition = langDefinition {
                conceptDefinition = definition
            }
            language = nil
        case "conceptEntry", "termEntry":
            finishConcept()
            inConcept = false
        default:
            break
        }
    }

    private mutating func finishConcept() {
        let wanted = Self.primary(sourceLanguage)
        let sources = terms.filter { Self.primary($0.language) == wanted }
        let targets = terms.filter { Self.primary($0.language) != wanted }.map {
            TargetTerm(language: $0.language, term: $0.term.text, status: $0.term.status, partOfSpeech: $0.term.partOfSpeech, note: $0.term.note)
        }
        if sources.isEmpty {
            if !terms.isEmpty { problems.append(GlossaryError(.noSourceTerm(language: sourceLanguage), source: source, line: terms[0].term.line)) }
            return
        }
        for (_, term) in sources {
            entries.append(GlossaryEntry(conceptID: conceptID, term: term.text, status: term.status, partOfSpeech: term.partOfSpeech,
                                         definition: conceptDefinition, note: term.note ?? conceptNote, targets: targets, line: term.line))
        }
    }

    static func primary(_ tag: String) -> String { GlossaryEntry.primary(tag) }

    /// The element name without its namespace prefix ("term" of "tbx:term").
    static func localName(_ name: String) -> String {
        guard name.utf8.contains(0x3A) else { return name }
        return name.split(separator: ":").last.map(String.init) ?? name
    }

    /// Text with runs of spaces, tabs and line breaks made one space, and none at either end.
    static func collapsingSpaces(_ text: String) -> String {
        // Most terms and notes have single spaces only, between words: they stay as they are.
        var plain = true
        var previous: UInt8 = 0x20  // a space first counts as a run
        for byte in text.utf8 {
            if byte == 0x0A || byte == 0x09 || byte == 0x0D || (byte == 0x20 && previous == 0x20) {
                plain = false
                break
            }
            previous = byte
        }
        if plain && previous != 0x20 { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
