"""A file's bytes as text, the same way on the command line and in the browser.

UTF-8 with or without a byte order mark, UTF-16 with its byte order mark, else Windows-1252 (what older
spreadsheets and accounting packages save in Belgium, France and the Netherlands); bytes Windows-1252 leaves
undefined are read as Latin-1, so nothing ever fails to decode.
"""

from __future__ import annotations

# The codecs are named here so the browser's trimmed standard library holds them (the build packs the modules
# the engine imports; a codec is otherwise looked up by name at run time). ISO 8859-15: some Dutch banks'
# CAMT.053 statements declare it.
import encodings.cp1252
import encodings.iso8859_15
import encodings.utf_16  # noqa: F401

#: The encodings, by name, that :func:`decode` reports.
UTF8, UTF8_BOM, UTF16, CP1252 = "utf-8", "utf-8-bom", "utf-16", "windows-1252"


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of a file's bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), UTF8_BOM
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), UTF16
    try:
        return data.decode("utf-8"), UTF8
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), CP1252
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90 or 0x9d: undefined in Windows-1252
        return data.decode("latin-1"), CP1252


def text(data: bytes) -> str:
    """Only the text of :func:`decode`."""
    return decode(data)[0]
