package dev.coachos.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Makes {@link IsolatedDatabase} work; registered in {@code META-INF/spring.factories}. */
public class IsolatedDatabaseCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        IsolatedDatabase annotation = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(IsolatedDatabase.class)
                .synthesize(a -> a.isPresent())
                .orElse(null);
        return annotation == null ? null : new Customizer(testClass, annotation.service());
    }

    /** Equal only for the same test class, so that the context cache never shares a database. */
    private record Customizer(Class<?> testClass, String service) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase database = TestDatabase.create(testClass.getSimpleName());
            Map<String, Object> properties = new HashMap<>(database.springProperties(service));
            properties.put("coachos.test.database", database.name());
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("isolatedDatabase", properties));
        }
    }
}
