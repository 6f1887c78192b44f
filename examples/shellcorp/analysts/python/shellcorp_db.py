"""Connections to the ShellCorp warehouse for the analytics scripts.

Settings come from config/settings.ini (copy config/settings.example.ini; never commit the
real one) or from the SHELLCORP_* environment variables, which win.
"""
import configparser
import os
import urllib.parse
from pathlib import Path

import pyodbc
from sqlalchemy import create_engine

REPO_ROOT = Path(__file__).resolve().parents[1]
SETTINGS_FILE = REPO_ROOT / "config" / "settings.ini"


def _settings():
    config = configparser.ConfigParser()
    config.read(SETTINGS_FILE)
    section = config["warehouse"] if config.has_section("warehouse") else {}
    return {
        "server": os.environ.get("SHELLCORP_SERVER", section.get("server", "sql-bi-prod01.shellcorp.example")),
        "database": os.environ.get("SHELLCORP_DATABASE", section.get("database", "ShellCorp")),
        "driver": section.get("driver", "ODBC Driver 18 for SQL Server"),
    }


def connection_string():
    s = _settings()
    # Windows authentication on the analysts' laptops; the scheduled runs use the service account
    return (
        f"DRIVER={{{s['driver']}}};SERVER={s['server']};DATABASE={s['database']};"
        "Trusted_Connection=yes;Encrypt=yes;TrustServerCertificate=yes;ApplicationIntent=ReadOnly"
    )


def get_connection():
    return pyodbc.connect(connection_string(), autocommit=True)


def get_engine():
    params = urllib.parse.quote_plus(connection_string().replace("ApplicationIntent=ReadOnly", ""))
    return create_engine(f"mssql+pyodbc:///?odbc_connect={params}", fast_executemany=True)
