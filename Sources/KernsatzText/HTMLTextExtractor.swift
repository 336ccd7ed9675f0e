/// HTML → text in Kernsatz's layout: the article only, block elements as blocks, whitespace
/// collapsed as browsers do. `MarkupExtractor` documents the rules; this is their implementation.
struct HTMLTextExtractor {
    let references: CharacterReferences

    /// What an element does to the text.
    struct Role: OptionSet, Sendable {
        let rawValue: UInt16
        /// Ends the block before and after it.
        static let block = Role(rawValue: 1 << 0)
        /// Its content is left out.
        static let dropped = Role(rawValue: 1 << 1)
        /// Never has content or an end tag.
        static let void = Role(rawValue: 1 << 2)
        static let heading = Role(rawValue: 1 << 3)
        static let listItem = Role(rawValue: 1 << 4)
        static let preformatted = Role(rawValue: 1 << 5)
        static let cell = Role(rawValue: 1 << 6)
        static let quotation = Role(rawValue: 1 << 7)
        /// `<header>`: the site's banner, dropped unless inside the article or main element.
        static let pageHeader = Role(rawValue: 1 << 8)
    }

    static let roles: [String: Role] = {
        var roles: [String: Role] = [:]
        for name in ["address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
                     "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "html",
                     "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
                     "tfoot", "thead", "tr", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "listing", "search"] {
            roles[name, default: []].insert(.block)
        }
        for name in ["head", "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "iframe",
                     "object", "canvas", "audio", "video", "map", "form", "button", "select", "textarea", "dialog", "menu",
                     "noembed", "noframes", "xmp", "title"] {
            roles[name, default: []].insert(.dropped)
        }
        for name in ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
                     "wbr", "keygen", "basefont", "bgsound", "frame"] {
            roles[name, default: []].insert(.void)
        }
        for name in ["h1", "h2", "h3", "h4", "h5", "h6"] { roles[name]!.insert(.heading) }
        roles["li"]!.insert(.listItem)
        roles["pre"]!.insert(.preformatted)
        roles["listing"]!.insert(.preformatted)
        roles["td"] = [.cell]
        roles["th"] = [.cell]
        roles["q"] = [.quotation]
        roles["header"]!.insert(.pageHeader)
        return roles
    }()

    /// The document's metadata and which tokens hold the article.
    struct Survey {
        var title = ""
        var date = ""
        var author = ""
        var description = ""
        var keywords = ""
        var lang = ""
        /// Tokens of the first `<article>`, else of `<main>`, else all.
        var region: Range<Int>
        /// Whether the region is a whole page (with a site header to drop).
        var isPage: Bool
    }

    func text(from html: String) -> String {
        let b = Array(html.utf8)
        let tokens = HTMLTokenizer.tokens(b)
        let survey = self.survey(b, tokens)
        var writer = LayoutWriter()
        writer.frontMatter([("title", survey.title), ("date", survey.date), ("author", survey.author),
                            ("description", survey.description), ("keywords", survey.keywords), ("lang", survey.lang)])
        let quotes: [(open: String, close: String)] = survey.lang.lowercased().hasPrefix("de")
            ? [("„", "“"), ("‚", "‘")] : [("“", "”"), ("‘", "’")]

        // Open elements; `live` when opened outside dropped content. `open` counts them by name,
        // so an end tag without a start tag is found stray in O(1).
        var stack: [(name: String, role: Role, live: Bool)] = []
        var open: [String: Int] = [:]
        var dropped = 0, headings = 0, items = 0, preformatted = 0, quotations = 0
        var skipNewline = false

        func context() -> LayoutWriter.Kind {
            preformatted > 0 ? .preformatted : headings > 0 ? .heading : items > 0 ? .listItem : .paragraph
        }
        func count(_ role: Role, _ delta: Int) {
            if role.contains(.dropped) || (role.contains(.pageHeader) && survey.isPage) { dropped += delta }
            if role.contains(.heading) { headings += delta }
            if role.contains(.listItem) { items += delta }
            if role.contains(.preformatted) { preformatted += delta }
        }

        for index in survey.region {
            let token = tokens[index]
            switch token.kind {
            case .text:
                guard dropped == 0 else { continue }
                var range = token.range
                if skipNewline && preformatted > 0 {
                    if range.first.map({ b[$0] }) == 0x0D { range = range.dropFirst() }
                    if range.first.map({ b[$0] }) == 0x0A { range = range.dropFirst() }
                }
                skipNewline = false
                appendText(b, range, to: &writer)
            case .cdata:
                guard dropped == 0 else { continue }
                writer.append(bytes: b[token.range])
            case .startTag:
                let role = Self.roles[token.name] ?? []
                if token.name == "body" {
                    // Whatever of <head> is still open ends here.
                    stack.removeAll()
                    open.removeAll()
                    dropped = 0; headings = 0; items = 0; preformatted = 0; quotations = 0
                }
                if role.contains(.void) || token.selfClosing {
                    guard dropped == 0 else { continue }
                    if token.name == "br" { writer.lineBreak() }
                    else if token.name == "hr" || role.contains(.block) { writer.start(context()) }
                    continue
                }
                let live = dropped == 0
                stack.append((token.name, role, live))
                open[token.name, default: 0] += 1
                count(role, 1)
                guard live else { continue }
                if role.contains(.block) {
                    writer.start(context())
                    skipNewline = role.contains(.preformatted)
                } else if role.contains(.cell) {
                    writer.cell()
                } else if role.contains(.quotation) {
                    writer.append(quotes[min(quotations, 1)].open)
                    quotations += 1
                }
            case .endTag:
                guard let n = open[token.name], n > 0 else {
                    // Stray end tags: </br> is a <br> (as in HTML5); </p> and other block ends still end a block.
                    guard dropped == 0 else { continue }
                    if token.name == "br" { writer.lineBreak() }
                    else if let role = Self.roles[token.name], role.contains(.block) { writer.start(context()) }
                    continue
                }
                // Closes the element and everything opened inside it and left open.
                var endsBlock = false
                while let top = stack.popLast() {
                    open[top.name]! -= 1
                    count(top.role, -1)
                    if top.live {
                        if top.role.contains(.block) { endsBlock = true }
                        if top.role.contains(.quotation) {
                            quotations -= 1
                            writer.append(quotes[min(quotations, 1)].close)
                        }
                    }
                    if top.name == token.name { break }
                }
                if endsBlock && dropped == 0 { writer.start(context()) }
            case .rawText, .escapableRawText, .comment, .doctype, .processingInstruction:
                continue
            }
        }
        writer.endBlock()
        return writer.text
    }

    /// Character data with its references decoded.
    func appendText(_ b: [UInt8], _ range: Range<Int>, to writer: inout LayoutWriter) {
        var i = range.lowerBound
        while i < range.upperBound {
            let c = b[i]
            if c == 0x26, let (value, end) = references.reference(b, at: i, limit: range.upperBound) {
                writer.append(value)
                i = end
            } else {
                writer.appendByte(c)
                i += 1
            }
        }
    }

    /// Decoded, whitespace collapsed: an attribute value or title as one line.
    func line(_ b: [UInt8], _ range: Range<Int>) -> String {
        var writer = LayoutWriter()
        appendText(b, range, to: &writer)
        writer.endBlock()
        return String(decoding: writer.output, as: UTF8.self)
    }

    func survey(_ b: [UInt8], _ tokens: [HTMLToken]) -> Survey {
        var survey = Survey(region: tokens.indices, isPage: true)
        var article: Int?
        var main: Int?
        var foreign = 0
        var sawHTML = false
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .startTag:
                switch token.name {
                case "html" where !sawHTML:
                    sawHTML = true
                    let attributes = HTMLTokenizer.attributes(b, token.range)
                    if let lang = attributes.first(where: { $0.name == "lang" || $0.name == "xml:lang" }) {
                        survey.lang = line(b, lang.value)
                    }
                case "meta":
                    let attributes = HTMLTokenizer.attributes(b, token.range)
                    guard let content = attributes.first(where: { $0.name == "content" }) else { continue }
                    let key = attributes.first { $0.name == "name" || $0.name == "property" }.map { line(b, $0.value).lowercased() }
                    switch key {
                    case "date", "dc.date", "dcterms.date", "article:published_time":
                        if survey.date.isEmpty { survey.date = Self.date(line(b, content.value)) }
                    case "author": if survey.author.isEmpty { survey.author = line(b, content.value) }
                    case "description": if survey.description.isEmpty { survey.description = line(b, content.value) }
                    case "keywords": if survey.keywords.isEmpty { survey.keywords = line(b, content.value) }
                    default: break
                    }
                case "title" where foreign == 0 && survey.title.isEmpty:
                    if index + 1 < tokens.count, tokens[index + 1].kind == .escapableRawText {
                        survey.title = line(b, tokens[index + 1].range)
                    }
                case "svg", "math":
                    if !token.selfClosing { foreign += 1 }
                case "article":
                    if article == nil { article = index }
                case "main":
                    if main == nil { main = index }
                default: break
                }
            case .endTag:
                if token.name == "svg" || token.name == "math" { foreign = max(0, foreign - 1) }
            default: break
            }
        }
        if let start = article ?? main {
            let name = tokens[start].name
            var depth = 0
            var end = tokens.count
            for index in start..<tokens.count where tokens[index].name == name {
                if tokens[index].kind == .startTag && !tokens[index].selfClosing { depth += 1 }
                if tokens[index].kind == .endTag { depth -= 1; if depth == 0 { end = index + 1; break } }
            }
            survey.region = start..<end
            survey.isPage = false
        }
        return survey
    }

    /// The date of an ISO 8601 date-time („2025-12-23T08:30:00+01:00“ → „2025-12-23“); other values as they are.
    static func date(_ value: String) -> String {
        let u = Array(value.utf8)
        guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D,
              u[0..<10].enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39) }),
              u.count == 10 || u[10] == 0x54 || u[10] == 0x20 else { return value }
        return String(decoding: u[0..<10], as: UTF8.self)
    }
}
