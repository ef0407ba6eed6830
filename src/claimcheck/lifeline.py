"""Worker processes that die with their parent, whatever kills it (SIGKILL included).

On Linux the kernel sends the worker SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)``,
set in the worker's initializer); everywhere, and as a fallback, a daemon thread exits the
worker as soon as its parent pid changes (the worker was reparented).
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

PARENT_POLL_SECONDS = 1.0  # a worker outlives a killed parent by at most this (fallback path)


def die_with_parent(parent: int) -> None:
    """Call in a worker (pool initializer) with the pid of the parent that started it."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)
