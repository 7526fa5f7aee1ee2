package com.bp010.ingest;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingKeysTest {

    @Test
    void shouldTellRepeatedKeys_asASetOfTheSameKeysDoes_whenItGrowsManyTimes() {
        ReadingKeys keys = new ReadingKeys();
        Set<List<Long>> expected = new HashSet<>();
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 300_000; i++) {
            int well = random.nextInt(1, 200);
            int var = random.nextInt(1, 70);
            long micros = random.nextLong(0, 2_000) * 3_600_000_000L;
            assertThat(keys.add(well, var, micros)).isEqualTo(expected.add(List.of((long) well, (long) var, micros)));
        }
    }

    @Test
    void shouldKeepKeysApart_whenOnlyTheTimeOrOnlyTheVariableDiffers() {
        ReadingKeys keys = new ReadingKeys();

        assertThat(keys.add(1, 2, 0)).isTrue();
        assertThat(keys.add(1, 2, 1)).isTrue();
        assertThat(keys.add(1, 3, 0)).isTrue();
        assertThat(keys.add(2, 2, 0)).isTrue();
        assertThat(keys.add(1, 2, 0)).isFalse();
        assertThat(keys.add(Integer.MAX_VALUE, -1, Long.MAX_VALUE)).isTrue();
        assertThat(keys.add(Integer.MAX_VALUE, -1, Long.MAX_VALUE)).isFalse();
    }
}
