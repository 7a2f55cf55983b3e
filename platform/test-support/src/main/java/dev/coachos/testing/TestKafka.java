package dev.coachos.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: write a record as a producer would, read a topic as a new consumer would. */
public final class TestKafka {

    private TestKafka() {
    }

    /** Sends one string record and waits for the broker's acknowledgement. */
    public static void send(String bootstrap, String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Sends string records with one key, in order, through one producer; returns once all are acknowledged. */
    public static void sendAll(String bootstrap, String topic, String key, List<String> values) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            for (java.util.concurrent.Future<?> one : sent) {
                one.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic + ": " + e.getMessage(), e);
        }
    }

    /**
     * The values of the topic's records with this key, in order, once at least {@code expected}
     * of them are there (reading from the beginning; up to 60 s).
     */
    public static List<String> valuesWithKey(String bootstrap, String topic, String key, int expected) {
        try (Reader reader = new Reader(bootstrap, topic)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<ConsumerRecord<String, String>> found = reader.withKey(key);
            while (found.size() < expected && System.nanoTime() < deadline) {
                found = reader.withKey(key); // each call polls for up to 500 ms
            }
            if (found.size() < expected) {
                throw new AssertionError("Expected " + expected + " records with key " + key + " on " + topic
                        + " within 60 s, found " + found.size());
            }
            return found.stream().map(ConsumerRecord::value).toList();
        }
    }

    /** Reads a topic from the beginning, as a consumer group of its own. */
    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        public Reader(String bootstrap, String topic) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
            consumer.subscribe(List.of(topic));
        }

        /** Everything read so far, after one more poll. */
        public List<ConsumerRecord<String, String>> poll() {
            consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            return seen;
        }

        /** The records read so far with this key, after one more poll. */
        public List<ConsumerRecord<String, String>> withKey(String key) {
            return poll().stream().filter(r -> key.equals(r.key())).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
