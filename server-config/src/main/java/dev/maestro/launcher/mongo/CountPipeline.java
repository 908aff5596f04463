package dev.maestro.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregation a driver's {@code countDocuments} sends: {@code $match}, an optional
 * {@code $skip} and {@code $limit}, then one group of everything, {@code {$group: {_id: 1, n:
 * {$sum: 1}}}}. mongo-java-server runs any aggregation on every document of the collection;
 * this one is answered as a count of the filter instead, which can use an index.
 *
 * @param filter  the {@code $match}
 * @param skip    documents skipped, 0 for none
 * @param limit   documents counted at most, 0 for no limit
 * @param groupId the group's {@code _id}, which the answer repeats
 * @param field   the name of the count in the answer
 */
record CountPipeline(Document filter, int skip, int limit, Object groupId, String field) {

    /** The count a pipeline stands for, if it is exactly a count's shape. */
    static Optional<CountPipeline> of(Object pipeline) {
        if (!(pipeline instanceof List<?> stages) || stages.size() < 2 || stages.size() > 4
                || !(stage(stages.get(0), "$match") instanceof Document filter)
                || !(stage(stages.get(stages.size() - 1), "$group") instanceof Document group) || group.size() != 2) {
            return Optional.empty();
        }
        int skip = 0;
        int limit = 0;
        for (Object middle : stages.subList(1, stages.size() - 1)) {
            if (stage(middle, "$skip") instanceof Number n && skip == 0 && limit == 0 && n.intValue() > 0) {
                skip = n.intValue();
            } else if (stage(middle, "$limit") instanceof Number n && limit == 0 && n.intValue() > 0) {
                limit = n.intValue();
            } else {
                return Optional.empty();
            }
        }
        Object groupId = group.get("_id");
        for (Map.Entry<String, Object> accumulator : group.entrySet()) {
            if (!accumulator.getKey().equals("_id")) {
                boolean sumOfOnes = accumulator.getValue() instanceof Document sum && sum.size() == 1
                        && sum.get("$sum") instanceof Number one && one.doubleValue() == 1;
                return sumOfOnes && groupId instanceof Number
                        ? Optional.of(new CountPipeline(filter, skip, limit, groupId, accumulator.getKey())) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The answer for {@code count} matching documents: no group at all when none match, as an aggregation gives. */
    List<Document> answer(int count) {
        return count == 0 ? List.of() : List.of(new Document("_id", groupId).append(field, count));
    }

    private static Object stage(Object stage, String name) {
        return stage instanceof Document d && d.size() == 1 ? d.get(name) : null;
    }
}
