"""`claimcheck lsp` as a command: without its extra it says what to install, in one line and
exit code 2; the other commands never import pygls, so their start-up does not grow."""

from __future__ import annotations

import subprocess
import sys

RUN = "import sys; {block}; sys.argv = ['claimcheck', *sys.argv[1:]]; from claimcheck.cli.app import main; main()"


def _claimcheck(*args: str, block: str = "pass") -> subprocess.CompletedProcess:
    code = RUN.format(block=block)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)


def test_without_pygls_one_line_and_exit_2():
    done = _claimcheck("lsp", block="sys.modules['pygls'] = None")
    assert done.returncode == 2
    assert done.stderr == "claimcheck: the language server needs pygls: pip install 'claimcheck[lsp]'\n"
    assert done.stdout == ""


def test_help_and_other_commands_do_not_import_pygls():
    probe = "import atexit; atexit.register(lambda: print('pygls' in sys.modules, file=sys.stderr))"
    for args in (["--help"], ["lsp", "--help"], ["schema"]):
        done = _claimcheck(*args, block=probe)
        assert done.returncode == 0, done.stderr
        assert done.stderr.strip().endswith("False"), args
    assert "lsp" in _claimcheck("--help").stdout
