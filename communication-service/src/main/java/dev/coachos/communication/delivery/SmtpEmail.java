package dev.coachos.communication.delivery;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail over SMTP, as plain text with the template's subject. Its Message-ID is made from the
 * delivery's id, and is the delivery's provider id.
 */
@Component
class SmtpEmail implements ChannelSender {

    static final String PROVIDER = "smtp";

    private final ProviderSettings.Email settings;
    private final JavaMailSenderImpl mail;

    SmtpEmail(ProviderSettings providers) {
        this.settings = providers.email();
        this.mail = new JavaMailSenderImpl();
        if (settings.configured()) {
            mail.setHost(settings.host());
            mail.setPort(settings.port());
            mail.setUsername(settings.username());
            mail.setPassword(settings.password());
            mail.setDefaultEncoding(StandardCharsets.UTF_8.name());
            Properties properties = new Properties();
            properties.put("mail.smtp.auth", String.valueOf(settings.username() != null));
            properties.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
            properties.put("mail.smtp.connectiontimeout", String.valueOf(providers.connectTimeout().toMillis()));
            properties.put("mail.smtp.timeout", String.valueOf(providers.readTimeout().toMillis()));
            properties.put("mail.smtp.writetimeout", String.valueOf(providers.readTimeout().toMillis()));
            mail.setJavaMailProperties(properties);
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Outcome send(Message message) {
        String messageId = "<" + message.id() + "@coachos>";
        try {
            MimeMessage mime = new MimeMessage(mail.getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mime.setFrom(new InternetAddress(settings.from()));
            mime.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(message.address(), true));
            mime.setSubject(message.subject() == null ? message.purpose().name() : message.subject(), "UTF-8");
            mime.setText(message.body(), "UTF-8");
            mail.send(mime);
            return new Sent(PROVIDER, messageId);
        } catch (MessagingException e) {
            return new Refused("the e-mail could not be made: " + ProviderHttp.shorten(String.valueOf(e.getMessage())));
        } catch (MailAuthenticationException e) {
            return new Refused("the SMTP server refused our credentials");
        } catch (MailException e) {
            if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)) {
                return new Refused("the SMTP server could not be reached");
            }
            if (causedBy(e, SocketTimeoutException.class)) {
                return new Unknown("outcome unknown: the SMTP server did not answer in time");
            }
            return new Refused("the SMTP server refused the message: "
                    + ProviderHttp.shorten(String.valueOf(e.getMostSpecificCause().getMessage())));
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
