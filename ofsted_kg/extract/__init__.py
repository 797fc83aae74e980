"""Extraction: documents in, typed `LetterRecord`s out."""
