/// Counts as the writers say them: "1 word, 7 characters".
enum Counting {
    static func phrase(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    static func words(_ counts: Counts) -> String {
        phrase(counts.words, "word") + ", " + phrase(counts.characters, "character")
    }
}
