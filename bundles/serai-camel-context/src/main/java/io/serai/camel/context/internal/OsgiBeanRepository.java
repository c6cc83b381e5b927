package io.serai.camel.context.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.serai.camel.context.SeraiCamel;
import org.apache.camel.spi.BeanRepository;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The OSGi service registry seen as a Camel bean repository: a bean's name is the service's
 * {@code osgi.jndi.service.name} property, its type any class it is registered under. Services are got once and
 * given back when the context closes.
 */
final class OsgiBeanRepository implements BeanRepository, AutoCloseable {

    private final BundleContext bundleContext;
    private final Map<ServiceReference<?>, Object> gotten = new ConcurrentHashMap<>();

    OsgiBeanRepository(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Override
    public Object lookupByName(String name) {
        List<ServiceReference<Object>> refs = references(null,
                "(" + SeraiCamel.BEAN_NAME_PROPERTY + "=" + LdapValue.escape(name) + ")");
        return refs.isEmpty() ? null : service(refs.get(0));
    }

    @Override
    public <T> T lookupByNameAndType(String name, Class<T> type) {
        Object bean = lookupByName(name);
        return type.isInstance(bean) ? type.cast(bean) : null;
    }

    @Override
    public <T> Map<String, T> findByTypeWithName(Class<T> type) {
        Map<String, T> beans = new LinkedHashMap<>();
        for (ServiceReference<Object> ref : references(type.getName(), null)) {
            Object bean = service(ref);
            if (type.isInstance(bean)) {
                beans.put(nameOf(ref), type.cast(bean));
            }
        }
        return beans;
    }

    @Override
    public <T> Set<T> findByType(Class<T> type) {
        return new LinkedHashSet<>(findByTypeWithName(type).values());
    }

    @Override
    public void close() {
        Map<ServiceReference<?>, Object> copy = new HashMap<>(gotten);
        gotten.clear();
        copy.keySet().forEach(ref -> {
            try {
                bundleContext.ungetService(ref);
            } catch (IllegalStateException stale) {
                // our bundle context is already invalid: the framework has released everything
            }
        });
    }

    private Object service(ServiceReference<Object> ref) {
        return gotten.computeIfAbsent(ref, r -> bundleContext.getService(ref));
    }

    @SuppressWarnings("unchecked")
    private List<ServiceReference<Object>> references(String clazz, String filter) {
        try {
            ServiceReference<?>[] refs = bundleContext.getServiceReferences(clazz, filter);
            if (refs == null) {
                return List.of();
            }
            List<ServiceReference<Object>> list = new java.util.ArrayList<>();
            for (ServiceReference<?> ref : refs) {
                list.add((ServiceReference<Object>) ref);
            }
            return ServiceOrder.byRanking(list);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Bad service filter " + filter, e);
        }
    }

    private static String nameOf(ServiceReference<?> ref) {
        Object name = ref.getProperty(SeraiCamel.BEAN_NAME_PROPERTY);
        return name != null ? name.toString() : "service-" + ref.getProperty(Constants.SERVICE_ID);
    }
}
