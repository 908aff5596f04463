package dev.maestro.pipeline.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one entry of the {@code patchwork} section, checking its build config reference. */
final class PatchworkSection {
    private static final Duration DEFAULT_POLL_PERIOD = Duration.ofMinutes(5);
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+");
    private static final List<String> KEYS = List.of("url", "project", "token_env", "build_config", "poll_period",
            "report_checks", "mail_submitter", "webhook_secret_env", "allowed_hosts", "jobfilter");

    private final Map<String, BuildConfig> buildConfigs;
    private final Map<String, JobConfig> jobs;

    PatchworkSection(Map<String, BuildConfig> buildConfigs, Map<String, JobConfig> jobs) {
        this.buildConfigs = buildConfigs;
        this.jobs = jobs;
    }

    Optional<PatchworkConfig> entry(String name, YamlValue value) {
        return YamlMapping.of(value, KEYS).flatMap(m -> {
            Optional<URI> url = m.required("url").flatMap(ConfigSections::httpUrl)
                    .map(u -> u.toString().endsWith("/") ? u : URI.create(u + "/"));
            Optional<String> project = m.required("project").flatMap(YamlValue::string);
            Optional<String> token = m.required("token_env").flatMap(PatchworkSection::variable);
            Optional<String> buildConfig = m.required("build_config").flatMap(b -> b.string().filter(text -> {
                if (!buildConfigs.containsKey(text)) {
                    b.problem("unknown build config '" + text + "'" + ConfigSections.defined(buildConfigs));
                }
                return buildConfigs.containsKey(text);
            }));
            Duration poll = m.optional("poll_period").flatMap(YamlValue::duration).orElse(DEFAULT_POLL_PERIOD);
            boolean report = m.optional("report_checks").map(PatchworkSection::flag).orElse(true);
            boolean mail = m.optional("mail_submitter").map(PatchworkSection::flag).orElse(false);
            Optional<String> secret = m.optional("webhook_secret_env").flatMap(PatchworkSection::variable);
            List<String> hosts = m.optional("allowed_hosts").flatMap(YamlValue::strings).orElse(List.of()).stream()
                    .filter(h -> HOST.matcher(h).matches()).toList();
            m.optional("allowed_hosts").flatMap(YamlValue::strings).orElse(List.of()).stream()
                    .filter(h -> !HOST.matcher(h).matches()).findFirst()
                    .ifPresent(h -> m.optional("allowed_hosts").get().problem("'" + h + "' is not a host name"));
            Optional<List<String>> jobfilter = m.optional("jobfilter").map(this::jobfilter).orElse(Optional.of(List.of()));
            if (url.isEmpty() || project.isEmpty() || token.isEmpty() || buildConfig.isEmpty() || jobfilter.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PatchworkConfig(name, url.get(), project.get(), token.get(), buildConfig.get(), poll,
                    report, mail, secret, hosts, jobfilter.get()));
        });
    }

    /** Job names, each possibly ending with {@code +} (the job and the jobs under it), as node jobfilters take them. */
    private Optional<List<String>> jobfilter(YamlValue value) {
        return value.strings().filter(names -> {
            List<String> unknown = names.stream().filter(n -> !jobs.containsKey(n.endsWith("+") ? n.substring(0, n.length() - 1) : n))
                    .toList();
            if (!unknown.isEmpty()) {
                value.problem("unknown job(s) " + unknown + ConfigSections.defined(jobs));
            }
            return unknown.isEmpty();
        });
    }

    /** The token and secret are named, not written: the file is often in a repository. */
    private static Optional<String> variable(YamlValue value) {
        return value.string().filter(text -> {
            boolean ok = VARIABLE.matcher(text).matches();
            if (!ok) {
                value.problem("'" + text + "' is not an environment variable name (the secret itself does not go in the file)");
            }
            return ok;
        });
    }

    private static boolean flag(YamlValue value) {
        if (value.plain() instanceof Boolean b) {
            return b;
        }
        value.problem("expected true or false, found " + YamlValue.describe(value.node()));
        return false;
    }
}
