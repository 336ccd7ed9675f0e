import Foundation

/// The worksheet model as JSON: keys sorted, two-space indentation, every key present.
public enum JSONWriter {
    public static func write(_ sheet: Worksheet) throws(WorksheetError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(sheet)
            data.append(0x0A)
            return data
        } catch {
            throw WorksheetError(.encoding("\(error)"))
        }
    }
}
