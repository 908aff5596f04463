package dev.maestro.pipeline.it;

import dev.maestro.event.StoredEvent;
import dev.maestro.testsupport.Poll;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production monitor bean logs each node event, fed by the adapter from the event log's stream. */
public interface MonitorContract extends PipelineContract {

    @Test
    default void nodeEventsReachTheMonitorBean() {
        long before = PipelineContract.count(pipeline().consumer("monitor"), "acknowledged");
        Map<String, Object> data = new HashMap<>();
        data.put("op", "created");
        data.put("id", "65f0a1b2c3d4e5f6a7b8c9d0");
        data.put("kind", "checkout");
        data.put("name", "checkout");
        data.put("state", "running");
        data.put("result", null);
        data.put("owner", "admin");
        StoredEvent event = events().publishNode(data);
        Poll.until("the monitor's acknowledgement", WAIT,
                () -> PipelineContract.count(pipeline().consumer("monitor"), "acknowledged") > before);
        Poll.until("the monitor's log line", WAIT, () -> serverLogContains("node event #" + event.sequence()
                + " created checkout 65f0a1b2c3d4e5f6a7b8c9d0 'checkout' state=running result=null owner=admin"));
    }
}
