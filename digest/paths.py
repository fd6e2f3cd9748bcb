"""Every file location digest uses, in one place.

Without an override, config lives in platformdirs' user config folder for "digest" and the store in
its user data folder. `--home DIR` or the DIGEST_HOME environment variable puts everything
under DIR.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Paths", "resolve_paths", "seeds_dir"]

APP_NAME = "digest"


@dataclass(frozen=True)
class Paths:
    """Where config, the store and backups live."""

    config_dir: Path
    data_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def store_file(self) -> Path:
        return self.data_dir / "digest.sqlite3"

    @property
    def opml_backup(self) -> Path:
        """Subscriptions written out as OPML after every change, as a way back."""
        return self.data_dir / "subscriptions-backup.opml"

    def ensure(self) -> None:
        """Create the folders if they do not exist yet."""
        self.config_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir.mkdir(parents=True, exist_ok=True)


def resolve_paths(home: str | os.PathLike[str] | None = None) -> Paths:
    """The paths for `--home` if given, else DIGEST_HOME, else the platform's user folders."""
    chosen = home if home is not None else os.environ.get("DIGEST_HOME") or None
    if chosen is not None:
        root = Path(chosen).expanduser().resolve()
        return Paths(config_dir=root, data_dir=root)
    import platformdirs

    return Paths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
    )


def seeds_dir() -> Path:
    """The bundled seeds folder: inside the installed package, or at the top of a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "seeds"
    if (installed / "feeds").is_dir():
        return installed
    # An editable install or a plain checkout keeps seeds/ beside the package.
    return here.parent / "seeds"
