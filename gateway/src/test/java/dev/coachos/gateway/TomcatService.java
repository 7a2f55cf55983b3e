package dev.coachos.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.Http11NioProtocol;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.StandardEnvironment;

import dev.coachos.platform.env.ServiceDefaultProperties;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A stand-in service on embedded Tomcat, the server every CoachOS service runs on, with the
 * connector settings the services get from service-defaults (keep-alive timeout, requests per
 * connection, virtual threads). It reads each request body to the end, takes a few milliseconds
 * as a database write would, and answers 201 with a chunked JSON body, as a Spring MVC service
 * creating something does. It counts the requests it served.
 */
final class TomcatService implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final Connector connector;
    private final AtomicLong served = new AtomicLong();

    TomcatService() {
        StandardEnvironment services = new StandardEnvironment();
        new ServiceDefaultProperties().postProcessEnvironment(services, new SpringApplication());
        try {
            tomcat.setBaseDir(Files.createTempDirectory("tomcat-stand-in").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        Http11NioProtocol http = (Http11NioProtocol) connector.getProtocolHandler();
        String keepAlive = services.getProperty("server.tomcat.keep-alive-timeout");
        if (keepAlive != null) {
            http.setKeepAliveTimeout((int) DurationStyle.detectAndParse(keepAlive).toMillis());
        }
        String perConnection = services.getProperty("server.tomcat.max-keep-alive-requests");
        if (perConnection != null) {
            http.setMaxKeepAliveRequests(Integer.parseInt(perConnection));
        }
        if (services.getProperty("spring.threads.virtual.enabled", Boolean.class, false)) {
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        }
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", tomcat.getServer().getCatalinaBase().getPath());
        Tomcat.addServlet(context, "service", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                long read = request.getInputStream().readAllBytes().length;
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(3_000_000));
                served.incrementAndGet();
                response.setStatus("POST".equals(request.getMethod()) ? 201 : 200);
                response.setContentType("application/json");
                response.getOutputStream().write(("{\"read\":" + read + "}").getBytes(StandardCharsets.UTF_8));
                response.flushBuffer();
            }
        });
        context.addServletMappingDecoded("/*", "service");
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** Requests the service answered. */
    long served() {
        return served.get();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }
}
