package dev.maestro.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a launcher command in-process with its standard output and error captured, as an operator's console would show them. */
final class ConsoleCapture {
    record Captured(int status, String out, String err) {
    }

    interface Command {
        int run() throws Exception;
    }

    private ConsoleCapture() {
    }

    static Captured capture(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = command.run();
            return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("The command failed: " + e, e);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
