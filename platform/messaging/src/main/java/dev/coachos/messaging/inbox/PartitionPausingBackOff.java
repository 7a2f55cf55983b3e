package dev.coachos.messaging.inbox;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;

/**
 * Waits between two tries of a failed record by pausing only that record's partition, not the
 * consumer thread. One consumer reads several partitions; had it slept, a record waiting for an
 * event on another partition would hold that one too, so the event it waits for could never come
 * (and nothing else the consumer reads would move).
 *
 * <p>The error handler tells the retry listener which record failed, then asks for the back-off on
 * the same thread: the partition is paused for the back-off and resumed after it, and the handler's
 * seek makes the record the partition's next one. Without a container (never, for listeners) the
 * thread sleeps as before.
 */
final class PartitionPausingBackOff implements BackOffHandler, RetryListener, AutoCloseable {

    private final ThreadLocal<TopicPartition> failed = new ThreadLocal<>();
    private final DefaultBackOffHandler sleeping = new DefaultBackOffHandler();
    private final ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coachos-event-retry");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int deliveryAttempt) {
        failed.set(new TopicPartition(record.topic(), record.partition()));
    }

    @Override
    public void onNextBackOff(@Nullable MessageListenerContainer container, @Nullable Exception exception,
            long nextBackOff) {
        TopicPartition partition = failed.get();
        failed.remove();
        if (container == null || partition == null) {
            sleeping.onNextBackOff(container, exception, nextBackOff);
            return;
        }
        container.pausePartition(partition);
        try {
            resumer.schedule(() -> container.resumePartition(partition), nextBackOff, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // Shutting down: nothing would resume it, so wait the old way.
            container.resumePartition(partition);
            sleeping.onNextBackOff(container, exception, nextBackOff);
        }
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, @Nullable Exception ex) {
        failed.remove();
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, @Nullable Exception original, Exception failure) {
        failed.remove();
    }

    @Override
    public void close() {
        resumer.shutdownNow();
    }
}
