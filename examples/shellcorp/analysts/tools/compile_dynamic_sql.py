#!/usr/bin/env python3
"""Compile the KPI definitions into one CREATE OR ALTER VIEW script per KPI.

    python3 tools/compile_dynamic_sql.py --out build/kpi_views
    python3 tools/compile_dynamic_sql.py --out build/kpi_views --definitions config/kpi_definitions.json

The views are deployed by hand (sqlcmd -i build/kpi_views/kpi_*.sql) after review; Power BI
reads analytics.kpi_*. The output is deterministic (no dates, sorted), so that a diff of the
folder shows what really changed.

Standard library only: this runs on the analytics VM and on laptops without the venv.

Exit codes: 0 done, 2 bad definitions or arguments.
"""
import argparse
import json
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DEFINITIONS = os.path.join("config", "kpi_definitions.json")
SUPPORTED_VERSIONS = (2,)

IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
KPI_NAME = re.compile(r"^[a-z][a-z0-9_]{2,60}$")
TABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# How each grain turns the date column into the period start. The week is the old
# DATEADD/DATEDIFF trick: Monday-based, but Sundays land in the following week (DATEDIFF(WEEK)
# counts Sunday boundaries). Finance's weekly numbers have always been like that.
GRAINS = {
    "day": "CAST({col} AS date)",
    "week": "DATEADD(WEEK, DATEDIFF(WEEK, 0, {col}), 0)",
    "month": "DATEFROMPARTS(YEAR({col}), MONTH({col}), 1)",
}

# Statements a measure or filter must never contain (they are pasted into the view).
FORBIDDEN = re.compile(r";|--|/\*|\b(DROP|DELETE|INSERT|UPDATE|EXEC|EXECUTE|MERGE|TRUNCATE|ALTER|CREATE|GRANT)\b", re.IGNORECASE)


class DefinitionError(Exception):
    """A problem with the definitions file, with where it is."""


def fail(where, message):
    raise DefinitionError(f"{where}: {message}")


