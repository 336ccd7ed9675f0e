internal import CKernsatzXML

/// The one XML reader of Kernsatz (TBX glossaries now; returned XLIFF and TMX later): a streaming
/// pull reader on the system's libxml2 (`xmlTextReader`), one event at a time.
///
///     let reader = try XMLPullReader(bytes: Array("<a x='1'>b<c/></a>".utf8))
///     while let event = try reader.next() { print(event) }
///     // start(name: "a", attributes: ["x": "1"], line: 1)
///     // text("b")
///     // start(name: "c", attributes: [:], line: 1)
///     // end(name: "c", line: 1)
///     // end(name: "a", line: 1)
///
/// What it never does, whatever the document says: load anything over the network, load a DTD
/// or an external entity, or expand an entity. Before libxml2 sees the bytes they are checked as
/// UTF-8 — or decoded from UTF-16 (by its BOM or its first characters) or from the charset the XML
/// declaration names — so an invalid byte is an error with its offset, line and column, never a
/// U+FFFD (unless `lenient`) and never a crash. Then the prolog is read by libxml2 itself (up to
/// the root element's start tag, so a UTF-16 file and a declaration deep in a large internal
/// subset are seen alike), and a document is refused when it
/// - names an external DTD (`<!DOCTYPE x SYSTEM "…">` or `PUBLIC`): its defaults and entities
///   would change what the document means, and Kernsatz never reads files a document names;
/// - declares an external entity (`<!ENTITY x SYSTEM "…">`): its text is elsewhere;
/// - declares an internal entity (`<!ENTITY x "…">`) at all.
///
/// Why refuse internal entities rather than expand them within bounds: the formats read here
/// (TBX, XLIFF, TMX) are written by tools that use character references and the five predefined
/// entities, not declarations; declarations are what the entity attacks are made of (one 50 KB
/// entity referenced 400,000 times, or ten nested levels of ten references — "billion laughs");
/// and libxml2 2.9 switches its own amplification guard off under `XML_PARSE_HUGE`, which large
/// glossaries need. A bound would be a count and a size to choose and to defend, and a document
/// just under it would still cost its full expansion; refusing costs nothing, and the message
/// says what to write instead. Documents with no size limit otherwise (`XML_PARSE_HUGE`): a 20 MB
/// TBX is read in one pass, its tree freed as the reader moves on.
///
/// - Complexity: O(*n*) in the size of the document.
public final class XMLPullReader {
    /// One step through the document. An empty element (`<c/>`) gives a start and an end.
    public enum Event: Sendable, Equatable {
        /// A start tag: its qualified name ("tbx:term"), its attributes by qualified name
        /// (`xml:lang`, namespace declarations too) and the line of the tag.
        case start(name: String, attributes: [String: String], line: Int)
        /// An end tag (or the end of an empty element), with the line of its start tag.
        case end(name: String, line: Int)
        /// Character data: text, CDATA and white space between tags, as written (references resolved).
        case text(String)
    }

    /// When `lenient` replaced invalid bytes by U+FFFD: the error strict reading would have
    /// thrown (the first invalid byte, its line and column); nil when the bytes were valid.
    public let replacedBytes: ICUError?
    /// How many invalid byte sequences `lenient` replaced.
    public let replacementCount: Int

    private let storage: UnsafeMutableBufferPointer<CChar>
    private let handle: OpaquePointer
    private var pendingEnd: Event?

