package dev.coachos.platform.web;

import java.io.IOException;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page of a servlet service, in place of Spring Boot's: whatever ends in
 * {@code sendError} outside a controller (Spring Security's firewall refusing {@code ..} or
 * {@code //} in a path, a method no servlet serves, an exception thrown by a filter) is answered
 * with a problem document for its status. A request for the error page itself finds nothing.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ErrorProblems implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

    private final ProblemResponses problems;

    public ErrorProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            problems.write(response, Problems.forStatus(404));
            return;
        }
        ProblemDetail problem = Problems.forStatus(status);
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            String id = UUID.randomUUID().toString();
            log.error("Unexpected error {}", id, failure);
            problem.setDetail("Something went wrong on our side; it was logged as " + id);
            problem.setProperty("errorId", id);
        }
        problems.write(response, problem);
    }
}
