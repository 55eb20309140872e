#!/usr/bin/python3
"""A copy of one face of a CJK font collection whose PDF text extracts as the characters drawn.

    pdf_font.py SOURCE.ttc INDEX FAMILY OUT.otf

Qt's PDF engine writes each embedded font's ToUnicode map from the font's reverse cmap, where the lowest code
point mapped to a glyph wins. Noto Sans CJK maps the Kangxi radicals (U+2F00-U+2FDF) and the CJK radicals
supplement (U+2E80-U+2EFF) to the glyphs of the ideographs they look like, so 支 came out of pdftotext as U+2F40.
The copy drops those cmap entries (nothing on a map is written in radicals) and is renamed to FAMILY, so that it
never shadows the system font. The compatibility ideographs (U+F900-U+FAFF) alias too but lie above every unified
ideograph they alias: the lowest code point is already the right one, and they are kept.

Only the cmap and name tables are rebuilt; every other table (the 16 MB CFF among them) is copied as read, which
takes about a second instead of the ~40 s fontTools spends decompiling and recompiling the CFF.
"""
import os
import sys

from fontTools.ttLib import TTFont

RADICALS = range(0x2E80, 0x2FE0)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    source, index, family, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    font = TTFont(source, fontNumber=index, lazy=True)
    dropped = 0
    for table in font["cmap"].tables:
        for code in [c for c in table.cmap if c in RADICALS]:
            del table.cmap[code]
            dropped += 1
    if dropped == 0:
        sys.exit(f"{source}#{index}: no radical in the cmap: not the font this script was written for")
    names = font["name"]
    old = names.getDebugName(16) or names.getDebugName(1)
    for record in names.names:
        text = record.toUnicode()
        if record.nameID in (1, 4, 16):  # family, full name, typographic family
            record.string = text.replace(old, family)
        elif record.nameID == 3:  # unique id
            record.string = family.replace(" ", "") + ";" + text
        elif record.nameID == 6:  # PostScript name: no spaces
            record.string = family.replace(" ", "") + "-" + text.split("-")[-1]
    # Tables never looked at stay raw in the reader and are copied unchanged by save().
    for tag in list(font.tables):
        if tag not in ("cmap", "name"):
            del font.tables[tag]
    temporary = out + ".tmp"
    font.save(temporary)
    os.replace(temporary, out)


if __name__ == "__main__":
    main()
