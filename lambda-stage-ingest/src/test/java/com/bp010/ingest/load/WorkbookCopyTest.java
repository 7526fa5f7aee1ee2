package com.bp010.ingest.load;

import com.bp010.db.Bp010Exception;
import com.bp010.ingest.read.ZipBombGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An S3 workbook is copied to /tmp (a zip is read from its end), but never more of it than the guard accepts. */
class WorkbookCopyTest {
    private static final ZipBombGuard SMALL = new ZipBombGuard(100_000, 1 << 20, 10, 100);

    @TempDir
    Path dir;

    private static IngestInput object(int bytes) {
        return new IngestInput("reservas.xlsx", "s3://b/ingest/reservas.xlsx", "s3",
                () -> new ByteArrayInputStream(new byte[bytes]), null);
    }

    @Test
    void shouldCopyTheWholeWorkbook_whenItIsWithinTheBound() throws IOException {
        Path target = dir.resolve("copy.xlsx");

        FileIngester.copyWorkbook(object(100_000), target, SMALL);

        assertThat(Files.size(target)).isEqualTo(100_000);
    }

    @Test
    void shouldRefuseTheWorkbookNamingTheBound_beforeTmpHoldsMoreThanTheBound() {
        Path target = dir.resolve("copy.xlsx");

        assertThatThrownBy(() -> FileIngester.copyWorkbook(object(1_000_000), target, SMALL))
                .isInstanceOf(Bp010Exception.class)
                .hasMessageContaining("reservas.xlsx")
                .hasMessageContaining("at most 100000 are accepted");
        assertThat(target.toFile().length()).isLessThanOrEqualTo(100_000);
    }
}
