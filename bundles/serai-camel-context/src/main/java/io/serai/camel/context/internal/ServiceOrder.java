package io.serai.camel.context.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.osgi.framework.ServiceReference;

/** Orders service references as the framework would choose them: highest ranking, then lowest service id. */
final class ServiceOrder {

    private ServiceOrder() {
    }

    static <S> List<ServiceReference<S>> byRanking(Collection<ServiceReference<S>> refs) {
        List<ServiceReference<S>> sorted = new ArrayList<>(refs);
        // ServiceReference.compareTo ranks the preferred service highest
        sorted.sort(Collections.reverseOrder());
        return sorted;
    }
}
