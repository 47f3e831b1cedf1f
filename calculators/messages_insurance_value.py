"""The insurance_value calculator's strings, one table per language (merged into ``messages.CATALOGUES``)."""

from __future__ import annotations

EN: dict[str, str] = {
}

NL: dict[str, str] = {
}

FR: dict[str, str] = {
}
