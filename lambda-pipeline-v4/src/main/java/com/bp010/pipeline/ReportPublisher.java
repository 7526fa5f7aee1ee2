package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Database;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.Json;
import com.bp010.report.Language;
import com.bp010.report.SurveillanceReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * After each successful run, the surveillance report goes to S3 so an engineer opens it without database access:
 * {@code <REPORT_PREFIX>latest.html} (replaced each run) and a dated copy
 * {@code <REPORT_PREFIX>YYYY/MM/DD/bp010-report-<asOf>.html}. Off unless {@code REPORT_BUCKET} is set. The report
 * covers the 7 days ending on the run's asOf day (field time zone) in {@code REPORT_LANG} (es, en; default es).
 * A report that cannot be written does not undo the run: the response says FAILED with the reason and the
 * {@code ReportFailed} metric (alarmed in the template) counts it.
 */
final class ReportPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ReportPublisher.class);
    private static final DateTimeFormatter DATED = DateTimeFormatter.ofPattern("yyyy/MM/dd/'bp010-report-'yyyyMMdd'T'HHmm'Z.html'")
            .withZone(ZoneOffset.UTC);
    private static final String CONTENT_TYPE = "text/html; charset=utf-8";

    record Settings(String bucket, String prefix, Language lang) {
        static Settings fromEnv(Env env) {
            String bucket = env.get("REPORT_BUCKET").map(String::strip).filter(b -> !b.isEmpty()).orElse(null);
            String prefix = env.get("REPORT_PREFIX", "reports/");
            if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                prefix = prefix + "/";
            }
            Language lang;
            try {
                lang = Language.parse(env.get("REPORT_LANG", "es"));
            } catch (Bp010Exception e) {
                throw new Bp010Exception(ErrorCode.CONFIGURATION, "REPORT_LANG: " + e.reason())
                        .with("variable", "REPORT_LANG");
            }
            return new Settings(bucket, prefix, lang);
        }

        boolean enabled() {
            return bucket != null;
        }
    }

    private final Settings settings;
    private final Supplier<S3Client> s3;
    private final ZoneId zone;

    ReportPublisher(Settings settings, Supplier<S3Client> s3, ZoneId zone) {
        this.settings = settings;
        this.s3 = s3;
        this.zone = zone;
    }

    boolean enabled() {
        return settings.enabled();
    }

    /** Writes both copies; the returned node is the response's {@code report}: status, locations or the error. */
    ObjectNode publish(Database database, Instant asOf) {
        ObjectNode out = Json.mapper().createObjectNode();
        String latest = settings.prefix() + "latest.html";
        String dated = settings.prefix() + DATED.format(asOf);
        try {
            SurveillanceReport.Result report = database.withConnection("report", c -> SurveillanceReport.generate(c,
                    new SurveillanceReport.Request(null, asOf.atZone(zone).toLocalDate(), null, settings.lang(), zone,
                            null, SurveillanceReport.DEFAULT_MAX_WELL_SECTIONS), asOf));
            byte[] html = report.html().getBytes(StandardCharsets.UTF_8);
            put(dated, html, null);
            put(latest, html, "no-cache");
            out.put("status", "WRITTEN").put("latest", location(latest)).put("dated", location(dated))
                    .put("bytes", html.length).put("from", report.from().toString()).put("to", report.to().toString())
                    .put("wells", report.wells()).put("exceptions", report.exceptions());
            LOG.info("Report written to {} ({} bytes, {} of {} wells need attention)", location(dated), html.length,
                    report.exceptions(), report.wells());
        } catch (Bp010Exception | SdkException e) {
            String reason = e instanceof Bp010Exception b ? b.reason() : e.getMessage();
            LOG.error("The report could not be written to {}: {}", location(latest), reason);
            out.put("status", "FAILED").put("latest", location(latest)).put("error", reason);
        }
        return out;
    }

    private void put(String key, byte[] body, String cacheControl) {
        s3.get().putObject(b -> b.bucket(settings.bucket()).key(key).contentType(CONTENT_TYPE).cacheControl(cacheControl),
                RequestBody.fromBytes(body));
    }

    private String location(String key) {
        return "s3://" + settings.bucket() + "/" + key;
    }
}
