package dev.coachos.communication.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/**
 * Messages that leave the app: templates and mandatory purposes (manage:messages), the delivery log
 * (read:messages; each user their own), and each user's opt-outs.
 */
@RestController
class MessageController {

    private final MessageTemplates templates;
    private final DeliveryLog deliveries;
    private final MessagePreferences preferences;

    MessageController(MessageTemplates templates, DeliveryLog deliveries, MessagePreferences preferences) {
        this.templates = templates;
        this.deliveries = deliveries;
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/message-templates")
    @PreAuthorize("@permissions.allow('manage:messages')")
    @Operation(summary = "The message templates, per purpose and channel")
    List<MessageTemplate> templates(@RequestParam(required = false) Purpose purpose,
            @RequestParam(required = false) Channel channel) {
        return templates.list(purpose, channel);
    }

    @PostMapping("/api/v1/message-templates")
    @PreAuthorize("@permissions.allow('manage:messages')")
    @Operation(summary = "Add the template of a purpose on a channel (one each: 409 when there is one)")
    ResponseEntity<MessageTemplate> create(@Valid @RequestBody MessageTemplates.Request request) {
        MessageTemplate created = templates.create(request, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/message-templates/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/message-templates/{id}")
    @PreAuthorize("@permissions.allow('manage:messages')")
    @Operation(summary = "Change a template (an SMS body must be exactly its DLT-registered text)")
    MessageTemplate update(@PathVariable UUID id, @Valid @RequestBody MessageTemplates.Request request) {
        return templates.update(id, request, Caller.current());
    }

    @GetMapping("/api/v1/deliveries")
    @PreAuthorize("@permissions.allow('read:messages')")
    @Operation(summary = "The delivery log, newest first: every branch's, or your branch's users'; filters by status, channel, purpose, recipient, address, created from/to")
    PageResponse<DeliveryView> log(@RequestParam(required = false) String status,
            @RequestParam(required = false) Channel channel, @RequestParam(required = false) Purpose purpose,
            @RequestParam(required = false) UUID recipientUserId, @RequestParam(required = false) String address,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            Paging paging) {
        return deliveries.search(new DeliveryLog.Filter(status, channel, purpose, recipientUserId, address, from, to),
                Caller.current(), paging);
    }

    @GetMapping("/api/v1/deliveries/mine")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "What was sent to you (or not, and why), newest first")
    PageResponse<DeliveryView> mine(Paging paging) {
        return deliveries.mine(Caller.current(), paging);
    }

    @GetMapping("/api/v1/message-preferences")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Your opt-outs per purpose and channel (mandatory purposes always go)")
    List<MessagePreferences.Preference> preferences() {
        return preferences.mine(Caller.current());
    }

    @PutMapping("/api/v1/message-preferences")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Opt out of (or back into) channels per purpose; a mandatory purpose is a 409")
    List<MessagePreferences.Preference> changePreferences(@Valid @RequestBody MessagePreferences.Changes changes) {
        return preferences.change(changes, Caller.current());
    }

    @PutMapping("/api/v1/message-preferences/contacts")
    @PreAuthorize("@permissions.allow('manage:messages')")
    @Operation(summary = "Opt a guardian's contact (e-mail address or phone) out of, or back into, a channel for a purpose")
    MessagePreferences.ContactChange changeContact(@Valid @RequestBody MessagePreferences.ContactChange change) {
        return preferences.changeContact(change);
    }

    @GetMapping("/api/v1/message-settings/mandatory-purposes")
    @PreAuthorize("@permissions.allow('manage:messages')")
    @Operation(summary = "The purposes nobody may opt out of")
    Map<String, Set<Purpose>> mandatory() {
        return Map.of("purposes", preferences.mandatory());
    }

    @PutMapping("/api/v1/message-settings/mandatory-purposes")
    @PreAuthorize("@permissions.allow('manage:messages')")
    @Operation(summary = "Set the purposes nobody may opt out of")
    Map<String, Set<Purpose>> setMandatory(@Valid @RequestBody MessagePreferences.Mandatory mandatory) {
        return Map.of("purposes", preferences.setMandatory(mandatory));
    }
}
