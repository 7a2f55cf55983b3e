package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A receipt as the PDF a student downloads: its number, figures with the rupee sign, words, and what is left. */
class ReceiptPdfIT extends FinanceTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theStudentDownloadsTheirTaxInvoiceAsAPdfAndNobodyElseCan() throws Exception {
        UUID branch = branch("PDF", "07", "07AAPFU0939F1ZX");
        UUID student = student("Asha Verma", "07");
        UUID plan = oneTimePlan(student, branch, "12345678.50");
        JsonNode paid = pay(backOffice(branch), plan, "123456.50", "UPI", upi("556677889900"));
        String receipt = paid.path("receiptId").asString();

        HttpResponse<byte[]> pdf = get("/api/v1/receipts/" + receipt, studentToken(student), "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Tax Invoice", "PDF/26-27/00001", "07AAPFU0939F1ZX", "999293", "Asha Verma",
                "\u20B91,23,456.50", "One Lakh Twenty Three Thousand Four Hundred Fifty Six Rupees and Fifty Paise Only",
                "\u20B91,22,22,222.00", "556677889900");

        assertThat(get("/api/v1/receipts/" + receipt, studentToken(UUID.randomUUID()), "application/pdf").statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/receipts/" + receipt, null, "application/pdf").statusCode()).isEqualTo(401);
        HttpResponse<byte[]> missing = get("/api/v1/receipts/" + UUID.randomUUID(), studentToken(student),
                "application/pdf");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body())).doesNotContain("<html");
        assertThat(pay(backOffice(branch), plan, "1.00", "CASH", Map.of()).path("receiptNumber").asString())
                .isEqualTo("PDF/26-27/00002");
    }

    private HttpResponse<byte[]> get(String path, String token, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
