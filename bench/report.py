#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Turns bench/run's per-size results into one JSON file and a markdown table with ratios."""
import argparse
import json
import sys

TOOLS_INDEX = ["hub-index", "omindex", "fts5"]
CLASSES = ["word", "words2", "words3", "phrase", "field", "filter", "facets", "nosnippets", "all"]


def ratio(a, b):
    return a / b if b else float("inf")


def fmt(x, digits=2):
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits}f}"


def indexing_rows(run):
    text = run["corpus"]["text_bytes"]
    rows = {}
    for tool in TOOLS_INDEX:
        r = run["indexing"][tool]
        wall = max(r["wall_s"], 0.001)
        rows[tool] = {
            "wall_s": r["wall_s"],
            "mb_per_s": text / 1e6 / wall,
            "docs_per_s": run["corpus"]["records"] / wall,
            "peak_rss_mib": r["peak_rss_kb"] / 1024,
            "cpu_percent": r["cpu_percent"],
            "index_bytes": r["index_bytes"],
            "index_to_text": r["index_bytes"] / text,
        }
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--machine", required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--markdown", required=True)
    ap.add_argument("runs", nargs="+")
    args = ap.parse_args()

    runs = [json.load(open(p)) for p in args.runs]
    runs.sort(key=lambda r: r["records"])
    machine = json.loads(args.machine)
    out = {"machine": machine, "command": args.command, "sizes": []}
    md = []
    md.append(f"Machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']} RAM; "
              f"Xapian {machine['xapian']}, SQLite {machine['sqlite']}; hubsearch at "
              f"{machine['commit']}. Command: `{args.command}`.\n")

    for run in runs:
        n = run["records"]
        c = run["corpus"]
        idx = indexing_rows(run)
        s = run["search"]
        out["sizes"].append({"records": n, "corpus": c, "indexing": idx, "search": s})
        md.append(f"### {n:,} records ({c['text_bytes'] / 1e6:.1f} MB of text, "
                  f"{c['studies']:,} studies, {c['speeches']:,} speeches; "
                  f"ru {c['records_by_lang'].get('ru', 0):,} / kk "
                  f"{c['records_by_lang'].get('kk', 0):,} / en {c['records_by_lang'].get('en', 0):,})\n")
        md.append("| indexing | wall s | MB/s | docs/s | CPU % | peak RSS MiB | index / text | hub MB/s ÷ this |")
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        hub_mbs = idx["hub-index"]["mb_per_s"]
        for tool in TOOLS_INDEX:
            r = idx[tool]
            md.append(f"| {tool} | {fmt(r['wall_s'])} | {fmt(r['mb_per_s'])} | {r['docs_per_s']:.0f} | "
                      f"{r['cpu_percent']} | {r['peak_rss_mib']:.0f} | {r['index_to_text']:.2f} | "
                      f"{fmt(ratio(hub_mbs, r['mb_per_s']))}× |")
        hub = run["indexing"]["hub-index"]
        if hub.get("stopped_at_rss_kb"):
            md.append(f"\nhub-index on the whole corpus directory was stopped when its resident memory "
                      f"passed {hub['rss_limit_kb'] / 1048576:.1f} GiB "
                      f"(at {hub['stopped_at_rss_kb'] / 1048576:.1f} GiB); the row above is a second "
                      f"run given one path per subdirectory, which commits after each.")
        md.append("")
        ip = s["inprocess"]
        md.append("| in-process, ms | hub p50 | hub p95 | hub p99 | Xapian p50 | Xapian p99 | "
                  "FTS5 p50 | FTS5 p99 | hub p50 ÷ Xapian | hub p50 ÷ FTS5 |")
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for cls in CLASSES:
            h, x, f = ip["hub"][cls], ip["xapian"][cls], ip["fts5"][cls]
            md.append(f"| {cls} | {fmt(h['p50'])} | {fmt(h['p95'])} | {fmt(h['p99'])} | "
                      f"{fmt(x['p50'])} | {fmt(x['p99'])} | {fmt(f['p50'])} | {fmt(f['p99'])} | "
                      f"{fmt(ratio(h['p50'], x['p50']))}× | {fmt(ratio(h['p50'], f['p50']))}× |")
        md.append("")
        pr = s["process"]
        md.append("| one process per query, ms | p50 | p95 | p99 | p50 ÷ quest |")
        md.append("|---|---:|---:|---:|---:|")
        for tool in ["hub-search", "quest", "sqlite3"]:
            a = pr[tool]["all"]
            md.append(f"| {tool} | {fmt(a['p50'])} | {fmt(a['p95'])} | {fmt(a['p99'])} | "
                      f"{fmt(ratio(a['p50'], pr['quest']['all']['p50']))}× |")
        md.append("")

    if len(runs) > 1:
        first, last = runs[0], runs[-1]
        growth = last["records"] / first["records"]
        md.append(f"### Scaling from {first['records']:,} to {last['records']:,} records "
                  f"({growth:.0f}× the records)\n")
        md.append("| measure | " + " | ".join(f"{r['records']:,}" for r in runs) + " | growth |")
        md.append("|---|" + "---:|" * (len(runs) + 1))
        rows = [
            ("hub-index MB/s", lambda r: indexing_rows(r)["hub-index"]["mb_per_s"]),
            ("hub-index peak RSS MiB", lambda r: indexing_rows(r)["hub-index"]["peak_rss_mib"]),
            ("omindex MB/s", lambda r: indexing_rows(r)["omindex"]["mb_per_s"]),
            ("hub in-process p50 ms", lambda r: r["search"]["inprocess"]["hub"]["all"]["p50"]),
            ("hub in-process p99 ms", lambda r: r["search"]["inprocess"]["hub"]["all"]["p99"]),
            ("Xapian in-process p50 ms", lambda r: r["search"]["inprocess"]["xapian"]["all"]["p50"]),
            ("FTS5 in-process p50 ms", lambda r: r["search"]["inprocess"]["fts5"]["all"]["p50"]),
            ("hub-search process p50 ms", lambda r: r["search"]["process"]["hub-search"]["all"]["p50"]),
            ("quest process p50 ms", lambda r: r["search"]["process"]["quest"]["all"]["p50"]),
        ]
        for name, get in rows:
            vals = [get(r) for r in runs]
            md.append(f"| {name} | " + " | ".join(fmt(v) for v in vals) +
                      f" | {fmt(ratio(vals[-1], vals[0]))}× |")
        md.append("")

    # The targets, judged on the 100k run when there is one, else the largest.
    target_run = next((r for r in runs if r["records"] == 100000), runs[-1])
    idx = indexing_rows(target_run)
    ip = target_run["search"]["inprocess"]["hub"]["all"]
    pr = target_run["search"]["process"]
    max_rss = max(max(indexing_rows(r)["hub-index"]["peak_rss_mib"],
                      (r["indexing"]["hub-index"].get("stopped_at_rss_kb") or 0) / 1024) for r in runs)
    targets = [
        ("indexing MB/s ≥ 3× omindex", ratio(idx["hub-index"]["mb_per_s"], idx["omindex"]["mb_per_s"]), 3.0, "≥", "×"),
        ("hub-index peak RSS ≤ 1024 MiB (all sizes)", max_rss, 1024, "≤", " MiB"),
        ("index size ≤ 2× text", idx["hub-index"]["index_to_text"], 2.0, "≤", "×"),
        ("library p50 ≤ 2 ms", ip["p50"], 2.0, "≤", " ms"),
        ("library p99 ≤ 20 ms", ip["p99"], 20.0, "≤", " ms"),
        ("hub-search p50 ≤ quest p50", ratio(pr["hub-search"]["all"]["p50"], pr["quest"]["all"]["p50"]), 1.0, "≤", "×"),
    ]
    if len(runs) > 1:
        g = ratio(runs[-1]["search"]["inprocess"]["hub"]["all"]["p50"],
                  runs[0]["search"]["inprocess"]["hub"]["all"]["p50"])
        targets.append((f"latency grows sub-linearly (p50 growth < {runs[-1]['records'] / runs[0]['records']:.0f}×)",
                        g, runs[-1]["records"] / runs[0]["records"], "<", "×"))
    md.append(f"### Targets (at {target_run['records']:,} records)\n")
    md.append("| target | measured | met |")
    md.append("|---|---:|---|")
    out["targets"] = []
    for name, value, limit, op, unit in targets:
        met = value >= limit if op == "≥" else (value <= limit if op == "≤" else value < limit)
        out["targets"].append({"target": name, "value": value, "limit": limit, "met": met})
        md.append(f"| {name} | {fmt(value)}{unit} | {'yes' if met else 'no'} |")
    md.append("")

    with open(args.json, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    with open(args.markdown, "w") as f:
        f.write("\n".join(md) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
