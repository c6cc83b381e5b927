package io.serai.tls.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Serai TLS", description = "The certificate the Serai listeners present for STARTTLS and implicit TLS")
@interface TlsConfig {

    @AttributeDefinition(description = "Key store file; empty means ${karaf.etc}/serai-tls.p12")
    String keyStore() default "";

    @AttributeDefinition(description = "Key store type: PKCS12 or JKS")
    String keyStoreType() default "PKCS12";

    @AttributeDefinition(description = "Password of the key store and of its key", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String keyStorePassword() default "changeit";

    @AttributeDefinition(description = "Generate a self-signed certificate when the key store file does not exist")
    boolean generateSelfSigned() default true;

    @AttributeDefinition(description = "Host name for a generated certificate")
    String hostName() default "localhost";
}
