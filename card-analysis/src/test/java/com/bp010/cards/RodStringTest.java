package com.bp010.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RodStringTest {

    @Test
    void shouldReadPercentTapers_whenTheMasterWritesShares() {
        RodString rods = RodString.parse("7/8 in x 40%, 3/4 in x 60%", 5000.0);

        assertThat(rods.tapers()).hasSize(2);
        assertThat(rods.tapers().get(0).diameterIn()).isEqualTo(0.875);
        assertThat(rods.tapers().get(0).lengthFt()).isCloseTo(2000, within(1e-9));
        assertThat(rods.tapers().get(1).lengthFt()).isCloseTo(3000, within(1e-9));
    }

    @Test
    void shouldMatchDomainOracle_forWeightInAirAndBuoyantWeight() {
        // docs/DOMAIN.md §2: 2,000 ft of 7/8 + 3,000 ft of 3/4: 9,350 lbf in air, 8,174.81 lbf at SG 0.981940
        RodString rods = RodString.parse("7/8\" x 2000 ft; 3/4\" x 3000'", null);

        assertThat(rods.weightInAirLbf()).isCloseTo(9350, within(1e-6));
        assertThat(rods.buoyantWeightLbf(0.981940)).isCloseTo(8174.81, within(0.01));
    }

    @Test
    void shouldReadRodNumbersMixedFractionsAndMaterials() {
        RodString rods = RodString.parse("#8 x 1500 + 1-1/8 in x 500 ft fiberglass + 0.75 x 2000", null);

        assertThat(rods.tapers()).extracting(Taper::diameterIn).containsExactly(1.0, 1.125, 0.75);
        assertThat(rods.tapers().get(1).material()).isEqualTo(RodMaterial.FIBERGLASS);
        assertThat(rods.tapers().get(1).waveSpeedInPerS() / 12).isBetween(14_000.0, 15_500.0);
        assertThat(rods.tapers().get(0).waveSpeedInPerS() / 12).isBetween(16_000.0, 16_800.0);
    }

    @Test
    void shouldSayWhatIsWrong_whenATaperCannotBeRead() {
        assertThatThrownBy(() -> RodString.parse("7/8 in x 40%, 3/4 in x 50%", 5000.0))
                .isInstanceOf(CardInputException.class).hasMessageContaining("add up to 90");
        assertThatThrownBy(() -> RodString.parse("7/8 in x 40%, 3/4 in x 60%", null))
                .hasMessageContaining("pump depth is needed");
        assertThatThrownBy(() -> RodString.parse("seven eighths", 5000.0)).hasMessageContaining("seven eighths");
    }

    @Test
    void shouldStretchByTheDomainFormula() {
        RodString rods = RodString.parse("7/8 in x 2000 ft, 3/4 in x 3000 ft", null);
        double expected = 2000 * 12 / (30.5e6 * Math.PI / 4 * 0.875 * 0.875)
                + 3000 * 12 / (30.5e6 * Math.PI / 4 * 0.75 * 0.75);

        assertThat(rods.stretchInPerLbf()).isCloseTo(expected, within(1e-12));
    }
}
