"""The one exception a build step raises: a problem the author or the developer must fix, said plainly."""

from __future__ import annotations


class BuildError(Exception):
    """A build stopped on purpose. ``problems`` lists each finding; the message says what to do."""

    def __init__(self, step: str, summary: str, problems: list[str] | None = None) -> None:
        self.step = step
        self.summary = summary
        self.problems = list(problems or [])
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [f"[{self.step}] {self.summary}"]
        lines += [f"  - {p}" for p in self.problems[:200]]
        if len(self.problems) > 200:
            lines.append(f"  ... and {len(self.problems) - 200} more")
        return "\n".join(lines)
