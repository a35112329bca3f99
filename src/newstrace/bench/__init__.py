"""Benchmarks: score newstrace stages against public annotated corpora."""
