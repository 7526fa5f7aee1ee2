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
}
