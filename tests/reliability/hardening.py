#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The hardening of an optimised build is really there (meson.build adds it
to release and debugoptimized builds without sanitizers): the tool is a
position-independent executable, both it and the library are linked with
full RELRO (a GNU_RELRO segment and BIND_NOW), stack-protector checks and
fortified libc calls (__*_chk) are in use.  Reads the ELF files with
readelf (binutils).
usage: hardening.py COUNCIL_EXE LIBCOUNCIL_SO"""
import shutil
import subprocess
import sys


def readelf(*args):
    return subprocess.run(['readelf', '-W'] + list(args), capture_output=True, text=True,
                          check=True).stdout


def main():
    problems = []
    if not shutil.which('readelf'):
        print('readelf not found: skipped')
        return 77
    exe, lib = sys.argv[1], sys.argv[2]
    if 'DYN' not in readelf('-h', exe).split('Type:')[1].splitlines()[0]:
        problems.append('%s: not position-independent' % exe)
    for f in (exe, lib):
        dyn = readelf('-d', f)
        if 'BIND_NOW' not in dyn and ' NOW' not in dyn:
            problems.append('%s: no BIND_NOW (partial RELRO only)' % f)
        if 'GNU_RELRO' not in readelf('-l', f):
            problems.append('%s: no GNU_RELRO segment' % f)
    syms = readelf('--dyn-syms', exe) + readelf('--dyn-syms', lib)
    if '__stack_chk_fail' not in syms:
        problems.append('no stack protector (__stack_chk_fail unused)')
    if '_chk@' not in syms and '_chk ' not in syms:
        problems.append('no fortified libc calls (_FORTIFY_SOURCE inactive)')
    for p in problems:
        print('FAIL:', p)
    print('%d passed, %d failed' % (0 if problems else 1, 1 if problems else 0))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
