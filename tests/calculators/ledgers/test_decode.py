"""Bytes to text, the same way in the command line and in the browser."""

from __future__ import annotations

from pathlib import Path

from calculators.ledgers.decode import decode

FIXTURES = Path(__file__).parent / "fixtures"


def test_windows_1252_is_read_as_windows_1252() -> None:
    text, encoding = decode((FIXTURES / "exact_open_items.csv").read_bytes())
    assert encoding == "windows-1252"
    assert "Café De Hoek" in text and "Brasserie Léon" in text


def test_utf8_with_and_without_bom() -> None:
    assert decode("Réglé le".encode()) == ("Réglé le", "utf-8")
    assert decode(b"\xef\xbb\xbf" + "Réglé le".encode()) == ("Réglé le", "utf-8-bom")


def test_utf16_with_either_byte_order_mark() -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
        assert decode(bom + "Échéance;Montant".encode(codec)) == ("Échéance;Montant", "utf-16")


def test_bytes_undefined_in_windows_1252_still_decode() -> None:
    text, encoding = decode(b"a\x81b\x9d")
    assert encoding == "windows-1252" and len(text) == 4
