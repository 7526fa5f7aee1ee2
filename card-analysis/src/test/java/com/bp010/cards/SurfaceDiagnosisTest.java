package com.bp010.cards;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/CARDS.md, "Surface basis": the rules a surface card is read by when there is no pump card. */
class SurfaceDiagnosisTest {
    private static CardFeatures features(double fillagePct, double unloadingSpan, double areaRatio) {
        return new CardFeatures(fillagePct, 0.05, unloadingSpan, 0, 0, 0, 0, 0, 0, areaRatio, null, null, null, null,
                null, null, null, null, null, null, null, 0);
    }

    @ParameterizedTest
    @CsvSource({
            "100, 0.05, 0.20, UNKNOWN, SEVERE",       // < 25 % of the frame: nothing is lifted
            "60, 0.05, 0.60, FLUID_POUND, ",          // falls before 75 %, within 15 % of the stroke
            "60, 0.30, 0.60, GAS_INTERFERENCE, ",     // falls before 75 %, gradually
            "100, 0.05, 0.80, FULL_PUMP, NONE",       // falls at or after 75 %, >= 45 % of the frame
            "100, 0.05, 0.35, UNKNOWN, NONE"})        // 25-45 %: no surface rule holds
    void shouldReadTheSurfaceShape_asCardsMdSays(double fillage, double unloading, double area, Pattern pattern,
                                                 Severity severity) {
        Diagnosis d = CardDiagnoser.diagnoseSurface(features(fillage, unloading, area));

        assertThat(d.pattern()).isEqualTo(pattern);
        assertThat(d.basis()).isEqualTo(Basis.SURFACE);
        assertThat(d.confidence()).isLessThanOrEqualTo(0.6);
        if (severity != null) {
            assertThat(d.severity()).isEqualTo(severity);
        }
    }
}
