internal import CKernsatzXML

/// The bytes of an XML document as UTF-8 for libxml2: checked when they are UTF-8, decoded when
/// a BOM, the first characters or the XML declaration say another encoding.
struct XMLInput {
    var utf8: [UInt8]
    /// In lenient mode: the error strict mode would have thrown.
    var replaced: ICUError?
    var replacementCount = 0

    init(_ bytes: [UInt8], lenient: Bool) throws(ICUError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            try self.init(utf8: bytes, from: 3, lenient: lenient)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            try self.init(utf16: bytes, from: 2, littleEndian: bytes[0] == 0xFF, lenient: lenient)
        } else if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) || bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            // "<?" in UTF-16 without a BOM (XML 1.0, appendix F).
            try self.init(utf16: bytes, from: 0, littleEndian: bytes[0] == 0x3C, lenient: lenient)
        } else if let declared = Self.declaredEncoding(bytes), !Self.isUnicode(declared) {
            try self.init(legacy: bytes, charset: declared, lenient: lenient)
        } else {
            try self.init(utf8: bytes, from: 0, lenient: lenient)
        }
    }

    private init(utf8 bytes: [UInt8], from start: Int, lenient: Bool) throws(ICUError) {
        // Without a BOM the bytes are shared, not copied (a 20 MB glossary stays 20 MB here).
        let body = start == 0 ? bytes : Array(bytes[start...])
        let first = body.withUnsafeBufferPointer { ks_xml_first_invalid_utf8($0.baseAddress, Int64($0.count)) }
        guard first >= 0 else {
            utf8 = body
            return
        }
        let offset = Int(first)
        let (line, column) = Self.position(of: offset, inUTF8: body)
        let error = ICUError(.xml(.invalidBytes(encoding: "UTF-8", byteOffset: offset + start), line: line, column: column),
                             while: "checking the bytes")
        guard lenient else { throw error }
        var count = 0
        var from = offset
        while from < body.count {
            let next = body[from...].withUnsafeBufferPointer { ks_xml_first_invalid_utf8($0.baseAddress, Int64($0.count)) }
            if next < 0 { break }
            count += 1
            from += Int(next) + 1
        }
        utf8 = Array(String(decoding: body, as: UTF8.self).utf8)
        replaced = error
        replacementCount = count
    }

    private init(utf16 bytes: [UInt8], from start: Int, littleEndian: Bool, lenient: Bool) throws(ICUError) {
        let name = littleEndian ? "UTF-16LE" : "UTF-16BE"
        let body = Array(bytes[start...])
        do throws(ICUError) {
            utf8 = Array(String(decoding: try CharsetConverter(charset: name, strict: true).decode(body), as: UTF16.self).utf8)
        } catch {
            guard case .invalidBytes(_, let offset) = error.kind else { throw error }
            var line = 1, column = 1, i = 0
            while i + 1 < min(offset, body.count) {
                let unit = littleEndian ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1])
                if unit == 0x0A { line += 1; column = 1 } else if unit & 0xFC00 != 0xDC00 { column += 1 }
                i += 2
            }
            let strict = ICUError(.xml(.invalidBytes(encoding: name, byteOffset: offset + start), line: line, column: column),
                                  while: "checking the bytes")
            guard lenient else { throw strict }
            let units = try CharsetConverter(charset: name, strict: false).decode(body)
            utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
            replaced = strict
            replacementCount = max(1, units.lazy.filter { $0 == 0xFFFD }.count)
        }
    }

    private init(legacy bytes: [UInt8], charset: String, lenient: Bool) throws(ICUError) {
        let converter: CharsetConverter
        do throws(ICUError) {
            converter = try CharsetConverter(charset: charset, strict: true)
        } catch {
            throw ICUError(.xml(.unknownEncoding(charset), line: 1, column: 1), while: "reading the XML declaration")
        }
        do throws(ICUError) {
            utf8 = Array(String(decoding: try converter.decode(bytes), as: UTF16.self).utf8)
        } catch {
            guard case .invalidBytes(_, let offset) = error.kind else { throw error }
            let before = bytes[..<min(offset, bytes.count)]
            let line = 1 + before.lazy.filter { $0 == 0x0A }.count
            let column = offset - (before.lastIndex(of: 0x0A) ?? -1)
            let strict = ICUError(.xml(.invalidBytes(encoding: charset, byteOffset: offset), line: line, column: column), while: "checking the bytes")
            guard lenient else { throw strict }
            let units = try CharsetConverter(charset: charset, strict: false).decode(bytes)
            utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
            replaced = strict
            replacementCount = max(1, units.lazy.filter { $0 == 0xFFFD }.count)
        }
    }

    /// The 1-based line and column (in characters) of a byte offset in UTF-8 bytes.
    static func position(of offset: Int, inUTF8 bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 }
            else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// The encoding named in an XML declaration written in ASCII (`<?xml version="1.0" encoding="…"?>`).
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = bytes.prefix(256)
        guard let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = Array(head[..<end])
        let key = Array("encoding".utf8)
        guard let at = declaration.indices.first(where: { declaration[$0...].starts(with: key) }) else { return nil }
        let rest = declaration[(at + key.count)...].drop { $0 == 0x20 || $0 == 0x3D || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard let quote = rest.first, quote == 0x22 || quote == 0x27 else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }

    /// UTF-8 and UTF-16 by any spelling: the bytes decide between them, not the declaration.
    static func isUnicode(_ name: String) -> Bool {
        let plain = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return plain == "utf8" || plain.hasPrefix("utf16") || plain == "ucs2" || plain == "unicode"
    }
}
