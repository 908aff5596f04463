package dev.maestro.pipeline.patchworkbridge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What {@code /pipeline/stats} shows of the bridge, per configured project: the poll cursor and
 * the newest series with their state, patchset, checks posted out of decided, and last error.
 */
@ApplicationScoped
public class PatchworkStatus {
    static final int SHOWN = 20;

    @Inject
    PatchworkClients clients;

    @Inject
    PatchworkCursors cursors;

    @Inject
    SeriesRecords records;

    public Map<String, Object> snapshot() {
        Map<String, Object> projects = new LinkedHashMap<>();
        clients.projects().keySet().forEach(name -> {
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("since", cursors.since(name).orElse(null));
            project.put("series", records.newestInProject(name, SHOWN).stream().map(PatchworkStatus::series).toList());
            projects.put(name, project);
        });
        return projects;
    }

    private static Map<String, Object> series(Document record) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("id", record.getString("_id"));
        series.put("name", record.getString("name"));
        series.put("source", record.getString("source"));
        series.put("state", record.getString("state"));
        series.put("patchset", record.getString("patchset"));
        List<Document> checks = record.getList("checks", Document.class, List.of());
        series.put("checks", checks.size());
        series.put("checks_posted", checks.stream().filter(c -> c.getBoolean("posted", false)).count());
        series.put("last_error", record.getString("last_error"));
        return series;
    }
}
