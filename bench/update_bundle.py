"""The frozen build as a signed update: how long the repository side takes to archive and sign
it, and the counter side to check, download, verify and stage it over loopback HTTP, each
against a baseline measured in the same run (a bare tar.gz of the folder; a bare download,
sha256 and extraction of the same archive without TUF).

    python bench/update_bundle.py [--bundle packaging/dist/counter-app]

Needs the frozen build (./packaging/build.sh). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.util
import sys
import tarfile
import tempfile
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counter_app.updates import UpdatePaths, check_and_stage  # noqa: E402


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "packaging" / "dist" / "counter-app")
    args = parser.parse_args()
    if not (args.bundle / "_internal").is_dir():
        sys.exit(f"no frozen build at {args.bundle}: run ./packaging/build.sh first")
    spec = importlib.util.spec_from_file_location("update_repo", ROOT / "packaging" / "update_repo.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        trusted = tool.init(work / "repo", work / "keys")
        for f in args.bundle.rglob("*"):  # both timings from a warm page cache, not the first
            if f.is_file():
                f.read_bytes()
        t = time.perf_counter()
        with tarfile.open(work / "baseline.tar.gz", "w:gz") as tar:
            tar.add(args.bundle, arcname=".")
        bare_tar = time.perf_counter() - t
        (work / "baseline.tar.gz").unlink()
        t = time.perf_counter()
        archive = tool.add_bundle(work / "repo", args.bundle, "99.0.0", work / "keys")
        signed = time.perf_counter() - t
        print(f"add-bundle (archive + sign): {signed:.1f} s, archive "
              f"{archive.stat().st_size / 2**20:.0f} MiB; bare tar.gz {bare_tar:.1f} s "
              f"(ratio {signed / bare_tar:.2f})")
        handler = functools.partial(_Quiet, directory=str(work / "repo" / "repository"))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            t = time.perf_counter()
            with urllib.request.urlopen(f"{url}/targets/{archive.name}") as answer:
                data = answer.read()
            hashlib.sha256(data).hexdigest()
            (work / "bare.tar.gz").write_bytes(data)
            with tarfile.open(work / "bare.tar.gz", "r:gz") as tar:
                tar.extractall(work / "bare", filter="data")
            bare = time.perf_counter() - t
            print(f"baseline: bare download + sha256 + extract {bare:.2f} s")
            for label, client, current in (
                    ("check + download + verify + extract", "client", "0.1.0"),
                    ("second check, already staged", "client", "0.1.0"),
                    ("check, nothing newer", "client2", "99.0.0")):
                t = time.perf_counter()
                result = check_and_stage(UpdatePaths(work / client), repository_url=url,
                                         trusted_root=trusted, current_version=current)
                took = time.perf_counter() - t
                print(f"{label}: {took:.2f} s ({result.state}; ratio to the baseline "
                      f"{took / bare:.2f})")
        finally:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
