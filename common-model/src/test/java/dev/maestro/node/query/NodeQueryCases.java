package dev.maestro.node.query;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The query matrix that both {@code NodeQueryTest} (the store, in process) and the API's
 * {@code NodeQueryContract} (over HTTP) run: a query string and the names of the nodes it must
 * find among the four seeded ones (alpha, a checkout; beta-123, its kbuild; 123, a test under
 * beta-123; gamma, a job under alpha). {@code {alpha}} and {@code {beta}} stand for those nodes'
 * ids, which each side substitutes.
 */
public final class NodeQueryCases {
    private NodeQueryCases() {
    }

    public static Stream<Arguments> shared() {
        return Stream.of(
                // equality and typing of plain values
                Arguments.of("", List.of("alpha", "beta-123", "123", "gamma")),
                Arguments.of("kind=checkout", List.of("alpha")),
                Arguments.of("name=123", List.of("123")),
                Arguments.of("path=kbuild", List.of("beta-123", "123")),
                Arguments.of("id={beta}", List.of("beta-123")),
                // ne
                Arguments.of("name__ne=123", List.of("alpha", "beta-123", "gamma")),
                Arguments.of("state__ne=done", List.of("alpha", "123", "gamma")),
                // integers
                Arguments.of("retry_counter=2", List.of("beta-123")),
                Arguments.of("retry_counter__gt=0", List.of("beta-123", "123")),
                Arguments.of("retry_counter__gte=1", List.of("beta-123", "123")),
                Arguments.of("retry_counter__lt=1", List.of("alpha", "gamma")),
                Arguments.of("retry_counter__lte=1", List.of("alpha", "123", "gamma")),
                Arguments.of("retry_counter__in=0,2", List.of("alpha", "beta-123", "gamma")),
                Arguments.of("retry_counter__nin=0,2", List.of("123")),
                // dates, in every accepted spelling
                Arguments.of("created__gt=2024-01-15", List.of("beta-123", "123", "gamma")),
                Arguments.of("created__lt=2024-03-01T06:00:00+00:00", List.of("alpha", "beta-123", "123")),
                Arguments.of("created__lt=2024-03-01 06:00:00.000000+00:00", List.of("alpha", "beta-123", "123")),
                Arguments.of("created__gte=2024-03-01T12:00:00Z", List.of("gamma")),
                Arguments.of("created__lte=2024-03-01T13:00:00+01:00", List.of("alpha", "beta-123", "123", "gamma")),
                Arguments.of("created=2024-02-01T00:00:00", List.of("beta-123")),
                Arguments.of("created__gt=2024-01-15&created__lt=2024-02-15", List.of("beta-123")),
                Arguments.of("holdoff=null", List.of("alpha", "123", "gamma")),
                Arguments.of("holdoff__ne=null", List.of("beta-123")),
                // ObjectIds and roots
                Arguments.of("parent=null", List.of("alpha")),
                Arguments.of("parent={alpha}", List.of("beta-123", "gamma")),
                Arguments.of("parent__ne=null", List.of("beta-123", "123", "gamma")),
                Arguments.of("parent__in={beta},null", List.of("alpha", "123")),
                Arguments.of("parent__nin={alpha}", List.of("alpha", "123")),
                // null and enums
                Arguments.of("result=null", List.of("alpha")),
                Arguments.of("result__in=pass,fail", List.of("beta-123", "123")),
                Arguments.of("result__nin=pass,null", List.of("123", "gamma")),
                // regular expressions (always on the text)
                Arguments.of("name__re=^b", List.of("beta-123")),
                Arguments.of("name__re=123", List.of("beta-123", "123")),
                Arguments.of("data.arch__re=^x86", List.of("beta-123")),
                // untyped data: integers match the number or the text; range compares numbers
                Arguments.of("data.count=5", List.of("alpha")),
                Arguments.of("data.count=7", List.of("123")),
                Arguments.of("data.label=5", List.of("alpha")),
                Arguments.of("data.count__gt=6", List.of("beta-123")),
                Arguments.of("data.count__ne=5", List.of("beta-123", "123", "gamma")),
                Arguments.of("data.count__in=5,7", List.of("alpha", "123")),
                Arguments.of("data.count__nin=5,7", List.of("beta-123", "gamma")),
                Arguments.of("data.count__int=10", List.of("beta-123")),
                Arguments.of("data.flag=TRUE", List.of("alpha")),
                Arguments.of("data.count=null", List.of("gamma")),
                // typed data fields
                Arguments.of("data.kernel_revision.version.version=6", List.of("alpha")),
                Arguments.of("data.kernel_revision.tree=mainline", List.of("alpha")),
                // booleans in any case
                Arguments.of("processed_by_kcidb_bridge=True", List.of("gamma")),
                Arguments.of("processed_by_kcidb_bridge=false", List.of("alpha", "beta-123", "123")),
                // in / nin on strings
                Arguments.of("kind__in=job,test", List.of("123", "gamma")),
                Arguments.of("kind__nin=job,test", List.of("alpha", "beta-123")),
                // a key with more than one __ is a literal field name
                Arguments.of("a__b__c=1", List.of()));
    }
}
