"""Which files are inputs, and reading one without trusting what it claims to be.

Inputs are confined to the roots given on the command line: a symlink is
followed only when it resolves inside one of them (``follow_symlinks`` allows
any target), symlinked directories are never walked (a loop cannot form), and
only regular files are read. A FIFO, a device, a socket, a symlink leading
outside, a broken symlink and a directory that cannot be listed become
:class:`~audit.model.Skipped` records with the reason, so that ``check`` can
refuse to pass over them. Every read is bounded whatever ``stat`` says.

What discovery approved is what is read: it records each input's identity (device
and inode, of the target once a symlink was checked) and the read compares it with
the open descriptor, so a file swapped for a symlink to somewhere else, or replaced,
between the two is refused rather than read.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterable

from ..errors import AuditError
from ..model import Skipped

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def display(path: str | os.PathLike) -> str:
    """A path as text that prints and serialises: bytes that are not UTF-8 (held as
    surrogate escapes by ``os.fsdecode``) shown as ``\\xNN``; reversible with ``fs_path``."""
    s = os.fsdecode(path) if not isinstance(path, str) else path
    if not any("\udc80" <= ch <= "\udcff" for ch in s):
        return s
    return "".join(f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else ch for ch in s)


def fs_path(shown: str) -> str:
    """The file-system path of a ``display`` form (``\\xNN`` back to the raw byte)."""
    import re

    if "\\x" not in shown:
        return shown
    return re.sub(r"\\x([89a-f][0-9a-f])", lambda m: chr(0xDC00 + int(m.group(1), 16)), shown)


def _kind(mode: int) -> str | None:
    """Why a file of this mode is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a regular file: not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file: not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file: not read"
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    return "not a regular file: not read"


Identity = tuple[int, int]  # (st_dev, st_ino) of the file discovery approved

_REPLACED = "the file was replaced after it was found (another file or symlink target): not read"


