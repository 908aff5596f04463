package dev.maestro.pipeline.patchworkbridge;

import dev.maestro.pipeline.config.PatchworkConfig;
import dev.maestro.pipeline.patchwork.PatchworkClient;
import dev.maestro.pipeline.patchwork.Series;
import dev.maestro.pipeline.patchwork.SeriesEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One poll of a project: the {@code series-completed} events from the cursor on, oldest first;
 * each new series is recorded, then the cursor moves to its event. A series that cannot be read
 * stops the poll there, so the next one starts from it again: no series is skipped, and none is
 * recorded twice (the record's unique key).
 */
@ApplicationScoped
public class SeriesPoller {
    private static final Logger LOG = Logger.getLogger(SeriesPoller.class.getName());

    @Inject
    PatchworkCursors cursors;

    @Inject
    SeriesRecords records;

    /**
     * @param client the project's client, as the caller made it for this poll
     * @return how many series were recorded
     */
    public int poll(PatchworkConfig project, PatchworkClient client) {
        int added = 0;
        for (SeriesEvent event : client.seriesCompleted(cursors.since(project.name()))) {
            String key = "series:" + event.seriesId();
            if (!records.exists(project.name(), key)) {
                Series series = client.series(event.seriesId());
                if (records.add(project.name(), key, "poll", series.name(), Optional.ofNullable(series.webUrl()),
                        Optional.ofNullable(series.mbox()), series.submitter(), series.patches())) {
                    added++;
                    LOG.info("Patchwork " + project.name() + ": series " + series.id() + " '" + series.name() + "' ("
                            + series.patches().size() + " patches) from " + series.submitter().email());
                }
            }
            cursors.advance(project.name(), event.date(), event.id());
        }
        return added;
    }
}
