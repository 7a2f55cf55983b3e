package dev.coachos.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test class a database of its own: the service connects as its own role to
 * its own schema, exactly as it does in production. Classes never share a database, so test
 * data cannot leak from one class into another.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface IsolatedDatabase {

    /** The service whose schema and role the application uses, e.g. {@code identity}. */
    String service();
}
