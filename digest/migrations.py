"""The store's schema, as numbered migrations recorded in `PRAGMA user_version`."""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

# Each entry moves the schema from version N to N+1. Never edit one that has shipped: add another.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT,
        title TEXT,
        site_url TEXT,
        topic TEXT,
        rights TEXT,
        language TEXT,
        full_text INTEGER NOT NULL DEFAULT 0,
        local_ok INTEGER NOT NULL DEFAULT 0,
        etag TEXT,
        last_modified TEXT,
        status TEXT,
        error TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        failing_since TEXT,
        retry_after TEXT,
        last_fetched TEXT,
        added_at TEXT NOT NULL,
        removed_at TEXT
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id),
        guid TEXT NOT NULL,
        url TEXT,
        title TEXT NOT NULL,
        author TEXT,
        published TEXT,
        text TEXT NOT NULL,
        categories TEXT NOT NULL DEFAULT '[]',
        disclaimer TEXT,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX articles_published ON articles (coalesce(published, first_seen));
    CREATE TABLE digests (
        id INTEGER PRIMARY KEY,
        generated_at TEXT NOT NULL,
        since TEXT NOT NULL,
        until TEXT NOT NULL,
        window TEXT NOT NULL,
        state TEXT NOT NULL,
        stories INTEGER NOT NULL,
        body TEXT NOT NULL
    );
    """,
    # 2: per-feed settings, and where each digest's articles end (for `show --since last`).
    # The old full_text column (0/1) stays, kept equal to full_text_mode = 'yes': rows salvaged
    # by `doctor --repair` from an older store carry only it, and DROP COLUMN needs SQLite 3.35.
    """
    ALTER TABLE feeds ADD COLUMN every_seconds INTEGER;
    ALTER TABLE feeds ADD COLUMN item_limit INTEGER;
    ALTER TABLE feeds ADD COLUMN full_text_mode TEXT;
    UPDATE feeds SET full_text_mode = 'yes' WHERE full_text = 1;
    ALTER TABLE digests ADD COLUMN through_article INTEGER;
    """,
    # 3: article pages fetched for their full text (a cache: losing it costs only refetching).
    # `for_text` is a hash of the feed's text the page was fetched for: when the feed changes
    # the entry, its page is fetched again (conditionally, with the validators kept here).
    """
    CREATE TABLE pages (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT,
        error TEXT,
        tries INTEGER NOT NULL DEFAULT 0,
        etag TEXT,
        last_modified TEXT,
        for_text TEXT NOT NULL,
        fetched_at TEXT NOT NULL
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
