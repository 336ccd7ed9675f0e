import XCTest
@testable import KernsatzText

final class MarkupExtractorTests: XCTestCase {
    let extractor = MarkupExtractor()

    func html(_ source: String) -> String { extractor.text(from: source, kind: .html) }
    func markdown(_ source: String) -> String { extractor.text(from: source, kind: .markdown) }

    /// Runs a table of input → expected output, naming the failing row.
    func check(_ kind: MarkupKind, _ cases: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (input, expected) in cases {
            XCTAssertEqual(extractor.text(from: input, kind: kind), expected, "input: \(input.debugDescription)", file: file, line: line)
        }
    }

    // MARK: kinds

    func testKind_pathExtensions_caseInsensitive() {
        let cases: [(String, MarkupKind?)] = [("txt", .plain), ("TEXT", .plain), ("md", .markdown), ("Markdown", .markdown),
                                              ("html", .html), ("HTM", .html), ("xhtml", .html), ("docx", nil), ("", nil)]
        for (ext, kind) in cases { XCTAssertEqual(MarkupKind.kind(forPathExtension: ext), kind, ext) }
    }

    func testPlain_isReturnedUnchanged() {
        let text = " date 2025-12-23 Teaser.\n\n<p>bleibt</p> &amp; *so*\n"
        XCTAssertEqual(extractor.text(from: text, kind: .plain), text)
    }

    // MARK: HTML edge cases

    func testHTML_degenerateInput_neverCrashesAndKeepsText() {
        check(.html, [
            ("", ""),                                           // empty
            ("<html><body><div></div></body></html>", ""),      // only tags
            ("<", "<\n"),                                       // a lone "<"
            ("a < b", "a < b\n"),                               // a comparison
            ("3 <4 und x<y", "3 <4 und x<y\n"),                 // "<y" cut off at the end stays text
            ("Text<!-- offen", "Text\n"),                       // unclosed comment at the end
            ("Text <!-- a --> mehr <!--> und <!---> Ende", "Text mehr und Ende\n"),
            ("A &amp", "A &amp\n"),                             // named entity at end, no semicolon
            ("A &", "A &\n"),                                   // ampersand at end
            ("A &#", "A &#\n"),
            ("A &#228", "A ä\n"),                               // numeric at end without semicolon
            ("<P>Gro&szlig;</P><DIV>B</DIV>", "Groß\n\nB\n"),   // uppercase tags
            ("<p>eins<p>zwei", "eins\n\nzwei\n"),               // unclosed tags
            ("<p title=\"a>b\" class='x>y'>Text</p>", "Text\n"), // ">" in quoted attributes
            ("<p title=\"offen>Text</p>", "Text\n"),            // unclosed quote ends at the first ">"
            ("</p></div>Text</span>", "Text\n"),                // stray end tags
            ("<!DOCTYPE html><?xml version=\"1.0\"?><p>A</p>", "A\n"),
            ("<p>A<![CDATA[ <b>&amp;</b> ]]>B</p>", "A <b>&amp;</b> B\n"),
            ("<p>x</>y</3>z</p>", "xyz\n"),
            // "<!" and "<?" open a bogus comment that runs to the end, as in browsers; "</" is text.
            ("A<!", "A\n"), ("A<!-", "A\n"), ("A</", "A</\n"), ("A<?", "A\n"), ("A<![CDATA[x", "A\n"),
            ("<p a=\"1\" b='2' c=3 d>A</p", "A</p\n"),             // end tag cut off
            // An unclosed CDATA section is a bogus comment to the next ">" (HTML5), not the rest as text.
            ("<p>A<![CDATA[ <b>B</b> und mehr</p><p>C</p>", "AB und mehr\n\nC\n"),
            // A tag the input ends in, with a quote open: markup, dropped; without a quote: text.
            ("<p>Text</p><a href=\"https://x.example/?q=<b>", "Text\n"),
            ("<p>Text</p><img alt='Bild", "Text\n"),
        ])
    }