def read_regular(path: str | os.PathLike, limit: int, limit_hint: str = "",
                 expect: Identity | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit``; AuditError otherwise.

    Opened without blocking (a FIFO would wait for a writer forever) and checked on
    the open descriptor, so what is read is what was checked; a file that grows past
    the limit while it is read, or lies about its size, is refused all the same.
    ``expect`` is the identity discovery recorded: a descriptor on any other file
    is refused.
    """
    shown = display(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        what = "broken symlink: its target does not exist" if os.path.islink(path) else "no such file"
        raise AuditError(what, shown) from None
    except PermissionError:
        raise AuditError("permission denied: cannot read the file", shown) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise AuditError("symlink loop: cannot read the file", shown) from None
        raise AuditError(f"cannot read the file: {exc.strerror or exc}", shown) from None
    try:
        st = os.fstat(fd)
        if expect is not None and (st.st_dev, st.st_ino) != tuple(expect):
            raise AuditError(_REPLACED, shown)
        why = _kind(st.st_mode)
        if why:
            raise AuditError(why, shown)
        if st.st_size > limit:
            raise AuditError(f"file is {_size(st.st_size)}, over the limit of {_size(limit)}{limit_hint}", shown)
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            except IsADirectoryError:
                raise AuditError("is a directory, not a file", shown) from None
            except OSError as exc:
                raise AuditError(f"cannot read the file: {exc.strerror or exc}", shown) from None
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise AuditError(f"file holds more than the limit of {_size(limit)}{limit_hint}", shown)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _size(n: int) -> str:
    return f"{n:,} bytes" if n < 2**20 else f"{n / 2**20:.1f} MB".replace(".0 MB", " MB")


def _inside(target: str, roots: list[str]) -> bool:
    return any(target == r or target.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _check_entry(path: str, roots: list[str], follow: bool) -> tuple[str | None, Identity | None]:
    """Why the directory entry ``path`` is not an input (None when it is one to read),
    and the identity of the file a read must find there."""
    try:
        lst = os.lstat(path)
    except OSError as exc:
        return f"cannot look at the file: {exc.strerror or exc}", None
    if stat.S_ISLNK(lst.st_mode):
        target = os.path.realpath(path)
        if not os.path.exists(target):
            return "broken symlink: its target does not exist", None
        if not follow and not _inside(target, roots):
            return (f"symlink to {display(target)}, outside the input directories: not followed "
                    "(pass --follow-symlinks to allow it)"), None
        try:
            st = os.stat(target)  # the checked target itself, not whatever the link says by now
        except OSError as exc:
            return f"cannot look at the symlink's target: {exc.strerror or exc}", None
        why = _kind(st.st_mode)
        if why is not None and stat.S_ISDIR(st.st_mode):
            return "symlink to a directory: not walked", None
        return None, (st.st_dev, st.st_ino)
    if stat.S_ISDIR(lst.st_mode):
        return None, None
    return _kind(lst.st_mode), (lst.st_dev, lst.st_ino)


def discover(paths: Iterable[str | os.PathLike], follow_symlinks: bool = False,
             skipped: list[Skipped] | None = None,
             identities: dict[str, Identity] | None = None) -> list[Path]:
    """Input files under ``paths`` (files or directories), sorted, without duplicates.

    A path that does not exist, or a directory with no inputs, is an AuditError.
    Entries that are not read (see the module docstring) go to ``skipped`` when it
    is given; they are always left out of the returned list. ``identities`` (when
    given) receives, per returned path (as ``str``), the identity the read must find.
    """
    seen: dict[str, Identity] = {}  # keyed as the returned paths print (Path drops './' and '//')
    found: dict[str, Path] = {}
    refused: dict[str, Skipped] = {}

    def refuse(p: str, why: str) -> None:
        refused.setdefault(p, Skipped(display(p), why))

    for raw in paths:
        raw_s = os.fspath(raw)
        if not os.path.lexists(raw_s):
            raise AuditError("no such file or directory", display(raw_s))
        if os.path.isdir(raw_s) and not (os.path.islink(raw_s) and not os.path.exists(raw_s)):
            root = os.path.realpath(raw_s)
            roots = [root]
            hits = []
            failures = []

            def on_error(exc: OSError, failures=failures) -> None:
                failures.append(exc)

            # os.walk does not follow symlinked directories, so a symlink loop ends.
            for dirpath, dirs, files in os.walk(raw_s, onerror=on_error):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                        continue
                    full = os.path.join(dirpath, name)
                    why, ident = _check_entry(full, roots, follow_symlinks)
                    if why:
                        refuse(full, why)
                    else:
                        hits.append(full)
                        seen[str(Path(full))] = ident
            for exc in failures:
                where = exc.filename or raw_s
                reason = "permission denied: cannot list the directory" if isinstance(exc, PermissionError) \
                    else f"cannot list the directory: {exc.strerror or exc}"
                refuse(os.fspath(where), reason)
            if not hits and not any(_under(p, raw_s) for p in refused):
                raise AuditError(f"no input files ({', '.join(SUFFIXES)}) in this directory", display(raw_s))
            for h in hits:
                key = os.path.realpath(h) if not os.path.islink(h) else h
                found.setdefault(key, Path(h))
        else:
            parent = os.path.realpath(os.path.dirname(os.path.abspath(raw_s)))
            why, ident = _check_entry(raw_s, [parent], follow_symlinks)
            if why:
                refuse(raw_s, why)
            else:
                found.setdefault(os.path.realpath(raw_s), Path(raw_s))
                seen[str(Path(raw_s))] = ident
    if skipped is not None:
        skipped.extend(refused[k] for k in sorted(refused))
    if identities is not None:
        identities.update((str(p), seen[str(p)]) for p in found.values() if str(p) in seen)
    return sorted(found.values(), key=lambda p: (p.stem, str(p)))


def _under(path: str, root: str) -> bool:
    return os.path.abspath(path).startswith(os.path.abspath(root))
