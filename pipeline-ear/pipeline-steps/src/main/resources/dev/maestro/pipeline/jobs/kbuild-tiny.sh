# kbuild-tiny: a kbuild-shaped job that needs no kernel build. It compiles one C file of the
# checkout into a program, uploads the program as the node's "kernel" artifact, and reports as
# KernelCI's kbuild does: available (pass) with a holdoff when it compiles, done (fail) when it
# does not. Trouble that is not the code's fault (no tarball, no source file, no upload) makes
# the script exit non-zero; the pipeline then closes the node with kbuild_internal_error.
#
# Params: source (C file in the tree, default hello.c), compiler (command, default cc),
# holdoff_minutes (default 10).

source_file=${PARAM_SOURCE:-hello.c}
compiler=${PARAM_COMPILER:-cc}
holdoff_minutes=${PARAM_HOLDOFF_MINUTES:-10}

src=$(maestro_fetch_source .)
if [ ! -f "$src/$source_file" ]; then
    echo "kbuild-tiny: $source_file is not in the tree"
    exit 2
fi

echo "kbuild-tiny: $compiler -O2 -Wall -o program $source_file"
if "$compiler" -O2 -Wall -o program "$src/$source_file"; then
    kernel_url=$(maestro_upload program)
    holdoff=$(maestro_utc_in_minutes "$holdoff_minutes")
    maestro_update "{\"state\":\"available\",\"result\":\"pass\",\"holdoff\":\"$holdoff\",\"artifacts\":{\"kernel\":\"$kernel_url\"}}"
else
    echo "kbuild-tiny: $source_file does not compile"
    maestro_update '{"state":"done","result":"fail"}'
fi
