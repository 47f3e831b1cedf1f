"""XML parsed only when it declares no document type and no entity (billion laughs, external entities).

Python's ``xml.etree`` parses with expat. Expat does not fetch external entities for ElementTree (an
undefined entity is an error), and since expat 2.4.0 it limits entity amplification; still, a Peppol
invoice or a bank statement never needs a DOCTYPE, so a file that has one is refused before any parsing,
whatever the expat version of the runtime (CPython's or Pyodide's).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARATION_TEXT = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class Refused(ValueError):
    """Why an XML file was not parsed: ``xml_doctype`` (a document type or entity declared) or ``invalid_xml``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse(data: bytes, stop: tuple[bytes, ...] = ()) -> ET.Element:
    """The root element of an XML file, or :class:`Refused`.

    ``stop``: names of elements after which nothing is needed (a UBL invoice's lines come last): the document
    is built only up to the first of them, which spares parsing the lines (most of an invoice).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:2] in (b"<\x00", b"\x00<"):
        try:
            declared = bool(_DECLARATION_TEXT.search(data.decode("utf-16")))
        except UnicodeDecodeError as error:
            raise Refused("invalid_xml") from error
    else:
        declared = bool(_DECLARATION.search(data))
    if declared:
        raise Refused("xml_doctype")
    cut = min((at for at in (data.find(name) for name in stop) if at > 0), default=-1)
    if cut > 0:
        head = data[:data.rfind(b"<", 0, cut)]
        try:
            parser = ET.XMLPullParser(events=("start",))
            parser.feed(head)
            for _event, root in parser.read_events():
                return root
        except (ET.ParseError, ValueError, LookupError, UnicodeError, RecursionError) as error:
            raise Refused("invalid_xml") from error
    try:
        return ET.fromstring(data)
    except (ET.ParseError, ValueError, LookupError, UnicodeError, RecursionError) as error:
        raise Refused("invalid_xml") from error


def local(tag: str) -> str:
    """A tag without its namespace."""
    return tag.rpartition("}")[2]


def namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""
