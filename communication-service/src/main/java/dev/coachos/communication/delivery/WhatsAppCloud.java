package dev.coachos.communication.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * WhatsApp through the Business Cloud API: an approved template message by name and language, its
 * body parameters in the template's variables' order, and our delivery id as
 * {@code biz_opaque_callback_data} (the status webhooks carry it back). The wamid it answers is the
 * delivery's provider id.
 */
@Component
class WhatsAppCloud implements ChannelSender {

    static final String PROVIDER = "whatsapp";

    private final ProviderSettings.WhatsApp settings;
    private final ProviderHttp http;

    WhatsAppCloud(ProviderSettings settings, ProviderHttp http) {
        this.settings = settings.whatsapp();
        this.http = http;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Outcome send(Message message) {
        if (message.providerTemplateId() == null || message.language() == null) {
            return new Refused("the WhatsApp template has no approved name or language");
        }
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (String name : message.templateVariables()) {
            parameters.add(Map.of("type", "text", "text", message.variables().getOrDefault(name, "")));
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", message.providerTemplateId());
        template.put("language", Map.of("code", message.language()));
        if (!parameters.isEmpty()) {
            template.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", Msg91Sms.mobile(message.address()));
        body.put("type", "template");
        body.put("template", template);
        body.put("biz_opaque_callback_data", message.id().toString());
        ProviderHttp.Answer answer = http.postJson(settings.baseUrl() + "/" + settings.phoneNumberId() + "/messages",
                Map.of("Authorization", "Bearer " + settings.token()), body, "WhatsApp");
        return switch (answer) {
            case ProviderHttp.Failed failed -> failed.outcome();
            case ProviderHttp.Ok ok -> taken(ok.body());
        };
    }

    private static Outcome taken(JsonNode answer) {
        String wamid = null;
        for (JsonNode message : answer.path("messages")) {
            wamid = message.path("id").asString(null);
            break;
        }
        return new Sent(PROVIDER, wamid == null || wamid.isBlank() ? null : wamid);
    }
}
