#!/usr/bin/env python3
"""Writes libFuzzer dictionaries of the formats' keys and words into the folder given as the argument.

Read from the generated JSON Schemas (docs/process-1.schema.json, docs/rules-1.schema.json), which tests keep
true to the format, and from the configuration keys in docs/configuration.md; so the dictionaries never go stale.
"""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)


def words(schema_file):
    """The property names and the string values (enum, const) of a JSON Schema."""
    keys, values = set(), set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    keys.update(value)
                if key in ("enum", "const"):
                    values.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads((root / schema_file).read_text()))
    return keys, values


rule_ids = re.findall(r"^## ([a-z0-9-]+)$", (root / "docs/rules.md").read_text(), re.M)
configuration_keys = re.findall(r"^\s*([a-z_]+):", (root / "docs/configuration.md").read_text(), re.M)
# YAML's own syntax and the values that break numbers and types, which a mutator rarely invents (libFuzzer takes
# entries of at most 64 bytes, so a 400-digit number is left to mutation of the 60-digit one).
yaml = ["\n", "\n  - ", ": ", "- ", "{", "}", "[", "]", ", ", "&a ", "*a", "!!str ", "!!int ", "!custom ", "|\n  ", ">-\n  ",
        "'", '"', "? ", "---\n", "...\n", "%YAML 1.1\n", "~", "null", "true", "false", "True", "FALSE", "yes",
        "1e400", "-1e400", ".inf", "-.inf", ".nan", "9" * 60, "0", "-1", "0.7", "70", "1.0e10", "1.0e8", "1e-300", "0x10",
        "CD3", "CD4", "CD8", "CD19", "CD22", "CD-22", "CD 22", "CD7", "CD34", "CD25", "BCMA",
        "# processlint:disable-next-line ", "# processlint:disable-file ", " -- ", "# processlint: disable-next-line ",
        "#processlint:", " # ", "processlint: 1\n", "processlint-rules: 1\n"]
process_keys, process_values = words("docs/process-1.schema.json")
rule_keys, rule_values = words("docs/rules-1.schema.json")


def escape(byte):
    """libFuzzer's dictionary syntax: printable ASCII as itself (backslash and quote escaped by a backslash), other bytes in hex."""
    if chr(byte) in '\\"':
        return "\\" + chr(byte)
    return chr(byte) if 0x20 <= byte < 0x7F else f"\\x{byte:02X}"


def write(name, keys, values):
    entries = sorted({f"{key}: " for key in keys} | set(values) | set(yaml) | set(rule_ids))
    lines = ['"' + "".join(escape(byte) for byte in entry.encode()) + '"' for entry in entries if len(entry.encode()) <= 64]
    (out / name).write_text("\n".join(lines) + "\n")


write("process.dict", process_keys, process_values)
write("configuration.dict", configuration_keys, ["error", "warning", "note", "threshold", "maximum"])
write("rule-file.dict", rule_keys | process_keys, rule_values | process_values)
