package dev.maestro.pipeline.ra.stream;

import org.json.JSONException;
import org.json.JSONObject;

/**
 * What the adapter itself needs from a CloudEvents envelope: its id (for log lines and dead
 * letters) and its {@code data} (for the event filter). Applications parse envelopes their own way.
 */
record Envelope(String id, JSONObject data, boolean parsed) {

    static Envelope parse(String json) {
        if (json == null) {
            return new Envelope(null, null, false);
        }
        try {
            JSONObject envelope = new JSONObject(json);
            return new Envelope(envelope.optString("id", null), envelope.optJSONObject("data"), true);
        } catch (JSONException e) {
            return new Envelope(null, null, false);
        }
    }
}
