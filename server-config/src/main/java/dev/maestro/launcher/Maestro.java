package dev.maestro.launcher;

import dev.maestro.files.Directories;
import dev.maestro.pipeline.config.ConfigException;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.store.migration.Migration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The launcher's commands ({@link Help#TEXT}): {@code start} runs the whole system in the
 * foreground until Ctrl-C or SIGTERM, after checking what would otherwise fail inside the server
 * (data directory, port, Redis, MongoDB and its migrations, keys); {@code status}, {@code stop},
 * {@code migrate [--dry-run]} and {@code check-config FILE}.
 */
public final class Maestro {
    /** The resource adapter's name on Micro: the RAR's file name. */
    static final String RESOURCE_ADAPTER = "maestro-stream-ra";
    /** Payara asadmin commands for the HTTP listener, shipped next to the launcher (src/main/payara). */
    static final String LISTENER_SETTINGS = "http-listener.asadmin";
    /** The http-edge module's jar, on Payara's class path: the listener settings name its classes. */
    static final String LISTENER_EDGE = "http-edge.jar";
    /**
     * The embedded MongoDB-wire server logs every connection and every collection it creates at
     * INFO on the operator's console; its warnings are all the console needs (held here so the
     * level stays set).
     */
    private static final Logger EMBEDDED_DATABASE_LOG = Logger.getLogger("de.bwaldvogel");

    private Maestro() {
    }

    public static void main(String[] args) throws Exception {
        EMBEDDED_DATABASE_LOG.setLevel(Level.WARNING);
        String command = args.length == 0 ? "" : args[0];
        if (List.of("help", "--help", "-h").contains(command)) {
            System.out.print(Help.TEXT);
            return;
        }
        boolean known = switch (command) {
            case "start", "status", "stop" -> args.length == 1;
            case "check-config" -> args.length == 2;
            case "migrate" -> args.length == 1 || args.length == 2 && "--dry-run".equals(args[1]);
            default -> false;
        };
        if (!known) {
            System.err.print(Help.USAGE);
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
        int status = switch (command) {
            case "start" -> {
                Signals.exitOnInterruptOrTerminate();
                yield start(settings);
            }
            case "status" -> RunningInstance.status(settings);
            case "stop" -> RunningInstance.stop(settings);
            case "migrate" -> migrate(settings, args.length == 2);
            default -> checkConfig(settings, Path.of(args[1]));
        };
        System.exit(status);
    }

    /**
     * {@code maestro migrate [--dry-run]} against {@code MONGO_SERVICE}: applies the pending
     * database migrations, or lists them; 0, or 1 and the reason.
     */
    static int migrate(LauncherSettings s, boolean dryRun) throws InterruptedException {
        if (s.mongoService().isEmpty()) {
            System.err.println("maestro: set MONGO_SERVICE to the database to migrate (the embedded one is migrated by ./maestro start)");
            return 2;
        }
        DatabasePreflight database = new DatabasePreflight(s.mongoService().get(), System.getenv());
        try {
            List<Migration> migrations = dryRun ? database.pending() : database.migrate();
            if (migrations.isEmpty()) {
                System.out.println("maestro: " + database.where() + " is up to date; no migration " + (dryRun ? "would run" : "was applied"));
            } else {
                System.out.println("maestro: " + (dryRun ? "would apply to " : "applied to ") + database.where() + ":");
                migrations.forEach(m -> System.out.println("  " + m));
            }
            return 0;
        } catch (StartRefused e) {
            System.err.println("maestro: " + e.getMessage());
            return 1;
        }
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
        Consumer<String> phase = ServerStartup.phases(began);
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
        Shutdown shutdown = new Shutdown();
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "maestro-shutdown"));
        try {
            shutdown.lock = DataDirectoryLock.acquire(s.dataDir());
            PortCheck.ensureFree(s.port());
            EmbeddedBackends backends = new EmbeddedBackends();
            shutdown.backends = backends;
            env.put("MONGO_SERVICE", s.mongoService().orElseGet(() -> log("embedded MongoDB-wire server (H2 file in "
                    + s.dataDir() + ")", backends.startMongo(s.dataDir()))));
            env.put("REDIS_HOST", s.redisHost().orElseGet(() -> log("embedded Redis", backends.startRedis(s.dataDir()))));
            RedisPreflight.check(env.get("REDIS_HOST"), Integer.parseInt(System.getenv().getOrDefault("MAESTRO_REDIS_PORT", "6379")));
            DatabasePreflight database = new DatabasePreflight(env.get("MONGO_SERVICE"), System.getenv());
            List<Migration> applied = database.migrate();
            phase.accept("database " + database.where() + ": " + (applied.isEmpty() ? "up to date"
                    : applied.size() + " migration(s) applied " + applied));
            // Both roles need the pair: the API signs and verifies tokens, the pipeline mints job tokens.
            env.put(TokenKeyDirectory.VARIABLE, keys(s.dataDir(), env.get("MONGO_SERVICE")).toString());
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
            ServerLog log = ServerLog.fresh(s.dataDir());
            ProcessBuilder builder = new ProcessBuilder(command(s)).directory(s.dataDir().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
            builder.environment().putAll(env);
            Process server = builder.start();
            shutdown.server = server;
            server.getOutputStream().close();
            phase.accept("starting Payara Micro; its log: " + log.file());

            // The pipeline deploys after the API, so "up" means both answer when both run.
            ServerStartup startup = new ServerStartup(server, log);
            if (s.role().runsApi()) {
                startup.awaitServing("API", url + "/latest/");
                phase.accept("API deployed");
            }
            if (s.role().runsPipeline()) {
                startup.awaitServing("pipeline", url + "/pipeline/stats");
                phase.accept("pipeline deployed");
            }
            boolean adminLogsIn = admin != null && AdminLoginCheck.logsIn(url, s.adminName(), admin.value());
            banner(s, admin, adminLogsIn, storageToken, url, Duration.between(began, Instant.now()));
            int status = server.waitFor();
            if (!shutdown.started()) {
                System.err.println("maestro: Payara Micro stopped (exit status " + status + "); its log: " + log.file());
            }
            return status == 0 ? 1 : status;
        } catch (StartRefused e) {
            System.err.println("maestro: not starting: " + e.getMessage());
            shutdown.run();
            return 1;
        }
    }

