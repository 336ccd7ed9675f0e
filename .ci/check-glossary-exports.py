#!/usr/bin/env python3
"""Loads `kernsatz glossary convert`'s exports in Translate Toolkit and compares every entry with the
original TBX v3, read here on its own with ElementTree (not with Kernsatz's reader).

    check-glossary-exports.py ORIGINAL.tbx --tbx2008 G.tbx --csv G.csv --tsv G.utf8 [--to en]

TBX 2008 (translate.storage.tbx): one unit per concept, its source terms, every target term per
language with its deprecated status, the source definition. CSV (csvl10n): one unit per translation,
the (source, target) pairs of every language. TSV (OmegaT glossary, translate.storage.omegat): the
(source, target) pairs of the --to language without deprecated ones, which are in the entry's
(first line's) comment as „not: …“. Exit 1 with the first differences when anything is missing or extra.
"""
import argparse
import sys
import xml.etree.ElementTree as ET

from translate.storage import factory

NS = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def primary(tag):
    return tag.replace("_", "-").split("-")[0].lower()


def original_concepts(path, source):
    """[(id, definition, [(lang, term, status)])] as the TBX v3 file says."""
    concepts = []
    for concept in ET.parse(path).getroot().iter(NS + "conceptEntry"):
        terms, definition = [], None
        for lang_sec in concept.findall(NS + "langSec"):
            lang = lang_sec.get(XML_LANG)
            d = lang_sec.find(NS + "descrip[@type='definition']")
            if d is not None and primary(lang) == source:
                definition = " ".join(d.text.split())
            for term_sec in lang_sec.findall(NS + "termSec"):
                status = term_sec.find(NS + "termNote[@type='administrativeStatus']")
                status = status.text.strip() if status is not None else "preferredTerm-admn-sts"
                terms.append((lang, " ".join(term_sec.find(NS + "term").text.split()), status))
        concepts.append((concept.get("id"), definition, terms))
    return concepts


def compare(name, want, got, failures):
    missing, extra = sorted(set(want) - set(got)), sorted(set(got) - set(want))
    if missing or extra or len(want) != len(got):
        failures.append(f"{name}: {len(got)} loaded, {len(want)} expected; missing {missing[:5]}, extra {extra[:5]}")
    else:
        print(f"{name}: {len(got)} loaded by Translate Toolkit, as expected")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("original")
    parser.add_argument("--tbx2008")
    parser.add_argument("--csv")
    parser.add_argument("--tsv")
    parser.add_argument("--source", default="de")
    parser.add_argument("--to", default="en")
    args = parser.parse_args()
    concepts = original_concepts(args.original, args.source)
    failures = []

    if args.tbx2008:
        store = factory.getobject(args.tbx2008)
        store.setsourcelanguage(args.source)
        want, got = [], []
        for cid, definition, terms in concepts:
            sources = tuple(t for l, t, _ in terms if primary(l) == args.source)
            targets = tuple(sorted((primary(l), t, s.startswith("deprecated")) for l, t, s in terms if primary(l) != args.source))
            want.append((cid, sources, targets, definition))
        for unit in store.units:
            languages = [node.get(XML_LANG) for node in unit.getlanguageNodes()]
            targets = []
            for lang in languages:
                if primary(lang) == args.source:
                    continue
                targets += [(primary(lang), t.text, t.deprecated) for t in unit.get_target_terms(lang)]
            sources = tuple(t.text for t in unit.get_source_terms())
            definitions = [n.text for n in unit.get_common_notes(source=True) if n.origin == "definition"]
            got.append((unit.getid(), sources, tuple(sorted(targets)), definitions[0] if definitions else None))
        compare(f"TBX 2008 {args.tbx2008} (concepts with terms, statuses, definitions)", want, got, failures)

    if args.csv:
        store = factory.getobject(args.csv)
        want = [(t, tt) for _, _, terms in concepts for _, t, _ in [x for x in terms if primary(x[0]) == args.source]
                for _, tt, _ in [x for x in terms if primary(x[0]) != args.source]]
        got = [(u.source, u.target) for u in store.units]
        compare(f"CSV {args.csv} (source-target pairs, every language)", want, got, failures)

    if args.tsv:
        store = factory.getobject(args.tsv)
        want, deprecated = [], {}
        for _, _, terms in concepts:
            for _, source_term, _ in [x for x in terms if primary(x[0]) == args.source]:
                usable = [(t, s) for l, t, s in terms if primary(l) == args.to and not s.startswith("deprecated")]
                # Preferred first, as OmegaT lists them.
                usable = [t for t, s in usable if s.startswith("preferred")] + [t for t, s in usable if not s.startswith("preferred")]
                want += [(source_term, t) for t in usable] or [(source_term, "")]
                old = [t for l, t, s in terms if primary(l) == args.to and s.startswith("deprecated")]
                if old:
                    deprecated[source_term] = old
        got = [(u.source, u.target) for u in store.units]
        compare(f"TSV {args.tsv} (OmegaT glossary: {args.to} pairs, preferred first)", want, got, failures)
        if want != got and sorted(want) == sorted(got):
            failures.append(f"TSV {args.tsv}: the pairs are there but not in the glossary's order (preferred first)")
        # The comment is on an entry's first line only (OmegaT lists every line's comment under the entry).
        first = {}
        for unit in store.units:
            first.setdefault(unit.source, unit.getnotes())
        for source_term, old_terms in deprecated.items():
            for old in old_terms:
                if old not in first.get(source_term, ""):
                    failures.append(f"TSV {args.tsv}: '{source_term}': the deprecated '{old}' is not in the comment '{first.get(source_term)}'")
        print(f"TSV {args.tsv}: the deprecated translations of {len(deprecated)} entries are in their comments („not: …“)")

    for failure in failures:
        print("FAIL", failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
