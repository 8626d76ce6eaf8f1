"""How a run of the command line ends, whatever ends it.

    0 clean, 1 findings (`check`), 2 usage or input error or a failed write, 3 internal error,
    130 Ctrl-C, 128 + N signal N (143 SIGTERM, 129 SIGHUP).

An error claimcheck knows of is one line on stderr; any other exception is a bug, reported as
one line naming it (the traceback with `--debug`), never with the 1 that means "a draft fails".
SIGTERM and SIGHUP stop the run as Ctrl-C does: the exception they raise unwinds it, so that
worker processes are ended and a temporary output file is removed on the way out.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import traceback
from collections.abc import Callable, Iterator

from claimcheck.cli import std_streams
from claimcheck.errors import ClaimcheckError

INTERNAL = 3
INTERRUPTED = 130
_STOPPING = ("SIGTERM", "SIGHUP")
_show_tracebacks = False


class Terminated(BaseException):
    """A signal asked the run to stop (a BaseException, as KeyboardInterrupt: no `except
    Exception` may swallow it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"signal {signum}")
        self.signum = signum


def show_tracebacks() -> None:
    """`--debug`: an internal error shows its traceback."""
    global _show_tracebacks
    _show_tracebacks = True


def _terminate(signum: int, frame: object) -> None:
    signal.signal(signum, signal.SIG_IGN)  # a second one does not cut the cleanup short
    raise Terminated(signum)


@contextlib.contextmanager
def _stopping_signals() -> Iterator[None]:
    previous = {}
    for name in _STOPPING:
        number = getattr(signal, name, None)
        if number is None or signal.getsignal(number) is signal.SIG_IGN:  # nohup stays
            continue
        with contextlib.suppress(ValueError):  # only the main thread may set a handler
            previous[number] = signal.signal(number, _terminate)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def stopped_by_signal(code: int) -> bool:
    """Whether the run ended for SIGTERM or SIGHUP (its output flushed, its workers ended)."""
    return any(code == 128 + getattr(signal, name, -128) for name in _STOPPING)


def say(message: str) -> None:
    """One line on stderr; nothing when stderr cannot take it (exit 2 says it all then)."""
    from claimcheck.files.read import terminal_safe

    with contextlib.suppress(ClaimcheckError, OSError, ValueError):
        print(f"claimcheck: {terminal_safe(message)}", file=sys.stderr)
        sys.stderr.flush()


def internal_error(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if len(text) > 300:
        text = text[:299] + "…"
    named = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return f"internal error: {named}; rerun with --debug for the traceback"


def run(app: Callable[[], object]) -> int:
    """Run the command line; return its exit code."""
    global _show_tracebacks
    _show_tracebacks = False  # until --debug says otherwise
    with std_streams.guarded(), _stopping_signals():
        code = _outcome(app)
        with contextlib.suppress(Terminated, KeyboardInterrupt):
            code = _flushed(code)
    return code


def _outcome(app: Callable[[], object]) -> int:
    try:
        app()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except Terminated as exc:
        return 128 + exc.signum
    except KeyboardInterrupt:
        return INTERRUPTED
    except BrokenPipeError:  # `| head`: the reader has all it wants
        return 0
    except ClaimcheckError as exc:
        say(str(exc))
        return 2
    except Exception as exc:
        if _show_tracebacks:
            with contextlib.suppress(ClaimcheckError, OSError):
                traceback.print_exc()
        else:
            say(internal_error(exc))
        return INTERNAL
    return 0


def _flushed(code: int) -> int:
    """What is still buffered for stdout and stderr, written: a failure there is a failed run."""
    try:
        std_streams.flush("stdout")
    except BrokenPipeError:
        pass
    except ClaimcheckError as exc:
        say(str(exc))
        code = 2
    try:
        std_streams.flush("stderr")
    except (ClaimcheckError, OSError):
        code = 2
    return code
