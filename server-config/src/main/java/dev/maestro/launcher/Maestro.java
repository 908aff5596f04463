package dev.maestro.launcher;

import dev.maestro.files.Directories;
import dev.maestro.pipeline.config.ConfigException;
import dev.maestro.pipeline.config.PipelineConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code maestro start}: runs the whole system in the foreground until Ctrl-C;
 * {@code maestro check-config FILE}: checks a pipeline configuration.
 */
public final class Maestro {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    /** The resource adapter's name on Micro: the RAR's file name. */
    static final String RESOURCE_ADAPTER = "maestro-stream-ra";

    private Maestro() {
    }

    public static void main(String[] args) throws Exception {
        boolean start = args.length == 1 && "start".equals(args[0]);
        boolean check = args.length == 2 && "check-config".equals(args[0]);
        if (!start && !check) {
            System.err.println("usage: maestro start | maestro check-config FILE");
            System.exit(2);
        }
        LauncherSettings settings;
        try {
            settings = LauncherSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("maestro: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(start ? start(settings) : checkConfig(settings, Path.of(args[1])));
    }

    /**
     * {@code maestro check-config FILE}: checks a pipeline configuration as {@code start} would,
     * with the same environment, without starting anything; 0 and a summary, or 2 and the problems.
     */
    static int checkConfig(LauncherSettings s, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            PipelineConfig config = PipelineConfigCheck.load(absolute, serverEnvironment(s));
            System.out.println("maestro: " + absolute + " is valid: " + config.trees().size() + " tree(s), "
                    + config.buildConfigs().size() + " build config(s), " + config.jobs().size() + " job(s), "
                    + config.scheduler().size() + " scheduler entr" + (config.scheduler().size() == 1 ? "y" : "ies")
                    + ", storage at " + config.storage().path());
            return 0;
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    /** What the launcher adds to the server's environment whatever the role; {@code ${VAR}} in the configuration sees it. */
    private static Map<String, String> serverEnvironment(LauncherSettings s) {
        Map<String, String> env = new HashMap<>();
        env.put("MAESTRO_DATA_DIR", s.dataDir().toString());
        String url = "http://127.0.0.1:" + s.port();
        // Jobs call the API and storage URLs default to this server, on whichever port it listens.
        env.put("MAESTRO_API_URL", System.getenv().getOrDefault("MAESTRO_API_URL", url));
        env.put("PUBLIC_BASE_URL", System.getenv().getOrDefault("PUBLIC_BASE_URL", url));
        return env;
    }

    static int start(LauncherSettings s) throws IOException, InterruptedException {
        Instant began = Instant.now();
        Files.createDirectories(s.dataDir());
        Map<String, String> env = serverEnvironment(s);
        String url = "http://127.0.0.1:" + s.port();
        KeptSecret.Resolved storageToken = null;
        if (s.role().runsPipeline() && s.pipelineConfig().isPresent()) {
            env.put("MAESTRO_PIPELINE_CONFIG", s.pipelineConfig().get().toString());
            storageToken = s.storageToken().map(t -> new KeptSecret.Resolved(t, false, null))
                    .orElseGet(() -> KeptSecret.resolve(s.dataDir(), KeptSecret.STORAGE_TOKEN));
            env.put("MAESTRO_STORAGE_TOKEN", storageToken.value());
            try {
                PipelineConfigCheck.load(s.pipelineConfig().get(), env);
            } catch (ConfigException e) {
                System.err.println("maestro: the pipeline configuration is invalid, not starting:\n" + e.getMessage());
                return 2;
            }
        }
        EmbeddedBackends backends = new EmbeddedBackends();
        env.put("MONGO_SERVICE", s.mongoService().orElseGet(() -> log("embedded MongoDB-wire server (H2 file in "
                + s.dataDir() + ")", backends.startMongo(s.dataDir()))));
        env.put("REDIS_HOST", s.redisHost().orElseGet(() -> log("embedded Redis", backends.startRedis(s.dataDir()))));
        // Both roles need the pair: the API signs and verifies tokens, the pipeline mints job tokens.
        env.put(TokenKeyDirectory.VARIABLE, TokenKeyDirectory.resolve(System.getenv(), s.dataDir(), env.get("MONGO_SERVICE")).toString());
        KeptSecret.Resolved admin = null;
        if (s.role().runsApi()) {
            admin = s.adminPassword()
                    .map(p -> new KeptSecret.Resolved(p, false, null))
                    .orElseGet(() -> KeptSecret.resolve(s.dataDir(), KeptSecret.ADMIN_PASSWORD));
            env.put("KCI_INITIAL_ADMIN_USERNAME", s.adminName());
            env.put("KCI_INITIAL_PASSWORD", admin.value());
        }

        // Micro redeploys whatever applications a used runtime directory holds, after the ones on
        // its command line, which made a restarted server answer 404 and 500 for seconds after it
        // said it was up. Nothing of value lives there (data is in MongoDB, Redis and the keys).
        Directories.fresh(s.dataDir().resolve("payara"));
        ProcessBuilder builder = new ProcessBuilder(command(s)).inheritIO().directory(s.dataDir().toFile());
        builder.environment().putAll(env);
        Process server = builder.start();
        server.getOutputStream().close();
        Thread stopper = new Thread(() -> stop(server, backends), "maestro-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);

        // The pipeline deploys after the API, so "up" means both answer when both run.
        boolean up = (!s.role().runsApi() || waitUntilUp(url + "/latest/", server))
                && (!s.role().runsPipeline() || waitUntilUp(url + "/pipeline/stats", server));
        if (!up) {
            System.err.println("maestro: the server did not come up within " + START_TIMEOUT.toMinutes()
                    + " minutes; see the log above");
            return 1;
        }
        boolean adminLogsIn = admin != null && AdminLoginCheck.logsIn(url, s.adminName(), admin.value());
        banner(s, admin, adminLogsIn, storageToken, url, Duration.between(began, Instant.now()));
        return server.waitFor();
    }

    /**
     * The Payara Micro command line. Deployment order matters: the resource adapter first (the
     * pipeline's message-driven beans are silently dropped if their adapter is not there yet),
     * then the API at {@code /}, then the pipeline at {@code /pipeline}.
     */
    static List<String> command(LauncherSettings s) {
        Path dist = s.home().resolve("server-config/target/maestro");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        if (s.role().runsPipeline()) {
            // The MDBs name their adapter through this system property (see NodeEventMonitor).
            cmd.add("-DMAESTRO_RA_NAME=" + RESOURCE_ADAPTER);
        }
        cmd.add("-jar");
        cmd.add(dist.resolve("payara-micro.jar").toString());
        cmd.add("--port");
        cmd.add(Integer.toString(s.port()));
        cmd.add("--nocluster");
        cmd.add("--rootdir");
        cmd.add(s.dataDir().resolve("payara").toString());
        if (s.role().runsPipeline()) {
            cmd.add("--deploy");
            cmd.add(dist.resolve(RESOURCE_ADAPTER + ".rar").toString());
        }
        if (s.role().runsApi()) {
            cmd.add("--deploy");
            cmd.add(dist.resolve("api.war") + ":/");
        }
        if (s.role().runsPipeline()) {
            cmd.add("--deploy");
            cmd.add(dist.resolve("pipeline.war") + ":/pipeline");
        }
        return cmd;
    }

    private static boolean waitUntilUp(String url, Process server) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static void banner(LauncherSettings s, KeptSecret.Resolved admin, boolean adminLogsIn,
                               KeptSecret.Resolved storageToken, String url, Duration took) {
        StringBuilder b = new StringBuilder("\n");
        b.append("Maestro EE (").append(s.role().name().toLowerCase()).append(") is up at ").append(url)
                .append(" (started in ").append(took.toSeconds()).append(" s)\n");
        b.append("  data directory: ").append(s.dataDir()).append('\n');
        if (admin != null && !adminLogsIn) {
            b.append("  admin user:     not created by this instance: the database already had an admin, and ")
                    .append(admin.generated() ? "the password generated in " + admin.file() : "KCI_INITIAL_PASSWORD")
                    .append("\n                  does not log in as ").append(s.adminName())
                    .append("; use the admin account and password the database already had\n");
            b.append("  API document:   ").append(url).append("/openapi\n");
        } else if (admin != null) {
            b.append("  admin user:     ").append(s.adminName()).append('\n');
            if (admin.generated()) {
                b.append("  admin password: ").append(admin.value()).append("  (generated, kept in ").append(admin.file()).append(")\n");
            } else {
                b.append("  admin password: from KCI_INITIAL_PASSWORD\n");
            }
            b.append("  get a token:    curl -s -X POST ").append(url).append("/latest/user/login -d username=")
                    .append(s.adminName()).append(" -d password=").append(admin.generated() ? admin.value() : "\"$KCI_INITIAL_PASSWORD\"").append('\n');
            b.append("  API document:   ").append(url).append("/openapi\n");
        }
        if (s.role().runsPipeline()) {
            b.append("  pipeline stats: ").append(url).append("/pipeline/stats\n");
            if (s.pipelineConfig().isPresent()) {
                b.append("  pipeline:       ").append(s.pipelineConfig().get()).append('\n');
                b.append("  storage:        ").append(url).append("/pipeline/storage/");
                if (storageToken != null && storageToken.generated()) {
                    b.append("  (upload token kept in ").append(storageToken.file()).append(')');
                }
                b.append('\n');
            } else {
                b.append("  pipeline steps: idle (set MAESTRO_PIPELINE_CONFIG to run them)\n");
            }
        }
        b.append("Press Ctrl-C to stop.\n");
        System.out.println(b);
    }

    private static String log(String what, String address) {
        System.out.println("maestro: started " + what + " at " + address);
        return address;
    }

    private static void stop(Process server, EmbeddedBackends backends) {
        System.out.println("maestro: stopping");
        server.destroy();
        try {
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backends.close();
    }
}
