"""What every worker process of digest does first."""

from __future__ import annotations

import os
import threading
import time

__all__ = ["exit_with_parent"]

_POLL_SECONDS = 0.5


def exit_with_parent(parent: int) -> None:
    """End this worker soon after `parent` dies.

    A forked worker holds its own copy of the pipe it is fed through, so it never sees the pipe
    close when its parent is killed (kill -9 of a fetch) and would wait for work for ever. A
    watcher thread notices the parent is gone (the process is re-parented) and exits.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_POLL_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
