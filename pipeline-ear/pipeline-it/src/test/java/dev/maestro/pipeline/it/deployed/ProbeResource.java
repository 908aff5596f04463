package dev.maestro.pipeline.it.deployed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code /pipeline/probe}: what the test beans received, and the gate. */
@Path("probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @GET
    @Path("deliveries/{group}")
    public List<Map<String, Object>> deliveries(@PathParam("group") String group) {
        return Deliveries.of(group);
    }

    @GET
    @Path("gate")
    public Map<String, Object> gate() {
        return Map.of("waiting", Gate.waiting());
    }

    @POST
    @Path("gate/close")
    public Map<String, Object> closeGate() {
        Gate.close();
        return gate();
    }

    @POST
    @Path("gate/open")
    public Map<String, Object> openGate() {
        Gate.open();
        return gate();
    }
}
