package dev.orderly.backend.explorer;

import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.OffsetResetPlan;
import dev.orderly.model.OffsetResetRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Moves a consumer group's committed offsets on one topic, as {@code kafka-consumer-groups --reset-offsets} does:
 * planned first (the new offsets and the lag they make, nothing changed), applied only while the group has no live
 * member, since a live member would overwrite the offsets with its next commit.
 */
@Component
class OffsetResets {

    private final Admin admin;
    private final TopicCatalog catalog;
    private final Clock clock;

    OffsetResets(@Lazy Admin admin, TopicCatalog catalog, Clock clock) {
        this.admin = admin;
        this.catalog = catalog;
        this.clock = clock;
    }

    OffsetResetPlan preview(String group, OffsetResetRequest request) {
        describe(group);
        return plan(group, request, false);
    }

    OffsetResetPlan apply(String group, OffsetResetRequest request) {
        ConsumerGroupDescription description = describe(group);
        if (!description.members().isEmpty()) {
            String members = description.members().stream().map(OffsetResets::member)
                .collect(Collectors.joining(", "));
            throw new ApiException(HttpStatus.CONFLICT, ErrorCode.GROUP_IN_USE.with(group), "Group '" + group
                + "' has "
                + description.members().size() + " live member(s) (" + members + "); its offsets can be reset only"
                + " while nobody reads with it. Stop its consumers first (PUT /api/admin/consumers"
                + " {\"running\":false} on every backend, or the Pipeline screen's stop button). Nothing was changed.",
                Map.of("members", description.members().size()));
        }
        OffsetResetPlan plan = plan(group, request, true);
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (OffsetResetPlan.Move move : plan.partitions()) {
            offsets.put(new TopicPartition(request.topic(), move.partition()), new OffsetAndMetadata(move.target()));
        }
        TopicCatalog.await(admin.alterConsumerGroupOffsets(group, offsets).all());
        return plan;
    }

    /** The moves for a group the cluster knows ({@link #describe} asked by the caller). */
    private OffsetResetPlan plan(String group, OffsetResetRequest request, boolean applied) {
        Map<Integer, long[]> ranges = catalog.wholeRange(request.topic());
        Map<TopicPartition, OffsetAndMetadata> committed = TopicCatalog.await(admin.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata());
        Map<Integer, Long> targets = targets(request, ranges);
        List<OffsetResetPlan.Move> moves = new ArrayList<>();
        for (Map.Entry<Integer, Long> target : targets.entrySet()) {
            long end = ranges.get(target.getKey())[1];
            OffsetAndMetadata current = committed.get(new TopicPartition(request.topic(), target.getKey()));
            moves.add(new OffsetResetPlan.Move(target.getKey(), current == null ? null : current.offset(),
                target.getValue(), end, end - target.getValue()));
        }
        return new OffsetResetPlan(group, request.topic(), applied, moves);
    }

    private Map<Integer, Long> targets(OffsetResetRequest request, Map<Integer, long[]> ranges) {
        Map<Integer, Long> targets = new TreeMap<>();
        switch (request.to()) {
            case EARLIEST -> ranges.forEach((p, range) -> targets.put(p, range[0]));
            case LATEST -> ranges.forEach((p, range) -> targets.put(p, range[1]));
            case TIMESTAMP -> {
                if (request.timestamp() == null) {
                    throw ApiException.invalid("timestamp", "to=TIMESTAMP needs a timestamp",
                        "required with to=TIMESTAMP");
                }
                if (request.timestamp().isAfter(clock.instant())) {
                    throw ApiException.badRequest(ErrorCode.TIMESTAMP_IN_FUTURE.with(request.timestamp()),
                        "timestamp " + request.timestamp() + " is in the future (now "
                        + clock.instant() + ")", Map.of("fields", Map.of("timestamp", "not in the future")));
                }
                targets.putAll(catalog.offsetsAt(request.topic(), ranges.keySet(),
                    request.timestamp().toEpochMilli()));
            }
            case OFFSETS -> {
                if (request.offsets() == null || request.offsets().isEmpty()) {
                    throw ApiException.invalid("offsets", "to=OFFSETS needs an offset per partition, e.g. {\"0\": 15}",
                        "required with to=OFFSETS");
                }
                request.offsets().forEach((partition, offset) -> {
                    long[] range = ranges.get(partition);
                    if (range == null) {
                        throw ApiException.badRequest(ErrorCode.PARTITION_OUT_OF_RANGE.with(request.topic(),
                            partition, ranges.size() - 1), "topic '" + request.topic() + "' has partitions 0 to "
                            + (ranges.size() - 1) + ", not " + partition, Map.of("fields",
                                Map.of("offsets", "partitions 0 to " + (ranges.size() - 1))));
                    }
                    if (offset == null || offset < range[0] || offset > range[1]) {
                        throw ApiException.badRequest(ErrorCode.OFFSET_OUT_OF_RANGE.with(partition, offset),
                            "offset " + offset + " is out of range for partition "
                            + partition + ": it holds offsets " + range[0] + " to " + range[1] + " (the end)",
                            Map.of("fields", Map.of("offsets", "partition " + partition + ": " + range[0] + " to "
                                + range[1])));
                    }
                    targets.put(partition, offset);
                });
            }
            default -> throw new IllegalStateException(request.to().name());
        }
        return targets;
    }

    /** The group as the cluster knows it; 404 for a group it does not know (or one without members or offsets). */
    private ConsumerGroupDescription describe(String group) {
        ConsumerGroupDescription description;
        try {
            description = admin.describeConsumerGroups(List.of(group)).all().get(TopicCatalog.WAIT, TimeUnit.SECONDS)
                .get(group);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                description = null;
            } else {
                throw TopicCatalog.unreachable(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TopicCatalog.unreachable(e);
        } catch (TimeoutException e) {
            throw TopicCatalog.unreachable(e);
        }
        if (description == null || description.groupState() == GroupState.DEAD) {
            throw ApiException.notFound(ErrorCode.GROUP_NOT_FOUND.with(group),
                "There is no consumer group '" + group + "' on the cluster");
        }
        return description;
    }

    private static String member(MemberDescription member) {
        return member.clientId() + "@" + member.host();
    }
}
