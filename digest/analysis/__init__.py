"""Turning stored articles into a digest: text, sentences, topics, stories, summaries."""
