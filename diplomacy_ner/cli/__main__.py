"""``python -m diplomacy_ner.cli``."""

from . import main

main()
