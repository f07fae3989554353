#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Validates JSON documents against a JSON Schema.
# Usage: validate-json.py SCHEMA DOC...   exit 0 valid, 1 invalid, 77 skipped.
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema not installed, skipping")
    sys.exit(77)

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema, format_checker=cls.FORMAT_CHECKER)  # else "format": "ipv4" is ignored
bad = 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "(root)"
        print(f"{path}: {where}: {err.message}")
        bad = 1
sys.exit(bad)
