package com.bp010.local;

import com.bp010.db.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one line {@code bp010 invoke stage} prints when no row of a file could be loaded: what to do depends on why. */
class InvokeCommandTest {
    private static final String BATCH = "6918ced7-d0e5-4f65-a086-c426b9d7342b";

    private static String rejected(String reasons, int rows) throws Exception {
        return InvokeCommand.whatToDo(Json.mapper().readTree("{\"status\": \"REJECTED\", \"rowsRejected\": " + rows
                + ", \"rejectsByReason\": " + reasons + ", \"files\": [{\"file\": \"x.csv\", \"status\": \"REJECTED\","
                + " \"batchId\": \"" + BATCH + "\"}]}"));
    }

    @Test
    void shouldSayCorrectTheFile_notReplay_whenEveryRowIsMalformed() throws Exception {
        String line = rejected("{\"BAD_ROW\": 1, \"MISSING_FIELD\": 1}", 2);

        assertThat(line).isEqualTo("no row of x.csv could be loaded (2 rejected: {\"BAD_ROW\":1,\"MISSING_FIELD\":1});"
                + " the rows cannot load as written (BAD_ROW, MISSING_FIELD; each is in stage.landing_rejects with its"
                + " line and reason): correct them in the file and ingest it again");
    }

    @Test
    void shouldSayReplayOnlyForTheRowsTheCatalogueMissed_whenTheReasonsAreMixed() throws Exception {
        String mixed = rejected("{\"UNKNOWN_WELL\": 3, \"UNTERMINATED_QUOTE\": 1}", 4);
        String missed = rejected("{\"UNKNOWN_WELL\": 2}", 2);

        assertThat(mixed).contains("cannot load as written (UNTERMINATED_QUOTE;", "correct them in the file",
                "the others (UNKNOWN_WELL): fix the catalogue", "{\"source\": \"rejects\", \"batchId\": \"" + BATCH);
        assertThat(missed).endsWith("the rows wait in stage.landing_rejects: fix the catalogue (bp010 invoke"
                + " referencial) or the well master, then replay them with {\"source\": \"rejects\", \"batchId\": \""
                + BATCH + "\"}").doesNotContain("correct them");
    }

    @Test
    void shouldSayResendWithTheOffset_notReplayNorCorrect_whenTheTimesFallInTheRepeatedHour() throws Exception {
        String line = rejected("{\"AMBIGUOUS_TIME\": 2}", 2);
        String mixed = rejected("{\"AMBIGUOUS_TIME\": 1, \"UNKNOWN_WELL\": 1}", 2);

        assertThat(line).isEqualTo("no row of x.csv could be loaded (2 rejected: {\"AMBIGUOUS_TIME\":2}); the rows"
                + " whose time has no UTC offset and falls in the hour the clock repeats when daylight saving time ends"
                + " (AMBIGUOUS_TIME; each is in stage.landing_rejects with its line and time): send them again with"
                + " their UTC offset (e.g. 2026-11-01T01:30:00-05:00), which says which pass of the hour they are; a"
                + " replay cannot place them");
        assertThat(mixed).contains("the rows wait in stage.landing_rejects: fix the catalogue",
                "(AMBIGUOUS_TIME; each is in stage.landing_rejects", "send them again with their UTC offset")
                .doesNotContain("correct them in the file");
    }
}
