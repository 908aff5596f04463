# tiny-tests: a test suite (kind "job") on the program that kbuild-tiny built (the parent's
# "kernel" artifact). Each case becomes a child "test" node; the suite fails when one does.
# The case named by the fail_case param fails on purpose, to show failures and regressions.
#
# Params: fail_case (a case name, or empty for none).

program_url={{artifact_kernel}}
fail_case=${PARAM_FAIL_CASE:-}

curl --silent --show-error --fail --output program "$program_url"
chmod +x program

failures=0
run_case() {
    name=$1
    shift
    if [ "$name" = "$fail_case" ]; then
        echo "tiny-tests: $name: made to fail by the fail_case param"
        result=fail
    elif "$@"; then
        result=pass
    else
        result=fail
    fi
    if [ "$result" = fail ]; then
        failures=$((failures + 1))
    fi
    maestro_add_test "$name" "$result"
}

run_case runs ./program
run_case prints-output sh -c './program | grep -q .'
run_case takes-arguments ./program one two three

if [ "$failures" -eq 0 ]; then
    result=pass
else
    result=fail
fi
echo "tiny-tests: $failures case(s) failed"
maestro_update "{\"state\":\"done\",\"result\":\"$result\"}"
