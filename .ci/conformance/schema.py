# Validates documents against a JSON Schema (draft 2020-12) with Python's
# jsonschema package (Debian's python3-jsonschema), the engine behind
# check-jsonschema and many pre-commit hooks: the schema is first checked
# against its metaschema with the format checker, as check-jsonschema
# does (so a pattern Python's re cannot compile is "not a 'regex'"), then
# each document with Draft202012Validator and the format checker.
#
# stdin:  {schema, documents: [{name, data}]}
# stdout: {jsonschema, python, schemaErrors, validateError?, results: [{name, valid, errors}]}

import importlib.metadata
import json
import sys

import jsonschema

request = json.load(sys.stdin)
schema = request["schema"]
V = jsonschema.Draft202012Validator
out = {
    "jsonschema": importlib.metadata.version("jsonschema"),
    "python": sys.version.split()[0],
    "schemaErrors": [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in V(V.META_SCHEMA, format_checker=V.FORMAT_CHECKER).iter_errors(schema)
    ],
    "results": [],
}
validator = V(schema, format_checker=V.FORMAT_CHECKER)
try:
    for doc in request["documents"]:
        errors = [
            f"/{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(doc["data"])
        ]
        out["results"].append({"name": doc["name"], "valid": not errors, "errors": errors})
except Exception as e:  # a pattern re cannot compile fails here
    out["validateError"] = f"{type(e).__name__}: {e}"
json.dump(out, sys.stdout, indent=1)
sys.stdout.write("\n")
