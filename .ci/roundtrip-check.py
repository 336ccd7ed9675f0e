#!/usr/bin/env python3
"""Helpers of .ci/roundtrip (standard library only).

fill IN OUT                  every <target> of an XLIFF (2.x or 1.2; empty or pre-filled) becomes "[EN] " + its source's text
project DIR JSON XLIFF       an OmegaT 3.6 project in DIR whose project memory translates each target text to "[EN] " + it
ttfill IN OUT                the same fill through Translate Toolkit (run with its Python): load, set targets, save
docxfill IN JSON OUT         every translation cell of a DOCX worksheet gets "[EN] " + its source, as a reviewer might type
                             it: one paragraph; "[EN]" and the source in two paragraphs; a tracked change (a deleted
                             word, the prefix inserted)
stats FILE JSON              OmegaT's project_stats.txt counts every segment of the worksheet, none remaining
check JSON SOURCE DIR LABEL [CLEAN]  the one merged document in DIR has the source's blocks in order with "[EN] " + each
                             segment; text: each target in order, and (CLEAN: the source's clean text) the layout exactly
"""
import html
import html.parser
import json
import os
import re
import sys

PREFIX = "[EN] "
PAIR = re.compile(r'(<source[^>]*>)(.*?)(</source>\s*)(<target[^>]*/>|<target[^>]*>.*?</target>)', re.S)
TAG = re.compile(r'<[^>]+>')
# Characters XML 1.0 cannot carry (controls, U+FFFE, U+FFFF): no XLIFF holds them, so no merge gives them back.
NOT_XML = re.compile('[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]')


def fill(src, dst):
    text = open(src, encoding="utf-8").read()
    count = 0

    def target(m):
        nonlocal count
        count += 1
        return m.group(1) + m.group(2) + m.group(3) + "<target>" + PREFIX + TAG.sub("", m.group(2)) + "</target>"
    out = PAIR.sub(target, text)
    if count == 0:
        sys.exit(f"fill: no source/target pairs in {src}")
    open(dst, "w", encoding="utf-8").write(out)


def ttfill(src, dst):
    from translate.storage import factory, xliff2
    text = open(src, encoding="utf-8").read()
    store = xliff2.Xliff2File.parsefile(src) if 'version="2.' in text[:400] else factory.getobject(src)
    count = 0
    for unit in store.units:
        if unit.isheader() or not unit.source:
            continue
        unit.target = PREFIX + unit.source
        count += 1
    if count == 0:
        sys.exit(f"ttfill: Translate Toolkit found no units in {src}")
    store.savefile(dst)


