/// ROUGE-1, -2 and -L as Google's rouge-score computes them (n-gram overlap with clipped counts;
/// L: longest common subsequence of the token lists), over the tokenizer of the project's
/// `rouge.py`: lowercase, runs of Unicode letters and digits.
struct Rouge {
    struct Figures {
        var precision = 0.0, recall = 0.0, f1 = 0.0

        init(overlap: Int, predicted: Int, reference: Int) {
            precision = Double(overlap) / Double(max(predicted, 1))
            recall = Double(overlap) / Double(max(reference, 1))
            f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }

        init() {}
    }

    var rouge1: Figures
    var rouge2: Figures
    var rougeL: Figures

    init(prediction: String, reference: String) {
        let p = Rouge.tokens(prediction), r = Rouge.tokens(reference)
        rouge1 = Rouge.ngrams(p, r, n: 1)
        rouge2 = Rouge.ngrams(p, r, n: 2)
        rougeL = Figures(overlap: Rouge.lcs(p, r), predicted: p.count, reference: r.count)
    }

    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                current.unicodeScalars.append(scalar)
            default:
                if !current.isEmpty { tokens.append(current); current = "" }
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func ngrams(_ p: [String], _ r: [String], n: Int) -> Figures {
        func counts(_ t: [String]) -> [[String]: Int] {
            var c: [[String]: Int] = [:]
            if t.count >= n { for i in 0...(t.count - n) { c[Array(t[i..<(i + n)]), default: 0] += 1 } }
            return c
        }
        let cp = counts(p), cr = counts(r)
        var overlap = 0
        for (gram, count) in cp { overlap += min(count, cr[gram] ?? 0) }
        return Figures(overlap: overlap, predicted: max(p.count - n + 1, 0), reference: max(r.count - n + 1, 0))
    }

    static func lcs(_ a: [String], _ b: [String]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
