package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /push} and {@code /pop}: work queues where each item goes to exactly one consumer. */
public interface QueueContract extends ApiContract {

    @Test
    default void twoConsumersPopEveryItemExactlyOnce() throws Exception {
        ApiClient user = api().as(TestUsers.create(api(), "worker").token());
        String list = TestUsers.unique("jobs");
        int items = 40;
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Object>>> taken = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                taken.add(consumers.submit(() -> popUntilStop(user, list)));
            }
            for (int i = 0; i < items; i++) {
                assertThat(user.post("/latest/push/" + list, Map.of("data", Map.of("item", i))).status()).isEqualTo(200);
            }
            // One stop marker per consumer, so that no consumer is left waiting.
            for (int c = 0; c < 2; c++) {
                user.post("/latest/push/" + list, Map.of("data", "stop"));
            }
            List<Object> all = new ArrayList<>();
            for (Future<List<Object>> f : taken) {
                all.addAll(f.get(2, TimeUnit.MINUTES));
            }
            assertThat(all).hasSize(items).doesNotHaveDuplicates();
        } finally {
            consumers.shutdownNow();
        }
    }

    @Test
    default void pushedItemsAreCloudEventsWithTheirAttributes() {
        ApiClient user = api().as(TestUsers.create(api(), "worker").token());
        String list = TestUsers.unique("jobs");
        user.post("/latest/push/" + list, Map.of("data", Map.of("job", 1), "type", "job.retry", "priority", "high"));
        ApiResponse popped = user.get("/latest/pop/" + list);
        assertThat(popped.status()).isEqualTo(200);
        assertThat(popped.map()).containsEntry("specversion", "1.0").containsEntry("type", "job.retry")
                .containsEntry("source", "https://api.kernelci.org/").containsEntry("priority", "high")
                .containsEntry("data", Map.of("job", 1)).containsKeys("id", "time");
        assertThat(user.post("/latest/push/" + list, Map.of("nodata", 1)).status()).isEqualTo(422);
        assertThat(api().post("/latest/push/" + list, Map.of("data", 1)).status()).isEqualTo(401);
    }

    private static List<Object> popUntilStop(ApiClient user, String list) {
        List<Object> got = new ArrayList<>();
        while (true) {
            ApiResponse r = user.get("/latest/pop/" + list);
            assertThat(r.status()).as("pop: %s", r).isEqualTo(200);
            Object data = r.map().get("data");
            if ("stop".equals(data)) {
                return got;
            }
            got.add(data);
        }
    }
}
