"""Figures and tables of the end-to-end benchmark (bench.e2e): throughput per round, pooled latency, the mix,
profiles, and the one JSON line."""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

__all__ = ["report", "print_profile"]


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _rate(phase: dict[str, Any]) -> float:
    return len(phase["records"]) / phase["seconds"] if phase["seconds"] else 0.0


def _latencies(phases: list[dict[str, Any]], which: str) -> list[float]:
    return [r["latency_ms"] for p in phases for r in p["records"]
            if which == "all" or (which == "search") == bool(r["search"])]


def summary(res: dict[str, Any]) -> dict[str, Any]:
    """Throughput: the median round; latency: all latency rounds pooled."""
    rates = [_rate(p) for p in res["throughput"]]
    out: dict[str, Any] = {"updates_per_s": statistics.median(rates), "rounds": rates}
    for which in ("all", "search", "non_search"):
        values = _latencies(res["latency"], "search" if which == "search" else "non" if which == "non_search"
                            else "all")
        out[f"{which}_p50_ms"], out[f"{which}_p99_ms"], out[f"{which}_n"] = _pct(values, .5), _pct(values, .99), \
            len(values)
    return out


def cpu_ms(phase: dict[str, Any]) -> float:
    """CPU time of the bot process (all threads) per update: unlike updates/s, hardly moved by other work
    competing for the cores."""
    n = len(phase["records"])
    cpu_s = phase["bot_cpu_s"] if "bot_cpu_s" in phase else phase["bot_cpu"] * phase["seconds"]
    return cpu_s / n * 1000 if n else 0.0


