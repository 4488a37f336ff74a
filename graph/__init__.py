"""threadgraph: discussion threads → evidence-backed knowledge graph."""
__version__ = "0.1.0"
