package dev.maestro.api.openapi;

/**
 * Shapes of path parameters that the resources read as strings (to answer a malformed value
 * with their own 400/404/422 rather than JAX-RS's bare 404) but enforce as narrower types:
 * for the {@code @Parameter} annotations, so that the document says what is enforced.
 */
public final class ParameterShapes {
    /** A MongoDB ObjectId: nodes, users and groups (any other value is answered 400 or 404). */
    public static final String OBJECT_ID = "^[0-9a-fA-F]{24}$";

    private ParameterShapes() {
    }
}
