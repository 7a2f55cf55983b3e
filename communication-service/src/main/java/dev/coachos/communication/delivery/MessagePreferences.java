package dev.coachos.communication.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Opt-outs per channel and purpose: each user their own, and (manage:messages) a guardian's contact
 * by its address. A purpose the institute marks mandatory (receipts, by default) cannot be opted
 * out of, and goes out whatever was opted out before it became mandatory.
 */
@Service
class MessagePreferences {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private final JdbcClient jdbc;
    private final Clock clock;

    MessagePreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One channel and purpose: whether it is opted out, and whether it is mandatory (then it always goes). */
    record Preference(Purpose purpose, Channel channel, boolean optedOut, boolean mandatory) {
    }

    record Change(@NotNull Purpose purpose, @NotNull Channel channel, @NotNull Boolean optedOut) {
    }

    record Changes(@NotNull @Size(max = 100) List<@Valid @NotNull Change> preferences) {
    }

    record ContactChange(@NotBlank @Size(max = 320) String address, @NotNull Channel channel, @NotNull Purpose purpose,
            @NotNull Boolean optedOut) {
    }

    record Mandatory(@NotNull @Size(max = 20) List<@NotNull Purpose> purposes) {
    }

    @Transactional(readOnly = true)
    List<Preference> mine(Caller caller) {
        Set<String> out = new HashSet<>(jdbc.sql(
                "select purpose || ':' || channel from message_opt_out where user_id = :me")
                .param("me", caller.userId()).query(String.class).list());
        Set<Purpose> mandatory = mandatory();
        List<Preference> preferences = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            for (Channel channel : Channel.values()) {
                preferences.add(new Preference(purpose, channel, out.contains(purpose + ":" + channel),
                        mandatory.contains(purpose)));
            }
        }
        return preferences;
    }

    @Transactional
    List<Preference> change(Changes changes, Caller caller) {
        Set<Purpose> mandatory = mandatory();
        for (Change change : changes.preferences()) {
            if (change.optedOut() && mandatory.contains(change.purpose())) {
                throw mandatoryProblem(change.purpose());
            }
        }
        for (Change change : changes.preferences()) {
            set("user_id", caller.userId(), change.channel(), change.purpose(), change.optedOut());
        }
        return mine(caller);
    }

    @Transactional
    ContactChange changeContact(ContactChange change) {
        String address = normalised(change.address(), change.channel());
        if (change.optedOut() && mandatory().contains(change.purpose())) {
            throw mandatoryProblem(change.purpose());
        }
        set("address", address, change.channel(), change.purpose(), change.optedOut());
        return new ContactChange(address, change.channel(), change.purpose(), change.optedOut());
    }

    @Transactional(readOnly = true)
    Set<Purpose> mandatory() {
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        for (String name : jdbc.sql("select purpose from mandatory_purpose").query(String.class).list()) {
            try {
                purposes.add(Purpose.valueOf(name));
            } catch (IllegalArgumentException e) {
                // A purpose this version does not know: nothing of it is sent.
            }
        }
        return purposes;
    }

    @Transactional
    Set<Purpose> setMandatory(Mandatory mandatory) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("delete from mandatory_purpose").update();
        for (Purpose purpose : new java.util.LinkedHashSet<>(mandatory.purposes())) {
            jdbc.sql("insert into mandatory_purpose (purpose, updated_at) values (:p, :now)")
                    .param("p", purpose.name()).param("now", now).update();
        }
        return mandatory();
    }

    private void set(String column, Object who, Channel channel, Purpose purpose, boolean optedOut) {
        if (optedOut) {
            jdbc.sql("insert into message_opt_out (id, " + column + ", channel, purpose, created_at)"
                    + " values (:id, :who, :channel, :purpose, :now) on conflict do nothing")
                    .param("id", UuidV7.next()).param("who", who).param("channel", channel.name())
                    .param("purpose", purpose.name()).param("now", Timestamp.from(clock.instant())).update();
        } else {
            jdbc.sql("delete from message_opt_out where " + column + " = :who and channel = :channel and purpose = :purpose")
                    .param("who", who).param("channel", channel.name()).param("purpose", purpose.name()).update();
        }
    }

    /** A contact as the delivery log writes it: an e-mail address in lower case, a phone in E.164. */
    static String normalised(String address, Channel channel) {
        String text = address.strip();
        if (channel == Channel.EMAIL) {
            String email = text.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                throw Problems.invalidField("address", "is not an e-mail address");
            }
            return email;
        }
        String phone = text.replaceAll("[\\s()-]", "");
        if (phone.matches("[0-9]{10}")) {
            phone = "+91" + phone;
        } else if (phone.matches("0[0-9]{10}")) {
            phone = "+91" + phone.substring(1);
        }
        if (!PHONE.matcher(phone).matches()) {
            throw Problems.invalidField("address", "is not a phone number (E.164, such as +919876543210)");
        }
        return phone;
    }

    private static RuntimeException mandatoryProblem(Purpose purpose) {
        org.springframework.web.ErrorResponseException problem = Problems.conflict(
                purpose + " is mandatory: it cannot be opted out of");
        problem.getBody().setProperty("purpose", purpose.name());
        return problem;
    }
}
