"""The database connection from DATABASE_URL, with what SQLite needs to take concurrent saves."""

import dj_database_url

# SQLite lets one writer in at a time. Django's default deferred transactions take the write lock
# only at their first write, so two saves that have both read deadlock, and SQLite answers one of
# them "database is locked" at once, whatever the timeout (the page editor's autosave makes such
# collisions common). IMMEDIATE takes the lock at BEGIN, so the second save waits up to the timeout;
# WAL lets visitors' reads go on during a write.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,  # seconds, well inside gunicorn's request timeout
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def database_settings(url: str) -> dict:
    """Django's settings for the database at ``url``; SQLite gets SQLITE_OPTIONS."""
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config
