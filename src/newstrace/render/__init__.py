"""Renderers: turn records into JSON objects or terminal text. They compute nothing new."""
