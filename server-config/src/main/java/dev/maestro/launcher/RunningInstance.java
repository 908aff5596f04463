package dev.maestro.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code ./maestro status} and {@code ./maestro stop}: the launcher that holds the data
 * directory's pid file ({@link DataDirectoryLock}), its health, and stopping it with SIGTERM
 * (which stops its server and embedded services, as Ctrl-C does).
 */
final class RunningInstance {
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private RunningInstance() {
    }

    /** 0 and a line when one runs; 3 (LSB "not running") otherwise. */
    static int status(LauncherSettings s) {
        Optional<ProcessHandle> running = launcher(s);
        if (running.isEmpty()) {
            System.out.println("maestro: not running (data directory " + s.dataDir() + ")");
            return 3;
        }
        String url = "http://127.0.0.1:" + s.port();
        System.out.println("maestro: running, pid " + running.get().pid() + ", data directory " + s.dataDir()
                + "; " + url + "/health/ready: " + readiness(url + "/health/ready"));
        return 0;
    }

    /** Sends SIGTERM and waits for the launcher to end; 0 when it has (or none ran), 1 when it did not in time. */
    static int stop(LauncherSettings s) throws InterruptedException {
        Optional<ProcessHandle> running = launcher(s);
        if (running.isEmpty()) {
            System.out.println("maestro: not running (data directory " + s.dataDir() + ")");
            return 0;
        }
        ProcessHandle p = running.get();
        System.out.println("maestro: stopping pid " + p.pid());
        p.destroy();
        try {
            p.onExit().get(STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            System.out.println("maestro: stopped");
            return 0;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            System.err.println("maestro: pid " + p.pid() + " has not stopped after " + STOP_WAIT.toSeconds() + " s");
            return 1;
        }
    }

    private static Optional<ProcessHandle> launcher(LauncherSettings s) {
        return DataDirectoryLock.holder(s.dataDir()).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    private static String readiness(String url) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? "UP" : "DOWN (" + r.statusCode() + ") " + r.body().replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "no answer (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not checked";
        }
    }
}
