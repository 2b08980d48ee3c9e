"""Renderers: an Audit (or a batch of them) in, text or a Rich renderable out. None prints."""
