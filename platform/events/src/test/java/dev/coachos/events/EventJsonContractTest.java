package dev.coachos.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.assessment.AssessmentEvents;
import dev.coachos.events.communication.CommunicationEvents;
import dev.coachos.events.course.CourseEvents;
import dev.coachos.events.course.LessonsChanged;
import dev.coachos.events.enrollment.EnrollmentEvents;
import dev.coachos.events.finance.FinanceEvents;
import dev.coachos.events.identity.IdentityEvents;
import dev.coachos.events.identity.UserDeactivated;
import dev.coachos.events.identity.UserRegistered;
import dev.coachos.events.marketing.LeadConversionRequested;
import dev.coachos.events.marketing.MarketingEvents;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON that producers write and consumers read: field names are the contract. */
class EventJsonContractTest {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void anEnvelopeCarriesItsMetadataAndThePayloadUnderFixedNames() {
        UUID id = UUID.randomUUID();
        EventEnvelope<UserRegistered> envelope = new EventEnvelope<>(id, "UserRegistered", 1,
                Instant.parse("2026-11-24T10:00:00Z"), "identity-service", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                new Actor("d-1", List.of("DIRECTOR"), "203.0.113.7", "CoachosApp/2.1", "request"),
                new UserRegistered("u-1", "asha@example.in", "Asha", "STUDENT", "b-1", "STUDENT", "+919810000001"));
        JsonNode written = json.readTree(json.writeValueAsString(envelope));
        assertThat(written.path("eventId").asString()).isEqualTo(id.toString());
        assertThat(written.path("type").asString()).isEqualTo("UserRegistered");
        assertThat(written.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(written.path("source").asString()).isEqualTo("identity-service");
        assertThat(written.path("traceparent").asString()).startsWith("00-");
        assertThat(written.path("payload").path("userId").asString()).isEqualTo("u-1");
        assertThat(written.path("payload").path("email").asString()).isEqualTo("asha@example.in");
        // Exactly these fields travel: a secret (or anything else) added to the record fails here first.
        assertThat(written.path("payload").propertyNames()).containsExactlyInAnyOrder("userId", "email", "name", "role",
                "branchId", "profileType", "phone");
        assertThat(written.path("payload").path("phone").asString()).isEqualTo("+919810000001");
        assertThat(written.propertyNames()).containsExactlyInAnyOrder("eventId", "type", "schemaVersion", "occurredAt",
                "source", "traceparent", "actor", "payload");
        assertThat(written.path("actor").propertyNames()).containsExactlyInAnyOrder("userId", "roles", "clientIp",
                "userAgent", "via");
        assertThat(written.path("actor").path("clientIp").asString()).isEqualTo("203.0.113.7");
    }

    @Test
    void consumersReadPayloadsTolerantlyIgnoringFieldsAddedLater() {
        String fromANewerProducer = """
                {"userId":"u-2","email":"ravi@example.in","name":"Ravi","role":"TEACHER","branchId":null,
                 "phone":"+91 98100 00001","preferredLanguage":"hi"}""";
        UserRegistered read = json.readValue(fromANewerProducer, UserRegistered.class);
        assertThat(read.userId()).isEqualTo("u-2");
        assertThat(read.role()).isEqualTo("TEACHER");
        assertThat(read.branchId()).isNull();
        assertThat(read.aggregateId()).isEqualTo("u-2");
    }

    @Test
    void noSecretTravelsInTheSignInEvents() {
        // Exactly these fields: a password, hash or token added to one of them fails here first.
        assertThat(fields(new dev.coachos.events.identity.LoginFailed("u-1", "asha@example.in", "WRONG_PASSWORD", false)))
                .containsExactlyInAnyOrder("userId", "email", "reason", "lockedNow");
        assertThat(fields(new dev.coachos.events.identity.UserLoggedIn("u-1"))).containsExactly("userId");
        assertThat(fields(new dev.coachos.events.identity.UserLoggedOut("u-1"))).containsExactly("userId");
        assertThat(fields(new dev.coachos.events.identity.PasswordResetRequested("u-1"))).containsExactly("userId");
        assertThat(fields(new dev.coachos.events.identity.PasswordResetCompleted("u-1"))).containsExactly("userId");
        assertThat(fields(new dev.coachos.events.identity.RolePermissionsChanged("r-1", "TEACHER", "GRANTED",
                "read:audit", List.of("read:audit")))).containsExactlyInAnyOrder("roleId", "role", "change",
                "permission", "permissions");
    }

