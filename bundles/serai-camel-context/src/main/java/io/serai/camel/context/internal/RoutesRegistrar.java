package io.serai.camel.context.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the routes of a {@link RoutesBuilder} to a context and remembers which routes it added, so that they can
 * be stopped and removed again when the builder's bundle goes away. Not thread-safe: the owner calls it from one
 * thread at a time.
 */
final class RoutesRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(RoutesRegistrar.class);

    private final CamelContext context;
    private final Map<RoutesBuilder, List<String>> routeIdsByBuilder = new IdentityHashMap<>();

    RoutesRegistrar(CamelContext context) {
        this.context = context;
    }

    /** Adds the builder's routes; a builder that fails leaves none of its routes behind. */
    void add(RoutesBuilder builder) throws Exception {
        if (routeIdsByBuilder.containsKey(builder)) {
            return;
        }
        Set<String> before = routeIds();
        try {
            context.addRoutes(builder);
        } catch (Exception e) {
            removeRoutes(newIds(before));
            throw e;
        }
        List<String> added = newIds(before);
        routeIdsByBuilder.put(builder, added);
        LOG.info("Added routes {} from {}", added, builder.getClass().getName());
    }

    /** Stops and removes the routes this builder added. */
    void remove(RoutesBuilder builder) throws Exception {
        List<String> ids = routeIdsByBuilder.remove(builder);
        if (ids != null) {
            removeRoutes(ids);
            LOG.info("Removed routes {} of {}", ids, builder.getClass().getName());
        }
    }

    /** The ids of the routes this builder added, empty when it added none or is unknown. */
    List<String> routeIdsOf(RoutesBuilder builder) {
        return List.copyOf(routeIdsByBuilder.getOrDefault(builder, List.of()));
    }

    private void removeRoutes(List<String> ids) throws Exception {
        for (String id : ids) {
            context.getRouteController().stopRoute(id);
            context.removeRoute(id);
        }
    }

    private List<String> newIds(Set<String> before) {
        List<String> ids = new ArrayList<>(routeIds());
        ids.removeAll(before);
        return ids;
    }

    private Set<String> routeIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Route route : context.getRoutes()) {
            ids.add(route.getRouteId());
        }
        return ids;
    }
}
