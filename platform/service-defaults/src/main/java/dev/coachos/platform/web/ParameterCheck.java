package dev.coachos.platform.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads a request's parameters before anything else does: a query string Tomcat cannot decode
 * (a broken {@code %} escape, bytes that are not UTF-8) is a 400 problem instead of a failure deep
 * in a controller, and a parameter whose name or value holds a NUL character (which PostgreSQL
 * cannot store) is a 400 problem naming the parameter. Paths and headers with a NUL never get
 * this far: Tomcat refuses them itself.
 */
public final class ParameterCheck extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public ParameterCheck(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            // Tomcat's InvalidParameterException: it decodes parameters on first use and throws when it cannot.
            problems.write(response, Problems.detail(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST,
                    "Malformed request", "The query string is not well-formed"));
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            boolean nul = name.indexOf('\0') >= 0;
            for (String value : parameter.getValue()) {
                nul |= value != null && value.indexOf('\0') >= 0;
            }
            if (nul) {
                problems.write(response, Problems.invalidField(name.replace("\0", "\\u0000"), StrictJson.NUL).getBody());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
