"""Text normalization: Unicode, tone placement, legacy encodings, assembly into one text."""
from kehoach.parser.text.normalize import clean, fold, new_tone_placement, nfc

__all__ = ["clean", "fold", "new_tone_placement", "nfc"]
