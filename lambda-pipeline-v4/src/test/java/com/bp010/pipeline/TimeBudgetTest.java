package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.LocalContext;
import com.bp010.db.TimeBudgetException;
import com.bp010.testsupport.ScriptedContext;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
    /** The configured statement timeout (DB_STATEMENT_TIMEOUT_SECONDS' default). */
    private static final long CAP = 60_000;

    /** A clock the test moves by hand. */
    private static final class Clock {
        long nanos;
    }

    /** Remaining time: {@code first} ms past the margin for the first {@code reads} reads, then {@code later} ms. */
    private static ScriptedContext remaining(int reads, int first, int later) {
        return new ScriptedContext("bp010-pipeline-v4", reads, 30_000 + first, 30_000 + later);
    }

    private static TimeBudget.ChunkPace pace(ScriptedContext context, String phase, Clock clock) {
        return TimeBudget.of(context, SETTINGS).chunks(phase, CardEnrichment.CALL, CAP, () -> clock.nanos);
    }

    /** A chunk of two cards that starts, is written and commits after {@code seconds} on the clock. */
    private static void chunk(TimeBudget.ChunkPace pace, Clock clock, int seconds) {
        pace.starting("a chunk", 2);
        clock.nanos += seconds * SECOND;
        pace.writing("a chunk", 2);
        pace.committed();
    }

    @Test
    void shouldStopBeforeAChunk_whenWhatIsLeftIsLessThanTheLongestChunkSoFar() {
        Clock clock = new Clock();
        // read before each chunk and before its write: 10 s for the first two chunks, then 4 s
        TimeBudget.ChunkPace pace = pace(remaining(4, 10_000, 4_000), "TRANSFORM", clock);
        chunk(pace, clock, 5);
        chunk(pace, clock, 3);  // 10 s left before it and before its write: it holds the 5 s chunk

        TimeBudgetException stop = catchThrowableOfType(() -> pace.starting("cards 5..6 of 10", 2),
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
        TimeBudget.ChunkPace pace = pace(remaining(4, 10_000, 4_000), "TRANSFORM", clock);
        chunk(pace, clock, 3);
        chunk(pace, clock, 2);

        assertThatCode(() -> chunk(pace, clock, 3)).as("4 s left, chunks of 3 s at most").doesNotThrowAnyException();
    }

    @Test
    void shouldStopBeforeTheWrite_whenTheChunksAnalysisLeftTooLittle() {
        Clock clock = new Clock();
        // 10 s left when the second chunk starts; its analysis runs long: 2 s left when its rows would be written
        ScriptedContext context = remaining(3, 10_000, 2_000);
        TimeBudget.ChunkPace pace = pace(context, "ENRICH", clock);
        chunk(pace, clock, 3);
        pace.starting("cards 3..4 of 6", 2);
        clock.nanos += 8 * SECOND;

        TimeBudgetException stop = catchThrowableOfType(() -> pace.writing("cards 3..4 of 6", 2),
                TimeBudgetException.class);

        assertThat(stop).as("its rows are not written").isNotNull();
        assertThat(stop.failureReport().path("phase").asText()).isEqualTo("ENRICH");
        assertThat(context.reads()).isEqualTo(4);
    }

    @Test
    void shouldJudgeTheFirstChunkByAnEstimateFromItsSize_andFailWithoutRetry_whenItDoesNotFit() {
        Clock clock = new Clock();
        // 1.5 s left: a chunk of 2,000 cards is estimated at 2 s (1 ms a card), one of 10 cards at the minimum, 1 s
        TimeBudget.ChunkPace big = pace(remaining(0, 0, 1_500), "TRANSFORM", clock);

        Bp010Exception stop = catchThrowableOfType(() -> big.starting("cards 1..2000 of 5000", 2_000),
                Bp010Exception.class);

        assertThat(stop).as("the first chunk is judged before it starts").isNotNull();
        assertThat(stop.code()).isEqualTo(ErrorCode.TIME_BUDGET);
        assertThat(stop).as("nothing committed: a retry would stop at the same place")
                .isNotInstanceOf(TimeBudgetException.class);
        assertThat(stop.isRetryable()).isFalse();
        assertThat(stop.failureReport().path("resumeAt").asText())
                .isEqualTo(CardEnrichment.CALL + " (cards 1..2000 of 5000)");
        assertThat(stop.failureReport().has("chunkMillis")).as("no chunk measured").isFalse();
        assertThat(stop.reason()).contains("raise the function timeout").contains("CARD_CHUNK");

        assertThatCode(() -> pace(remaining(0, 0, 2_500), "TRANSFORM", clock).starting("cards 1..2000 of 5000",
                2_000)).as("2.5 s left holds the 2 s estimate").doesNotThrowAnyException();
        assertThatCode(() -> pace(remaining(0, 0, 1_500), "TRANSFORM", clock).starting("cards 1..10 of 10", 10))
                .as("10 cards: the minimum, 1 s").doesNotThrowAnyException();
        assertThat(catchThrowableOfType(() -> pace(remaining(0, 0, 500), "TRANSFORM", clock)
                .starting("cards 1..10 of 10", 10), Bp010Exception.class)).as("below the minimum").isNotNull();
    }

    @Test
    void shouldJudgeTheChunksAfterTheFirstByTheLongestMeasured_notByTheEstimate() {
        Clock clock = new Clock();
        // 3 s left throughout: the first chunk of 2,000 cards (estimated 2 s) took 3.5 s; the next does not fit
        ScriptedContext context = remaining(0, 0, 3_000);
        TimeBudget.ChunkPace slow = pace(context, "TRANSFORM", clock);
        slow.starting("cards 1..2000 of 6000", 2_000);
        clock.nanos += 3 * SECOND + SECOND / 2;
        slow.writing("cards 1..2000 of 6000", 2_000);
        slow.committed();

        TimeBudgetException stop = catchThrowableOfType(() -> slow.starting("cards 2001..4000 of 6000", 2_000),
                TimeBudgetException.class);

        assertThat(stop).isNotNull();
        assertThat(stop.failureReport().path("chunkMillis").asLong()).isEqualTo(3_500);
        assertThat(context.reads()).as("read before each chunk and before its write").isEqualTo(3);
        // 1.5 s left throughout: a first chunk of 1,000 cards (1 s) took 0.2 s; the next 2,000 (2 s estimated) start
        TimeBudget.ChunkPace fast = pace(remaining(0, 0, 1_500), "TRANSFORM", clock);
        fast.starting("cards 1..1000 of 3000", 1_000);
        clock.nanos += SECOND / 5;
        fast.writing("cards 1..1000 of 3000", 1_000);
        fast.committed();
        assertThatCode(() -> fast.starting("cards 1001..3000 of 3000", 2_000)).doesNotThrowAnyException();
    }

    @Test
    void shouldBoundEachStatementByWhatTheLastReadLeft_neverAboveTheConfiguredTimeout() {
        Clock clock = new Clock();
        ScriptedContext context = remaining(0, 0, 90_000);
        TimeBudget.ChunkPace pace = pace(context, "TRANSFORM", clock);
        pace.begin("the pending cards");
        clock.nanos += 10 * SECOND;
        assertThat(pace.statementMillis("the pending cards")).as("80 s left: the configured 60 s applies").isZero();
        clock.nanos += 25 * SECOND;
        assertThat(pace.statementMillis("the pending cards")).as("55 s left").isEqualTo(55_000);
        clock.nanos += 54 * SECOND + SECOND / 2;

        Bp010Exception stop = catchThrowableOfType(() -> pace.statementMillis("cards 1..2 of 4"),
                Bp010Exception.class);

        assertThat(stop).as("0.5 s left: no statement is started").isNotNull();
        assertThat(stop.code()).isEqualTo(ErrorCode.TIME_BUDGET);
        assertThat(stop.isRetryable()).as("nothing committed").isFalse();
        assertThat(context.reads()).as("the statements' timeouts come from the step's one read").isEqualTo(1);

        TimeBudget.ChunkPace going = pace(remaining(0, 0, 5_000), "TRANSFORM", clock);
        chunk(going, clock, 1);
        clock.nanos += 4 * SECOND + SECOND / 2;
        assertThat(catchThrowableOfType(() -> going.statementMillis("cards 3..4 of 4"), TimeBudgetException.class))
                .as("after a committed chunk: retryable").isNotNull();
    }

    @Test
    void shouldAnswerTimeBudget_whenTheBudgetCancelledAStatement_andTheFailureAsItWasOtherwise() {
        Clock clock = new Clock();
        RuntimeException cancelled = new IllegalStateException(new SQLException("canceling statement due to"
                + " statement timeout", "57014"));
        TimeBudget.ChunkPace pace = pace(remaining(0, 0, 20_000), "TRANSFORM", clock);
        chunk(pace, clock, 1);
        assertThat(pace.statementMillis("cards 3..4 of 4")).isEqualTo(20_000);

        RuntimeException answer = pace.failed("cards 3..4 of 4", cancelled);

        assertThat(answer).isInstanceOf(TimeBudgetException.class).hasCause(cancelled);
        assertThat(((TimeBudgetException) answer).failureReport().path("resumeAt").asText())
                .isEqualTo(CardEnrichment.CALL + " (cards 3..4 of 4)");
        RuntimeException other = new IllegalStateException(new SQLException("deadlock detected", "40P01"));
        assertThat(pace.failed("cards 3..4 of 4", other)).as("not a cancel").isSameAs(other);

        TimeBudget.ChunkPace roomy = pace(remaining(0, 0, 600_000), "TRANSFORM", clock);
        roomy.begin("the pending cards");
        assertThat(roomy.statementMillis("the pending cards")).isZero();
        assertThat(roomy.failed("the pending cards", cancelled))
                .as("the configured timeout cancelled it, not the budget").isSameAs(cancelled);
    }

    @Test
    void shouldMakeAStopMetBeforeTheFirstCommitRetryable_whenThrownAfterIt() {
        Clock clock = new Clock();
        // the next chunk's read is cancelled by the budget while the first chunk is not yet written; the first then
        // commits, and the stop is thrown after it: the retry resumes after that chunk
        TimeBudget.ChunkPace pace = pace(remaining(0, 0, 20_000), "TRANSFORM", clock);
        pace.starting("cards 1..2 of 4", 2);
        pace.writing("cards 1..2 of 4", 2);
        assertThat(pace.statementMillis("cards 3..4 of 4")).isEqualTo(20_000);
        RuntimeException cancelled = new IllegalStateException(new SQLException("canceled", "57014"));
        RuntimeException early = pace.failed("cards 3..4 of 4", cancelled);
        assertThat(early).isInstanceOf(Bp010Exception.class).isNotInstanceOf(TimeBudgetException.class);
        pace.committed();

        RuntimeException late = pace.afterCommit("cards 3..4 of 4", early);

        assertThat(late).isInstanceOf(TimeBudgetException.class).hasCause(cancelled);
        assertThat(((TimeBudgetException) late).failureReport().path("resumeAt").asText())
                .isEqualTo(CardEnrichment.CALL + " (cards 3..4 of 4)");
        RuntimeException other = new IllegalStateException("boom");
        assertThat(pace.afterCommit("cards 3..4 of 4", other)).isSameAs(other);
    }

    @Test
    void shouldStopWaitingForTheAnalysis_whenItWouldOutlastTheBudget() throws Exception {
        Clock clock = new Clock();
        // 1.2 s left: the analysis is waited for 0.2 s (a statement's minimum kept for the write); it never ends
        TimeBudget.ChunkPace pace = pace(remaining(0, 0, 1_200), "TRANSFORM", clock);
        pace.starting("cards 1..2 of 4", 2);

        Bp010Exception stop = catchThrowableOfType(() -> pace.await(new CompletableFuture<>(), "cards 1..2 of 4"),
                Bp010Exception.class);

        assertThat(stop).isNotNull();
        assertThat(stop.code()).isEqualTo(ErrorCode.TIME_BUDGET);
        assertThat(stop.failureReport().path("resumeAt").asText()).contains("cards 1..2 of 4");
        assertThat(pace.await(CompletableFuture.completedFuture("done"), "cards 1..2 of 4")).isEqualTo("done");
    }

    @Test
    void shouldNeitherReadNorBoundNorStop_withoutABudget() throws Exception {
        Clock clock = new Clock();
        TimeBudget.ChunkPace none = TimeBudget.of(new LocalContext("bp010"), SETTINGS)
                .chunks("TRANSFORM", CardEnrichment.CALL, CAP, () -> clock.nanos);
        none.begin("the pending cards");
        assertThatCode(() -> {
            for (int i = 0; i < 5; i++) {
                chunk(none, clock, 600);
            }
        }).as("a local run without PHASE_TIME_BUDGET_SECONDS").doesNotThrowAnyException();
        assertThat(none.statementMillis("cards 1..2 of 4")).isZero();
        RuntimeException cancelled = new IllegalStateException(new SQLException("canceled", "57014"));
        assertThat(none.failed("cards 1..2 of 4", cancelled)).isSameAs(cancelled);
        assertThat(none.await(CompletableFuture.completedFuture(1), "cards 1..2 of 4")).isEqualTo(1);
    }
}
