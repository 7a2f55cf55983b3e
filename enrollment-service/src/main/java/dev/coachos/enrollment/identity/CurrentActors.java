package dev.coachos.enrollment.identity;

import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.coachos.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every write is made by an account that may still act: before any handler that changes data runs,
 * the caller is checked against the directory (see {@link UserDirectory#requireCurrent}). Reads are
 * left to the token, which expires within minutes.
 */
@Component
class CurrentActors implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final UserDirectory directory;

    CurrentActors(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!READS.contains(request.getMethod())
                && SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            directory.requireCurrent(Caller.from(token.getToken()));
        }
        return true;
    }
}
