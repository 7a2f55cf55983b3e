package dev.coachos.communication.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * SMS through MSG91's flow API: the DLT-registered template by its id, and the message's variables
 * by name, which MSG91 puts into the registered text (so the SMS is exactly the text we render and
 * log). The request id it answers is the delivery's provider id, which its delivery reports name.
 */
@Component
class Msg91Sms implements ChannelSender {

    static final String PROVIDER = "msg91";

    private final ProviderSettings.Sms settings;
    private final ProviderHttp http;

    Msg91Sms(ProviderSettings settings, ProviderHttp http) {
        this.settings = settings.sms();
        this.http = http;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Outcome send(Message message) {
        if (message.providerTemplateId() == null) {
            return new Refused("the SMS template has no DLT template id");
        }
        if (message.providerTemplateId().startsWith("REPLACE_WITH_DLT_ID")) {
            return new Refused("the SMS template's DLT template id is still the shipped placeholder: register the text "
                    + "on DLT and put its id in");
        }
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("mobiles", mobile(message.address()));
        for (String name : message.templateVariables()) {
            recipient.put(name, message.variables().getOrDefault(name, ""));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template_id", message.providerTemplateId());
        body.put("short_url", "0");
        body.put("recipients", List.of(recipient));
        ProviderHttp.Answer answer = http.postJson(settings.baseUrl() + "/api/v5/flow",
                Map.of("authkey", settings.authKey()), body, "MSG91");
        return switch (answer) {
            case ProviderHttp.Failed failed -> failed.outcome();
            case ProviderHttp.Ok ok -> taken(ok.body());
        };
    }

    private static Outcome taken(JsonNode answer) {
        String type = answer.path("type").asString("");
        String id = answer.path("message").asString(null);
        if (type.equalsIgnoreCase("error")) {
            return new Refused("MSG91 refused the message: " + ProviderHttp.shorten(id == null ? "error" : id));
        }
        if (id == null || id.isBlank()) {
            id = answer.path("request_id").asString(null);
        }
        return new Sent(PROVIDER, id == null || id.isBlank() ? null : id);
    }

    /** MSG91 wants the country code and the number, digits only: +91 98765 43210 becomes 919876543210. */
    static String mobile(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() == 10) {
            return "91" + digits;
        }
        if (digits.length() == 11 && digits.startsWith("0")) {
            return "91" + digits.substring(1);
        }
        return digits;
    }
}