def docxfill(src, sheet_json, dst):
    import zipfile
    sheet = json.load(open(sheet_json, encoding="utf-8"))
    segments = sheet["segments"]
    empty = re.compile(r'<w:p><w:pPr><w:pStyle w:val="Target"/>(?:(?!</w:p>).)*?</w:pPr></w:p>', re.S)

    def run(text):
        # A line break in a source is Word's <w:br/>, as the worksheet writes it.
        return '<w:r><w:t xml:space="preserve">' + esc(text).replace("\n", '</w:t><w:br/><w:t xml:space="preserve">') + '</w:t></w:r>'
    count = 0

    def target(m):
        nonlocal count
        seg = segments[count]
        count += 1
        head = '<w:p><w:pPr><w:pStyle w:val="Target"/></w:pPr>'
        if count % 3 == 1:
            return head + run(PREFIX + seg["source"]) + '</w:p>'
        if count % 3 == 2:
            return head + run(PREFIX.strip()) + '</w:p>' + head + run(seg["source"]) + '</w:p>'
        return (head + '<w:del w:id="%d" w:author="Reviewer" w:date="2026-12-08T00:00:00Z"><w:r><w:delText>DELETED </w:delText></w:r></w:del>'
                '<w:ins w:id="%d" w:author="Reviewer" w:date="2026-12-08T00:00:00Z">' % (2 * count, 2 * count + 1)
                + run(PREFIX) + '</w:ins>' + run(seg["source"]) + '</w:p>')
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = empty.sub(target, data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    if count != len(segments):
        sys.exit(f"docxfill: {count} translation cells in {src}, {len(segments)} segments in {sheet_json}")


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def project(folder, sheet_json, xliff):
    sheet = json.load(open(sheet_json, encoding="utf-8"))
    src, trg = sheet["sourceLanguage"], sheet["targetLanguage"]
    open(os.path.join(folder, "omegat.project"), "w", encoding="utf-8").write(f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>source</source_dir>
        <source_dir_excludes></source_dir_excludes>
        <target_dir>target</target_dir>
        <tm_dir>tm</tm_dir>
        <glossary_dir>glossary</glossary_dir>
        <glossary_file>glossary/glossary.txt</glossary_file>
        <dictionary_dir>dictionary</dictionary_dir>
        <source_lang>{src}</source_lang>
        <target_lang>{trg}</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneGermanTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
""")
    # OmegaT translates the target's text (the source pre-filled, plain): the memory maps that text.
    texts = [html.unescape(TAG.sub("", m.group(1))) for m in re.finditer(r'<target[^>]*>(.*?)</target>', open(xliff, encoding="utf-8").read(), re.S)]
    tus = "".join(f'    <tu>\n      <tuv lang="{src}"><seg>{esc(t)}</seg></tuv>\n      <tuv lang="{trg}"><seg>{esc(PREFIX + t)}</seg></tuv>\n    </tu>\n'
                  for t in texts)
    open(os.path.join(folder, "omegat", "project_save.tmx"), "w", encoding="utf-8").write(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f'  <header creationtool="kernsatz-roundtrip" creationtoolversion="1" segtype="paragraph" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="{src}" datatype="plaintext"/>\n'
        f'  <body>\n{tus}  </body>\n</tmx>\n')


def stats(path, sheet_json):
    want = len(json.load(open(sheet_json, encoding="utf-8"))["segments"])
    text = open(path, encoding="utf-8").read()
    total = int(re.search(r'^Total:\s+(\d+)', text, re.M).group(1))
    remaining = int(re.search(r'^Remaining:\s+(\d+)', text, re.M).group(1))
    if total != want or remaining != 0:
        sys.exit(f"OmegaT: {total} segments, {remaining} remaining; the worksheet has {want}")


class Blocks(html.parser.HTMLParser):
    """The text of each block element of an HTML document, in order."""
    BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.depth = [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCK:
            if self.current is not None:
                self.blocks.append("".join(self.current))
            self.current, self.tag = [], tag

    def handle_endtag(self, tag):
        if tag in self.BLOCK and self.current is not None:
            if tag != "title":
                self.blocks.append("".join(self.current))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)


def blocks_of(text, form):
    if form == "html":
        parser = Blocks()
        parser.feed(text)
        return parser.blocks
    out = []
    for chunk in re.split(r'\n\s*\n', text):
        lines = chunk.split("\n")
        if all(re.match(r'\s*([-*+]|\d+[.)])\s', l) for l in lines if l.strip()):
            out += lines  # a list: one block per item
        else:
            out.append(" ".join(lines))
    if form == "markdown":
        out = [re.sub(r'^\s*(#+|[-*+]|\d+[.)])\s+', "", b) for b in out]
        out = [re.sub(r'\\(.)', r'\1', b) for b in out]
    else:
        out = [re.sub(r'^\s*([-*+•]|\d+[.)])\s+', "", b) for b in out]
    return out


def norm(s):
    s = re.sub(r'\s+', " ", s).strip()
    return re.sub(r' [–—-] ', " ", s)


def check(sheet_json, source, folder, label, clean=None):
    sheet = json.load(open(sheet_json, encoding="utf-8"))
    files = [f for f in os.listdir(folder) if not f.startswith(".")]
    if len(files) != 1:
        sys.exit(f"FAIL {label}: {len(files)} files in {folder}: {files}")
    merged_name = files[0]
    form = {"txt": "text", "md": "markdown", "html": "html"}[merged_name.rsplit(".", 1)[1]]
    merged = open(os.path.join(folder, merged_name), encoding="utf-8").read()
    # Expected: the source's blocks in order, each its segments' targets; the dateline starts the next block.
    expected, pending, block = [], "", None
    for seg in sheet["segments"]:
        text = PREFIX + seg["source"]
        if seg["kind"] == "dateline":
            pending += text + " "
        elif seg["block"] == block and expected:
            expected[-1] += " " + text
        else:
            expected.append(pending + text)
            pending, block = "", seg["block"]
    expected = [norm(e) for e in expected]
    problems = []
    if form == "text":
        # Text: every target where its segment was, in order (a .txt block may be one line of several
        # segments, or span lines), and the layout the source's exactly (below).
        at = 0
        for seg in sheet["segments"]:
            seg = dict(seg, source=NOT_XML.sub("", seg["source"]))
            found = merged.find(PREFIX + seg["source"], at)
            if found < 0:
                problems.append(f"segment {seg['id']} ({seg['kind']}) not found after offset {at}: {(PREFIX + seg['source'])[:80]!r}")
                break
            at = found + len(PREFIX + seg["source"])
    else:
        got = [norm(b) for b in blocks_of(merged, form) if PREFIX.strip() in b]
        if got != expected:
            for i in range(max(len(got), len(expected))):
                g = got[i] if i < len(got) else "(none)"
                e = expected[i] if i < len(expected) else "(none)"
                if g != e:
                    problems.append(f"block {i + 1}: got {g[:90]!r}, want {e[:90]!r}")
                    break
            problems.append(f"{len(got)} translated blocks, want {len(expected)}")
    if form == "text" and clean:
        # The layout exactly: the merged text without the targets' prefix is the source's clean text
        # (`kernsatz normalize`: what the worksheet was made from, no-break spaces plain, controls gone).
        original = NOT_XML.sub("", open(clean, encoding="utf-8").read())
        back = merged.replace(PREFIX, "")
        if back.rstrip("\n") != original.rstrip("\n"):
            for n, (a, b) in enumerate(zip(back.split("\n"), original.split("\n")), 1):
                if a != b:
                    problems.append(f"layout: line {n}: got {a[:80]!r}, source {b[:80]!r}")
                    break
            else:
                problems.append(f"layout: {back.count(chr(10))} lines, source {original.count(chr(10))}")
    if problems:
        sys.exit(f"FAIL {label} → {merged_name}: " + "; ".join(problems))
    print(f"ok   {label} → {merged_name}: {len(sheet['segments'])} segments, {len(expected)} blocks in order"
          + (", every target in place, layout identical to the clean source" if form == "text" and clean else ""))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"fill": fill, "ttfill": ttfill, "docxfill": docxfill, "project": project, "stats": stats, "check": check}[command](*args)
