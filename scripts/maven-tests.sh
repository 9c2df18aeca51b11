# Sourced by the scripts that test a Maven module (test-kotlin.sh, test-android-app.sh,
# test-android-ui.sh): runs its tests quietly and ends with one plain count line.
#
#   maven_tests LABEL POM REPORTS_DIR [maven arguments...]
#
# Returns Maven's status when Maven failed, 1 when no test ran or a test failed, else 0.
maven_tests() {
    local label=$1 pom=$2 reports=$3
    shift 3
    local status=0
    rm -rf "$reports"
    # Maven 3.8 writes colour resets even in batch mode; strip them so the count starts its line.
    mvn -B -q -Dstyle.color=never -f "$pom" test "$@" 2>&1 \
        | sed 's/\x1b\[[0-9;]*m//g' || status=$?

    # Surefire is quiet under -q; add up its reports so the run ends with a plain count.
    local tests failed skipped
    tests=$(surefire_count "$reports" tests)
    failed=$(( $(surefire_count "$reports" failures) + $(surefire_count "$reports" errors) ))
    skipped=$(surefire_count "$reports" skipped)
    echo "$label: $((tests - failed - skipped)) passed, $failed failed, $skipped skipped"

    if [[ $status -ne 0 ]]; then
        return "$status"
    fi
    if [[ $tests -eq 0 ]]; then
        echo "$label: no test ran" >&2
        return 1
    fi
    [[ $failed -eq 0 ]]
}

# The sum of one attribute (tests, failures, errors, skipped) over a Surefire reports folder.
surefire_count() {
    local reports=$1 attribute=$2 total=0 n file
    for file in "$reports"/TEST-*.xml; do
        [[ -f $file ]] || continue
        n=$(grep -o -m1 "<testsuite [^>]*" "$file" | grep -o " $attribute=\"[0-9]*\"" | grep -o "[0-9]*" || true)
        total=$((total + ${n:-0}))
    done
    echo "$total"
}
