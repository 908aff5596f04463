package dev.maestro.launcher;

/** What {@code ./maestro --help} prints: the commands and the variables an operator sets first. */
final class Help {
    static final String USAGE = "usage: ./maestro start | status | stop | migrate [--dry-run] | check-config FILE | --help\n";

    static final String TEXT = """
            Maestro EE, a KernelCI-compatible API and pipeline on Payara Micro.

            Commands:
              ./maestro start                  run the API and the pipeline in the foreground (Ctrl-C or SIGTERM stops)
              ./maestro status                 whether a Maestro EE runs on this data directory, and its health
              ./maestro stop                   stop the Maestro EE running on this data directory
              ./maestro migrate [--dry-run]    apply (or list) the database migrations of MONGO_SERVICE
              ./maestro check-config FILE      check a pipeline configuration without starting anything
              ./maestro --help                 this text

            Main variables (README.md lists them all):
              MAESTRO_PORT            HTTP port (8001)
              MAESTRO_DATA_DIR        data directory: embedded database, Redis, keys, logs, pid file (./data)
              MAESTRO_ROLE            api, pipeline or all (all)
              MONGO_SERVICE           MongoDB connection string (unset: embedded MongoDB-wire server)
              REDIS_HOST              Redis host[:port] (unset: embedded Redis)
              KCI_INITIAL_PASSWORD    first admin's password (unset: generated and kept in the data directory)
              MAESTRO_PIPELINE_CONFIG the pipeline's YAML configuration (unset: pipeline steps idle)

            The server's log is in $MAESTRO_DATA_DIR/logs/server.log.
            """;

    private Help() {
    }
}
