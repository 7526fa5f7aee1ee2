package com.bp010.local;

import com.bp010.cards.Card;
import com.bp010.cards.CardAnalyzer;
import com.bp010.cards.ForwardModel;
import com.bp010.cards.PumpBehaviour;
import com.bp010.cards.PumpingUnit;
import com.bp010.cards.RodString;
import com.bp010.cards.WellDescription;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The cards line of {@code bp010 bench} (docs/CONTRACTS.md §8): pump card (Everitt-Jennings) plus diagnosis per
 * second of one thread's CPU, over forward-modelled surface cards of 200 points from wells of 2,000-10,000 ft with
 * 1-3 tapers at 4-12 SPM and several pump conditions (docs/CARDS.md). Not counted in the phase 3-7 ratios.
 */
final class CardBenchmark {
    /** Target of docs/CONTRACTS.md §8: cards per second per core. */
    static final double TARGET_PER_CORE = 5_000;
    static final int WARM_UP_CARDS = 20_000;

    record Result(int distinctCards, long cardsAnalysed, double cpuSeconds, double wallSeconds) {
        double perCore() {
            return cardsAnalysed / cpuSeconds;
        }

        /** CPU milliseconds the cards of one hourly run at {@code wells} wells take on one core. */
        double msFor(int wells) {
            return wells * 1000.0 / perCore();
        }
    }

    private CardBenchmark() {
    }

    /** Analyses for {@code cpuSeconds} of this thread's CPU after {@value #WARM_UP_CARDS} warm-up analyses. */
    static Result run(double cpuSeconds) {
        List<Card> cards = new ArrayList<>();
        List<WellDescription> wells = new ArrayList<>();
        ForwardModel forward = new ForwardModel();
        String[] strings = {"7/8 in x 100%", "7/8 in x 40%, 3/4 in x 60%", "1 in x 30%, 7/8 in x 30%, 3/4 in x 40%"};
        PumpBehaviour full = PumpBehaviour.full(150);
        PumpBehaviour[] pumps = {full, full.withFillage(0.6), full.withLeaks(0.2, 0, 0), full.withGas(0.7, 0.3, 0.03)};
        int k = 0;
        for (double depth : new double[]{2000, 5000, 8000, 10000}) {
            for (String s : strings) {
                WellDescription well = WellDescription.of(depth, depth <= 4000 ? 1.75 : 1.25,
                        RodString.parse(s, depth)).withFluid(1.0, 100);
                double spm = 4 + 4 * (k % 3);
                PumpBehaviour pump = pumps[k % pumps.length];
                if (pump.gasIntakeRatio() > 0) {
                    pump = new PumpBehaviour(pump.fillage(), pump.gasIntakeRatio(), pump.clearanceGas(), 0, 0, 0, 0, 0,
                            0, false, 0, pump.gasIntakeRatio() * well.dischargePressurePsi());
                }
                cards.add(forward.run(well, new PumpingUnit(100, spm, 0.25), pump, 200).surface());
                wells.add(well);
                k++;
            }
        }
        CardAnalyzer analyzer = new CardAnalyzer();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // warm-up by work done, not by the clock: on a loaded machine a second of wall time is little CPU
        for (int i = 0; i < WARM_UP_CARDS; i++) {
            analyzer.analyse(cards.get(i % cards.size()), wells.get(i % cards.size()));
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long cpuEnd = cpu0 + (long) (cpuSeconds * 1e9);
        long count = 0;
        while (threads.getCurrentThreadCpuTime() < cpuEnd) {
            for (int i = 0; i < cards.size(); i++) {
                analyzer.analyse(cards.get(i), wells.get(i));
            }
            count += cards.size();
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new Result(cards.size(), count, cpu, (System.nanoTime() - wall0) / 1e9);
    }
}
