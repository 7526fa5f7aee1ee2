package com.bp010.db;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseErrorsTest {
    @ParameterizedTest
    @CsvSource({"08006,true", "08001,true", "40001,true", "40P01,true", "53300,true", "57P01,true", "57P03,true",
            "23505,false", "42P01,false", "57014,false", "28P01,false"})
    void shouldClassifyRetryableSqlStates(String state, boolean retryable) {
        Bp010Exception e = DatabaseErrors.translate(new SQLException("boom", state), "stage.sp_pivot_landing");
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e instanceof TransientDatabaseException).isEqualTo(retryable);
        assertThat(e.detail("sqlState")).isEqualTo(state);
        assertThat(e.getMessage()).contains("\"status\":\"FAILED\"").contains("\"call\":\"stage.sp_pivot_landing\"");
    }
}
