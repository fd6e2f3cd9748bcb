"""Fetching, parsing, discovering and exchanging (OPML) feeds."""
