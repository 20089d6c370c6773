"""Every file the tool writes goes through here.

Readers see the old version or the new one, never half of either: the data goes
to a temporary file beside the target, is flushed and fsynced, and is renamed
over the target. The reports of one run are written together (``write_many``):
all temporaries first, then the renames, under a lock on the output directory,
so two runs into one ``--out`` never leave one run's JSON beside the other's
workbook. A symlinked target has its target replaced (the link stays), files get
the permissions a new file gets under the user's umask, and every refusal of
the operating system (no space, read-only, a file where a directory should be)
is an :class:`AuditError` naming the path, with no temporary file left behind.
"""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from ..errors import AuditError

LOCK_NAME = ".audit.lock"

_HINTS = {
    errno.ENOSPC: "no space left on the device: free some space or write elsewhere",
    errno.EDQUOT: "disk quota exceeded: free some space or write elsewhere",
    errno.EROFS: "read-only file system: write elsewhere",
    errno.EACCES: "permission denied: write to a directory you may write to",
    errno.EPERM: "permission denied: write to a directory you may write to",
    errno.ENOTDIR: "a part of this path is a file, not a directory",
    errno.EISDIR: "is a directory: give a file name",
    errno.EEXIST: "exists and is not a directory",
    errno.ENAMETOOLONG: "the file name is too long",
}


def _error(exc: OSError, path: Path) -> AuditError:
    from ..ingest.files import display

    hint = _HINTS.get(exc.errno) or f"cannot write: {exc.strerror or exc}"
    return AuditError(f"cannot write here ({hint})", display(path))


def _mode() -> int:
    """What a new file gets under the process's umask (mkstemp alone would give 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _target(path: Path) -> Path:
    """Where the data really goes: through a symlink to its target, so the link stays a link."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _write(fd: int, data: bytes) -> None:
    """All of ``data`` to ``fd``, fsynced (one place for a test to make the disk full)."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view[:1 << 24])
        view = view[n:]
    os.fsync(fd)


def _prepare(path: Path, data: bytes) -> tuple[Path, str]:
    """A fsynced temporary beside the target; (target, temporary path)."""
    target = _target(path)
    if target.is_dir():
        raise AuditError("cannot write here (is a directory: give a file name)", str(path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _error(exc, target.parent) from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _error(exc, path) from None
    try:
        os.fchmod(fd, _mode())
        _write(fd, data)
    except OSError as exc:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise _error(exc, path) from None
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    os.close(fd)
    return target, tmp


def write_atomic(path: str | Path, data: bytes) -> None:
    """One file, atomically (a single rename needs no lock)."""
    target, tmp = _prepare(Path(path), data)
    try:
        os.replace(tmp, target)
    except OSError as exc:
        raise _error(exc, Path(path)) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_many(items: list[tuple[str | Path, bytes]]) -> None:
    """Write every (path, data) or none: all temporaries, then all renames, under a lock."""
    items = [(Path(p), d) for p, d in items]
    if not items:
        return
    with _locked(_target(items[0][0]).parent, items[0][0]):
        staged: list[tuple[Path, str, Path]] = []
        try:
            for path, data in items:
                target, tmp = _prepare(path, data)
                staged.append((target, tmp, path))
            for target, tmp, path in staged:
                try:
                    os.replace(tmp, target)
                except OSError as exc:
                    raise _error(exc, path) from None
        finally:
            for _, tmp, _ in staged:
                Path(tmp).unlink(missing_ok=True)


@contextmanager
def _locked(directory: Path, path: Path):
    """An exclusive lock on ``directory`` for the length of a write (waits for another run's)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: renames stay atomic one by one
        yield
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _error(exc, directory) from None
    lock = directory / LOCK_NAME
    cloexec = getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | cloexec, _mode())
    except PermissionError:
        try:  # another user's lock file in a shared directory: a read-only descriptor locks as well
            fd = os.open(lock, os.O_RDONLY | cloexec)
        except OSError as exc:
            raise _error(exc, path) from None
    except OSError as exc:
        raise _error(exc, path if exc.errno == errno.EROFS else lock) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # a file system without locks (some NFS): the renames stay atomic one by one
            pass
        yield
    finally:
        os.close(fd)
