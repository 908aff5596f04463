# kver: does the top Makefile of the checkout declare the version recorded on the checkout
# node (data.kernel_revision.version)? VERSION and PATCHLEVEL must match, and SUBLEVEL too when
# the node has one. No build: it reads one file of the tarball. Reports pass or fail on its
# own node (PATCH state done).

expected_version={{version}}
expected_patchlevel={{patchlevel}}
expected_sublevel={{sublevel}}

src=$(maestro_fetch_source . Makefile)

makefile_value() {
    head -n 20 "$src/Makefile" | sed -n "s/^$1[[:space:]]*[:?]*=[[:space:]]*//p" | head -n 1 | tr -d '[:space:]'
}

result=fail
if [ -z "$expected_version" ]; then
    echo "kver: the checkout node has no kernel_revision.version to compare with"
else
    VERSION=$(makefile_value VERSION)
    PATCHLEVEL=$(makefile_value PATCHLEVEL)
    SUBLEVEL=$(makefile_value SUBLEVEL)
    echo "kver: Makefile declares ${VERSION:-?}.${PATCHLEVEL:-?}.${SUBLEVEL:-?};" \
        "the checkout records $expected_version.$expected_patchlevel.${expected_sublevel:-?}"
    if [ "$VERSION" = "$expected_version" ] && [ "$PATCHLEVEL" = "$expected_patchlevel" ] \
        && { [ -z "$expected_sublevel" ] || [ "${SUBLEVEL:-0}" = "$expected_sublevel" ]; }; then
        result=pass
    fi
fi
echo "kver: $result"
maestro_update "{\"state\":\"done\",\"result\":\"$result\"}"
