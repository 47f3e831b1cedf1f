"""The ledger table reader moved to :mod:`calculators.ledgers.table`; this name stays for existing importers.

``calculators.ledger`` *is* that module (the same object), so attributes set on one are seen by the other.
"""

import sys

from .ledgers import table

sys.modules[__name__] = table
