package com.bp010.report;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.report.ReportModel.DataExtent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The surveillance report: one self-contained HTML file read from the {@code reporting} views only, so it runs with
 * the read-only role {@code bp010_reader}. All its queries see one snapshot (a read-only repeatable-read transaction,
 * in the field's time zone), so the exceptions, the matrix and the well pages agree with each other.
 */
public final class SurveillanceReport {
    /** Sections drawn per well at most; wells past it (the least urgent) are listed, not drawn. */
    public static final int DEFAULT_MAX_WELL_SECTIONS = 200;
    /** Surface cards drawn per well: the window's latest and the ones before it, faintly. */
    public static final int CARDS_PER_WELL = ReportReader.CARDS_PER_WELL;

    /**
     * What to report: calendar days {@code from}..{@code to} (inclusive, in {@code zone}; null = the defaults of
     * {@link ReportWindow#resolve}), one well or all ({@code wellId} null), the language, a title (null = default).
     */
    public record Request(LocalDate from, LocalDate to, String wellId, Language lang, ZoneId zone, String title,
                          int maxWellSections) {
        public Request {
            lang = lang == null ? Language.ES : lang;
            zone = zone == null ? ZoneId.of("UTC") : zone;
            maxWellSections = maxWellSections <= 0 ? DEFAULT_MAX_WELL_SECTIONS : maxWellSections;
        }

        public static Request defaults() {
            return new Request(null, null, null, Language.ES, ZoneId.of("UTC"), null, DEFAULT_MAX_WELL_SECTIONS);
        }
    }

    /**
     * The page and what it holds: {@code noData} when the window had nothing to show; {@code dataFirstDay} and
     * {@code dataLastDay} the days the database does have (null when it has none), so a caller can say what to ask for.
     */
    public record Result(String html, boolean noData, LocalDate from, LocalDate to, int wells, int exceptions,
                         LocalDate dataFirstDay, LocalDate dataLastDay) {
    }

    private SurveillanceReport() {
    }

    /**
     * A semaphore code's state as the report names it in {@code lang} ("Critical low"; for a depth from surface,
     * "Critical: level high above the pump"), for a console that shows the same alerts.
     */
    public static String stateName(Language lang, int code, boolean depth) {
        Messages msg = new Messages(lang);
        String depthKey = depth ? Words.depthKey(code) : null;
        return depthKey != null ? msg.get(depthKey) : msg.getOr("status." + code, String.valueOf(code));
    }

    public static Result generate(Connection c, Request request, Instant generatedAt) {
        boolean autoCommit;
        int isolation;
        boolean readOnly;
        try {
            autoCommit = c.getAutoCommit();
            isolation = c.getTransactionIsolation();
            readOnly = c.isReadOnly();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (PreparedStatement zone = c.prepareStatement("SELECT set_config('TimeZone', ?, true)")) {
                // dates the views derive from times are the field's days, whatever the session said before
                zone.setString(1, request.zone().getId());
                zone.execute();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        try {
            return build(c, request, generatedAt);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            try {
                c.rollback();
                c.setReadOnly(readOnly);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is broken; the failure above (if any) says why
            }
        }
    }

    private static Result build(Connection c, Request r, Instant generatedAt) throws SQLException {
        ReportReader reader = new ReportReader(c, r.wellId());
        DataExtent extent = reader.extent();
        LocalDate today = generatedAt.atZone(r.zone()).toLocalDate();
        ReportWindow window = ReportWindow.resolve(r.from(), r.to(), extent.firstDay(), extent.lastDay(), today,
                r.zone());
        ReportModel model = reader.read(window, r.lang(), generatedAt, extent);
        if (r.wellId() != null && model.wells().isEmpty()) {
            throw new Bp010Exception(ErrorCode.BAD_INPUT, "No well '" + r.wellId() + "' in reporting.vw_well_selector:"
                    + " check the id, or leave --well out to report every well").with("field", "well");
        }
        String title = r.title() != null ? r.title() : new Messages(r.lang()).get("title.default");
        String html = ReportPage.render(model, title, r.maxWellSections());
        int exceptions = model.empty() ? 0 : Attention.rank(model).size();
        return new Result(html, model.empty(), window.from(), window.to(), model.wells().size(), exceptions,
                extent == null ? null : extent.firstDay(), extent == null ? null : extent.lastDay());
    }

    /** The error contract's reading of the failure: an unmigrated database says run init, a lost connection retries. */
    private static Bp010Exception failure(SQLException e) {
        return com.bp010.db.DatabaseErrors.translate(e, "Could not read the report from the reporting views");
    }
}