def _per_label(records: list[dict[str, Any]]) -> list[tuple[str, int, float, float, float, float, int]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        groups[r["label"]].append(r)
    rows = []
    for label, rs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        lats = [r["latency_ms"] for r in rs]
        rows.append((label, len(rs), len(rs) / len(records), statistics.fmean(r["calls"] for r in rs),
                     _pct(lats, 0.5), _pct(lats, 0.99), sum(1 for r in rs if not r["pressed"])))
    return rows


def print_profile(args: argparse.Namespace, work: Path, updates: int) -> None:
    if args.profile == "cprofile":
        import pstats

        path = work / "bot.prof"
        print(f"\ncProfile of the {args.profile_bot} bot's event-loop thread, first throughput round ({updates} "
              "updates); µs per update (wall clock, so waits inside calls count):")
        raw: dict[Any, Any] = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
        print(f"{'tottime':>9}{'cumtime':>9}{'calls/upd':>10}  function")
        for (file, line, name), (_cc, nc, tt, ct, _callers) in sorted(raw.items(), key=lambda kv: -kv[1][2])[
                :args.profile_top]:
            where = f"{Path(file).name}:{line}" if line else file
            print(f"{tt / updates * 1e6:>9.0f}{ct / updates * 1e6:>9.0f}{nc / updates:>10.1f}  {name} ({where})")
    elif args.profile in ("pyspy", "pyspy-threads"):
        path = work / "bot.pyspy.txt"
        if not path.exists():
            print("\npy-spy wrote no profile (pip install py-spy into the venv)")
            return
        own: Counter[str] = Counter()
        incl: Counter[str] = Counter()
        total = 0
        for line in path.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if not stack or not count.isdigit():
                continue  # py-spy --threads may fold a frame name with spaces onto its own line
            n = int(count)
            frames = [re.sub(r":\d+\)$", ")", f) for f in stack.split(";")]
            total += n
            own[frames[-1]] += n
            for f in set(frames):
                incl[f] += n
        us = 1e6 / 250 / updates  # µs per update per sample
        what = "the GIL holder" if args.profile == "pyspy" else "every busy thread"
        print(f"\npy-spy, {what} at 250 Hz, {args.profile_bot} bot, first throughput round: "
              f"{total} samples = {total * us:.0f} µs per update (inflated when the machine is busy)")
        print("self µs/update  function")
        for f, n in own.most_common(args.profile_top):
            print(f"{n * us:>14.0f}  {f}")
        print("inclusive µs/update  function (ours, the store/knowledge/NLU code, the libraries' entry points)")
        keys = [f for f in incl if any(k in f for k in ("bot/", "store/", "knowledge/", "nlu/", "aiogram/",
                                                         "telegram/", "sqlalchemy/orm/session", "redis/"))]
        for f in sorted(keys, key=lambda k: -incl[k])[:args.profile_top]:
            print(f"{incl[f] * us:>19.0f}  {f}")
    else:
        return
    if args.profile_out:
        import shutil

        shutil.copy(path, args.profile_out)


def _phase_rows(r: dict[str, Any]) -> None:
    print(f"\n{'phase':<24}{'updates':>8}{'s':>7}{'upd/s':>7}{'bot CPU':>8}{'CPU ms/upd':>11}{'srv CPU':>8}"
          f"{'loop lag p99/max ms':>21}{'GC ms/upd':>10}{'load':>12}")
    for kind in ("throughput", "latency"):
        for i in range(len(r["ours"][kind])):
            for name in ("ours", "echo"):
                p = r[name][kind][i]
                n = len(p["records"])
                lag = p.get("loop_lag") or {"p99_ms": 0.0, "max_ms": 0.0}
                print(f"{f'{name} {kind} {i + 1}':<24}{n:>8}{p['seconds']:>7.1f}{n / p['seconds']:>7.0f}"
                      f"{p['bot_cpu'] * 100:>7.0f}%{cpu_ms(p):>11.2f}{p['server_cpu'] * 100:>7.0f}%"
                      f"{lag['p99_ms']:>11.1f} /{lag['max_ms']:>7.0f}"
                      f"{sum(lag.get('gc_s', [0.0])) / max(1, n) * 1000:>10.3f}"
                      f"{p['load'][0]:>6.1f}-{p['load'][1]:<5.1f}")


def report(args: argparse.Namespace, prep: dict[str, Any], r: dict[str, Any], mode: str) -> None:
    """Tables, then the JSON line; ``mode`` describes what ran."""
    ours, echo = summary(r["ours"]), summary(r["echo"])
    paired = [_rate(o) / _rate(e) for o, e in zip(r["ours"]["throughput"], r["echo"]["throughput"], strict=True)
              if _rate(e)]
    ratio = statistics.median(paired) if paired else 0.0
    store = (f"store {args.database.split(':')[0]}" if args.database else "SQLite store") + \
        (", state+dedup in Redis" if args.redis else ", state+dedup in the store")
    print(f"\nEnd to end through {args.transport}, {mode}; {store}; fake Bot API in its own process; "
          f"rate limiter off; {args.users} shoppers; {args.rounds} round(s), shopbot and echo alternating")
    print(f"prepared in {prep['seconds']:.0f} s ({prep['orders']} seeded orders; index/NLU build "
          f"{prep['build_s']:.0f} s); bot start-up: shopbot {r['ours']['startup_s']:.1f} s, "
          f"echo {r['echo']['startup_s']:.1f} s")
    _phase_rows(r)
    print(f"\n{'bot':<9}{'updates/s':>10}{'all p50':>9}{'p99':>8}{'search p50':>12}{'p99':>8}"
          f"{'non-search p50':>16}{'p99':>8}{'peak RSS':>10}   (latency at {args.rate:.0f} updates/s)")
    for name, s in (("shopbot", ours), ("echo", echo)):
        res = r["ours" if name == "shopbot" else "echo"]
        print(f"{name:<9}{s['updates_per_s']:>10.0f}{s['all_p50_ms']:>9.1f}{s['all_p99_ms']:>8.1f}"
              f"{s['search_p50_ms']:>12.1f}{s['search_p99_ms']:>8.1f}{s['non_search_p50_ms']:>16.1f}"
              f"{s['non_search_p99_ms']:>8.1f}{res['peak_rss_mb']:>8.0f} MB")
    print(f"ratio to echo (updates/s, median of the paired rounds): {ratio:.2f}  "
          f"[{', '.join(f'{x:.2f}' for x in paired)}]")
    thr = [rec for p in r["ours"]["throughput"] for rec in p["records"]]
    lat = [rec for p in r["ours"]["latency"] for rec in p["records"]]
    print(f"\nshopbot mix ({len(thr)} throughput updates; latency columns from the latency phase at "
          f"{args.rate:.0f}/s):")
    print(f"{'step':<38}{'share':>7}{'calls':>7}{'n lat':>7}{'p50 ms':>9}{'p99 ms':>9}{'no button':>10}")
    lat_rows = {row[0]: row for row in _per_label(lat)}
    for label, _n, share, calls, _p50, _p99, missing in _per_label(thr):
        lr = lat_rows.get(label)
        print(f"{label:<38}{share * 100:>6.1f}%{calls:>7.1f}{(lr[1] if lr else 0):>7}"
              f"{(lr[4] if lr else 0):>9.1f}{(lr[5] if lr else 0):>9.1f}{missing:>10}")
    print(f"log lines per update: shopbot {r['ours']['log_lines'] / max(1, len(thr) + len(lat)):.2f}")
    for name in ("ours", "echo"):
        skipped = sum(p["skipped"] for p in r[name]["latency"])
        if skipped:
            print(f"{name}: {skipped} turns passed over in the latency phase (the shopper's previous message "
                  "was still unanswered: the bot was behind the arrival rate)")
    sql = r["ours"].get("sql")
    if sql:
        handled = args.warmup + len(thr) + len(lat)
        total_n = sum(int(v[0]) for v in sql.values())
        total_s = sum(v[1] for v in sql.values())
        print(f"\nSQL (every phase, {handled} updates): {total_n / handled:.1f} statements and "
              f"{total_s / handled * 1000:.2f} ms per update (wall, execute to result); top statements:")
        print(f"{'per upd':>8}{'ms/upd':>8}{'ms each':>8}  statement")
        for text, (n, secs) in sorted(sql.items(), key=lambda kv: -kv[1][1])[:25]:
            print(f"{n / handled:>8.2f}{secs / handled * 1000:>8.2f}{secs / n * 1000:>8.2f}  {text}")
        holds = r["ours"].get("sql_holds") or {}
        print("transactions by opener (begin -> commit/rollback; W = a writer, which holds SQLite's write lock):")
        print(f"{'per upd':>8}{'ms each':>8}{'max ms':>8}  opened in")
        for where, (n, secs, most) in sorted(holds.items(), key=lambda kv: -kv[1][1])[:25]:
            print(f"{n / handled:>8.2f}{secs / n * 1000:>8.2f}{most * 1000:>8.0f}  {where}")
    trace = [t for ph in ("throughput", "latency") for p in r["ours"][ph] for t in p["trace"]]
    if trace:
        print("\ntrace of the first shopper (throughput and latency phases):")
        for label, sent, replies in trace:
            print(f"  [{label}] {sent!r} -> {len(replies)} call(s): {' | '.join(replies)[:300]}")
    loads = [p["load"][i] for k in ("ours", "echo") for ph in ("throughput", "latency") for p in r[k][ph]
             for i in (0, 1)]
    print(json.dumps({
        "bench": "e2e", "transport": args.transport, "mode": "fake-nlu" if args.fake_nlu else "real",
        "redis": bool(args.redis), "database": args.database.split(":")[0] if args.database else "sqlite",
        "users": args.users, "updates": args.updates, "rounds": args.rounds,
        "latency_updates": args.latency_updates, "latency_rate": args.rate,
        "updates_per_s": round(ours["updates_per_s"], 1), "rounds_updates_per_s": [round(x) for x in ours["rounds"]],
        "p50_ms": round(ours["all_p50_ms"], 2), "p99_ms": round(ours["all_p99_ms"], 2),
        "search_p50_ms": round(ours["search_p50_ms"], 2), "search_p99_ms": round(ours["search_p99_ms"], 2),
        "non_search_p50_ms": round(ours["non_search_p50_ms"], 2),
        "non_search_p99_ms": round(ours["non_search_p99_ms"], 2),
        "echo_updates_per_s": round(echo["updates_per_s"], 1),
        "echo_rounds_updates_per_s": [round(x) for x in echo["rounds"]],
        "echo_p50_ms": round(echo["all_p50_ms"], 2), "echo_p99_ms": round(echo["all_p99_ms"], 2),
        "ratio_to_echo": round(ratio, 3), "peak_rss_mb": round(r["ours"]["peak_rss_mb"], 1),
        "echo_peak_rss_mb": round(r["echo"]["peak_rss_mb"], 1),
        "cpu_ms_per_update": round(statistics.median(cpu_ms(p) for p in r["ours"]["throughput"]), 3),
        "echo_cpu_ms_per_update": round(statistics.median(cpu_ms(p) for p in r["echo"]["throughput"]), 3),
        "loop_lag_max_ms": round(max((p.get("loop_lag") or {}).get("max_ms", 0.0)
                                     for ph in ("throughput", "latency") for p in r["ours"][ph]), 1),
        "bot_cpu_throughput": round(statistics.median(p["bot_cpu"] for p in r["ours"]["throughput"]), 2),
        "server_cpu_throughput": round(statistics.median(p["server_cpu"] for p in r["ours"]["throughput"]), 2),
        "load_min_max": [round(min(loads), 2), round(max(loads), 2)],
    }))