    @Test
    void branchEventsCarryTheTaxDetailsFinanceNeedsAndNothingElse() {
        var opened = new dev.coachos.events.identity.BranchOpened("b-1", "DEL-01", "Delhi Central", "New Delhi", "Delhi",
                "07", "07AAACC1206D1ZM", "DEL", true);
        assertThat(fields(opened)).containsExactlyInAnyOrder("branchId", "code", "name", "city", "state", "stateCode",
                "gstin", "receiptSeries", "active");
        assertThat(fields(new dev.coachos.events.identity.BranchUpdated("b-1", "DEL-01", "Delhi Central", null, null,
                null, null, "DEL", false))).containsExactlyInAnyOrderElementsOf(fields(opened));
        var profile = new dev.coachos.events.identity.StudentProfileUpdated("u-1", "p-1", "29", List.of(
                new dev.coachos.events.identity.StudentProfileUpdated.Guardian("Meera", "MOTHER", "+919810000001",
                        "meera@example.in"),
                new dev.coachos.events.identity.StudentProfileUpdated.Guardian("Raj", "FATHER", "+919810000002", null)));
        assertThat(fields(profile)).containsExactlyInAnyOrder("userId", "studentProfileId", "stateCode", "guardians");
        JsonNode guardians = json.readTree(json.writeValueAsString(profile)).path("guardians");
        assertThat(guardians.size()).isEqualTo(2);
        assertThat(guardians.get(0).propertyNames()).containsExactlyInAnyOrder("name", "relation", "phone", "email");
        assertThat(guardians.get(0).path("phone").asString()).isEqualTo("+919810000001");
        assertThat(guardians.get(1).path("relation").asString()).isEqualTo("FATHER");
        assertThat(fields(new dev.coachos.events.identity.StaffProfileUpdated("u-1", "p-1", "u-2")))
                .containsExactlyInAnyOrder("userId", "staffProfileId", "reportingManagerId");
        assertThat(IdentityEvents.typeOf(new dev.coachos.events.identity.StaffProfileUpdated("u-1", "p-1", null)))
                .isEqualTo("StaffProfileUpdated");
        assertThat(IdentityEvents.typeOf(opened)).isEqualTo("BranchOpened");
        assertThat(opened.aggregateId()).isEqualTo("b-1");
    }

    @Test
    void fieldsAddedLaterAreAbsentInOlderJsonAndReadAsNull() {
        var registered = json.readValue("""
                {"userId":"u-3","email":"e@example.in","name":"E","role":"STUDENT","branchId":"b-1",
                 "profileType":"STUDENT"}""", UserRegistered.class);
        assertThat(registered.phone()).isNull();
        var profile = json.readValue("""
                {"userId":"u-3","studentProfileId":"p-3","stateCode":"07"}""",
                dev.coachos.events.identity.StudentProfileUpdated.class);
        assertThat(profile.stateCode()).isEqualTo("07");
        assertThat(profile.guardians()).isNull();
        var paid = json.readValue("""
                {"paymentId":"pay-1","receiptId":"r-1","receiptNumber":"DEL/26-27/00001","studentId":"u-3",
                 "branchId":"b-1","planId":"plan-1","amount":"5000.00","method":"UPI","status":"CLEARED",
                 "pendingAfter":"0.00","receivedAt":"2026-11-24T10:00:00Z"}""",
                dev.coachos.events.finance.PaymentReceived.class);
        assertThat(paid.amount()).isEqualTo("5000.00");
        assertThat(paid.installments()).isNull();
    }

