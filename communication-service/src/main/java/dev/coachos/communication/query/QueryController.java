package dev.coachos.communication.query;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Support queries: opened with create:queries, answered with manage:queries for the branch. Who
 * may see one is decided per query ({@link Queries}): a stranger gets 404.
 */
@RestController
@RequestMapping("/api/v1/queries")
class QueryController {

    private final Queries queries;

    QueryController(Queries queries) {
        this.queries = queries;
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('create:queries')")
    @Operation(summary = "Open a support query in your branch; the message starts its thread")
    ResponseEntity<Query> open(@Valid @RequestBody NewQuery query) {
        Query opened = queries.open(query, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/queries/" + opened.id())).body(opened);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Your own queries, or (manage:queries) your branch's queue; sort by priority, createdAt or dueAt")
    PageResponse<Query> list(@RequestParam(required = false) Query.Status status,
            @RequestParam(required = false) Query.Priority priority, @RequestParam(required = false) UUID assigneeId,
            @RequestParam(required = false) Boolean breached, @RequestParam(required = false) UUID branchId,
            @RequestParam(defaultValue = "false") boolean mine, Paging paging) {
        return queries.list(new Queries.Filter(status, priority, assigneeId, breached, branchId, mine),
                Caller.current(), paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A query with its thread")
    Query get(@PathVariable UUID id) {
        return queries.get(id, Caller.current());
    }

    @PostMapping("/{id}/messages")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Reply in the thread (staff's reply answers it; the requester's takes a resolved query up again)")
    Query reply(@PathVariable UUID id, @Valid @RequestBody Reply reply) {
        return queries.reply(id, reply.body(), Caller.current());
    }

    @PostMapping("/{id}/assignment")
    @PreAuthorize("@permissions.allow('manage:queries')")
    @Operation(summary = "Give the query to a staff member of its branch")
    Query assign(@PathVariable UUID id, @Valid @RequestBody Assignment assignment) {
        return queries.assign(id, assignment.assigneeId(), Caller.current());
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Move the query along (staff), or close your own")
    Query status(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        return queries.changeStatus(id, change.status(), Caller.current());
    }

    record Reply(@NotBlank @Size(max = 5000) String body) {
    }

    record Assignment(@NotNull UUID assigneeId) {
    }

    record StatusChange(@NotNull Query.Status status) {
    }
}
