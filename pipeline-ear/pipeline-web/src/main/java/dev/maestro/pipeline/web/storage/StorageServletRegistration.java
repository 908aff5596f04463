package dev.maestro.pipeline.web.storage;

import jakarta.inject.Inject;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers {@link StorageServlet} at {@code /storage/*}, and {@link StorageEscapeFilter} before
 * every path of the module (a storage URL with {@code ..} may end up at any of them). In code rather than with annotations
 * because its multipart limit, {@value #MAX_UPLOAD_VARIABLE} (MiB per request, default 1024),
 * comes from MicroProfile Config and {@code @MultipartConfig} takes only constants.
 */
@WebListener
public class StorageServletRegistration implements ServletContextListener {
    static final String MAX_UPLOAD_VARIABLE = "MAESTRO_STORAGE_MAX_UPLOAD_MB";
    /** Parts above this size are spooled to a temporary file, so no upload is held in memory. */
    private static final int IN_MEMORY_PART_BYTES = 64 * 1024;

    @Inject
    @ConfigProperty(name = MAX_UPLOAD_VARIABLE, defaultValue = "1024")
    long maxUploadMb;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (maxUploadMb <= 0) {
            throw new IllegalStateException(MAX_UPLOAD_VARIABLE + " must be a positive number of MiB, not " + maxUploadMb);
        }
        ServletRegistration.Dynamic servlet = event.getServletContext().addServlet("maestro-storage", StorageServlet.class);
        servlet.addMapping(StorageServlet.MAPPING);
        // An empty location means the container's temporary directory for this application.
        servlet.setMultipartConfig(new MultipartConfigElement("", -1, Math.multiplyExact(maxUploadMb, 1024 * 1024),
                IN_MEMORY_PART_BYTES));
        servlet.setInitParameter(StorageServlet.MAX_UPLOAD_MB_PARAMETER, Long.toString(maxUploadMb));
        event.getServletContext().addFilter("maestro-storage-escape", StorageEscapeFilter.class)
                .addMappingForUrlPatterns(null, false, "/*");
    }
}
