#!/bin/sh
# make-toy-tree.sh DIR: creates the toy kernel tree that pipeline.yaml's "toy" tree points at,
# a bare git repository at DIR whose branch main holds the files of toy-tree/ next to this
# script: a kernel-style Makefile (6.1.0) and hello.c (which kbuild-tiny compiles). The tests'
# FixtureRepo makes its tree of the same files. There is no tag: the pipeline describes
# commits without one. Commit again to make the trigger create a new checkout.
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

cp "$(dirname "$0")/toy-tree/Makefile" "$(dirname "$0")/toy-tree/hello.c" "$work/"

git -C "$work" init --quiet --initial-branch=main
git -C "$work" add Makefile hello.c
git -C "$work" -c user.name=Maestro -c user.email=maestro@localhost commit --quiet --message "Toy tree 6.1"
git clone --quiet --bare "$work" "$1"
echo "Created $1 (branch main at $(git -C "$1" rev-parse --short HEAD))"
