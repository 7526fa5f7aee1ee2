package com.bp010.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.ssl.SSLHandshakeException;
import java.security.cert.CertificateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Every SQLSTATE class the error contract (docs/CONTRACTS.md §3) names, and the class 08 refusals no retry heals. */
class DatabaseErrorsTest {
    @ParameterizedTest
    @CsvSource({"08000,true", "08003,true", "08006,true", "08001,true", "08007,true", "40001,true", "40P01,true",
            "53300,true", "57P01,true", "57P03,true",
            "08004,false", "08P01,false", "28P01,false", "28000,false", "3D000,false",
            "23505,false", "23503,false", "42P01,false", "42883,false", "57014,false", "53100,false", "XX000,false",
            "22P02,false", "40002,false", "55P03,false"})
    void shouldClassifyRetryableSqlStates(String state, boolean retryable) {
        Bp010Exception e = DatabaseErrors.translate(new SQLException("boom", state), "stage.sp_pivot_landing");
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e instanceof TransientDatabaseException).isEqualTo(retryable);
        assertThat(e.code()).isEqualTo(retryable ? ErrorCode.TRANSIENT_DATABASE : ErrorCode.DATABASE);
        assertThat(e.detail("sqlState")).isEqualTo(state);
        assertThat(e.getMessage()).contains("\"status\":\"FAILED\"").contains("\"call\":\"stage.sp_pivot_landing\"");
    }

    @Test
    void shouldBeFinalAndNameDbSsl_whenTheServerDoesNotSupportSsl() {
        Bp010Exception e = DatabaseErrors.translate(new SQLException("The server does not support SSL.", "08004"),
                "connect");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.detail("setting")).isEqualTo("DB_SSL");
        assertThat(e.reason()).contains("check DB_SSL");
    }

    @Test
    void shouldBeFinalAndNameDbSsl_whenTheHandshakeOrCertificateFails() {
        SQLException handshake = new SQLException("SSL error: PKIX path building failed", "08006",
                new SSLHandshakeException("PKIX path building failed"));
        SQLException certificate = new SQLException("SSL error", "08006",
                new RuntimeException(new CertificateException("hostname mismatch")));
        for (SQLException failure : new SQLException[]{handshake, certificate}) {
            Bp010Exception e = DatabaseErrors.translate(failure, "connect");
            assertThat(e.isRetryable()).as(failure.getMessage()).isFalse();
            assertThat(e.detail("setting")).isEqualTo("DB_SSL");
            assertThat(e.reason()).contains("DB_SSL_ROOT_CERT");
        }
    }

    @Test
    void shouldNameTheCredentials_whenThePasswordIsRefused() {
        Bp010Exception refused = DatabaseErrors.translate(
                new SQLException("FATAL: password authentication failed for user \"bp010_etl\"", "28P01"), "connect");
        Bp010Exception missing = DatabaseErrors.translate(new SQLException(
                "The server requested SCRAM-based authentication, but no password was provided.", "08004"), "connect");
        for (Bp010Exception e : new Bp010Exception[]{refused, missing}) {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.detail("setting")).isEqualTo("BP010_DB_USER");
            assertThat(e.reason()).contains("BP010_DB_PASSWORD").contains("TARGET_SECRET_NAME");
            // the bp010 command's user put the user in --jdbc-url: the advice names where they typed it
            assertThat(e.reason()).contains("--jdbc-url");
            // and reads whole: the masking of secrets (password=...) leaves no word of the advice as ****
            assertThat(e.reason()).doesNotContain("****").contains("the user and password parameters of the JDBC URL"
                    + " in bp010's --jdbc-url or BP010_JDBC_URL");
        }
    }

    @Test
    void shouldNameTheSettings_whenTheProtocolIsWrongOrTheDatabaseMissing() {
        Bp010Exception protocol = DatabaseErrors.translate(new SQLException("Protocol error", "08P01"), "connect");
        assertThat(protocol.detail("setting")).isEqualTo("DB_PORT");
        Bp010Exception missing = DatabaseErrors.translate(
                new SQLException("FATAL: database \"bp010\" does not exist", "3D000"), "connect");
        assertThat(missing.detail("setting")).isEqualTo("DB_NAME");
        assertThat(missing.reason()).contains("createdb");
        // the bp010 command's user gave the URL as --jdbc-url: the advice names the option they typed
        assertThat(missing.reason()).contains("--jdbc-url").contains("DB_NAME");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "42P01|ERROR: relation \"reporting.pipeline_lease\" does not exist",
            "3F000|ERROR: schema \"stage\" does not exist",
            "42883|ERROR: function stage.fnc_pivot_statement(integer) does not exist"})
    void shouldSayRunInit_whenTheProjectsSchemaIsMissing(String state, String message) {
        Bp010Exception e = DatabaseErrors.translate(new SQLException(message, state), "lease");
        assertThat(e.detail("next")).isEqualTo("init");
        assertThat(e.reason()).contains("run init first");
        Bp010Exception other = DatabaseErrors.translate(new SQLException("ERROR: relation \"foo\" does not exist",
                "42P01"), "x");
        assertThat(other.detail("next")).isNull();
    }

    @Test
    void shouldKeepTheSqlStateFromTheCauseChain_andNotAdviseOnOrdinaryErrors() {
        Bp010Exception e = DatabaseErrors.translate(new RuntimeException("wrapped",
                new SQLException("duplicate key", "23505")), "stage.sp_pivot_landing");
        assertThat(e.detail("sqlState")).isEqualTo("23505");
        assertThat(e.detail("setting")).isNull();
        assertThat(e.getCause().getCause()).isInstanceOf(SQLException.class);
    }

    @Test
    void shouldKeepAnInnerErrorAsItIs() {
        Bp010Exception inner = new Bp010Exception(ErrorCode.BAD_INPUT, "bad").with("call", "inner");
        assertThat(DatabaseErrors.translate(inner, "outer")).isSameAs(inner);
        assertThat(inner.detail("call")).isEqualTo("inner");
    }
}
