import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves a consumer group back to the start of every partition it has committed offsets for, so the
 * group reads each topic's whole history again when its service starts (bench/faults.sh, fault
 * "redelivery"). The groups must have no live members: stop their services first. A name ending in
 * {@code *} stands for every group whose name starts with the rest ({@code communication-service*}).
 *
 * <pre>java -cp "platform/kafka-broker/target/lib/*" bench/ResetOffsets.java localhost:9092 GROUP...</pre>
 */
public class ResetOffsets {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ResetOffsets BOOTSTRAP GROUP...");
            System.exit(2);
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(config)) {
            List<String> known = admin.listGroups().all().get().stream().map(g -> g.groupId()).sorted().toList();
            List<String> groups = List.of(args).subList(1, args.length).stream()
                    .flatMap(name -> name.endsWith("*")
                            ? known.stream().filter(g -> g.startsWith(name.substring(0, name.length() - 1)))
                            : java.util.stream.Stream.of(name))
                    .toList();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                if (committed.isEmpty()) {
                    System.out.println(group + ": no committed offsets");
                    continue;
                }
                ListOffsetsResult earliest = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.earliest())));
                Map<TopicPartition, OffsetAndMetadata> start = committed.keySet().stream().collect(Collectors.toMap(
                        partition -> partition, partition -> new OffsetAndMetadata(offset(earliest, partition))));
                admin.alterConsumerGroupOffsets(group, start).all().get();
                long behind = committed.entrySet().stream()
                        .mapToLong(e -> e.getValue().offset() - start.get(e.getKey()).offset()).sum();
                System.out.println(group + ": " + committed.size() + " partitions reset, " + behind
                        + " records to read again");
            }
        }
    }

    private static long offset(ListOffsetsResult result, TopicPartition partition) {
        try {
            return result.partitionResult(partition).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException("no earliest offset for " + partition, e);
        }
    }
}
