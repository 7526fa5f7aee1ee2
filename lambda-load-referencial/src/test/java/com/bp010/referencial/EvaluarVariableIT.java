package com.bp010.referencial;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code referencial.fnc_evaluar_variable} against the docs/CONTRACTS.md §6 table: values placed around each limit of an SPM-like
 * variable (min_critical 1, min_warning 3, target 8 ± 5 %, max_warning 12, max_critical 15), then with a limit missing,
 * the target missing and a target ≤ 0.
 */
class EvaluarVariableIT {
    private static TestDatabase db;

    @BeforeAll
    static void create() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static int code(Double value, Double minC, Double minW, Double maxW, Double maxC, Double target, Double tol) {
        return ((Number) db.queryValue("SELECT referencial.fnc_evaluar_variable(?::float8, ?::float8, ?::float8, "
                + "?::float8, ?::float8, ?::float8, ?::float8)", value, minC, minW, maxW, maxC, target, tol)).intValue();
    }

    @ParameterizedTest(name = "value {0} -> code {1}")
    @CsvSource({
            "0.5, 1", "0.9999, 1",
            "1, 2", "2.9, 2",
            "3, 3", "7.59, 3",
            "7.6, 4", "8, 4", "8.4, 4",
            "8.41, 5", "12, 5",
            "12.01, 6", "15, 6",
            "15.01, 7", "100, 7"})
    void shouldReturnTheSpecCode_whenTheValueSitsAroundEachLimit(double value, int expected) {
        assertThat(code(value, 1.0, 3.0, 12.0, 15.0, 8.0, 5.0)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "value {0} without min_critical -> code {1}")
    @CsvSource({"-100, 2", "2, 2", "3, 3"})
    void shouldSkipTheTest_whenALimitIsMissing(double value, int expected) {
        assertThat(code(value, null, 3.0, 12.0, 15.0, 8.0, 5.0)).isEqualTo(expected);
        assertThat(code(1000.0, 1.0, 3.0, 12.0, null, 8.0, 5.0)).isEqualTo(6);
    }

    @ParameterizedTest(name = "value {0} with target {1} -> code {2}")
    @CsvSource(nullValues = "NULL", value = {"3, NULL, 4", "11.9, NULL, 4", "5, 0, 4", "5, -8, 4", "11, -8, 4",
            "16, NULL, 7", "2, 0, 2"})
    void shouldBeOptimoInsideTheWarningBand_whenThereIsNoUsableTarget(double value, Double target, int expected) {
        assertThat(code(value, 1.0, 3.0, 12.0, 15.0, target, 5.0)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "tolerance {0}")
    @CsvSource(nullValues = "NULL", value = {"NULL", "0"})
    void shouldTreatAMissingToleranceAsNone_whenTheValueIsOffTarget(Double tolerance) {
        assertThat(code(8.0, 1.0, 3.0, 12.0, 15.0, 8.0, tolerance)).isEqualTo(4);
        assertThat(code(8.01, 1.0, 3.0, 12.0, 15.0, 8.0, tolerance)).isEqualTo(5);
        assertThat(code(7.99, 1.0, 3.0, 12.0, 15.0, 8.0, tolerance)).isEqualTo(3);
    }

    @ParameterizedTest(name = "no value")
    @CsvSource("x")
    void shouldAnswerSinDato_whenTheValueIsNull(String ignored) {
        assertThat(code(null, 1.0, 3.0, 12.0, 15.0, 8.0, 5.0)).isEqualTo(0);
        assertThat(db.queryValue("SELECT provolatile FROM pg_proc WHERE proname = 'fnc_evaluar_variable'")).isEqualTo("i");
    }
}