def require(kpi, key, where, kind=str):
    if key not in kpi:
        fail(where, f'missing "{key}"')
    value = kpi[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        fail(where, f'"{key}" must be a non-empty {kind.__name__}')
    return value


def check_expression(text, where):
    if not isinstance(text, str) or not text.strip():
        fail(where, "must be a non-empty string")
    if FORBIDDEN.search(text):
        fail(where, f"{text!r} contains a statement or comment; only expressions are allowed")
    if text.count("(") != text.count(")"):
        fail(where, f"{text!r} has unbalanced parentheses")
    if text.count("'") % 2 != 0:
        fail(where, f"{text!r} has an unterminated string literal")
    return text.strip()


def load_definitions(path):
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise DefinitionError(f"{path}: no such file (pass --definitions PATH)")
    except json.JSONDecodeError as error:
        raise DefinitionError(f"{path}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}")
    if not isinstance(data, dict):
        fail(path, "the top level must be an object")
    if data.get("version") not in SUPPORTED_VERSIONS:
        fail(path, f'"version" must be one of {list(SUPPORTED_VERSIONS)}, got {data.get("version")!r}')
    kpis = data.get("kpis")
    if not isinstance(kpis, list) or not kpis:
        fail(path, '"kpis" must be a non-empty list')
    return data


def compile_kpi(kpi, defaults, where):
    if not isinstance(kpi, dict):
        fail(where, "each KPI must be an object")
    name = require(kpi, "name", where)
    if not KPI_NAME.match(name):
        fail(where, f'"name" {name!r} must be lower case letters, digits and "_", starting with a letter')
    where = f"{where} ({name})"
    description = require(kpi, "description", where)
    owner = require(kpi, "owner", where)
    source = require(kpi, "source", where)
    if not TABLE.match(source):
        fail(where, f'"source" {source!r} must be schema.table')
    date_column = require(kpi, "date_column", where)
    if not IDENTIFIER.match(date_column):
        fail(where, f'"date_column" {date_column!r} is not a column name')
    grain = require(kpi, "grain", where)
    if grain not in GRAINS:
        fail(where, f'"grain" must be one of {sorted(GRAINS)}, got {grain!r}')

    dimensions = kpi.get("dimensions", [])
    if not isinstance(dimensions, list):
        fail(where, '"dimensions" must be a list of column names')
    for dimension in dimensions:
        if not isinstance(dimension, str) or not IDENTIFIER.match(dimension):
            fail(where, f"dimension {dimension!r} is not a column name")
    if len(set(dimensions)) != len(dimensions):
        fail(where, "a dimension is listed twice")

    measures = kpi.get("measures")
    if not isinstance(measures, list) or not measures:
        fail(where, '"measures" must be a non-empty list')
    compiled_measures = []
    seen = set(dimensions) | {"period_start"}
    for index, measure in enumerate(measures):
        mwhere = f"{where} measure {index + 1}"
        if not isinstance(measure, dict):
            fail(mwhere, 'must be an object with "name" and "expression"')
        mname = require(measure, "name", mwhere)
        if not IDENTIFIER.match(mname):
            fail(mwhere, f'"name" {mname!r} is not a column name')
        if mname in seen:
            fail(mwhere, f"column {mname!r} appears twice in the view")
        seen.add(mname)
        compiled_measures.append((mname, check_expression(measure.get("expression"), f"{mwhere} expression")))

    filters = kpi.get("filters", [])
    if not isinstance(filters, list):
        fail(where, '"filters" must be a list of conditions')
    conditions = [check_expression(text, f"{where} filter {i + 1}") for i, text in enumerate(filters)]

    since = kpi.get("since", defaults.get("since"))
    if since is not None:
        if not isinstance(since, str) or not ISO_DATE.match(since):
            fail(where, f'"since" must be a date yyyy-mm-dd, got {since!r}')
        conditions.insert(0, f"{date_column} >= '{since.replace('-', '')}'")

    schema = defaults.get("schema", "analytics")
    if not IDENTIFIER.match(schema):
        fail("defaults", f'"schema" {schema!r} is not a schema name')

    period = GRAINS[grain].format(col=date_column)
    select = [f"{period} AS period_start"] + dimensions + [f"{expression} AS {mname}" for mname, expression in compiled_measures]
    group_by = [period] + dimensions

    lines = [
        f"-- Generated by tools/compile_dynamic_sql.py from config/kpi_definitions.json. Do not edit by hand.",
        f"-- KPI {name} (owner: {owner}, grain: {grain})",
        f"-- {description}",
        f"CREATE OR ALTER VIEW {schema}.kpi_{name}",
        "AS",
        "SELECT " + ",\n       ".join(select),
        f"FROM   {source}",
    ]
    if conditions:
        lines.append("WHERE  " + "\n  AND  ".join(conditions))
    lines.append("GROUP BY " + ",\n         ".join(group_by) + ";")
    lines.append("GO")
    return f"kpi_{name}.sql", "\n".join(lines) + "\n"


def compile_all(data, path):
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        fail(path, '"defaults" must be an object')
    outputs = {}
    for index, kpi in enumerate(data["kpis"]):
        file_name, text = compile_kpi(kpi, defaults, f"{path} kpis[{index}]")
        if file_name in outputs:
            fail(f"{path} kpis[{index}]", f"KPI name {kpi['name']!r} is used twice")
        outputs[file_name] = text
    return outputs


def write_outputs(out_dir, outputs):
    os.makedirs(out_dir, exist_ok=True)
    # remove views of KPIs that were deleted from the definitions
    for stale in sorted(os.listdir(out_dir)):
        if stale.startswith("kpi_") and stale.endswith(".sql") and stale not in outputs:
            os.remove(os.path.join(out_dir, stale))
    for file_name in sorted(outputs):
        with open(os.path.join(out_dir, file_name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(outputs[file_name])


def main(argv=None):
    parser = argparse.ArgumentParser(description="Compile config/kpi_definitions.json into analytics.kpi_* view scripts.")
    parser.add_argument("--out", required=True, help="folder to write the .sql files into (created if missing)")
    parser.add_argument(
        "--definitions",
        default=None,
        help=f"definitions file (default: {DEFAULT_DEFINITIONS} in the repository)",
    )
    args = parser.parse_args(argv)
    path = args.definitions or os.path.join(REPO_ROOT, DEFAULT_DEFINITIONS)
    display = os.path.relpath(path) if args.definitions is None else args.definitions
    try:
        outputs = compile_all(load_definitions(path), display)
        write_outputs(args.out, outputs)
    except DefinitionError as error:
        print(f"compile_dynamic_sql: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"compile_dynamic_sql: cannot write to {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"compile_dynamic_sql: wrote {len(outputs)} view scripts to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
