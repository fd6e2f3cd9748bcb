"""digest: a terminal news-digest reader.

The library API (a contract, see DESIGN.md) is the same code the digest itself runs. Its functions
load the analysis modules on first use, so importing digest stays cheap.
"""

from __future__ import annotations

import sys

# httpx imports its command-line tool, and with it rich, click and pygments, whenever they are
# installed (textual installs them). Marking that module absent keeps the core free of rich and
# saves start-up time; it must happen before anything imports httpx.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

from digest.api import group_stories, summarize, summarize_story, topic_of  # noqa: E402

__version__ = "0.1.0"

__all__ = ["__version__", "group_stories", "summarize", "summarize_story", "topic_of"]
