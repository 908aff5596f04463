package dev.maestro.launcher;

import java.util.Locale;

/**
 * Which side of Maestro one launcher runs ({@code MAESTRO_ROLE}): the API, the pipeline, or both
 * in one Payara Micro (the default). Instances of each role meet only in MongoDB and Redis, so a
 * pipeline instance can run beside (or far from) an API instance.
 */
enum Role {
    API, PIPELINE, ALL;

    static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MAESTRO_ROLE must be api, pipeline or all, got '" + text + "'");
        }
    }

    boolean runsApi() {
        return this != PIPELINE;
    }

    boolean runsPipeline() {
        return this != API;
    }
}
