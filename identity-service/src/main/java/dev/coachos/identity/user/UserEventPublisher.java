package dev.coachos.identity.user;

import org.springframework.stereotype.Component;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.Topics;
import dev.coachos.events.identity.IdentityEvents;
import dev.coachos.events.identity.UserDeactivated;
import dev.coachos.events.identity.UserRegistered;
import dev.coachos.events.identity.UserRoleChanged;
import dev.coachos.events.identity.UserUpdated;
import dev.coachos.messaging.outbox.Outbox;

/**
 * What other services learn about accounts, stored in the outbox inside the transaction of the
 * change. Names, e-mail addresses, roles and branches only: never a password hash or a token.
 */
@Component
public class UserEventPublisher {

    private final Outbox outbox;

    UserEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(User user) {
        publish(new UserRegistered(user.getId().toString(), user.getEmail(), user.getName(), user.getRole().getName(),
                branch(user), user.getRole().getProfileType().name()));
    }

    void updated(User user) {
        publish(new UserUpdated(user.getId().toString(), user.getEmail(), user.getName(), user.getPhone(), branch(user),
                user.isActive()));
    }

    void roleChanged(User user, String previousRole) {
        publish(new UserRoleChanged(user.getId().toString(), previousRole, user.getRole().getName(),
                user.getRole().getProfileType().name()));
    }

    void deactivated(User user) {
        publish(new UserDeactivated(user.getId().toString()));
    }

    private void publish(DomainEvent event) {
        outbox.publish(Topics.IDENTITY, IdentityEvents.typeOf(event), IdentityEvents.SCHEMA_VERSION, event);
    }

    private static String branch(User user) {
        return user.getBranchId() == null ? null : user.getBranchId().toString();
    }
}
