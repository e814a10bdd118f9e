#!/usr/bin/env python3
"""Adds or updates localized strings in ServiceBooking.Web/Resources/SharedResource(.ru).resx.

Input (stdin or a file): one string per line, `key<TAB>English<TAB>Russian`; blank lines and lines
starting with '#' are skipped. Both files are rewritten sorted by key, so diffs stay small.
Usage: tools/strings.py < new-strings.tsv
       tools/strings.py --check     keys must match in both files
       tools/strings.py --missing   keys the code uses (T["…"], text["…"], Name = "…", domain codes) that no file has
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent / "ServiceBooking.Web" / "Resources"
FILES = {"en": ROOT / "SharedResource.resx", "ru": ROOT / "SharedResource.ru.resx"}

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path):
    if not path.exists():
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().findall("data")}


def save(path, strings):
    lines = [HEADER]
    for key in sorted(strings, key=str.lower):
        lines.append(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(strings[key])}</value></data>\n')
    lines.append("</root>\n")
    path.write_text("".join(lines), encoding="utf-8")


def main():
    tables = {lang: load(path) for lang, path in FILES.items()}
    if sys.argv[1:] == ["--missing"]:
        return missing_keys(tables["en"])
    if sys.argv[1:] == ["--check"]:
        missing = set(tables["en"]) ^ set(tables["ru"])
        for key in sorted(missing):
            print("only in one file:", key)
        return 1 if missing else 0
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    for number, line in enumerate(source, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            sys.exit(f"line {number}: expected key<TAB>English<TAB>Russian, got {line!r}")
        key, en, ru = parts
        tables["en"][key], tables["ru"][key] = en, ru
    for lang, path in FILES.items():
        save(path, tables[lang])
    print(f"{len(tables['en'])} strings")
    return 0


def missing_keys(known):
    code = Path(__file__).resolve().parent.parent
    patterns = [
        (r'\b(?:T|[Tt]ext)\[\s*"([A-Za-z0-9_.]+)"', "{}"),
        (r'(?:ErrorMessage|Name|Prompt|Description) = "(?!Input\.)([A-Z][A-Za-z0-9]*\.[A-Za-z0-9_.]+)"', "{}"),
        (r'DomainException\(\s*"([A-Za-z0-9_.]+)"', "Domain.{}"),
    ]
    used = set()
    for path in list(code.glob("ServiceBooking.*/**/*.cs")) + list(code.glob("ServiceBooking.Web/**/*.cshtml")) + list(code.glob("ServiceBooking.Web/**/*.razor")):
        if "/bin/" in str(path) or "/obj/" in str(path) or "ServiceBooking.Tests" in str(path):
            continue
        text = path.read_text(encoding="utf-8")
        for pattern, fmt in patterns:
            used.update(fmt.format(m) for m in re.findall(pattern, text))
    missing = sorted(k for k in used if k not in known)
    for key in missing:
        print(key)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