    /// Checks and converts `bytes`, reads the prolog, and opens the reader.
    /// - Parameter lenient: replace invalid bytes with U+FFFD (see `replacedBytes`) instead of failing.
    /// - Throws: `ICUError.Kind.xml` with `.invalidBytes`, `.unknownEncoding`, `.externalDTD`,
    ///   `.externalEntity` or `.internalEntity`, naming line and column.
    public init(bytes: [UInt8], lenient: Bool = false) throws(ICUError) {
        _ = libxml2Ready
        let input = try XMLInput(bytes, lenient: lenient)
        replacedBytes = input.replaced
        replacementCount = input.replacementCount
        if input.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ICUError(.xml(.notWellFormed("the document is empty (no root element)"), line: 1, column: 1), while: "reading XML")
        }
        guard input.utf8.count < Int32.max else {
            throw ICUError(.failure("the document is larger than 2 GB"), while: "reading XML")
        }
        let storage = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(input.utf8.count, 1))
        input.utf8.withUnsafeBytes { UnsafeMutableRawBufferPointer(storage).copyMemory(from: $0) }
        let length = Int32(input.utf8.count)
        var found = [ks_xml_declaration](repeating: ks_xml_declaration(), count: 4)
        let count = found.withUnsafeMutableBufferPointer {
            ks_xml_prolog_declarations(storage.baseAddress, length, $0.baseAddress, Int32($0.count))
        }
        if count > 0 {
            storage.deallocate()
            var first = found[0]
            let name = Self.string(&first.name)
            let value = Self.string(&first.value)
            let problem: XMLProblem
            switch first.kind {
            case Int32(KS_XML_EXTERNAL_DTD.rawValue): problem = .externalDTD(value)
            case Int32(KS_XML_EXTERNAL_ENTITY.rawValue): problem = .externalEntity(name)
            default: problem = .internalEntity(name)
            }
            throw ICUError(.xml(problem, line: Int(first.line), column: Int(first.column)), while: "reading the document type declaration")
        }
        guard let handle = ks_xml_reader_open(storage.baseAddress, length) else {
            storage.deallocate()
            throw ICUError(.failure("libxml2 could not open a reader"), while: "reading XML")
        }
        self.storage = storage
        self.handle = handle
    }

    deinit {
        ks_xml_reader_close(handle)
        storage.deallocate()
    }

    /// The next event, or nil at the end of the document.
    /// - Throws: `ICUError.Kind.xml` with `.notWellFormed` (a sentence, the line and column).
    public func next() throws(ICUError) -> Event? {
        if let pending = pendingEnd {
            pendingEnd = nil
            return pending
        }
        while true {
            let status = ks_xml_reader_read(handle)
            if status == 0 { return nil }
            if status < 0 { throw currentError() }
            switch ks_xml_reader_node_type(handle) {
            case Int32(KS_XML_NODE_ELEMENT.rawValue):
                let name = String(cString: ks_xml_reader_name(handle))
                let line = Int(ks_xml_reader_line(handle))
                let empty = ks_xml_reader_is_empty_element(handle) != 0
                var attributes: [String: String] = [:]
                if ks_xml_reader_next_attribute(handle) != 0 {
                    repeat {
                        attributes[String(cString: ks_xml_reader_name(handle))] = String(cString: ks_xml_reader_value(handle))
                    } while ks_xml_reader_next_attribute(handle) != 0
                    ks_xml_reader_to_element(handle)
                }
                if empty { pendingEnd = .end(name: name, line: line) }
                return .start(name: name, attributes: attributes, line: line)
            case Int32(KS_XML_NODE_END_ELEMENT.rawValue):
                return .end(name: String(cString: ks_xml_reader_name(handle)), line: Int(ks_xml_reader_line(handle)))
            case Int32(KS_XML_NODE_TEXT.rawValue), Int32(KS_XML_NODE_CDATA.rawValue),
                 Int32(KS_XML_NODE_WHITESPACE.rawValue), Int32(KS_XML_NODE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text(String(cString: ks_xml_reader_value(handle)))
            case Int32(KS_XML_NODE_ENTITY_REFERENCE.rawValue):
                // Declarations were refused before: libxml2 reports an undeclared one itself.
                // Should one get here all the same, it is never expanded.
                let name = String(cString: ks_xml_reader_name(handle))
                throw ICUError(.xml(.internalEntity(name), line: Int(ks_xml_reader_line(handle)), column: 0), while: "reading XML")
            default:
                continue
            }
        }
    }

    private func currentError() -> ICUError {
        guard var error = ks_xml_reader_error(handle)?.pointee else {
            return ICUError(.xml(.notWellFormed("the XML parser stopped"), line: 0, column: 0), while: "reading XML")
        }
        let message = Self.string(&error.message)
        let detail = Self.string(&error.detail)
        let sentence = Self.sentence(code: Int(error.code), message: message, detail: detail)
        return ICUError(.xml(.notWellFormed(sentence), line: Int(error.line), column: Int(error.column)), while: "reading XML")
    }

    /// A C string held in a fixed-size char array of an imported struct.
    private static func string<T>(_ tuple: inout T) -> String {
        withUnsafeBytes(of: &tuple) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}

/// libxml2 is initialised once, before the first reader, as its threading rules ask.
private let libxml2Ready: Void = ks_xml_init()
