#!/usr/bin/env python3
"""Checks tests/relevance/queries.tsv and qrels.tsv against the corpus.

Usage: check_judgements.py [--ids] [CORPUS-DIR]

Computes the record ids from the XML files (a study: study/@id; a speech:
TRANSCRIPT-ID/SESSION-ID/N, N counting the speeches of the session from 1 in
document order), then checks that every QID of qrels.tsv is in queries.tsv,
that QIDs are unique, that every query has at least one record of grade >= 2,
that grades are 1..3, and that every RECORD-ID exists. Prints counts per
phenomenon and language. --ids prints only the record ids. Exit status 1 on error.
"""
import collections
import pathlib
import sys
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent


def record_ids(corpus):
    ids = []
    for path in sorted(pathlib.Path(corpus).rglob("*.xml")):
        root = ET.parse(path).getroot()  # expat reads the declared encoding (windows-1251, UTF-16)
        if root.tag == "study":
            ids.append(root.get("id"))
        elif root.tag == "transcript":
            for session in root.findall("session"):
                for n, _ in enumerate(session.findall("speech"), start=1):
                    ids.append(f"{root.get('id')}/{session.get('id')}/{n}")
    return ids


def read_tsv(path):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def main(argv):
    only_ids = "--ids" in argv
    args = [a for a in argv if a != "--ids"]
    corpus = args[0] if args else HERE.parent.parent / "corpus"
    ids = record_ids(corpus)
    if only_ids:
        print("\n".join(ids))
        return 0
    errors = []
    if len(set(ids)) != len(ids):
        errors.append("duplicate record ids in the corpus")
    known = set(ids)
    queries = {}
    for row in read_tsv(HERE / "queries.tsv"):
        if len(row) != 4 or not all(row):
            errors.append(f"queries.tsv: bad row {row!r}")
            continue
        if row[0] in queries:
            errors.append(f"queries.tsv: duplicate QID {row[0]}")
        queries[row[0]] = row
    grades = collections.defaultdict(dict)
    for row in read_tsv(HERE / "qrels.tsv"):
        if len(row) != 3:
            errors.append(f"qrels.tsv: bad row {row!r}")
            continue
        qid, rid, grade = row
        if qid not in queries:
            errors.append(f"qrels.tsv: QID {qid} not in queries.tsv")
        if rid not in known:
            errors.append(f"qrels.tsv: {qid}: record {rid} not in the corpus")
        if grade not in ("1", "2", "3"):
            errors.append(f"qrels.tsv: {qid} {rid}: grade {grade!r} not 1..3")
        if rid in grades[qid]:
            errors.append(f"qrels.tsv: {qid} {rid} judged twice")
        grades[qid][rid] = int(grade) if grade.isdigit() else 0
    for qid in queries:
        if not any(g >= 2 for g in grades.get(qid, {}).values()):
            errors.append(f"{qid}: no record of grade >= 2")
    print(f"corpus: {len(ids)} records ({sum('/' not in i for i in ids)} studies, "
          f"{sum('/' in i for i in ids)} speeches)")
    print(f"queries: {len(queries)}; judgements: {sum(len(g) for g in grades.values())} "
          f"(grade 3: {sum(g == 3 for d in grades.values() for g in d.values())}, "
          f"2: {sum(g == 2 for d in grades.values() for g in d.values())}, "
          f"1: {sum(g == 1 for d in grades.values() for g in d.values())})")
    table = collections.defaultdict(collections.Counter)
    for qid, phenomenon, lang, _ in queries.values():
        table[phenomenon][lang] += 1
    langs = ["ru", "kk", "en"]
    print(f"{'phenomenon':18} {'total':>5} " + " ".join(f"{l:>3}" for l in langs))
    for phenomenon in sorted(table):
        c = table[phenomenon]
        print(f"{phenomenon:18} {sum(c.values()):>5} " + " ".join(f"{c[l]:>3}" for l in langs))
        if sum(c.values()) < 6:
            errors.append(f"{phenomenon}: fewer than 6 queries")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
