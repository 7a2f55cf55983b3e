package dev.coachos.messaging.outbox;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.coachos.events.Actor;
import dev.coachos.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is acting on this thread, for the outbox to stamp on every event it stores: the work's
 * declared actor (an event being applied, a job), else the signed-in caller of the current web
 * request with the client's address and user agent, else {@code system}.
 */
public final class CurrentActor {

    private static final ThreadLocal<Actor> DECLARED = new ThreadLocal<>();
    private static final boolean WEB = ClassUtils.isPresent(
            "org.springframework.web.context.request.RequestContextHolder", CurrentActor.class.getClassLoader())
            && ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", CurrentActor.class.getClassLoader());
    private static final Actor SYSTEM = new Actor(null, List.of(), null, null, "system");

    private CurrentActor() {
    }

    /** Runs {@code work} with {@code actor} as the actor of every event it publishes. */
    public static <T> T callAs(Actor actor, Supplier<T> work) {
        Actor outer = DECLARED.get();
        DECLARED.set(actor);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DECLARED.remove();
            } else {
                DECLARED.set(outer);
            }
        }
    }

    /** Runs {@code work} with {@code actor} as the actor of every event it publishes. */
    public static void runAs(Actor actor, Runnable work) {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }

    /** The actor now. */
    public static Actor now() {
        Actor declared = DECLARED.get();
        if (declared != null) {
            return declared;
        }
        return WEB ? fromRequest() : SYSTEM;
    }

    private static Actor fromRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return SYSTEM;
        }
        HttpServletRequest request = servlet.getRequest();
        String userId = null;
        List<String> roles = List.of();
        try {
            var caller = Caller.optional();
            if (caller.isPresent()) {
                userId = caller.get().userId().toString();
                roles = caller.get().roles().stream().sorted().toList();
            }
        } catch (RuntimeException | LinkageError noSecurity) {
            // a service without Spring Security: the request still names its address and agent
        }
        return new Actor(userId, roles, clientAddress(request), request.getHeader("User-Agent"), "request");
    }

    /**
     * The client's address: the first of {@code X-Forwarded-For} as the gateway set it (services
     * listen on loopback and only the gateway calls them), else the connection's peer.
     */
    static String clientAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            int comma = forwarded.indexOf(',');
            return (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
        }
        return request.getRemoteAddr();
    }
}
