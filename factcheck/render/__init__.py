"""Renderers: an Audit (or a batch of them) in, text or a Rich renderable out. None prints.

`registry` lists every output format and where its renderer lives; it imports no renderer.
"""

from factcheck.render.registry import FORMATS, Format, View

__all__ = ["FORMATS", "Format", "View"]
