package dev.coachos.identity;

import org.springframework.stereotype.Component;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.Topics;
import dev.coachos.events.identity.BranchOpened;
import dev.coachos.events.identity.BranchUpdated;
import dev.coachos.events.identity.LeadAccountReady;
import dev.coachos.events.identity.LeadAccountRefused;
import dev.coachos.events.identity.LoginFailed;
import dev.coachos.events.identity.PasswordResetCompleted;
import dev.coachos.events.identity.PasswordResetRequested;
import dev.coachos.events.identity.RolePermissionsChanged;
import dev.coachos.events.identity.StaffProfileUpdated;
import dev.coachos.events.identity.StudentProfileUpdated;
import dev.coachos.events.identity.UserDeactivated;
import dev.coachos.events.identity.UserLoggedIn;
import dev.coachos.events.identity.UserLoggedOut;
import dev.coachos.events.identity.UserRegistered;
import dev.coachos.events.identity.UserRoleChanged;
import dev.coachos.events.identity.UserUpdated;
import dev.coachos.messaging.outbox.Outbox;

/**
 * The events identity-service publishes, one method each, and the only caller of the outbox:
 * each is stored in the transaction of the change it reports and relayed to
 * {@value dev.coachos.events.Topics#IDENTITY} afterwards. Names, e-mail addresses, roles,
 * branches, the tax details finance needs and whom
 * a staff member reports to only: never a password, a hash or a token.
 */
@Component
public class IdentityEvents {

    private final Outbox outbox;

    IdentityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void userRegistered(UserRegistered event) {
        publish(event);
    }

    public void userUpdated(UserUpdated event) {
        publish(event);
    }

    public void userRoleChanged(UserRoleChanged event) {
        publish(event);
    }

    public void userDeactivated(UserDeactivated event) {
        publish(event);
    }

    public void userLoggedIn(UserLoggedIn event) {
        publish(event);
    }

    public void userLoggedOut(UserLoggedOut event) {
        publish(event);
    }

    public void loginFailed(LoginFailed event) {
        publish(event);
    }

    public void passwordResetRequested(PasswordResetRequested event) {
        publish(event);
    }

    public void passwordResetCompleted(PasswordResetCompleted event) {
        publish(event);
    }

    public void rolePermissionsChanged(RolePermissionsChanged event) {
        publish(event);
    }

    public void branchOpened(BranchOpened event) {
        publish(event);
    }

    public void branchUpdated(BranchUpdated event) {
        publish(event);
    }

    public void studentProfileUpdated(StudentProfileUpdated event) {
        publish(event);
    }

    public void staffProfileUpdated(StaffProfileUpdated event) {
        publish(event);
    }

    public void leadAccountReady(LeadAccountReady event) {
        publish(event);
    }

    public void leadAccountRefused(LeadAccountRefused event) {
        publish(event);
    }

    private void publish(DomainEvent event) {
        outbox.publish(Topics.IDENTITY, dev.coachos.events.identity.IdentityEvents.typeOf(event),
                dev.coachos.events.identity.IdentityEvents.SCHEMA_VERSION, event);
    }
}
