"""The Textual reader. The only package that imports textual or rich."""