    /** The token key pair (see {@link TokenKeyDirectory}); a pair that cannot be used refuses the start. */
    private static Path keys(Path dataDir, String mongoService) throws StartRefused {
        try {
            return TokenKeyDirectory.resolve(System.getenv(), dataDir, mongoService);
        } catch (RuntimeException e) {
            throw new StartRefused("The token key pair (MAESTRO_JWT_KEY_DIR) cannot be used: " + e.getMessage()
                    + ". Restore the two PEM files, or move the directory away to generate a new pair (tokens handed out"
                    + " so far then stop working).", e);
        }
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
        cmd.addAll(ServerJvmOptions.of(s.javaOptions(), Runtime.getRuntime().availableProcessors(), s.role()));
        if (s.role().runsPipeline()) {
            // The MDBs name their adapter through this system property (see NodeEventMonitor).
            cmd.add("-DMAESTRO_RA_NAME=" + RESOURCE_ADAPTER);
        }
        cmd.add("-jar");
        cmd.add(dist.resolve("payara-micro.jar").toString());
        cmd.add("--port");
        cmd.add(Integer.toString(s.port()));
        // Not even a single-member data grid: nothing here uses Hazelcast (the EJB timers are not
        // persistent, sessions are not distributed, instances coordinate through MongoDB and Redis),
        // and starting it cost about 2.4 s of CPU and 120 MB of memory (./maestro start on the 2-core machine: 34.6 -> 29.8 s
        // of server CPU to ready, idle RSS 919 -> 798 MB).
        cmd.add("--nohazelcast");
        cmd.add("--rootdir");
        cmd.add(s.dataDir().resolve("payara").toString());
        // The HTTP listener's settings, before anything is deployed (see the file and TraceRefusalFilter),
        // and the listener's JSON answers to the requests it refuses itself, which those settings name.
        // The file also sizes the request thread pool at 8 (Payara's default: up to 200): fewer request
        // threads compete less with each other and with the JIT compiler, which on a fresh server is still
        // compiling the request path (measured with 200, 16, 8, 4 and 2 threads: the README's "The HTTP
        // pool" and its table of changes). /listen and SSE hold no thread.
        cmd.add("--prebootcommandfile");
        cmd.add(dist.resolve(LISTENER_SETTINGS).toString());
        cmd.add("--addlibs");
        cmd.add(dist.resolve(LISTENER_EDGE).toString());
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
}
