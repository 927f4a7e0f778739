"""Setup finds a working Python 3.10, or says in French what to install."""
import os
import subprocess

from bot.tools.nlu_generation import ROOT

SCRIPT = ROOT / "bot" / "tools" / "find_python.sh"


def run(env):
    return subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True)


def test_finds_a_python_3_10_that_runs():
    result = run(dict(os.environ))
    assert result.returncode == 0
    version = subprocess.run(
        [result.stdout.strip(), "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True
    )
    assert version.stdout.strip() == "(3, 10)"


def test_a_broken_shim_on_path_is_skipped(tmp_path):
    shim = tmp_path / "bin" / "python3.10"
    shim.parent.mkdir()
    shim.write_text("#!/bin/sh\necho 'pyenv: python3.10: command not found' >&2\nexit 127\n")
    shim.chmod(0o755)
    env = dict(os.environ, PATH=f"{shim.parent}:{os.environ['PATH']}")
    result = run(env)
    assert result.returncode == 0 and result.stdout.strip() != str(shim)


def test_without_python_3_10_it_stops_and_says_what_to_install(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYENV_ROOT": str(tmp_path)}
    if run(env).returncode == 0:  # a system-wide 3.10 would be found, rightly
        import pytest

        pytest.skip("this machine has a Python 3.10 in /usr/bin")
    result = run(env)
    assert result.returncode == 1
    assert "Python 3.10 introuvable" in result.stderr and "pyenv install 3.10" in result.stderr
