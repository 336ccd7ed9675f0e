import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads TBX v3 (`<tbx>`, `conceptEntry`/`langSec`/`termSec`) and TBX 2008 (`<martif>`,
/// `termEntry`/`langSet`/`tig`|`ntig`). External entities and DTDs are never loaded: an entity
/// declared with SYSTEM or PUBLIC is reported and its reference left out of the text.
struct TBXReader {
    let sourceLanguage: String

    func parse(_ bytes: [UInt8], source: String, problems: inout [GlossaryError]) -> [GlossaryEntry] {
        // Entities declared SYSTEM or PUBLIC are found here, before parsing: the parser leaves them
        // out (it never loads them), and the text after one is not reliable, so they are errors.
        problems += Self.prologProblems(bytes, source: source)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        let delegate = TBXParserDelegate(sourceLanguage: sourceLanguage, source: source, parser: parser)
        parser.delegate = delegate
        let ok = parser.parse()
        problems += delegate.problems
        if delegate.stoppedOnPurpose { return [] }
        // FoundationXML on Linux may return true after an error it recovered from: the first
        // error the delegate saw counts.
        if let (code, line) = delegate.firstError {
            problems.append(GlossaryError(.malformedXML(Self.describe(code: code)), source: source, line: line > 0 ? line : nil))
        } else if !ok {
            let code = (parser.parserError as NSError?)?.code ?? 0
            problems.append(GlossaryError(.malformedXML(Self.describe(code: code)), source: source, line: parser.lineNumber > 0 ? parser.lineNumber : nil))
        }
        return delegate.entries
    }

    /// libxml2's error numbers (XMLParser's codes) for the mistakes people make by hand.
    static func describe(code: Int) -> String {
        switch code {
        case 4: return "the document is empty"
        case 5: return "the document ends too early, or has content after the root element"
        case 9: return "a character that XML does not allow"
        case 23, 24: return "an unescaped & or a broken character reference; write &amp;"
        case 26, 27: return "an undeclared entity"
        case 38, 39, 40, 41: return "a broken attribute value (quotes?)"
        case 64: return "the XML declaration is broken"
        case 68: return "a name is expected here (a stray < ? write &lt;)"
        case 73: return "'>' is missing"
        case 76: return "a closing tag does not match the open element"
        case 77: return "a tag is not closed"
        default: return "XML error \(code)"
        }
    }

    /// External entity declarations and an external DTD in the document type declaration.
    static func prologProblems(_ bytes: [UInt8], source: String) -> [GlossaryError] {
        // Only the part before the root element can declare anything.
        let head = bytes.prefix(1 << 20)
        // Most glossaries have no document type declaration: a scan of the bytes says so quickly.
        guard contains(head, Array("<!DOCTYPE".utf8)) else { return [] }
        let text = String(decoding: head, as: UTF8.self)
        guard let doctype = text.range(of: "<!DOCTYPE") else { return [] }
        var problems: [GlossaryError] = []
        func line(_ index: String.Index) -> Int { text[..<index].reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }
        var cursor = doctype.upperBound
        while let found = text.range(of: "<!ENTITY", range: cursor..<text.endIndex) {
            let declarationEnd = text[found.upperBound...].firstIndex(of: ">") ?? text.endIndex
            let words = text[found.upperBound..<declarationEnd].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            let rest = words.first == "%" ? words.dropFirst() : words[...]
            if let name = rest.first, rest.dropFirst().first == "SYSTEM" || rest.dropFirst().first == "PUBLIC" {
                problems.append(GlossaryError(.externalEntity(String(name)), source: source, line: line(found.lowerBound)))
            }
            cursor = declarationEnd
        }
        let header = text[doctype.upperBound...].prefix { $0 != "[" && $0 != ">" }
        let words = header.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        if words.count >= 3, words[1] == "SYSTEM" || words[1] == "PUBLIC", let dtd = words.last {
            problems.append(GlossaryError(.externalDTD(String(dtd.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))), source: source, line: line(doctype.lowerBound)))
        }
        return problems
    }
}

extension TBXReader {
    /// Whether `bytes` hold `needle` (ASCII) somewhere.
    /// - Complexity: O(*n* · *m*) for *n* bytes and a needle of *m*, in practice O(*n*).
    static func contains(_ bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while i <= last {
            if bytes[i] == first && bytes[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

/// The SAX side of `TBXReader`: a small state machine over concept → language → term.
final class TBXParserDelegate: NSObject, XMLParserDelegate {
    let sourceLanguage: String
    let source: String
    weak var parser: XMLParser?

    var entries: [GlossaryEntry] = []
    var problems: [GlossaryError] = []
    /// The first parse error: libxml2's code and the line.
    var firstError: (Int, Int)?
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

    init(sourceLanguage: String, source: String, parser: XMLParser) {
        self.sourceLanguage = sourceLanguage
        self.source = source
        self.parser = parser
    }

    private var line: Int { parser?.lineNumber ?? 0 }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        let local = Self.localName(name)
        if !sawRoot {
            sawRoot = true
            if local != "tbx" && local != "martif" {
                problems.append(GlossaryError(.notTBX(root: name), source: source, line: line))
                stoppedOnPurpose = true
                parser.abortParsing()
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

    private func begin(_ what: Capture) {
        capture = what
        captureDepth = depth
        buffer = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capture != nil { buffer += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if capture != nil { buffer += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
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

    private func finishConcept() {
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

    /// Never fetch anything a glossary names.
    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if firstError == nil { firstError = ((parseError as NSError).code, parser.lineNumber) }
    }
}
