package dev.coachos.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

/**
 * Spring logs through Commons Logging, often with messages built only when asked
 * ({@code logger.debug(LogMessage.format(...))}). Commons Logging's own SLF4J adapter turns every
 * message into text before the level is checked; the service-defaults jar names the Log4j API
 * adapter instead (which checks first, and reaches Logback through the same bridge).
 */
class LazyLoggingTest {

    @Test
    void aMessageBelowTheLevelIsNeverBuilt() {
        String name = "dev.coachos.platform.logging.quiet";
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        AtomicInteger built = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                built.incrementAndGet();
                return "built";
            }
        };
        Log log = LogFactory.getLog(name);

        log.trace(message);
        log.debug(message);
        assertThat(built).as("debug and trace messages built while the level is INFO").hasValue(0);

        log.info(message);
        assertThat(built).as("an INFO message is written, so it is built").hasValue(1);
    }

    @Test
    void commonsLoggingUsesTheLog4jApiAdapter() {
        assertThat(LogFactory.getFactory().getClass().getName())
                .isEqualTo("org.apache.commons.logging.impl.Log4jApiLogFactory");
    }
}
