package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real (embedded) broker: approving and paying a salary slip reach finance's topic through the
 * outbox, keyed by the slip, in order.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.outbox.relay-enabled=true",
        "spring.kafka.admin.auto-create=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
class PayrollEventsIT extends PayrollTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void anApprovedAndPaidSlipIsAnnouncedOnTheFinanceTopic() {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        UUID staff = payee("Kavita Rao", branch, "STAFF");
        Map<String, Object> body = structureBody(staff, "12000.00", "2026-10-01", null, List.of());
        body.put("pf", true);
        body.put("esi", true);
        structure(token, body);
        // Run and approved on 30 November, paid on 1 December, recorded on the 2nd.
        setDay(LocalDate.of(2026, 11, 30));
        String runId = runPayroll(token, "2026-11", branch).json().path("id").asString();
        String slip = slipsOf(token, runId).get(staff).path("id").asString();
        assertThat(api.post("/api/v1/salary-slips/" + slip + "/approval", token, Map.of()).status()).isEqualTo(200);
        setDay(TODAY);
        Map<String, Object> payment = new HashMap<>();
        payment.put("method", "BANK_TRANSFER");
        payment.put("reference", "HDFCN52026112012345");
        payment.put("paidOn", "2026-12-01");
        assertThat(api.post("/api/v1/salary-slips/" + slip + "/payment", token, payment).status()).isEqualTo(200);

        List<JsonNode> published = TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.FINANCE, slip, 2).stream()
                .map(JSON::readTree).toList();
        assertThat(published).extracting(e -> e.path("type").asString()).containsExactly("SalarySlipApproved", "SalaryPaid");
        // 12,000.00 basic; PF 12% = 1,440.00; ESI 0.75% of 12,000.00 = 90.00; net 10,470.00.
        JsonNode approved = published.get(0).path("payload");
        assertThat(approved.path("gross").asString()).isEqualTo("12000.00");
        assertThat(approved.path("deductions").asString()).isEqualTo("1530.00");
        assertThat(approved.path("net").asString()).isEqualTo("10470.00");
        assertThat(approved.path("branchId").asString()).isEqualTo(branch.toString());
        JsonNode paid = published.get(1).path("payload");
        assertThat(paid.path("personId").asString()).isEqualTo(staff.toString());
        assertThat(paid.path("month").asString()).isEqualTo("2026-11");
        assertThat(paid.path("net").asString()).isEqualTo("10470.00");
        assertThat(paid.path("method").asString()).isEqualTo("BANK_TRANSFER");
        assertThat(paid.path("reference").asString()).isEqualTo("HDFCN52026112012345");
        assertThat(paid.path("correction").asBoolean()).isFalse();
    }
}
