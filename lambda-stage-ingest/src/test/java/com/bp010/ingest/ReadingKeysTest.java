package com.bp010.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingKeysTest {

    @Test
    void shouldNeverCallAKeyNew_whenTheBatchMetItBefore_evenAfterGrowingManyTimes() {
        ReadingKeys keys = new ReadingKeys();
        Set<List<Long>> met = new HashSet<>();
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 300_000; i++) {
            int well = random.nextInt(1, 2_000);
            int var = random.nextInt(1, 70);
            long micros = random.nextLong(0, 2_000) * 3_600_000_000L;
            boolean seenBefore = !met.add(List.of((long) well, (long) var, micros));
            boolean calledNew = keys.add(well, var, micros);
            if (seenBefore) {
                assertThat(calledNew).as("key %s/%s/%s met before", well, var, micros).isFalse();
            }
        }
    }

    @Test
    void shouldCallEveryKeyNew_whenEachSeriesComesInIncreasingTime_inAnyInterleaving() {
        ReadingKeys keys = new ReadingKeys();
        List<long[]> order = new ArrayList<>();
        for (int well = 1; well <= 300; well++) {
            for (int var = 1; var <= 65; var++) {
                order.add(new long[]{well, var});
            }
        }
        for (int hour = 0; hour < 24; hour++) {
            Collections.shuffle(order, new java.util.Random(hour));
            for (long[] series : order) {
                assertThat(keys.add((int) series[0], (int) series[1], hour * 3_600_000_000L)).isTrue();
            }
        }
    }

    @Test
    void shouldKeepSeriesApart_andFlagATimeThatGoesBack() {
        ReadingKeys keys = new ReadingKeys();

        assertThat(keys.add(1, 2, 0)).isTrue();
        assertThat(keys.add(1, 2, 1)).isTrue();
        assertThat(keys.add(1, 3, 0)).isTrue();
        assertThat(keys.add(2, 2, 0)).isTrue();
        assertThat(keys.add(1, 2, 0)).isFalse();
        assertThat(keys.add(1, 2, 1)).isFalse();
        assertThat(keys.add(1, 2, 2)).isTrue();
        assertThat(keys.add(Integer.MAX_VALUE, -1, Long.MAX_VALUE)).isTrue();
        assertThat(keys.add(Integer.MAX_VALUE, -1, Long.MAX_VALUE)).isFalse();
        assertThat(keys.add(Integer.MIN_VALUE, 0, 5)).isTrue();
        assertThat(keys.add(Integer.MIN_VALUE, 0, 5)).isFalse();
        assertThat(keys.add(Integer.MIN_VALUE, 0, 6)).isTrue();
    }
}
