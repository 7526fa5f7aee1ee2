package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An S3 workbook is copied to /tmp (a zip is read from its end), but never more of it than the guard accepts. */
class WorkbookCopyTest {
    private static final ZipBombGuard SMALL = new ZipBombGuard(100_000, 1 << 20, 10, 100);

    private static IngestInput object(int bytes) {
        return new IngestInput("reservas.xlsx", "s3://b/ingest/reservas.xlsx", "s3",
                () -> new ByteArrayInputStream(new byte[bytes]), null);
    }

    @Test
    void shouldCopyTheWholeWorkbook_whenItIsWithinTheBound() throws IOException {
        try (OpenedInput in = OpenedInput.open(object(100_000), 16 * 1024)) {
            Path copy = in.file(n -> SMALL.checkSize("reservas.xlsx", n));

            assertThat(Files.size(copy)).isEqualTo(100_000);
        }
    }

    @Test
    void shouldRefuseTheWorkbookNamingTheBound_beforeTmpHoldsMoreThanTheBound() throws IOException {
        try (OpenedInput in = OpenedInput.open(object(1_000_000), 16 * 1024)) {
            assertThatThrownBy(() -> in.file(n -> SMALL.checkSize("reservas.xlsx", n)))
                    .isInstanceOf(Bp010Exception.class)
                    .hasMessageContaining("reservas.xlsx")
                    .hasMessageContaining("at most 100000 are accepted");
        }
    }
}
