package dev.maestro.pipeline.results;

/**
 * Where a reader of a report finds things: nodes through the API, summaries on the pipeline.
 *
 * @param apiUrl      the API's public root, without a trailing slash
 * @param pipelineUrl the pipeline's public root ({@code …/pipeline}), without a trailing slash
 */
public record ReportLinks(String apiUrl, String pipelineUrl) {

    public ReportLinks {
        apiUrl = apiUrl.replaceAll("/+$", "");
        pipelineUrl = pipelineUrl.replaceAll("/+$", "");
    }

    public String node(String id) {
        return apiUrl + "/latest/node/" + id;
    }

    public String summary(String checkoutId) {
        return pipelineUrl + "/summary/" + checkoutId;
    }
}
