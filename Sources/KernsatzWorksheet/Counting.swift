/// Counts as the writers say them: "1 word, 7 characters".
public enum Counting {
    /// A count with its noun, singular for 1: "1 segment", "23 segments" (also the batch's log and report).
    public static func phrase(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    static func words(_ counts: Counts) -> String {
        phrase(counts.words, "word") + ", " + phrase(counts.characters, "character")
    }
}
