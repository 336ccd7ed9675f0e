/// Named character references (`&auml;` → „ä“), read from `Resources/html-entities.txt`: one
/// `name<TAB>U+XXXX[ U+YYYY]` per line, `#` comments. Names are case-sensitive.
///
///     let entities = HTMLEntities.shipped()
///     entities["bdquo"]   // "„"
///     entities["Auml"]    // "Ä"
///     entities["nosuch"]  // nil
public struct HTMLEntities: Sendable, Equatable {
    /// Replacement text by name (without `&` and `;`).
    public let table: [String: String]
    /// The longest name in the table: longer runs of letters after `&` are no reference.
    public let longestName: Int

    /// Parses list text; lines that do not have a name, a tab and `U+` code points are skipped.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public init(text: String) {
        var table: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(separator: "\t", omittingEmptySubsequences: true)
            guard parts.count == 2 else { continue }
            var value = ""
            var valid = true
            for point in parts[1].split(separator: " ") {
                guard point.hasPrefix("U+"), let code = UInt32(point.dropFirst(2).trimmingSpaces, radix: 16),
                      let scalar = Unicode.Scalar(code) else { valid = false; break }
                value.unicodeScalars.append(scalar)
            }
            if valid && !value.isEmpty { table[String(parts[0].trimmingSpaces)] = value }
        }
        self.table = table
        longestName = table.keys.map(\.utf8.count).max() ?? 0
    }

    /// The list shipped with Kernsatz (embedded in the binary); parsed anew on every call, so
    /// keep the value.
    public static func shipped() -> HTMLEntities {
        HTMLEntities(text: String(decoding: PackageResources.html_entities_txt, as: UTF8.self))
    }

    public subscript(name: String) -> String? { table[name] }
}
