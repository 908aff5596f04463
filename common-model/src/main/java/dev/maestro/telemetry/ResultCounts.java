package dev.maestro.telemetry;

import java.util.Map;
import org.bson.Document;

/** The counts of one group of events: all of them, by {@code result}, and those flagged as infrastructure errors. */
final class ResultCounts {
    long total;
    long pass;
    long fail;
    long incomplete;
    long skip;
    long infraError;

    void add(Document event) {
        total++;
        Object result = event.get("result");
        if ("pass".equals(result)) {
            pass++;
        } else if ("fail".equals(result)) {
            fail++;
        } else if ("incomplete".equals(result)) {
            incomplete++;
        } else if ("skip".equals(result)) {
            skip++;
        }
        if (Boolean.TRUE.equals(event.get("is_infra_error"))) {
            infraError++;
        }
    }

    double infraRate() {
        return (double) infraError / total;
    }

    double failRate() {
        return (double) (fail + incomplete) / total;
    }

    /** Adds the counts, under KernelCI's names, after the group's keys already in {@code row}. */
    Map<String, Object> appendTo(Map<String, Object> row) {
        row.put("total", total);
        row.put("pass", pass);
        row.put("fail", fail);
        row.put("incomplete", incomplete);
        row.put("skip", skip);
        row.put("infra_error", infraError);
        return row;
    }
}
