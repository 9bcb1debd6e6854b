"""Chinese (zh-hans) for every message of the UI, in the terms of DOMAIN.md.

The tables live in scripts/zh/<area>.py, one per module. After
`yingji makemessages -l zh_Hans`, run `python scripts/zh_hans.py` (needs polib) to fill the
catalogue from them and compile it; a message missing there fails the test suite.
"""

import sys
from pathlib import Path

import polib

ZH: dict[str, str] = {}
for module in sorted((Path(__file__).parent / "zh").glob("[a-z]*.py")):
    namespace: dict = {}
    exec(compile(module.read_text(encoding="utf-8"), str(module), "exec"), namespace)  # noqa: S102 (our own tables)
    ZH.update(namespace["ZH"])


def main(path: Path) -> None:
    catalogue = polib.pofile(str(path))
    catalogue.metadata["Language"] = "zh_Hans"
    catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    missing = []
    for entry in catalogue:
        # A fuzzy entry is gettext's guess from a similar message: never trust it.
        guessed = "fuzzy" in entry.flags
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        if entry.msgid_plural:  # Chinese has one plural form: msgstr[0], from the singular's table entry
            entry.msgstr_plural = {0: ZH.get(entry.msgid, "" if guessed else entry.msgstr_plural.get(0, ""))}
            if not entry.msgstr_plural[0]:
                missing.append(entry.msgid)
        elif entry.msgid in ZH:
            entry.msgstr = ZH[entry.msgid]
        elif guessed or not entry.msgstr:
            entry.msgstr = ""
            missing.append(entry.msgid)
    catalogue.save()
    catalogue.save_as_mofile(str(path.with_suffix(".mo")))
    if missing:
        sys.exit("No Chinese for: " + "; ".join(missing))


if __name__ == "__main__":
    main(Path(__file__).parents[1] / "yingji/locale/zh_Hans/LC_MESSAGES/django.po")
