package dev.maestro.pipeline.runtime;

import dev.maestro.json.Json;
import dev.maestro.pipeline.config.LavaConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Submits jobs to a LAVA lab through its REST API v0.2: the job's template renders a LAVA job
 * definition ({@link LavaDefinition}), which is posted as {@code {"definition": …}} to
 * {@code <url>/api/v0.2/jobs/} with {@code Authorization: Token <token>}; LAVA answers with
 * {@code job_ids}. The definition's {@code notify} callback points at
 * {@code <callback base>/callback/lava/<node id>}, where the callback base is the runtime's
 * {@code callback_url}, else the pipeline on the API's server ({@code <api>/pipeline}).
 *
 * <p>Besides the shell jobs' values, templates get {@code device_type} (the platform's
 * {@code base_name}, else its name), {@code boot_method}, {@code mach}, {@code lava_job_name},
 * {@code job_timeout_minutes} and {@code test_timeout_minutes} (KernelCI's: the test gets the
 * job's limit but at least 15 minutes, the job 15 more).
 *
 * <p>A lab that cannot be reached, answers 4xx/5xx or something that is not LAVA's answer fails
 * the job with {@code submit_error}; each submission waits at most
 * {@link #CONNECT_TIMEOUT} + {@link #REQUEST_TIMEOUT}, so one lab down never holds the others
 * for long.
 */
public final class LavaRuntime implements JobRuntime {
    private static final Logger LOG = Logger.getLogger(LavaRuntime.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MIN_TEST_MINUTES = 15;
    private static final int BODY_EXCERPT = 300;

    private final RuntimeConfig config;
    private final LavaConfig lab;
    private final JobTemplates templates;
    private final JobEnvironment environment;
    /** One client for all labs: it holds no per-lab state, and each creation costs threads. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public LavaRuntime(RuntimeConfig config, JobTemplates templates, JobEnvironment environment) {
        this.config = config;
        this.lab = config.lava().orElseThrow(() -> new IllegalArgumentException("Runtime " + config.name()
                + " has no LAVA keys"));
        this.templates = templates;
        this.environment = environment;
    }

    @Override
    public RuntimeConfig config() {
        return config;
    }

    /** The URL LAVA posts the job's results to. */
    public String callbackUrl(String nodeId) {
        String base = lab.callbackUrl().map(URI::toString)
                .orElse(environment.apiUrl().toString().replaceAll("/+$", "") + "/pipeline");
        return base.replaceAll("/+$", "") + "/callback/lava/" + nodeId;
    }

    @Override
    public String generate(JobRequest request) {
        Map<String, String> values = TemplateValues.of(request, environment.artifactUrl(request));
        String name = request.nodeId() + " " + request.job().name() + " " + values.get("describe");
        long limitMinutes = Math.max(1, (request.timeLimit(config).toSeconds() + 59) / 60);
        long testMinutes = Math.max(MIN_TEST_MINUTES, limitMinutes);
        values.put("device_type", request.platform().baseName().isBlank() ? request.platform().name()
                : request.platform().baseName());
        values.put("boot_method", request.platform().bootMethod());
        values.put("mach", request.platform().mach());
        values.put("lava_job_name", name.strip());
        values.put("test_timeout_minutes", String.valueOf(testMinutes));
        values.put("job_timeout_minutes", String.valueOf(MIN_TEST_MINUTES + testMinutes));
        String template = request.job().template();
        Map<String, Object> definition = LavaDefinition.render(template, JobScript.read(templates, template), values);
        return LavaDefinition.complete(definition, LavaPriority.of(request, lab), callbackUrl(request.nodeId()),
                lab.callbackTokenName(), request.nodeId(), name.strip(), lab.queueTimeout().map(Duration::toSeconds).orElse(0L));
    }

    @Override
    public RunningJob submit(JobRequest request) {
        String definition = generate(request);
        URI jobs = URI.create(lab.url() + "/api/v0.2/jobs/");
        HttpRequest post = HttpRequest.newBuilder(jobs)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Token " + lab.token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("definition", definition)), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new JobRuntimeException(JobFailure.SUBMIT_ERROR, "LAVA lab " + config.name() + " at " + lab.url()
                    + " cannot be reached: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobRuntimeException(JobFailure.SUBMIT_ERROR, "Submitting to LAVA lab " + config.name() + " was interrupted", e);
        }
        if (response.statusCode() >= 300) {
            throw new JobRuntimeException(JobFailure.SUBMIT_ERROR, "LAVA lab " + config.name() + " at " + lab.url()
                    + " refused the job: HTTP " + response.statusCode() + " " + excerpt(response.body()));
        }
        String jobId = jobId(response.body());
        LavaJob job = new LavaJob(jobId, lab.url() + "/scheduler/job/" + jobId);
        LOG.info("LAVA lab " + config.name() + " took the job of node " + request.nodeId() + " as job " + jobId
                + " (" + job.url() + ")");
        return job;
    }

    private String jobId(String body) {
        try {
            if (Json.parse(body) instanceof Map<?, ?> answer && answer.get("job_ids") instanceof List<?> ids
                    && !ids.isEmpty() && ids.get(0) != null) {
                return String.valueOf(ids.get(0));
            }
        } catch (RuntimeException e) {
            // reported below with the body, which says more than the parser
        }
        throw new JobRuntimeException(JobFailure.SUBMIT_ERROR, "LAVA lab " + config.name() + " at " + lab.url()
                + " answered without job_ids: " + excerpt(body));
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String excerpt(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() > BODY_EXCERPT ? text.substring(0, BODY_EXCERPT) + "…" : text;
    }
}
