package dev.coachos.communication.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The templates admins manage (manage:messages): one per purpose and channel. A body's {{variables}}
 * must be exactly the template's variables list; SMS and WhatsApp need the provider's template id,
 * WhatsApp its language, e-mail a subject. Changing an SMS body means registering the new text on
 * DLT: the body must stay exactly the registered text.
 */
@Service
class MessageTemplates {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,49}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

    private final JdbcClient jdbc;
    private final Clock clock;

    MessageTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A template as it is written. */
    record Request(@NotNull Purpose purpose, @NotNull Channel channel, @Size(max = 300) String subject,
            @NotBlank @Size(max = 4000) String body, @Size(max = 100) String providerTemplateId,
            @Size(max = 10) String language, @Size(max = 30) List<String> variables, Boolean active) {
    }

    @Transactional(readOnly = true)
    List<MessageTemplate> list(Purpose purpose, Channel channel) {
        return jdbc.sql("select " + MessageTemplate.COLUMNS + " from message_template"
                + " where (cast(:purpose as varchar) is null or purpose = :purpose)"
                + " and (cast(:channel as varchar) is null or channel = :channel) order by purpose, channel")
                .param("purpose", purpose == null ? null : purpose.name())
                .param("channel", channel == null ? null : channel.name())
                .query(MessageTemplate::readRow).list();
    }

    @Transactional
    MessageTemplate create(Request request, Caller caller) {
        Checked checked = check(request);
        UUID id = UuidV7.next();
        try {
            jdbc.sql("""
                    insert into message_template (id, purpose, channel, subject, body, provider_template_id, language,
                                                  variables, active, updated_by, updated_at)
                    values (:id, :purpose, :channel, :subject, :body, :providerId, :language, :variables, :active,
                            :by, :now)""")
                    .param("id", id).params(checked.params()).param("by", caller.userId())
                    .param("now", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw taken(request);
        }
        return get(id);
    }

    @Transactional
    MessageTemplate update(UUID id, Request request, Caller caller) {
        Checked checked = check(request);
        int updated;
        try {
            updated = jdbc.sql("""
                    update message_template set purpose = :purpose, channel = :channel, subject = :subject,
                           body = :body, provider_template_id = :providerId, language = :language,
                           variables = :variables, active = :active, updated_by = :by, updated_at = :now,
                           version = version + 1
                     where id = :id""")
                    .param("id", id).params(checked.params()).param("by", caller.userId())
                    .param("now", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw taken(request);
        }
        if (updated == 0) {
            throw Problems.notFound("message template", id);
        }
        return get(id);
    }

    private MessageTemplate get(UUID id) {
        return jdbc.sql("select " + MessageTemplate.COLUMNS + " from message_template where id = :id").param("id", id)
                .query(MessageTemplate::readRow).optional().orElseThrow(() -> Problems.notFound("message template", id));
    }

    private static RuntimeException taken(Request request) {
        return Problems.conflict("There is already a " + request.channel() + " template for " + request.purpose()
                + ": change that one");
    }

    private record Checked(java.util.Map<String, Object> params) {
    }

    private static Checked check(Request request) {
        String subject = blankToNull(request.subject());
        String providerId = blankToNull(request.providerTemplateId());
        String language = blankToNull(request.language());
        List<String> variables = request.variables() == null ? List.of() : request.variables();
        Set<String> declared = new LinkedHashSet<>();
        for (String name : variables) {
            if (name == null || !NAME.matcher(name.strip()).matches()) {
                throw Problems.invalidField("variables", "each variable is a name of letters, digits and _ (up to 50)");
            }
            if (!declared.add(name.strip())) {
                throw Problems.invalidField("variables", "names " + name.strip() + " twice");
            }
        }
        String body = request.body();
        Set<String> used = new LinkedHashSet<>(used(body));
        if (subject != null) {
            used.addAll(used(subject));
        }
        if (body.contains("{{") && used.isEmpty() || body.replaceAll(VARIABLE.pattern(), "").contains("{{")) {
            throw Problems.invalidField("body", "has a {{ that is not a {{variable}}");
        }
        if (!used.equals(declared)) {
            List<String> missing = new ArrayList<>(used);
            missing.removeAll(declared);
            List<String> unused = new ArrayList<>(declared);
            unused.removeAll(used);
            throw Problems.invalidField("variables", "must be exactly the {{variables}} the body and subject use"
                    + (missing.isEmpty() ? "" : "; not declared: " + String.join(", ", missing))
                    + (unused.isEmpty() ? "" : "; not used: " + String.join(", ", unused)));
        }
        String joined = String.join(",", declared);
        if (joined.length() > 500) {
            throw Problems.invalidField("variables", "are too long together (500 characters at most)");
        }
        switch (request.channel()) {
            case EMAIL -> {
                if (subject == null) {
                    throw Problems.invalidField("subject", "is required for an e-mail template");
                }
            }
            case SMS -> {
                if (providerId == null) {
                    throw Problems.invalidField("providerTemplateId", "is required: the text's DLT template id");
                }
                if (subject != null) {
                    throw Problems.invalidField("subject", "is for e-mail only");
                }
            }
            case WHATSAPP -> {
                if (providerId == null) {
                    throw Problems.invalidField("providerTemplateId", "is required: the approved template's name");
                }
                if (language == null || !LANGUAGE.matcher(language).matches()) {
                    throw Problems.invalidField("language", "is required: the approved template's language, such as en or en_US");
                }
                if (subject != null) {
                    throw Problems.invalidField("subject", "is for e-mail only");
                }
            }
        }
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("purpose", request.purpose().name());
        params.put("channel", request.channel().name());
        params.put("subject", subject);
        params.put("body", body);
        params.put("providerId", request.channel() == Channel.EMAIL ? null : providerId);
        params.put("language", request.channel() == Channel.WHATSAPP ? language : null);
        params.put("variables", joined);
        params.put("active", request.active() == null || request.active());
        return new Checked(params);
    }

    private static List<String> used(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
