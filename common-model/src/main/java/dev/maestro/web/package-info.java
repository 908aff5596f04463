/**
 * HTTP edge policies every web module shares (the API's and the pipeline's WARs carry this jar,
 * and the servlet container picks its filters up from it): no TRACE. Depends on nothing else in
 * the project, only on the Servlet API.
 */
package dev.maestro.web;
