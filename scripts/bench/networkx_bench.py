#!/usr/bin/env python3
"""networkx side of `npm run bench`: the same KGX file and queries as mechkg, one process per run.

    python3 networkx_bench.py EDGES_TSV QUERIES_JSON MODE [--reps N] [--max-seconds S]

MODE is `load` (load only), `paths` (load, then the 10 shortest simple paths of the first query pair, the
whole-process workload of the issue's first goal) or `queries` (load, then time each query kind on every pair).
Prints one JSON object on stdout; progress goes to stderr. Exit 3 when networkx is not installed, so the
runner skips the networkx columns.

The graph is a DiGraph of the causal edges (mechkg's default), with the sign, predicate and evidence
columns as edge attributes and the nodes file's name and category as node attributes: what a user would
build to run these queries. networkx's shortest_simple_paths does not accept multigraphs, so parallel edges
(about 3% of rows in the generated graphs) collapse into one; that makes networkx's graph slightly smaller.
"""
import itertools
import json
import os
import resource
import sys
import time

try:
    import networkx as nx
except ImportError:  # the runner treats exit 3 as "networkx not available"
    sys.stderr.write("networkx_bench: networkx is not installed; skipping\n")
    sys.exit(3)

# Signs and causal flags as mechkg derives them (src/import/derive-meaning.ts, through Biolink 4.4.4) for the
# predicates the generator writes: a Biolink direction qualifier decides, else a predicate whose name says it;
# `causes`, `contributes_to` and `affects` alone have no sign. tests/scale/bench-meaning.test.ts checks these
# tables against mechkg's edgeMeaning for every edge kind of scripts/bench/generate-kgx.mjs.
POSITIVE_DIRECTIONS = {"increased", "upregulated"}
NEGATIVE_DIRECTIONS = {"decreased", "downregulated"}
POSITIVE = {"positively_correlated_with", "promotes_condition", "predisposes_to_condition", "exacerbates_condition"}
NEGATIVE = {"negatively_correlated_with", "preventative_for_condition", "ameliorates_condition", "treats"}
# influence predicates (followed by path queries); correlations and related_to are associations
CAUSAL = {"affects", "regulates", "disrupts", "causes", "contributes_to", "treats", "preventative_for_condition",
          "promotes_condition", "predisposes_to_condition", "exacerbates_condition", "ameliorates_condition"}


def sign_of(predicate, direction):
    if direction in POSITIVE_DIRECTIONS:
        return 1
    if direction in NEGATIVE_DIRECTIONS:
        return -1
    return 1 if predicate in POSITIVE else -1 if predicate in NEGATIVE else 0


def load(edges_path):
    g = nx.DiGraph()
    nodes_path = edges_path.replace("_edges.tsv", "_nodes.tsv")
    if nodes_path != edges_path and os.path.exists(nodes_path):
        with open(nodes_path, encoding="utf-8") as f:
            header = f.readline().rstrip("\r\n").split("\t")
            i_id, i_cat, i_name = header.index("id"), header.index("category"), header.index("name")
            width = len(header)
            for line in f:
                row = line.rstrip("\r\n").split("\t")
                row += [""] * (width - len(row))  # KGX leaves trailing empty fields off
                if row[i_id] in g and not row[i_name]:
                    continue  # a repeated node row: KGX merges it into the first
                g.add_node(row[i_id], category=row[i_cat].split("|")[0], name=row[i_name])
    with open(edges_path, encoding="utf-8") as f:
        header = f.readline().rstrip("\r\n").split("\t")
        width = len(header)
        col = {name: i for i, name in enumerate(header)}
        i_s, i_p, i_o = col["subject"], col["predicate"], col["object"]
        i_id, i_dir = col.get("id"), col.get("object_direction_qualifier")
        i_src, i_pub = col.get("primary_knowledge_source"), col.get("publications")
        for n, line in enumerate(f, 2):
            row = line.rstrip("\r\n").split("\t")
            row += [""] * (width - len(row))
            predicate = row[i_p].replace("biolink:", "")
            direction = row[i_dir] if i_dir is not None else ""
            if predicate not in CAUSAL:
                continue
            g.add_edge(
                row[i_s],
                row[i_o],
                id=row[i_id] if i_id is not None else str(n),
                predicate=row[i_p],
                sign=sign_of(predicate, direction),
                source=row[i_src] if i_src is not None else "",
                publications=row[i_pub].split("|") if i_pub is not None and row[i_pub] else [],
            )
            if n % 200000 == 0:
                sys.stderr.write(f"\rnetworkx_bench: {n:,} lines")
    return g


def shortest(g, s, t):
    try:
        return [nx.shortest_path(g, s, t)]
    except nx.NetworkXNoPath:
        return []


def ranked(g, s, t):
    try:
        return list(itertools.islice(nx.shortest_simple_paths(g, s, t), 10))
    except nx.NetworkXNoPath:
        return []


def bounded(g, s, t):
    return list(itertools.islice(nx.all_simple_paths(g, s, t, cutoff=5), 1000))


QUERIES = {"shortest": shortest, "ranked": ranked, "bounded": bounded}
# 5,000 calls: V8 reaches its steady state for mechkg's shortest path after about 3,000 (mechkg-bench.mjs)
WARM_CALLS = 5000
WARM_SECONDS = 2.0


def main():
    args = sys.argv[1:]
    edges_path, queries_path, mode = args[0], args[1], args[2]
    reps = int(args[args.index("--reps") + 1]) if "--reps" in args else 3
    with open(queries_path, encoding="utf-8") as f:
        pairs = json.load(f)
    started = time.perf_counter()
    g = load(edges_path)
    load_ms = (time.perf_counter() - started) * 1000
    sys.stderr.write(f"\rnetworkx_bench: loaded {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges in {load_ms:.0f} ms\n")
    out = {"tool": "networkx", "version": nx.__version__, "mode": mode, "load_ms": load_ms,
           "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    if mode == "paths":
        t0 = time.perf_counter()
        paths = ranked(g, pairs[0]["from"], pairs[0]["to"])
        out["query_ms"] = (time.perf_counter() - t0) * 1000
        out["found"] = len(paths)
        out["lengths"] = [len(p) - 1 for p in paths]
    elif mode == "queries":
        out["queries"] = {}
        for name, fn in QUERIES.items():
            # First pass timed apart (cold_ms), then warm-up calls until WARM_CALLS or WARM_SECONDS:
            # the same rule as mechkg-bench.mjs (CPython has no JIT, so this changes little here).
            cold = []
            for pair in pairs:
                t0 = time.perf_counter()
                fn(g, pair["from"], pair["to"])
                cold.append((time.perf_counter() - t0) * 1000)
            warm_start, calls = time.perf_counter(), len(pairs)
            while calls < WARM_CALLS and time.perf_counter() - warm_start < WARM_SECONDS:
                pair = pairs[calls % len(pairs)]
                fn(g, pair["from"], pair["to"])
                calls += 1
            times, found, lengths = [], [], []
            for pair in pairs:
                for _ in range(reps):
                    t0 = time.perf_counter()
                    paths = fn(g, pair["from"], pair["to"])
                    times.append((time.perf_counter() - t0) * 1000)
                found.append(len(paths))
                lengths.append([len(p) - 1 for p in paths][:10])
            out["queries"][name] = {"ms": times, "cold_ms": cold, "found": found, "lengths": lengths}
            sys.stderr.write(f"networkx_bench: {name} done\n")
    out["max_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out["process_ms"] = (time.perf_counter() - started) * 1000
    print(json.dumps(out))


if __name__ == "__main__":
    main()
