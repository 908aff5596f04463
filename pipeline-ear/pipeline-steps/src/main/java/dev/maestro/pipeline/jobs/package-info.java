/**
 * Job templates: where they are found ({@link dev.maestro.pipeline.jobs.JobTemplates}) and the
 * ones shipped as resources of this package, all POSIX {@code sh} that a 2-core machine runs in
 * seconds without building Linux. {@code prelude.sh} holds the helpers every generated script
 * starts with. What the example jobs do, and the API calls they make ({@code $MAESTRO_API} is
 * the API's base URL, each call carries {@code Authorization: Bearer $MAESTRO_TOKEN}):
 * <ul>
 * <li>{@code kver.sh} ({@code kind: test}): downloads {@code $TARBALL_URL}, reads the top
 * Makefile's VERSION/PATCHLEVEL/SUBLEVEL, compares them with the checkout's
 * {@code kernel_revision.version}; {@code PATCH /latest/node/$NODE_ID}
 * {@code {"state":"done","result":"pass"|"fail"}}.</li>
 * <li>{@code kbuild-tiny.sh} ({@code kind: kbuild}): compiles one C file of the tarball,
 * {@code POST $MAESTRO_STORAGE_URL/upload} (multipart {@code path=$ARTIFACT_DIR},
 * {@code file0=program}), then {@code PATCH /latest/node/$NODE_ID}
 * {@code {"state":"available","result":"pass","holdoff":…,"artifacts":{"kernel":<url>}}}, or
 * {@code {"state":"done","result":"fail"}} when it does not compile.</li>
 * <li>{@code tiny-tests.sh} ({@code kind: job}): downloads the parent's {@code kernel} artifact,
 * runs three cases, {@code POST /latest/node} one finished {@code kind: test} child per case
 * (path, group, parent and data as KernelCI's hierarchy children), then
 * {@code PATCH /latest/node/$NODE_ID} {@code {"state":"done","result":…}}; the case named by
 * the {@code fail_case} param fails on purpose.</li>
 * </ul>
 * Depends on nothing else in the pipeline.
 */
package dev.maestro.pipeline.jobs;
