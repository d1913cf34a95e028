"""Fixtures of the deployment tests that run the site under production settings in other processes."""

import pytest


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """The static files as production collects them (hashed, compressed), collected once for the session.

    The throwaway sites here only read them; collecting takes about ten seconds of CPU each time.
    The image build test still runs the Dockerfile's own step (tests/deploy/test_deployment.py).
    """
    from .test_workers import manage, production_env

    folder = tmp_path_factory.mktemp("production-static")
    env = production_env(folder, 0)
    manage(env, "collectstatic", "--no-input", "-v0")
    return env["STATIC_ROOT"]
