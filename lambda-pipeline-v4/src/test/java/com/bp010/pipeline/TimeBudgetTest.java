package com.bp010.pipeline;

import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.LocalContext;
import com.bp010.db.TimeBudgetException;
import com.bp010.testsupport.ScriptedContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The time budget of a step that commits chunks of its own (the card step): the Lambda context's remaining time is
 * scripted and the chunks are timed by a clock the test moves, so nothing depends on how fast this machine is.
 */
class TimeBudgetTest {
    private static final PipelineSettings SETTINGS = PipelineSettings.fromEnv(Env.of(Map.of())); // margin 30 s
    private static final long SECOND = 1_000_000_000L;

    /** A clock the test moves by hand. */
    private static final class Clock {
        long nanos;
    }

    /** Remaining time: {@code first} ms past the margin for the first two reads, then {@code later} ms past it. */
    private static ScriptedContext remaining(int first, int later) {
        return new ScriptedContext("bp010-pipeline-v4", 2, 30_000 + first, 30_000 + later);
    }

    /** A chunk that starts, is written and commits after {@code seconds} on the clock. */
    private static void chunk(TimeBudget.ChunkPace pace, Clock clock, int seconds) {
        pace.starting("a chunk");
        clock.nanos += seconds * SECOND;
        pace.writing("a chunk");
        pace.committed();
    }

    @Test
    void shouldStopBeforeAChunk_whenWhatIsLeftIsLessThanTheLongestChunkSoFar() {
        Clock clock = new Clock();
        TimeBudget.ChunkPace pace = TimeBudget.of(remaining(10_000, 4_000), SETTINGS)
                .chunks("TRANSFORM", CardEnrichment.CALL, () -> clock.nanos);
        chunk(pace, clock, 5);
        chunk(pace, clock, 3);  // 10 s left before it and before its write: it holds the 5 s chunk

        TimeBudgetException stop = catchThrowableOfType(() -> pace.starting("cards 5..6 of 10"),
                TimeBudgetException.class);

        // 4 s left (the margin kept), the longest chunk took 5 s: the third is not started
        assertThat(stop).isNotNull();
        assertThat(stop.code()).isEqualTo(ErrorCode.TIME_BUDGET);
        assertThat(stop.isRetryable()).as("the chunks before are committed").isTrue();
        assertThat(stop.failureReport().path("phase").asText()).isEqualTo("TRANSFORM");
        assertThat(stop.failureReport().path("call").asText()).isEqualTo(CardEnrichment.CALL);
        assertThat(stop.failureReport().path("resumeAt").asText())
                .isEqualTo(CardEnrichment.CALL + " (cards 5..6 of 10)");
        assertThat(stop.failureReport().path("chunkMillis").asLong()).isEqualTo(5_000);
    }

    @Test
    void shouldGoOn_whenWhatIsLeftHoldsTheLongestChunk() {
        Clock clock = new Clock();
        TimeBudget.ChunkPace pace = TimeBudget.of(remaining(10_000, 4_000), SETTINGS)
                .chunks("TRANSFORM", CardEnrichment.CALL, () -> clock.nanos);
        chunk(pace, clock, 3);
        chunk(pace, clock, 2);

        assertThatCode(() -> chunk(pace, clock, 3)).as("4 s left, chunks of 3 s at most").doesNotThrowAnyException();
    }

    @Test
    void shouldStopBeforeTheWrite_whenTheChunksAnalysisLeftTooLittle() {
        Clock clock = new Clock();
        // 10 s left when the second chunk starts; its analysis runs long: 2 s left when its rows would be written
        ScriptedContext context = new ScriptedContext("bp010-pipeline-v4", 1, 30_000 + 10_000, 30_000 + 2_000);
        TimeBudget.ChunkPace pace = TimeBudget.of(context, SETTINGS)
                .chunks("ENRICH", CardEnrichment.CALL, () -> clock.nanos);
        chunk(pace, clock, 3);
        pace.starting("cards 3..4 of 6");
        clock.nanos += 8 * SECOND;

        TimeBudgetException stop = catchThrowableOfType(() -> pace.writing("cards 3..4 of 6"),
                TimeBudgetException.class);

        assertThat(stop).as("its rows are not written").isNotNull();
        assertThat(stop.failureReport().path("phase").asText()).isEqualTo("ENRICH");
        assertThat(context.reads()).isEqualTo(2);
    }

    @Test
    void shouldStartTheFirstChunk_whateverIsLeft_andNeverStopWithoutABudget() {
        Clock clock = new Clock();
        ScriptedContext scarce = new ScriptedContext("bp010-pipeline-v4", 0, 0, 30_000 + 500);
        TimeBudget.ChunkPace first = TimeBudget.of(scarce, SETTINGS)
                .chunks("TRANSFORM", CardEnrichment.CALL, () -> clock.nanos);
        assertThatCode(() -> {
            first.starting("cards 1..2 of 4");
            first.writing("cards 1..2 of 4");
        }).as("nothing measured yet: the first chunk is not judged").doesNotThrowAnyException();
        assertThat(scarce.reads()).isZero();
        first.committed();
        assertThat(catchThrowableOfType(() -> first.starting("cards 3..4 of 4"), TimeBudgetException.class))
                .as("below the minimum a statement needs").isNotNull();

        TimeBudget.ChunkPace none = TimeBudget.of(new LocalContext("bp010"), SETTINGS)
                .chunks("TRANSFORM", CardEnrichment.CALL, () -> clock.nanos);
        assertThatCode(() -> {
            for (int i = 0; i < 5; i++) {
                chunk(none, clock, 600);
            }
        }).as("a local run without PHASE_TIME_BUDGET_SECONDS").doesNotThrowAnyException();
    }
}
