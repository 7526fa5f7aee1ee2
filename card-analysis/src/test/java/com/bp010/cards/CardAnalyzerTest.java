package com.bp010.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CardAnalyzerTest {
    private final WellDescription well = WellDescription.of(5000, 1.5,
            RodString.parse("7/8 in x 40%, 3/4 in x 60%", 5000.0)).withFluid(1.0, 100);

    @Test
    void shouldReadThePumpCard_whenTheWellAndTheSpmAreKnown() {
        Card surface = new ForwardModel().run(well, new PumpingUnit(86, 8, 0.25),
                PumpBehaviour.full(200).withFillage(0.6), 200).surface();

        CardAnalysis a = new CardAnalyzer().analyse(surface, well);

        assertThat(a.pumpCard()).isNotNull();
        assertThat(a.diagnosis().basis()).isEqualTo(Basis.PUMP);
        assertThat(a.diagnosis().pattern()).isEqualTo(Pattern.FLUID_POUND);
        assertThat(a.diagnosis().severity()).isEqualTo(Severity.MODERATE);
        CardFeatures f = a.diagnosis().features();
        // PIP = Pdischarge − Fo/Ap (docs/DOMAIN.md §2): the planted 200 psi, within what 3 % of Fo moves it
        double tolerance = 0.03 * f.fluidLoadLbf() / well.plungerAreaIn2();
        assertThat(f.pipPsi()).isBetween(200 - tolerance, 200 + tolerance);
        // displacement on the net stroke: 0.1166·D²·S·N
        assertThat(f.displacementBblD()).isCloseTo(0.1166 * 1.5 * 1.5 * f.netStrokeIn() * 8,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(a.diagnosis().reasons()).anyMatch(r -> r.contains("fillage"));
    }

    @Test
    void shouldTellAPoundFromTubingMovement_whenTheWellSaysItsTubingIsNotAnchored() {
        for (double depth : new double[]{4000, 8000}) {
            WellDescription loose = WellDescription.of(depth, 1.5, RodString.parse("7/8 in x 40%, 3/4 in x 60%", depth))
                    .withFluid(1.0, 100).withTubing(false, 2.375);
            PumpingUnit unit = new PumpingUnit(120, 8, 0.25);
            Card full = new ForwardModel().run(loose, unit, PumpBehaviour.full(200), 200).surface();
            Card pound = new ForwardModel().run(loose, unit, PumpBehaviour.full(200).withFillage(0.6), 200).surface();

            Diagnosis stretched = new CardAnalyzer().analyse(full, loose).diagnosis();
            Diagnosis pounding = new CardAnalyzer().analyse(pound, loose).diagnosis();

            // a full barrel on loose tubing: both transfers slant by the tubing's stretch, and the reason says so
            assertThat(stretched.pattern()).as("%s ft full", depth).isEqualTo(Pattern.TUBING_MOVEMENT);
            assertThat(stretched.reasons()).anyMatch(r -> r.contains("not anchored"));
            assertThat(stretched.features().tubingStretchFraction()).isPositive();
            // a pound on the same loose tubing is still a pound, judged against where a full barrel's load falls
            assertThat(pounding.pattern()).as("%s ft pound", depth).isEqualTo(Pattern.FLUID_POUND);
            assertThat(pounding.reasons()).anyMatch(r -> r.contains("unanchored tubing's stretch"));
        }
    }

    @Test
    void shouldFallBackToTheSurfaceShape_whenTheSpmIsUnknown() {
        Card surface = new ForwardModel().run(well, new PumpingUnit(86, 4, 0.25), PumpBehaviour.full(200), 100)
                .surface();
        Card noSpm = new Card(surface.position(), surface.load(), null, null, CardKind.SURFACE);

        CardAnalysis a = new CardAnalyzer().analyse(noSpm, well);

        assertThat(a.pumpCard()).isNull();
        assertThat(a.diagnosis().basis()).isEqualTo(Basis.SURFACE);
        assertThat(a.diagnosis().features().pipPsi()).isNull();
    }

    @Test
    void shouldDiagnoseAControllersPumpCardAsItIs() {
        ForwardModel.Result run = new ForwardModel().run(well, new PumpingUnit(86, 8, 0.25),
                PumpBehaviour.full(200).withLeaks(0.3, 0, 0), 200);

        CardAnalysis a = new CardAnalyzer().analyse(run.pump().asCard(), well);

        assertThat(a.diagnosis().pattern()).isEqualTo(Pattern.TRAVELING_VALVE_LEAK);
        assertThat(a.diagnosis().features().strokeRatio()).isNull();
    }

    @Test
    void shouldRefuseCardsItCannotRead() {
        assertThatThrownBy(() -> new Card(new double[10], new double[10], null, 8.0, null))
                .isInstanceOf(CardInputException.class).hasMessageContaining("20 to 1,000");
        assertThatThrownBy(() -> new Card(new double[30], new double[29], null, 8.0, null))
                .hasMessageContaining("same length");
        double[] flat = new double[30];
        double[] load = new double[30];
        for (int i = 0; i < 30; i++) {
            load[i] = i;
        }
        assertThatThrownBy(() -> new CardAnalyzer().analyse(new Card(flat, load, null, 8.0, CardKind.PUMP), null))
                .hasMessageContaining("does not move");
    }
}
