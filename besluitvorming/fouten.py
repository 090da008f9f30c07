"""The error of rendering the council PDF, apart from the renderer so that importing it does
not load WeasyPrint (only the worker needs that)."""


class RenderFout(Exception):
    """The PDF could not be made; ``melding`` says why in plain Dutch."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding
