# ---- Maestro job helpers ------------------------------------------------------------------
# Every generated job script starts with these. They use only the job's environment:
#   MAESTRO_API, MAESTRO_TOKEN    the API's base URL and a token that may edit this job's node
#   NODE_ID                       this job's node
#   TARBALL_URL                   the checkout's source tarball (empty when there is none)
#   MAESTRO_STORAGE_URL           the upload endpoint: POST $MAESTRO_STORAGE_URL/upload
#   MAESTRO_STORAGE_TOKEN         the token that endpoint wants
#   ARTIFACT_DIR, ARTIFACT_URL    this job's directory in storage and its public URL (ends with /)
#   PARAM_<NAME>                  each of the job's params
# A helper that fails returns non-zero; with "set -e" the script then stops, and the pipeline
# marks the node done/incomplete with the job's log attached.
set -eu

MAESTRO_NODE_PATH={{path_json}}
MAESTRO_JOB_NAME={{job_name}}
MAESTRO_CHILD_DATA={{child_data_json}}

# maestro_api METHOD PATH [JSON]: one API call under $MAESTRO_API/latest/. The answer is left
# in $maestro_response; on an HTTP error it is printed (it holds the API's "detail").
maestro_api() {
    if [ $# -ge 3 ]; then
        maestro_response=$(curl --silent --show-error --fail-with-body -X "$1" \
            -H "Authorization: Bearer $MAESTRO_TOKEN" -H 'Content-Type: application/json' \
            --data-binary "$3" "$MAESTRO_API/latest/$2")
    else
        maestro_response=$(curl --silent --show-error --fail-with-body -X "$1" \
            -H "Authorization: Bearer $MAESTRO_TOKEN" "$MAESTRO_API/latest/$2")
    fi || {
        echo "maestro: $1 $2 failed: $maestro_response" >&2
        return 1
    }
}

# maestro_update JSON: PATCH /latest/node/$NODE_ID (state, result, artifacts, holdoff...).
# PATCH replaces whole fields: "artifacts" and "data" must be complete when sent.
maestro_update() {
    echo "maestro: PATCH node $NODE_ID $1"
    maestro_api PATCH "node/$NODE_ID" "$1"
}

# maestro_add_test NAME RESULT: POST /latest/node, a finished child "test" node of this job.
# NAME must be a plain name (letters, digits, - and _).
maestro_add_test() {
    echo "maestro: test $1: $2"
    maestro_api POST node "$(printf '{"kind":"test","name":"%s","path":%s,"group":"%s","parent":"%s","state":"done","result":"%s","data":%s}' \
        "$1" "${MAESTRO_NODE_PATH%]},\"$1\"]" "$MAESTRO_JOB_NAME" "$NODE_ID" "$2" "$MAESTRO_CHILD_DATA")"
}

# maestro_upload FILE [NAME]: stores FILE as ARTIFACT_DIR/NAME; prints its public URL.
maestro_upload() {
    maestro_name=${2:-$(basename "$1")}
    maestro_response=$(curl --silent --show-error --fail-with-body -H "Authorization: Bearer $MAESTRO_STORAGE_TOKEN" \
        -F "path=$ARTIFACT_DIR" -F "file0=@$1;filename=$maestro_name" "$MAESTRO_STORAGE_URL/upload") || {
        echo "maestro: upload of $1 failed: $maestro_response" >&2
        return 1
    }
    printf '%s%s\n' "$ARTIFACT_URL" "$maestro_name"
}

# maestro_fetch_source DIR [FILE]: unpacks the checkout tarball (or only FILE of it) into DIR
# and prints the source directory (the archive's top directory is named after the tarball).
maestro_fetch_source() {
    if [ -z "$TARBALL_URL" ]; then
        echo "maestro: this job has no source tarball" >&2
        return 1
    fi
    maestro_top=$(basename "$TARBALL_URL" .tar.gz)
    curl --silent --show-error --fail --output "$1/source.tar.gz" "$TARBALL_URL" || return 1
    if [ $# -ge 2 ]; then
        tar -xzf "$1/source.tar.gz" -C "$1" "$maestro_top/$2" || return 1
    else
        tar -xzf "$1/source.tar.gz" -C "$1" || return 1
    fi
    rm -f "$1/source.tar.gz"
    printf '%s/%s\n' "$1" "$maestro_top"
}

# maestro_utc_in_minutes N: the UTC time N minutes from now, as the API writes times.
maestro_utc_in_minutes() {
    date -u -d "@$(( $(date +%s) + $1 * 60 ))" '+%Y-%m-%dT%H:%M:%S'
}
# ---- end of helpers -----------------------------------------------------------------------
