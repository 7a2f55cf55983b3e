package dev.coachos.communication.delivery;

import java.util.UUID;

/**
 * Who a message goes to: a user of the suite (their id, e-mail and phone), or a student's guardian
 * (no user id; the contact the student's profile gives). A missing address means nothing is sent on
 * that channel, and the delivery log says so.
 */
public record Recipient(Kind kind, UUID userId, String name, String email, String phone) {

    /** A user, or a guardian's contact. */
    public enum Kind {
        USER, GUARDIAN
    }

    public static Recipient user(UUID userId, String name, String email, String phone) {
        return new Recipient(Kind.USER, userId, name, email, phone);
    }

    public static Recipient guardian(String name, String email, String phone) {
        return new Recipient(Kind.GUARDIAN, null, name, email, phone);
    }

    /** The address on a channel, or null. */
    public String addressOn(Channel channel) {
        String address = channel == Channel.EMAIL ? email : phone;
        return address == null || address.isBlank() ? null : address.strip();
    }
}