    func testHTML_scriptContent_isDropped() {
        check(.html, [
            ("<p>A</p><script>var s = '</p><p>nein';</script><p>B</p>", "A\n\nB\n"),
            ("<p>A<script type=x>if (a<b) {}</SCRIPT > B</p>", "A B\n"),
            ("<style>p { color: red }</style><p>A</p>", "A\n"),
            ("<p>A</p><script>nie geschlossen</p>", "A\n"),
            ("<p>A <svg><title>Icon</title><text>x</text></svg>B</p>", "A B\n"),
            ("<p>A</p><template><p>T</p></template><noscript><p>N</p></noscript>", "A\n"),
            ("<p>A</p><iframe src=x>Fallback</iframe><object>O</object>", "A\n"),
        ])
    }

    func testHTML_characterReferences_areDecodedOnce() {
        check(.html, [
            ("&amp;lt;", "&lt;\n"),
            ("&bdquo;Zitat&ldquo; &auml;&Ouml; &euro;&nbsp;5", "„Zitat“ äÖ €\u{A0}5\n"),
            ("&#228;&#xE4;&#XE4;", "äää\n"),
            ("&#0;&#xD800;&#x110000;&#99999999999;", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\n"),
            ("&#150;&#x80;&#147;x&#148;", "–€“x”\n"),        // Windows-1252
            ("&unbekannt; &AUML; AT&T", "&unbekannt; &AUML; AT&T\n"),
            ("&apos;&hellip;&mdash;&Scaron;", "'…—Š\n"),
            ("A&#32;&#32;B", "A B\n"),                         // decoded spaces collapse
        ])
    }

    func testHTML_whitespace_collapsesExceptInPre() {
        check(.html, [
            ("<p>  A \n\t B  </p>", "A B\n"),
            ("<p>A<b>B</b> <i>C</i></p>", "AB C\n"),
            ("<pre>\n  a  b\n  c</pre>", "  a  b\n  c\n"),
            ("<p>Zeile 1<br>Zeile 2<br/><br>Zeile 3</p>", "Zeile 1\nZeile 2\nZeile 3\n"),
            ("<p><br>A<br></p>", "A\n"),
            ("<h2>Eins<br>Zwei</h2>", "Eins Zwei\n"),
        ])
    }

    func testHTML_blocksAndInlines() {
        check(.html, [
            ("<div>A<div>B</div>C</div>", "A\n\nB\n\nC\n"),
            ("<p>ein <a href=\"/x\">Link</a>, <em>betont</em>, <abbr>EU</abbr></p>", "ein Link, betont, EU\n"),
            ("<ul><li>eins</li><li>zwei<ul><li>drei</li></ul></li></ul><p>Text</p>", "- eins\n- zwei\n- drei\n\nText\n"),
            ("<ol><li><p>Absatz im Punkt</p></li></ol>", "- Absatz im Punkt\n"),
            ("<table><tr><th>Land</th><th>Quote</th></tr><tr><td>DE</td><td></td><td>5 %</td></tr></table>",
             "Land | Quote\n\nDE | 5 %\n"),
            ("<figure><img src=a.jpg alt=\"Foto: dpa\"><figcaption>Die Kanzlerin</figcaption></figure>", "Die Kanzlerin\n"),
            ("<dl><dt>Begriff</dt><dd>Erklärung</dd></dl>", "Begriff\n\nErklärung\n"),
            ("<p>A</p><hr><p>B</p>", "A\n\nB\n"),
            ("<blockquote><p>Zitat</p></blockquote>", "Zitat\n"),
        ])
    }

    func testHTML_q_getsQuotationMarksOfTheDocumentLanguage() {
        check(.html, [
            ("<html lang=\"de-DE\"><p>Er sagte <q>Ja <q>klar</q></q>.</p>", "---\nlang: de-DE\n---\n\nEr sagte „Ja ‚klar‘“.\n"),
            ("<html lang=en><p>He said <q>yes</q>.</p>", "---\nlang: en\n---\n\nHe said “yes”.\n"),
        ])
    }

    func testHTML_articleOrMain_isTheOnlyText() {
        check(.html, [
            ("<body><nav>Menü</nav><p>Rand</p><article><p>A</p></article><article><p>B</p></article></body>", "A\n"),
            ("<body><header>Logo</header><main><p>M</p></main><footer>F</footer></body>", "M\n"),
            ("<body><header>Logo</header><p>Text</p><aside>Mehr zum Thema</aside><footer>Impressum</footer></body>", "Text\n"),
            ("<article><header><h1>Titel</h1></header><p>Text.</p><footer>Autor</footer></article>", "Titel\n\nText.\n"),
            ("<article><p>A<article><p>innen</p></article>B</p></article><p>außen</p>", "A\n\ninnen\n\nB\n"),
        ])
    }

    func testHTML_metadata_becomesFrontMatter() {
        let page = """
        <!DOCTYPE html><html lang="de"><head><title>Der  Titel &ndash; Zeitung</title>
        <meta name="author" content="Erika Muster"><meta property="article:published_time" content="2025-12-23T08:30:00+01:00">
        <META NAME="Description" CONTENT="Kurz &amp; knapp"><meta name="keywords" content="EU, Haushalt"></head><body><p>Text</p></body></html>
        """
        XCTAssertEqual(html(page), """
        ---
        title: Der Titel – Zeitung
        date: 2025-12-23
        author: Erika Muster
        description: Kurz & knapp
        keywords: EU, Haushalt
        lang: de
        ---

        Text

        """)
    }

    // MARK: HTML realistic

    func testHTML_germanNewsPage_articleTextOnly() {
        let page = """
        <!DOCTYPE html>
        <html lang="de">
        <head>
          <meta charset="utf-8">
          <title>Haushalt: Einigung in Brüssel | Tagesblatt</title>
          <meta name="date" content="2025-12-23">
          <meta name="author" content="Anna Beispiel">
          <link rel="stylesheet" href="/s.css">
          <script>window.dataLayer = []; if (a < b && c > d) { document.write("</p>"); }</script>
        </head>
        <body>
          <header class="site"><a href="/"><img src="logo.svg" alt="Tagesblatt"></a>
            <nav><ul><li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li></ul></nav>
          </header>
          <div class="cookie">Wir verwenden Cookies. <button>OK</button></div>
          <article>
            <header>
              <h1>EU-Staaten einigen sich auf Haushalt</h1>
              <p class="teaser">Nach langen Verhandlungen steht der Kompromiss.</p>
            </header>
            <p>Brüssel &ndash; Die Mitgliedstaaten haben sich in der Nacht geeinigt.
               &bdquo;Das ist ein guter Tag f&uuml;r Europa&ldquo;, sagte die Ratspr&auml;sidentin.</p>
            <figure><img src="foto.jpg" alt="Gipfel"><figcaption>Die Staats- und Regierungschefs am Abend</figcaption></figure>
            <h2>Die wichtigsten Punkte</h2>
            <ul>
              <li>Mehr Geld für Forschung</li>
              <li>Weniger Agrarsubventionen</li>
            </ul>
            <p>Das Parlament muss noch zustimmen.<br>
               Die Abstimmung ist für Januar geplant.</p>
            <aside><h3>Mehr zum Thema</h3><a href="/x">Frühere Gipfel</a></aside>
            <footer>Erschienen am 23.12.2025</footer>
          </article>
          <footer class="site"><p>&copy; 2025 Tagesblatt &middot; Impressum</p></footer>
          <script src="/app.js"></script>
        </body>
        </html>
        """
        XCTAssertEqual(html(page), """
        ---
        title: Haushalt: Einigung in Brüssel | Tagesblatt
        date: 2025-12-23
        author: Anna Beispiel
        lang: de
        ---

        EU-Staaten einigen sich auf Haushalt

        Nach langen Verhandlungen steht der Kompromiss.

        Brüssel – Die Mitgliedstaaten haben sich in der Nacht geeinigt. „Das ist ein guter Tag für Europa“, sagte die Ratspräsidentin.

        Die Staats- und Regierungschefs am Abend

        Die wichtigsten Punkte

        - Mehr Geld für Forschung
        - Weniger Agrarsubventionen

        Das Parlament muss noch zustimmen.
        Die Abstimmung ist für Januar geplant.

        """)
    }

    func testHTML_extractedText_readsAsStructure() throws {
        let page = """
        <html lang="de"><head><title>Einigung beim Haushalt</title><meta name="date" content="2025-12-23"></head>
        <body><nav>Start</nav><article><h1>Einigung beim Haushalt</h1>
        <p>Brüssel – Die Mitgliedstaaten haben sich geeinigt. Das Parlament stimmt im Januar ab.</p>
        <h2>Die Punkte</h2><ul><li>Mehr Geld für Forschung</li><li>Weniger Subventionen</li></ul>
        <p>Die Kommission begrüßte die Einigung.</p></article></body></html>
        """
        let text = try CleanText(html(page))
        let structure = StructureParser(nonPlaceWords: ["Die", "Der", "Das"]).parse(text)
        XCTAssertEqual(structure.metadata["title"], "Einigung beim Haushalt")
        XCTAssertEqual(structure.metadata.date, "2025-12-23")
        XCTAssertEqual(structure.metadata.dateline, "Brüssel")
        XCTAssertEqual(structure.blocks.map(\.kind), [.heading, .paragraph, .heading, .listItem, .listItem, .paragraph])
        XCTAssertEqual(structure.blocks.map { text.string($0.range) }[3], "Mehr Geld für Forschung")
    }

    // MARK: Markdown edge cases

    func testMarkdown_degenerateInput() {
        check(.markdown, [
            ("", ""),
            ("\n\n   \n", ""),
            ("#", ""),
            ("*", ""),                                               // an empty list item
            ("**", "**\n"),
            ("[", "[\n"),
            ("`", "`\n"),
            ("<", "<\n"),
            ("&amp", "&amp\n"),
            ("```\nnie geschlossen", ""),
            (">", ""), ("[]()", ""), ("![](", "![](\n"), ("`` ` ``", "`\n"), ("<a@>", "<a@>\n"), ("a <b@c> d", "a b@c d\n"), ("\\", "\\\n"),
            ("| a |", "| a |\n"), ("1.", ""), ("- ", ""),
        ])
    }

    func testMarkdown_headings() {
        check(.markdown, [
            ("# Titel", "Titel\n"),
            ("## Titel ##\nText", "Titel\n\nText\n"),
            ("#Kein Titel", "#Kein Titel\n"),
            ("####### sieben", "####### sieben\n"),
            ("Titel\n=====\nText", "Titel\n\nText\n"),
            ("Unter\ntitel\n---\n\nText", "Unter titel\n\nText\n"),
            ("# C# und F#", "C# und F#\n"),
        ])
    }

    func testMarkdown_frontMatter_staysAsItIs() {
        check(.markdown, [
            ("---\ntitle: Titel\ndate: 2025-12-23\n---\n\n# Kopf\n\nText", "---\ntitle: Titel\ndate: 2025-12-23\n---\n\nKopf\n\nText\n"),
            ("Text\n\n---\n\nMehr", "Text\n\nMehr\n"),               // a thematic break later is dropped
        ])
    }

    func testMarkdown_listsQuotesCodeAndTables() {
        check(.markdown, [
            ("- a\n* b\n+ c", "- a\n- b\n- c\n"),
            ("1. eins\n2) zwei\n10. zehn", "- eins\n- zwei\n- zehn\n"),
            ("- Punkt\n  weiter\n  - innen", "- Punkt weiter\n- innen\n"),
            ("Text\n- Punkt", "Text\n\n- Punkt\n"),
            ("Am\n2. Januar", "Am 2. Januar\n"),                   // "2." does not interrupt a paragraph
            ("> Zitat\n> weiter\n>\n> zwei", "Zitat weiter\n\nzwei\n"),
            ("Text\n\n```swift\nlet x = 1\n```\n\nMehr", "Text\n\nMehr\n"),
            ("Text\n\n    code\n\nMehr", "Text\n\nMehr\n"),
            ("~~~\n```\n~~~\nA", "A\n"),
            ("| Land | Quote |\n|---|:--:|\n| DE | 5 % |\n| *FR* | 6 \\| 7 |\n\nText", "Land | Quote\n\nDE | 5 %\n\nFR | 6 | 7\n\nText\n"),
            ("***\n___\n- - -", ""),
        ])
    }

    func testMarkdown_inline_removesOnlyMarkup() {
        check(.markdown, [
            ("*betont* und **stark** und ***beides***", "betont und stark und beides\n"),
            ("_kursiv_ und __fett__ und ~~weg~~", "kursiv und fett und weg\n"),
            ("5 * 3 = 15 und 2*3*4", "5 * 3 = 15 und 2*3*4\n"),
            ("snake_case_name und __init__", "snake_case_name und init\n"),
            ("„*Zitat*“ und (_Klammer_)", "„Zitat“ und (Klammer)\n"),
            ("`*kein* [Link](x)` und ``a ` b``", "*kein* [Link](x) und a ` b\n"),
            ("ein [Link](https://example.org/a_(b) \"Titel\") hier", "ein Link hier\n"),
            ("[Text][ref] und [Kurz] und [nix]\n\n[ref]: https://a.example\n[kurz]: https://b.example", "Text und Kurz und [nix]\n"),
            ("Bild ![Alt *Text*](bild.png) weg", "Bild weg\n"),
            ("<https://example.org/x?a=1> und <name@example.org>", "https://example.org/x?a=1 und name@example.org\n"),
            ("a <span class=\"x\">b</span> <!-- c --> d<br>e", "a b d\ne\n"),
            ("\\*kein\\* \\_auch\\_ \\# \\\\", "*kein* _auch_ # \\\n"),
            ("&bdquo;Zitat&ldquo; &amp;lt; &#228;", "„Zitat“ &lt; ä\n"),
            ("Zeile  \nzwei\\\ndrei\nvier", "Zeile\nzwei\ndrei vier\n"),
            ("a < b > c", "a < b > c\n"),
        ])
    }

    // MARK: Markdown realistic

    func testMarkdown_germanNewsArticle() {
        let source = """
        ---
        title: Einigung beim Haushalt
        date: 2025-12-23
        ---

        # EU-Staaten einigen sich auf Haushalt

        *Nach langen Verhandlungen steht der Kompromiss.*

        Brüssel – Die Mitgliedstaaten haben sich in der Nacht geeinigt.
        „Das ist ein **guter Tag** für Europa“, sagte die [Ratspräsidentin](https://example.org/rp).

        ![Gipfel](gipfel.jpg)

        Die wichtigsten Punkte
        ----------------------

        1. Mehr Geld für Forschung
        2. Weniger Agrarsubventionen

        > Das Parlament muss noch zustimmen.

        ```json
        {"id": 1}
        ```

        [rp]: https://example.org/rp
        """
        XCTAssertEqual(markdown(source), """
        ---
        title: Einigung beim Haushalt
        date: 2025-12-23
        ---

        EU-Staaten einigen sich auf Haushalt

        Nach langen Verhandlungen steht der Kompromiss.

        Brüssel – Die Mitgliedstaaten haben sich in der Nacht geeinigt. „Das ist ein guter Tag für Europa“, sagte die Ratspräsidentin.

        Die wichtigsten Punkte

        - Mehr Geld für Forschung
        - Weniger Agrarsubventionen

        Das Parlament muss noch zustimmen.

        """)
    }

    func testMarkdown_extractedText_readsAsStructure() throws {
        let source = "---\ntitle: Einigung\ndate: 2025-12-23\n---\n\n# Einigung beim Haushalt\n\nBrüssel – Die Staaten haben sich geeinigt.\n\n## Die Punkte\n\n- Mehr *Geld*\n- Weniger Subventionen\n\nDie Kommission begrüßte das.\n"
        let text = try CleanText(markdown(source))
        let structure = StructureParser(nonPlaceWords: ["Die", "Der", "Das"]).parse(text)
        XCTAssertEqual(structure.metadata["title"], "Einigung")
        XCTAssertEqual(structure.metadata.date, "2025-12-23")
        XCTAssertEqual(structure.blocks.map(\.kind), [.heading, .paragraph, .heading, .listItem, .listItem, .paragraph])
        XCTAssertEqual(text.string(structure.blocks[3].range), "Mehr Geld")
    }

    // MARK: documentation

    func testDocExamples_holdAsWritten() {
        XCTAssertEqual(html("<html lang=de><title>Titel</title><nav>Menü</nav><article><h1>Kopf</h1>"
                            + "<p>Er sagte <q>Ja</q>.<br>Neue Zeile.</p><ul><li>eins<li>zwei</ul></article>"),
                       "---\ntitle: Titel\nlang: de\n---\n\nKopf\n\nEr sagte „Ja“.\nNeue Zeile.\n\n- eins\n- zwei\n")
        XCTAssertEqual(markdown("# Kopf\n\nText mit *Betonung* und [Link](https://example.org).\n\n1. eins\n"),
                       "Kopf\n\nText mit Betonung und Link.\n\n- eins\n")
        XCTAssertEqual(CharacterReferences(entities: .shipped()).decode("&bdquo;Zitat&ldquo; &amp;lt; &#x20AC;&#150; &nosuch;"),
                       "„Zitat“ &lt; €– &nosuch;")
        let entities = HTMLEntities.shipped()
        XCTAssertEqual([entities["bdquo"], entities["Auml"], entities["nosuch"]], ["„", "Ä", nil])
        XCTAssertEqual(HTMLTokenizer.tokens(Array("<p class=x>A &amp; B</p>".utf8)).map(\.kind), [.startTag, .text, .endTag])
        var writer = LayoutWriter()
        writer.frontMatter([("title", "Titel")])
        writer.start(.heading); writer.append("Eine  Überschrift"); writer.endBlock()
        writer.start(.listItem); writer.append("eins"); writer.endBlock()
        writer.start(.listItem); writer.append("zwei"); writer.endBlock()
        XCTAssertEqual(writer.text, "---\ntitle: Titel\n---\n\nEine Überschrift\n\n- eins\n- zwei\n")
        XCTAssertEqual(MarkupKind.kind(forPathExtension: "HTM"), .html)
    }

    // MARK: entities list

    func testEntities_shippedList_hasHTML4AndCommonHTML5Names() {
        let entities = HTMLEntities.shipped()
        XCTAssertGreaterThanOrEqual(entities.table.count, 253)
        for (name, value) in [("nbsp", "\u{A0}"), ("yuml", "ÿ"), ("szlig", "ß"), ("Omega", "Ω"), ("sigmaf", "ς"), ("thetasym", "ϑ"),
                              ("diams", "♦"), ("euro", "€"), ("bdquo", "„"), ("lsaquo", "‹"), ("apos", "'"), ("hellip", "…"),
                              ("lang", "\u{27E8}"), ("zcaron", "ž"), ("lstrok", "ł")] {
            XCTAssertEqual(entities[name], value, name)
        }
    }

    func testEntities_parsing_skipsCommentsAndBadLines() {
        let entities = HTMLEntities(text: "# Kopf\nauml\tU+00E4\nzwei\tU+0041 U+0308\nkaputt U+0041\nfalsch\tX+0041\n\n")
        XCTAssertEqual(entities.table, ["auml": "ä", "zwei": "A\u{308}"])
    }
}
