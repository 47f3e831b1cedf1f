"""The fast way through a plain export (one grid of cells, columns as slices) reads what the csv module reads."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from calculators.ledgers import table


def _export(seed: int, separator: str) -> str:
    """A ledger export with the values a file may hold: blanks, credit notes, bad cells, part payments."""
    rng = random.Random(seed)
    header = ["Klant", "Factuurnummer", "Factuurdatum", "Vervaldatum", "Bedrag", "Openstaand", "Betaaldatum",
              "Soort", "Afgeschreven", "Land", "Valuta"]
    lines = [separator.join(header)]
    for number in range(rng.randrange(1, 400)):
        invoiced = date(2025, 1, 1) + timedelta(days=rng.randrange(0, 365))
        due = invoiced + timedelta(days=rng.choice((0, 14, 30, 60)))
        cents = rng.randrange(1, 10**8)
        amount = f"{cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"
        credit = rng.random() < 0.1
        paid = rng.random() < 0.6
        cells = [rng.choice(("Acme BV", "ACME BV", "De Hoek", " Bakkerij Jansen ", "")),
                 f"F{number}", invoiced.strftime("%d-%m-%Y"), due.strftime("%d-%m-%Y"),
                 ("-" if credit and rng.random() < 0.5 else "") + amount,
                 "" if paid or rng.random() < 0.5 else "12,50",
                 (due + timedelta(days=rng.randrange(-10, 90))).strftime("%d-%m-%Y") if paid else "",
                 "Creditnota" if credit else rng.choice(("Factuur", "")), rng.choice(("", "", "ja")),
                 rng.choice(("BE", "NL", "")), "EUR"]
        if rng.random() < 0.03:
            cells[2] = "31-02-2025"  # a date that does not exist: the row is set aside
        if rng.random() < 0.03:
            cells[4] = "twelve"
        lines.append(separator.join(cells))
    return "\n".join(lines) + rng.choice(("\n", "", "\n\n", "\n" + separator * (len(header) - 1) + "\n"))


def _quoted(text: str, separator: str) -> str:
    """The same export with its first header cell quoted: the csv module reads it, not the grid."""
    first, rest = text.split(separator, 1)
    return f'"{first}"{separator}{rest}'


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_plain_export_reads_the_same_through_the_grid_as_through_the_csv_module(seed: int, separator: str) -> None:
    text = _export(seed, separator)
    rows, _lines, _ = table.split_csv(text)
    assert isinstance(rows, table.Grid)  # the fast way was taken
    assert not isinstance(table.split_csv(_quoted(text, separator))[0], table.Grid)
    assert table.read_csv(text) == table.read_csv(_quoted(text, separator))


def test_lines_of_unequal_width_are_split_one_by_one() -> None:
    text = "Klant;Factuurdatum;Vervaldatum;Bedrag\nAcme;01-02-2026;03-03-2026;250,00\nKort;01-02-2026\n"
    rows, _lines, _ = table.split_csv(text)
    assert rows == [["Klant", "Factuurdatum", "Vervaldatum", "Bedrag"], ["Acme", "01-02-2026", "03-03-2026", "250,00"],
                    ["Kort", "01-02-2026"]]
    sheet = table.read_csv(text)
    assert [i.customer for i in sheet.invoices] == ["Acme"] and sheet.rejected_rows == 1


def test_a_grid_behaves_as_its_list_of_rows() -> None:
    lines = ["a;b;c", "1;2;3", "4;5;6", "7;8;9"]
    grid = table.Grid.of("\n".join(lines) + "\n\n", ";", 10)
    plain = [line.split(";") for line in lines]
    assert grid is not None and list(grid) == plain and len(grid) == 4
    assert grid[-1] == plain[-1] and grid[1] == plain[1]
    body = grid[1:]
    assert list(body) == plain[1:] and body.column(1) == ["2", "5", "8"] and list(grid[::2]) == plain[::2]
    assert body.pop() == ["7", "8", "9"] and list(body) == plain[1:3] and body.column(2) == ["3", "6"]
    with pytest.raises(IndexError):
        grid[4]
    assert table.Grid.of("a;b\nc\n", ";", 10) is None and table.Grid.of("a;b\nc;d;e", ";", 10) is None
    assert table.Grid.of("a;b\nc;d\ne;f", ";", 2) is None  # more lines than asked for
    assert list(table.Grid.of("é;€\nça;b", ";", 10) or []) == [["é", "€"], ["ça", "b"]]


def test_an_export_ending_in_blank_lines_reads_as_without_them() -> None:
    text = "Klant;Factuurdatum;Vervaldatum;Bedrag\nAcme;01-02-2026;03-03-2026;250,00\n"
    for ending in ("\n", "\n\n\n", ";;;\n", "\r\n"):
        sheet = table.read_csv(text + ending)
        assert not sheet.errors and [(i.customer, i.line) for i in sheet.invoices] == [("Acme", 2)]
