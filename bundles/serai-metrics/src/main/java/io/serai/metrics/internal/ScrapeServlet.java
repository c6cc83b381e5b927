package io.serai.metrics.internal;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The Prometheus scrape endpoint: the registry in the text exposition format 0.0.4, which every Prometheus
 * version reads. Only GET (and HEAD, which HttpServlet derives from it) are served.
 */
final class ScrapeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Prometheus text format 0.0.4 (what the registry writes for this content type). */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final transient PrometheusMeterRegistry registry;

    ScrapeServlet(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        try (OutputStream out = response.getOutputStream()) {
            registry.scrape(out, CONTENT_TYPE);
        }
    }
}
