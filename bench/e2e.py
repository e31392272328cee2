"""End to end through a Telegram library: updates/s and reply latency of shopbot against the local fake Bot API.

    python -m bench.e2e [--transport ptb|aiogram] [--updates N] [--rate R] [--redis URL] [--database URL]
                        [--fake-nlu] [--users U] [--cache-from DATA_DIR] [--profile cprofile|pyspy]

What runs (default, "real stack"): shopbot exactly as `shopbot run` builds it -- the chosen library's adapter,
ShopBot with the built-in NLU on the shared multilingual USE encoder, product search (FAISS + BM25) and Q&A
over the demo catalog and FAQ, the periodic jobs, logging at INFO as `run` sets it (into a file) -- with only
the outgoing rate limiter off. The store is a scratch SQLite file (or ``--database``), prepared once per run
before anything is timed: `shopbot demo`'s preparation (catalog, images, promotions, FAQ), one cash-on-delivery
order for every third shopper (so order history and tracking have something to show), then one start and stop
of ShopBot that builds the search index and trains the NLU model into the scratch data dir (``--cache-from``
copies an existing data dir's embedding cache and NLU model first, which only skips recomputing them).
Conversation state and update de-duplication live in that store, or in Redis with ``--redis``.

``--fake-nlu`` runs the earlier transport + core mode instead: the keyword FakeNLU from the tests, no encoder,
search or Q&A, an empty store, and a text-only mix of ten messages.

Processes: the fake Bot API (tests/helpers/fake_bot_api.py) and the simulated shoppers run in one process,
the bot in another (a fresh one for shopbot, then a fresh one for the echo bot), so the server's HTTP work is
not billed to the bot; on this 2-core machine each gets about one core. See bench/e2e_server.py for how an
update is timed (queued for getUpdates -> the bot's handler returned after its last reply was answered).

Traffic (bench/e2e_traffic.py): ``--users`` shoppers (default 1000, one in five Chinese-speaking) walk through
shopping sessions: greeting; free-text searches and bare product queries (English and Chinese); product details
and "add to cart" by pressing the buttons of the previous reply (callback queries, answered); add or show by
reference ("add the second one"); cart view and its +/- buttons; next page / more like this; a FAQ question;
thanks; order history / tracking; help; an out-of-scope message. Search latency (messages that run the search
engine) and non-search latency are reported apart; throughput is over the whole mix.

Phases: both bots are started first (each with its own fake server and shoppers) and stay up; then (1) warm-up,
``--warmup`` updates each, not reported; (2) throughput, ``--rounds`` rounds alternating shopbot and echo:
closed loop, every shopper sends its next message as soon as its previous one was answered, ``--updates`` per
round; updates/s = updates / (first push -> last update finished); the median round is reported, and the ratio
to echo is the median of the paired (adjacent) rounds, so load from other work on the machine hits both alike;
(3) latency, ``--rounds`` rounds alternating: open loop, updates arrive at a steady ``--rate`` from the shoppers
in turn (default: half of shopbot's median throughput from phase 2, the same rate for the echo bot: busy but
not saturated), ``--latency-updates`` per round; p50/p99 of done - pushed over all rounds.

The floor, timed in the same run on the same library, fake server and shopper scripts: a bare echo bot
(answers every message with its text; button steps send their fallback text, so it gets as many updates). It
gets what shopbot's process also has, so the ratio measures our adapter and core rather than these: the garbage
collector settings of ``ShopBot.start`` (freeze + young generation), PTB's aiohttp backend
(bot.transports.ptb.aiohttp_request), aiogram's response-type fix (bot.transports.aiogram.app).

Reported per round: updates/s, CPU ms per update of the bot process (all threads; far steadier than updates/s
on a shared machine), event-loop lag (how late a 10 ms timer fired) and GC time per update. Peak RSS is the bot
process's (``ru_maxrss``). Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.e2e_prepare import prepare

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("PTB_TIMEDELTA", "true")

ROOT = Path(__file__).resolve().parent.parent


# -- one bot: server process + bot process ------------------------------------------------------------------------
def _recv(conn: Any, what: str, timeout: float, proc: Any) -> Any:
    deadline = time.monotonic() + timeout
    while not conn.poll(1.0):
        if not proc.is_alive():
            raise RuntimeError(f"{what}: the process died (exit code {proc.exitcode})")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: no answer in {timeout:.0f} s")
    return conn.recv()


class BotRun:
    """One bot under test: its own fake Bot API + shoppers process and its own bot process. Both bots are
    started before anything is timed and stay up, so their phases can alternate (a busy machine then
    slows both alike)."""

    def __init__(self, kind: str, args: argparse.Namespace, work: Path, ctx: Any, server_cfg: dict[str, Any]) -> None:
        self.kind, self.args, self.work, self.ctx = kind, args, work, ctx
        self.server_cfg = {**server_cfg, "echo": kind == "echo"}
        self.result: dict[str, Any] = {"throughput": [], "latency": []}
        self.procs: list[Any] = []
        self.pid = 0

    def start(self) -> None:
        from bench.e2e_bots import bot_main
        from bench.e2e_server import server_main

        ctx, args = self.ctx, self.args
        self.srv, srv_child = ctx.Pipe()
        done_r, done_w = ctx.Pipe(duplex=False)
        server = ctx.Process(target=server_main, args=(srv_child, done_r, self.server_cfg),
                             name=f"e2e-server-{self.kind}")
        server.start()
        self.procs.append(server)
        srv_child.close()
        api = _recv(self.srv, "fake Bot API start", 60, server)
        self.ctl, ctl_child = ctx.Pipe()
        cfg = {"kind": self.kind, "transport": args.transport, "fake_nlu": args.fake_nlu,
               "data_dir": str(self.work / "var"), "database_url": args.database, "redis_url": args.redis,
               "token": api["token"], "base_url": f"http://127.0.0.1:{api['port']}",
               "log_file": str(self.work / f"{self.kind}.log"), "profile_file": str(self.work / "bot.prof"),
               "loop_debug": args.loop_debug, "sql_profile": args.sql_profile}
        bot = ctx.Process(target=bot_main, args=(ctl_child, done_w, cfg), name=f"e2e-bot-{self.kind}")
        bot.start()
        self.procs.append(bot)
        for conn in (ctl_child, done_r, done_w):
            conn.close()
        ready = _recv(self.ctl, f"{self.kind} bot start", 900, bot)
        self.result["startup_s"], self.result["ready_rss_mb"], self.pid = ready["startup_s"], ready["rss_mb"], \
            ready["pid"]

    def phase(self, cmd: dict[str, Any], keep: str | None = None, profile: str | None = None) -> dict[str, Any]:
        spy: subprocess.Popen[bytes] | None = None
        if profile == "cprofile":
            self.ctl.send("profile_start")
            _recv(self.ctl, "profile start", 30, self.procs[1])
        elif profile in ("pyspy", "pyspy-threads"):
            gil = ["--gil"] if profile == "pyspy" else []
            spy = subprocess.Popen([str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(self.pid),
                                    "--rate", "250", "--format", "raw", *gil, "--nonblocking",
                                    "-o", str(self.work / "bot.pyspy.txt")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)
        self.ctl.send("lag_reset")
        _recv(self.ctl, "loop lag", 30, self.procs[1])
        try:
            self.srv.send({**cmd, "bot_pid": self.pid})
            out: dict[str, Any] = _recv(self.srv, f"{self.kind} {cmd['cmd']} phase", cmd["timeout"] + 60,
                                        self.procs[0])
            self.ctl.send("lag_read")
            out["loop_lag"] = _recv(self.ctl, "loop lag", 30, self.procs[1])
        finally:
            if profile == "cprofile":
                self.ctl.send("profile_stop")
                _recv(self.ctl, "profile stop", 60, self.procs[1])
            if spy is not None:
                spy.send_signal(signal.SIGINT)
                spy.wait(60)
        if keep:
            self.result[keep].append(out)
        return out

    def stop(self) -> None:
        try:
            if self.procs and self.procs[-1].is_alive() and len(self.procs) == 2:
                self.ctl.send("stop")
                self.result.update(_recv(self.ctl, f"{self.kind} bot stop", 120, self.procs[1]))
            if self.procs and self.procs[0].is_alive():
                self.srv.send({"cmd": "stop"})
        finally:
            for proc in reversed(self.procs):
                proc.join(30)
                if proc.is_alive():
                    proc.terminate()
                    proc.join(10)


def _run_all(args: argparse.Namespace, work: Path, ctx: Any, server_cfg: dict[str, Any]) -> dict[str, Any]:
    runs = {kind: BotRun(kind, args, work, ctx, server_cfg) for kind in ("ours", "echo")}
    try:
        for run in runs.values():
            run.start()
        timeout = max(300.0, args.updates / 10)
        for run in runs.values():
            run.phase({"cmd": "closed", "n": args.warmup, "timeout": timeout})
        for i in range(args.rounds):
            for kind, run in runs.items():
                profile = args.profile if (i == 0 and kind == args.profile_bot) else None
                run.phase({"cmd": "closed", "n": args.updates, "timeout": timeout}, keep="throughput",
                          profile=profile)
        if args.rate is None:  # half of shopbot's measured capacity: a busy but not saturated bot
            rates = sorted(len(p["records"]) / p["seconds"] for p in runs["ours"].result["throughput"])
            args.rate = max(1.0, round(rates[len(rates) // 2] / 2))
        lat_timeout = max(300.0, 4 * args.latency_updates / args.rate)
        for _ in range(args.rounds):
            for run in runs.values():
                run.phase({"cmd": "open", "n": args.latency_updates, "rate": args.rate, "timeout": lat_timeout},
                          keep="latency")
    finally:
        for run in runs.values():
            run.stop()
    return {kind: run.result for kind, run in runs.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--transport", choices=["ptb", "aiogram"], default="ptb")
    parser.add_argument("--updates", type=int, default=5000, help="updates in the throughput phase")
    parser.add_argument("--warmup", type=int, default=1000, help="updates before anything is timed")
    parser.add_argument("--latency-updates", type=int, default=2000, help="updates in the latency phase")
    parser.add_argument("--rate", type=float, default=None, help="arrival rate of the latency phase (updates/s; "
                        "default: half of shopbot's median throughput in this run, the same for the echo bot)")
    parser.add_argument("--users", type=int, default=1000, help="simulated shoppers")
    parser.add_argument("--rounds", type=int, default=3, help="throughput and latency rounds per bot, alternating "
                        "shopbot and echo; throughput is the median round, latency pools the rounds")
    parser.add_argument("--database", default=None, help="store URL (default: a scratch SQLite file)")
    parser.add_argument("--redis", default=None, help="REDIS_URL for conversation state and update dedup "
                        "(its database is FLUSHED: use a private number such as /14)")
    parser.add_argument("--fake-nlu", action="store_true", help="transport + core only: keyword NLU, no encoder, "
                        "search or Q&A, empty store, text-only mix")
    parser.add_argument("--cache-from", type=Path, default=None, help="copy this data dir's embedding cache "
                        "and NLU model into the scratch dir first (skips recomputing them; e.g. var)")
    parser.add_argument("--profile", choices=["cprofile", "pyspy", "pyspy-threads"], default=None,
                        help="profile a bot's process during the first throughput round (pyspy: the thread "
                        "holding the GIL; pyspy-threads: every busy thread, native work such as TF included)")
    parser.add_argument("--profile-bot", choices=["ours", "echo"], default="ours", help="which bot to profile")
    parser.add_argument("--profile-top", type=int, default=30)
    parser.add_argument("--profile-out", type=Path, default=None, help="keep the raw profile here")
    parser.add_argument("--loop-debug", action="store_true", help="asyncio debug mode in the bot process: every "
                        "callback that holds the loop over 50 ms is logged to the bot's log (slows it down)")
    parser.add_argument("--sql-profile", action="store_true", help="count and time every SQL statement shopbot "
                        "runs (all phases from start-up on; printed per update)")
    parser.add_argument("--trace", action="store_true", help="print the first shopper's turns and replies")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory (logs, store)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from bench.e2e_report import print_profile, report

    mode = ("fake NLU (transport + core only: keyword NLU, no encoder/search/Q&A)" if args.fake_nlu
            else "real stack (built-in NLU + multilingual USE, search and Q&A over the demo catalog and FAQ)")
    work = Path(tempfile.mkdtemp(prefix="bench-e2e-"))
    (work / "var").mkdir()
    rng = random.SystemRandom()
    first_user = 900_000_000 + rng.randrange(0, 50_000_000)
    server_cfg = {"users": args.users, "first_user": first_user, "zh_share": 0.2, "fake_nlu": args.fake_nlu,
                  "first_update_id": rng.randrange(10**8, 10**9), "trace": args.trace}
    ctx = mp.get_context("spawn")
    try:
        if args.cache_from and not args.fake_nlu:
            for sub in ("index/embeddings", "models"):
                src = args.cache_from / sub
                if src.exists():
                    shutil.copytree(src, work / "var" / sub)
        parent, child = ctx.Pipe()
        prep_proc = ctx.Process(target=prepare, args=({"data_dir": str(work / "var"), "database": args.database,
                                                         "fake_nlu": args.fake_nlu,
                                                         "order_users": list(range(first_user,
                                                                                   first_user + args.users, 3))},
                                                        child), name="e2e-prepare")
        prep_proc.start()
        child.close()
        prep = _recv(parent, "preparation", 1800, prep_proc)
        prep_proc.join(60)
        if args.redis:
            import redis as redis_sync

            redis_sync.Redis.from_url(args.redis).flushdb()
        results = _run_all(args, work, ctx, server_cfg)
        print_profile(args, work, len(results[args.profile_bot]["throughput"][0]["records"]))
        report(args, prep, results, mode)
    finally:
        if args.keep:
            print(f"scratch directory kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
