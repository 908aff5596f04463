package dev.maestro.store;

import dev.maestro.error.BadRequestException;
import org.bson.types.ObjectId;

/** Parsing of 24-hex ObjectId strings coming from clients. */
public final class Ids {
    private Ids() {
    }

    /** A malformed id is a client error with KernelCI's wording. */
    public static ObjectId parse(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            throw new BadRequestException("'" + id + "' is not a valid ObjectId, it must be a 12-byte input or a 24-character hex string");
        }
        return new ObjectId(id);
    }

    public static boolean isValid(String id) {
        return id != null && ObjectId.isValid(id);
    }
}