    @Test
    void aPaymentNamesEveryInstallmentItPaidIntoWithItsStatusAfter() {
        var paid = new dev.coachos.events.finance.PaymentReceived("pay-1", "r-1", "DEL/26-27/00001", "u-1", "b-1",
                "plan-1", "7000.00", "UPI", "CLEARED", "3000.00", "2026-11-24T10:00:00Z", List.of(
                        new dev.coachos.events.finance.PaymentReceived.Settled("i-1", "PAID"),
                        new dev.coachos.events.finance.PaymentReceived.Settled("i-2", "PARTIALLY_PAID")));
        JsonNode written = json.readTree(json.writeValueAsString(paid));
        assertThat(written.propertyNames()).containsExactlyInAnyOrder("paymentId", "receiptId", "receiptNumber",
                "studentId", "branchId", "planId", "amount", "method", "status", "pendingAfter", "receivedAt",
                "installments");
        assertThat(written.path("installments").get(0).propertyNames())
                .containsExactlyInAnyOrder("installmentId", "status");
        assertThat(written.path("installments").get(1).path("status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(json.readValue(json.writeValueAsString(paid), dev.coachos.events.finance.PaymentReceived.class))
                .isEqualTo(paid);
    }

    private java.util.Collection<String> fields(Object event) {
        return json.readTree(json.writeValueAsString(event)).propertyNames();
    }

    @Test
    void everyEventTravelsUnderItsRecordsNameOnItsDomainsTopic() {
        for (Map<String, Class<? extends DomainEvent>> types : List.of(IdentityEvents.TYPES, CourseEvents.TYPES,
                EnrollmentEvents.TYPES, AssessmentEvents.TYPES, FinanceEvents.TYPES, CommunicationEvents.TYPES,
                MarketingEvents.TYPES)) {
            types.forEach((name, type) -> assertThat(type.getSimpleName()).as(name).isEqualTo(name));
        }
        // The wire names consumers switch on: renaming one breaks them, so it fails here first.
        assertThat(IdentityEvents.TYPES).containsOnlyKeys("UserRegistered", "UserUpdated", "UserRoleChanged",
                "UserDeactivated", "UserLoggedIn", "UserLoggedOut", "LoginFailed", "PasswordResetRequested",
                "PasswordResetCompleted", "RolePermissionsChanged", "BranchOpened", "BranchUpdated",
                "StudentProfileUpdated", "StaffProfileUpdated", "LeadAccountReady", "LeadAccountRefused");
        assertThat(CourseEvents.TYPES).containsOnlyKeys("CourseCreated", "CourseUpdated", "CurriculumSubmitted",
                "CurriculumApproved", "CurriculumRejected", "LessonsChanged", "AssignmentSubmitted", "SubmissionGraded",
                "CourseTeacherAssigned", "CourseTeacherUnassigned");
        assertThat(EnrollmentEvents.TYPES).containsOnlyKeys("BatchCreated", "BatchUpdated", "BatchFeeChanged",
                "EnrollmentCreated", "EnrollmentStatusChanged", "EnrollmentTransferred", "WaitlistJoined",
                "WaitlistPromoted", "AttendanceMarked", "LessonCompleted", "LeadEnrolled", "LeadEnrollmentRefused");
        assertThat(AssessmentEvents.TYPES).containsOnlyKeys("QuizPublished", "QuizSubmitted", "QuizGraded");
        assertThat(AssessmentEvents.TYPES.values()).allMatch(t -> t.getPackageName().endsWith(".assessment"));
        assertThat(Topics.ASSESSMENT).isEqualTo("coachos.assessment.events");
        assertThat(FinanceEvents.TYPES).containsOnlyKeys("ExpenseApproved", "ExpenseRecorded", "ExpenseReversed",
                "FeePlanCreated", "InstallmentDue", "InstallmentOverdue",
                "PaymentReceived", "PaymentReversed", "ReceiptCancelled", "SalaryPaid", "SalarySlipApproved");
        assertThat(FinanceEvents.TYPES.values()).allMatch(t -> t.getPackageName().endsWith(".finance"));
        assertThat(Topics.FINANCE).isEqualTo("coachos.finance.events");
        assertThat(CommunicationEvents.TYPES).containsOnlyKeys("AnnouncementPublished", "QueryOpened", "QueryResolved",
                "LeaveRequested", "LeaveDecided");
        assertThat(CommunicationEvents.TYPES.values()).allMatch(t -> t.getPackageName().endsWith(".communication"));
        assertThat(Topics.COMMUNICATION).isEqualTo("coachos.communication.events");
        assertThat(MarketingEvents.TYPES).containsOnlyKeys("LeadCreated", "LeadStageChanged",
                "LeadConversionRequested", "LeadConverted", "LeadFollowUpDue");
        assertThat(MarketingEvents.TYPES.values()).allMatch(t -> t.getPackageName().endsWith(".marketing"));
        assertThat(Topics.MARKETING).isEqualTo("coachos.marketing.events");
        assertThat(Topics.deadLetter(Topics.COURSE)).isEqualTo("coachos.course.events.dlt");
        assertThat(IdentityEvents.TYPES.values()).allMatch(t -> t.getPackageName().endsWith(".identity"));
        assertThat(CourseEvents.TYPES.values()).allMatch(t -> t.getPackageName().endsWith(".course"));
        assertThat(EnrollmentEvents.TYPES.values()).allMatch(t -> t.getPackageName().endsWith(".enrollment"));
        assertThat(IdentityEvents.typeOf(new UserRegistered("u", "e", "n", "r", null, "STAFF", null))).isEqualTo("UserRegistered");
        assertThat(IdentityEvents.typeOf(new UserDeactivated("u"))).isEqualTo("UserDeactivated");
        assertThatThrownBy(() -> CourseEvents.typeOf(new UserDeactivated("u")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Topics.deadLetter(Topics.IDENTITY)).isEqualTo(Topics.IDENTITY + ".dlt").startsWith("coachos.identity.");
    }

    @Test
    void lessonsChangedTravelsAsAnOrderedSnapshotWithItsRevision() {
        LessonsChanged event = new LessonsChanged("c-1", "course-1", null, 7, List.of(
                new LessonsChanged.LessonEntry("l-1", "m-1", 1, 2), new LessonsChanged.LessonEntry("l-2", "m-1", 2, 3)));
        JsonNode written = json.readTree(json.writeValueAsString(event));
        assertThat(written.path("teacherId").isNull()).isTrue();
        assertThat(written.path("revision").asLong()).isEqualTo(7);
        assertThat(written.path("lessons").get(1).path("lessonId").asString()).isEqualTo("l-2");
        assertThat(written.path("lessons").get(1).path("weightage").asInt()).isEqualTo(3);
        LessonsChanged read = json.readValue(json.writeValueAsString(event), LessonsChanged.class);
        assertThat(read).isEqualTo(event);
        assertThat(CourseEvents.typeOf(read)).isEqualTo("LessonsChanged");
    }

    @Test
    void aConversionRequestCarriesWhatIdentityAndEnrollmentNeedKeyedByTheLead() {
        LeadConversionRequested event = new LeadConversionRequested("l-1", "c-1", "Ravi Kumar", "ravi@example.in",
                "+919876543210", "b-1", "batch-1", "PERCENTAGE", "10", "u-9", "2026-12-02T10:00:00Z");
        assertThat(fields(event)).containsExactlyInAnyOrder("leadId", "conversionId", "name", "email", "phone",
                "branchId", "batchId", "discountType", "discount", "requestedBy", "requestedAt");
        assertThat(event.aggregateId()).isEqualTo("l-1");
        assertThat(MarketingEvents.typeOf(event)).isEqualTo("LeadConversionRequested");
    }
}
