package io.serai.camel.context.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutesRegistrarTest {

    private CamelContext context;
    private RoutesRegistrar registrar;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
        registrar = new RoutesRegistrar(context);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void addsRoutesAndRemovesOnlyThoseOfTheBuilder() throws Exception {
        RouteBuilder upper = routes("upper", "direct:upper", "upper:${body}");
        RouteBuilder lower = routes("lower", "direct:lower", "lower:${body}");
        registrar.add(upper);
        registrar.add(lower);

        ProducerTemplate template = context.createProducerTemplate();
        assertThat(template.requestBody("direct:upper", "Caravan", String.class)).isEqualTo("upper:Caravan");
        assertThat(registrar.routeIdsOf(upper)).containsExactly("upper");

        registrar.remove(upper);

        assertThat(context.getRoute("upper")).isNull();
        assertThat(context.getRoute("lower")).isNotNull();
        assertThat(template.requestBody("direct:lower", "Caravan", String.class)).isEqualTo("lower:Caravan");
    }

    @Test
    void addingTheSameBuilderTwiceAddsItsRoutesOnce() throws Exception {
        RouteBuilder upper = routes("upper", "direct:upper", "${body}");
        registrar.add(upper);
        registrar.add(upper);
        assertThat(context.getRoutes()).hasSize(1);
    }

    @Test
    void aBuilderThatFailsLeavesNoRoutes() {
        RouteBuilder broken = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fine").routeId("fine").log("ok");
                from("no-such-scheme:x").routeId("broken").log("never");
            }
        };
        assertThatThrownBy(() -> registrar.add(broken)).isInstanceOf(Exception.class);
        assertThat(context.getRoutes()).isEmpty();
        assertThat(registrar.routeIdsOf(broken)).isEmpty();
    }

    private static RouteBuilder routes(String id, String uri, String expression) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).setBody(simple(expression));
            }
        };
    }
}
