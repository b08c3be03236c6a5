"""Connecting to a Ray cluster, or starting a throwaway one on this machine.

Ray reads its settings from the environment when it is imported, so ``prepare`` runs before
anything imports ray.
"""

import contextlib
import logging
import os
import secrets
import shutil
import tempfile


def prepare(address):
    """Sets the environment Ray reads for a driver of the cluster at `address`.

    For `local` (a new cluster of this machine alone): Ray binds to the loopback address only
    when it believes it forms no cluster (RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0); usage statistics
    are off; and, as Ray 2.60 turns token authentication on by default, the cluster gets a fresh
    token of its own in RAY_AUTH_TOKEN (a token already set there is used instead), so nothing is
    read from or written to ~/.ray. For an address: a driver leaves token authentication off
    unless RAY_AUTH_MODE says `token`, so when a token is at hand (RAY_AUTH_TOKEN, the file
    RAY_AUTH_TOKEN_PATH names, or ~/.ray/auth_token) and RAY_AUTH_MODE is unset, it is set to
    `token`.
    """
    if address == "local":
        os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        if os.environ.get("RAY_AUTH_MODE") != "disabled":
            os.environ.setdefault("RAY_AUTH_TOKEN", secrets.token_hex(32))
    else:
        token_path = os.environ.get("RAY_AUTH_TOKEN_PATH", os.path.expanduser("~/.ray/auth_token"))
        if "RAY_AUTH_MODE" not in os.environ and ("RAY_AUTH_TOKEN" in os.environ or os.path.exists(token_path)):
            os.environ["RAY_AUTH_MODE"] = "token"


@contextlib.contextmanager
def connected(address, runtime_env, num_cpus=None):
    """Connects the driver to the cluster at `address` for the `with` block, then disconnects.

    `address` is what `ray.init` takes (`auto`, `HOST:PORT`, `ray://HOST:10001`), or `local`:
    a new cluster of this machine alone, on 127.0.0.1, with no dashboard and its files in a
    folder of its own, stopped when the block ends. Call ``prepare`` first.
    """
    import ray

    folder = None
    if address == "local":
        # Short: Ray's socket paths live under it and a Unix socket path has at most 107 bytes.
        folder = tempfile.mkdtemp(prefix="rsray-", dir="/tmp")
        ray.init(
            address="local", num_cpus=num_cpus, include_dashboard=False, _temp_dir=folder,
            _node_ip_address="127.0.0.1", runtime_env=runtime_env, logging_level=logging.WARNING,
            log_to_driver=False)
    else:
        ray.init(address=address, runtime_env=runtime_env, logging_level=logging.WARNING, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
