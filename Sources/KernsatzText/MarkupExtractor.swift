/// Turns HTML and Markdown into plain text in the layout the rest of Kernsatz reads
/// (`StructureParser`): metadata first as front matter between `---` lines, then blocks separated
/// by a blank line, headings as their own block, list items as `- item` lines. Plain text passes
/// unchanged.
///
///     let extractor = MarkupExtractor()
///     extractor.text(from: "<html lang=de><title>Titel</title><nav>Menü</nav><article><h1>Kopf</h1>"
///                    + "<p>Er sagte <q>Ja</q>.<br>Neue Zeile.</p><ul><li>eins<li>zwei</ul></article>", kind: .html)
///     // "---\ntitle: Titel\nlang: de\n---\n\nKopf\n\nEr sagte „Ja“.\nNeue Zeile.\n\n- eins\n- zwei\n"
///     extractor.text(from: "# Kopf\n\nText mit *Betonung* und [Link](https://example.org).\n\n1. eins\n", kind: .markdown)
///     // "Kopf\n\nText mit Betonung und Link.\n\n- eins\n"
///
/// **HTML.** A forgiving tokenizer of its own (no libxml2), linear in the input; broken markup
/// (unclosed tags, a stray `<`, uppercase names) never fails and keeps its text.
/// - *Which text:* with an `<article>`, only the first one; else the first `<main>`; else the page.
/// - *Dropped with their content:* `head` (but `<title>` and `<meta>` give the metadata), `script`,
///   `style`, `noscript`, `template`, `svg`, `math`, `iframe`, `object`, `canvas`, `audio`, `video`,
///   `map`, `nav`, `aside`, `footer`, `menu`, `form` and its controls (`button`, `select`,
///   `textarea`), `dialog`; `header` when the text is the whole page (no `<article>`, no `<main>`: the
///   site's banner), kept inside an article, where it holds the headline and teaser. Images
///   are dropped with their `alt` text (photo credits, not article text); comments, `<!DOCTYPE>` and
///   processing instructions too. CDATA sections are text.
/// - *Blocks:* `p`, `div`, `section`, `article`, `main`, `h1`–`h6`, `li`, `blockquote`, `pre`,
///   `figure`, `figcaption`, `table`, `caption`, `tr`, `dl`, `dt`, `dd`, `address`, `details`,
///   `summary`, `hr` and the like. Table cells (`td`, `th`) of a row are joined with ` | `.
///   Everything else (`a`, `b`, `em`, `strong`, `span`, `abbr`, unknown elements) is inline.
/// - *Lines:* whitespace collapses as in browsers except in `<pre>`; `<br>` is a line break
///   inside the paragraph, never a blank line (a space in headings and list items).
/// - *`<q>`* gets quotation marks for the language of `<html lang>`: „…“ (inner ‚…‘) for German,
///   “…” (inner ‘…’) otherwise.
/// - *References:* numeric ones as HTML5 decodes them, named ones from `HTMLEntities`; unknown stay.
/// - *Metadata:* `title` (`<title>`), `date` (`<meta name=date>` or `property=article:published_time`,
///   the date part of a date-time), `author`, `description`, `keywords` (`<meta name=…>`), `lang`.
///
/// **Markdown.** CommonMark's block structure line by line: ATX and setext headings, paragraphs,
/// lists (`-`, `*`, `+`, `1.`, `1)`, written as `- `), block quotes (the `>` removed), tables (cells
/// joined with ` | `). Left out: fenced and indented code blocks (code is not translated), thematic
/// breaks, reference link definitions, images (`![alt](src)`, alt text included). Inline: emphasis
/// markers removed where they are markup (not in `5 * 3`, `2*3` or `snake_case`), code spans keep their
/// text, links keep their text, autolinks their address, HTML tags are removed, backslash escapes
/// and character references resolved. Front matter at the start stays as it is: it is already ours.
public struct MarkupExtractor: Sendable {
    public let references: CharacterReferences

    /// - Parameter entities: the named character references HTML and Markdown may use.
    public init(entities: HTMLEntities = .shipped()) {
        references = CharacterReferences(entities: entities)
    }

    /// The text of `source` in Kernsatz's layout.
    ///
    /// - Complexity: O(*n*).
    public func text(from source: String, kind: MarkupKind) -> String {
        switch kind {
        case .plain: return source
        case .html: return HTMLTextExtractor(references: references).text(from: source)
        case .markdown: return MarkdownTextExtractor(references: references).text(from: source)
        }
    }
}
