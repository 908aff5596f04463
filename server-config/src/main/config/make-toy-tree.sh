#!/bin/sh
# make-toy-tree.sh DIR: creates the toy kernel tree that pipeline.yaml's "toy" tree points at,
# a bare git repository at DIR whose branch main holds a kernel-style Makefile (6.1.0) and
# hello.c (which kbuild-tiny compiles). There is no tag: the pipeline describes commits
# without one. Commit again to make the trigger create a new checkout.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR (for example \$MAESTRO_DATA_DIR/toy-linux.git)" >&2
    exit 2
fi
if [ -e "$1" ]; then
    echo "$1 exists already; remove it first" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/Makefile" <<'MAKEFILE'
# SPDX-License-Identifier: GPL-2.0
VERSION = 6
PATCHLEVEL = 1
SUBLEVEL = 0
EXTRAVERSION =
NAME = Toy Tree

hello: hello.c
	$(CC) -o $@ $<
MAKEFILE

cat > "$work/hello.c" <<'HELLO'
#include <stdio.h>

int main(int argc, char **argv)
{
	printf("hello from the toy tree (%d arguments)\n", argc - 1);
	return 0;
}
HELLO

git -C "$work" init --quiet --initial-branch=main
git -C "$work" add Makefile hello.c
git -C "$work" -c user.name=Maestro -c user.email=maestro@localhost commit --quiet --message "Toy tree 6.1"
git clone --quiet --bare "$work" "$1"
echo "Created $1 (branch main at $(git -C "$1" rev-parse --short HEAD))"
